import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound } from "../../src/core/index/postings.ts";

const sortedSet = (max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max }), { maxLength: 300 })
    .map((values) => Int32Array.from(values).sort());

describe("sorted postings helpers", () => {
  it("GIVEN a range WHEN searching a sorted list THEN the first position in the range holding at least the value is found", () => {
    fc.assert(
      fc.property(
        sortedSet(500),
        fc.integer({ min: -5, max: 505 }),
        fc.nat(),
        fc.nat(),
        (sorted, value, a, b) => {
          const low = Math.min(a, b) % (sorted.length + 1);
          const high = Math.max(low, Math.max(a, b) % (sorted.length + 1));
          let expected = low;
          while (expected < high && (sorted[expected] as number) < value) expected += 1;
          expect(lowerBound(sorted, value, low, high)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
