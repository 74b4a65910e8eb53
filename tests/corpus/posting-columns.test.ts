import { describe, expect, it } from "vitest";
import { postingColumns } from "../../src/corpus/posting-table.ts";

/** Postings as views of one column of ids and one of counts, term `i`'s from `first[i]`. */
function viewsOf(ids: Int32Array, counts: Uint8Array, first: Int32Array) {
  return Array.from({ length: first.length - 1 }, (_, i) => ({
    sentenceIds: ids.subarray(first[i], first[i + 1]),
    counts: counts.subarray(first[i], first[i + 1]),
  }));
}

describe("the postings' columns for saving", () => {
  const ids = Int32Array.of(1, 4, 2, 3, 9, 0);
  const counts = Uint8Array.of(1, 2, 1, 1, 3, 1);
  const first = Int32Array.of(0, 2, 5, 6);

  it("GIVEN postings that lie back to back in term order WHEN saved THEN their own arrays are written, not a copy", () => {
    const columns = postingColumns(viewsOf(ids, counts, first), first);
    expect([...columns.units]).toEqual([...ids]);
    expect([...columns.counts]).toEqual([...counts]);
    expect(columns.units.buffer).toBe(ids.buffer);
    expect(columns.counts.buffer).toBe(counts.buffer);
  });

  it("GIVEN postings in arrays of their own or out of order WHEN saved THEN they are copied in term order", () => {
    const own = viewsOf(ids, counts, first).map((posting) => ({
      sentenceIds: posting.sentenceIds.slice(),
      counts: posting.counts.slice(),
    }));
    const swapped = viewsOf(ids, counts, first);
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    const swappedFirst = Int32Array.of(0, 3, 5, 6);
    for (const [postings, at] of [
      [own, first],
      [swapped, swappedFirst],
    ] as const) {
      const columns = postingColumns(postings, at);
      expect(columns.units.buffer).not.toBe(ids.buffer);
      expect([...columns.units]).toEqual(postings.flatMap((p) => [...p.sentenceIds]));
      expect([...columns.counts]).toEqual(postings.flatMap((p) => [...p.counts]));
    }
  });
});
