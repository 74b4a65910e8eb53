import { describe, expect, it } from "vitest";
import { ChunkRing } from "../../src/corpus/chunk-ring.ts";

/** The bytes chunk `key` of `length` holds: a pattern of its own. */
const pattern = (key: number, length: number) =>
  Buffer.from(Array.from({ length }, (_, i) => (key * 31 + i) % 251));

/** A deterministic sequence of numbers in [0, 1). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe("a ring of chunks", () => {
  it("GIVEN thousands of chunks of random lengths and keys, some written again WHEN each is put THEN it is kept (if it fits), every kept chunk still holds its own bytes, and the kept bytes never pass the ring's size", () => {
    const size = 1000;
    const ring = new ChunkRing<number>(size);
    const next = random(7);
    const lengths = new Map<number, number>();
    let evicted = 0;
    for (let step = 0; step < 2000; step += 1) {
      const key = Math.floor(next() * 60);
      const length = 1 + Math.floor(next() * (next() < 0.02 ? 1500 : 300));
      const written = ring.put(key, length, (target) => {
        target.set(pattern(key, length));
        return target;
      });
      expect(written.equals(pattern(key, length))).toBe(true);
      lengths.set(key, length);
      const kept = ring.kept;
      expect(kept.bytes).toBeLessThanOrEqual(size);
      if (length <= size) expect(ring.get(key)?.equals(pattern(key, length))).toBe(true);
      else expect(ring.get(key)).toBeUndefined();
      let live = 0;
      for (const [other, otherLength] of lengths) {
        const bytes = ring.get(other);
        if (bytes === undefined) continue;
        live += 1;
        expect(bytes.equals(pattern(other, otherLength)), `chunk ${other}`).toBe(true);
      }
      expect(live).toBe(kept.chunks);
      if (live < lengths.size) evicted += 1;
    }
    expect(evicted).toBeGreaterThan(1500);
  });

  it("GIVEN a chunk whose filling fails THEN it is not kept and the chunks it did not reach are", () => {
    const ring = new ChunkRing<string>(100);
    ring.put("a", 40, (target) => target.fill(1));
    expect(() =>
      ring.put("b", 30, () => {
        throw new Error("altered");
      }),
    ).toThrow("altered");
    expect(ring.get("b")).toBeUndefined();
    expect(ring.get("a")?.every((byte) => byte === 1)).toBe(true);
  });
});
