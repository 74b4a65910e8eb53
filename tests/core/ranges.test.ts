import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerBound } from "../../src/core/index/postings.ts";
import { KnownSentences } from "../../src/core/search/known-sentences.ts";
import { anyBitIn, bitsIn, setBit } from "../../src/core/search/bit-tables.ts";
import {
  countsInRanges,
  gallopTo,
  qualitiesInRanges,
  type BitsOf,
} from "../../src/core/search/ranges.ts";

const sortedSet = (max: number) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max }), { maxLength: 300 })
    .map((values) => Int32Array.from(values).sort());

/** Disjoint ranges of 0..max (first..last), in shuffled order. */
const ranges = (max: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max }), { minLength: 2, maxLength: 60 }).chain((cuts) => {
    const sorted = [...cuts].sort((a, b) => a - b);
    const pairs = sorted.slice(1).map((end, k) => [sorted[k] as number, end - 1] as const);
    return fc.shuffledSubarray(pairs, { minLength: 1 });
  });

/** A postings list as a bit per sentence. */
function bitsOfList(sentenceIds: Int32Array, max: number): Uint32Array {
  const bits = new Uint32Array((max + 32) >>> 5);
  for (const id of sentenceIds) setBit(bits, id);
  return bits;
}

/** The best quality of the first variant (best first) found in first..last, by binary search. */
function qualityIn(
  variants: readonly { quality: number; sentenceIds: Int32Array }[],
  first: number,
  last: number,
): number {
  for (const variant of variants) {
    const at = lowerBound(variant.sentenceIds, first);
    if (at < variant.sentenceIds.length && (variant.sentenceIds[at] as number) <= last) {
      return variant.quality;
    }
  }
  return 0;
}

describe("walking sorted postings forward", () => {
  it("GIVEN any sorted list, a start before the value's place and a value WHEN galloping THEN the first position holding at least the value is found", () => {
    fc.assert(
      fc.property(
        sortedSet(2000),
        fc.integer({ min: -5, max: 2005 }),
        fc.nat(),
        (sorted, value, a) => {
          const expected = lowerBound(sorted, value);
          const from = Math.min(a % (sorted.length + 1), expected);
          expect(gallopTo(sorted, value, from)).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("GIVEN question words' variants, ascending disjoint ranges and floors known to be in them THEN each range gets the best variant found in it, as a binary search per range finds", () => {
    const variant = fc.record({
      term: fc.constant("word"),
      quality: fc.constantFrom(1, 0.9, 0.5, 0.25),
      sentenceIds: sortedSet(1000),
    });
    const words = fc.array(
      fc.array(variant, { maxLength: 4 }).map((list) => list.sort((a, b) => b.quality - a.quality)),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(words, ranges(1000), fc.infiniteStream(fc.nat()), (resolved, shuffled, picks) => {
        const list = [...shuffled].sort((a, b) => a[0] - b[0]);
        const firsts = Int32Array.from(list, ([first]) => first);
        const lasts = Int32Array.from(list, ([, last]) => last);
        // A floor: the quality of some variant that is in the range (as the shortlist knows one), or 0.
        const floors = new Float64Array(list.length * resolved.length);
        const iterator = picks[Symbol.iterator]();
        list.forEach(([first, last], r) => {
          resolved.forEach((variants, term) => {
            const inside = variants.filter(({ sentenceIds }) =>
              sentenceIds.some((id) => id >= first && id <= last),
            );
            const pick = iterator.next().value as number;
            const chosen = inside[pick % (inside.length + 1)];
            floors[r * resolved.length + term] = chosen?.quality ?? 0;
          });
        });
        // Some variants read from their bits (as a long list is), the others walked.
        const bitsOf: BitsOf = (variant) =>
          variant.sentenceIds.length % 2 === 0 ? bitsOfList(variant.sentenceIds, 1000) : undefined;
        for (const [given, withBits] of [
          [undefined, undefined],
          [floors, undefined],
          [floors, bitsOf],
        ] as const) {
          const qualities = qualitiesInRanges(resolved, firsts, lasts, given, withBits);
          list.forEach(([first, last], r) => {
            resolved.forEach((variants, term) => {
              expect(qualities[r * resolved.length + term]).toBe(qualityIn(variants, first, last));
            });
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it("GIVEN a sorted list, walked or read as bits, and disjoint ranges THEN each range's count is the number of entries in it", () => {
    fc.assert(
      fc.property(sortedSet(1000), ranges(1000), fc.boolean(), (sorted, list, asBits) => {
        const firsts = Int32Array.from(list, ([first]) => first);
        const ends = Int32Array.from(list, ([, last]) => last + 1);
        const order = Int32Array.from(firsts.keys()).sort(
          (a, b) => (firsts[a] as number) - (firsts[b] as number),
        );
        const counts = new Float64Array(list.length);
        const variant = { term: "word", quality: 1, sentenceIds: sorted };
        const bits = bitsOfList(sorted, 1000);
        countsInRanges(variant, firsts, ends, order, counts, () => (asBits ? bits : undefined));
        list.forEach(([first, last], r) => {
          expect(counts[r]).toBe([...sorted].filter((id) => id >= first && id <= last).length);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("bits of a range of sentences", () => {
  it("GIVEN any set of sentences as bits and any range THEN whether one is in it and how many are as the list says", () => {
    fc.assert(
      fc.property(
        sortedSet(300),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (sorted, a, b) => {
          const [first, last] = a <= b ? [a, b] : [b, a];
          const bits = bitsOfList(sorted, 300);
          const inside = [...sorted].filter((id) => id >= first && id <= last).length;
          expect(anyBitIn(bits, first, last)).toBe(inside > 0);
          expect(bitsIn(bits, first, last + 1)).toBe(inside);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("GIVEN every bit set WHEN counting whole and partial words THEN every bit of the range counts", () => {
    const bits = new Uint32Array(4).fill(0xffffffff);
    expect(bitsIn(bits, 0, 128)).toBe(128);
    expect(bitsIn(bits, 31, 33)).toBe(2);
    expect(bitsIn(bits, 5, 5)).toBe(0);
    expect(anyBitIn(bits, 127, 127)).toBe(true);
    expect(anyBitIn(new Uint32Array(4), 0, 127)).toBe(false);
  });
});

describe("the sentences a question has found, kept sorted", () => {
  it("GIVEN sentences found in runs, ascending or not WHEN matched against a postings list of any size THEN exactly the found ones in it are visited, with their rows", () => {
    const runs = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { maxLength: 200 }), {
      maxLength: 4,
    });
    fc.assert(
      fc.property(runs, sortedSet(3000), fc.boolean(), (batches, postings, ascendingRuns) => {
        const known = new KnownSentences();
        known.reset();
        const touched: number[] = [];
        const rowOf = new Int32Array(3001);
        for (const batch of batches) {
          const fresh = batch.filter((id) => rowOf[id] === 0);
          if (ascendingRuns) fresh.sort((a, b) => a - b);
          for (const id of fresh) {
            touched.push(id);
            rowOf[id] = touched.length;
          }
          known.update(Int32Array.from(touched), touched.length);
        }
        const visited: number[] = [];
        known.forEachIn(postings, (row) => visited.push(row));
        const inPostings = new Set(postings);
        const expected = touched
          .map((id, row) => ({ id, row }))
          .filter(({ id }) => inPostings.has(id))
          .sort((a, b) => a.id - b.id)
          .map(({ row }) => row);
        expect(visited).toEqual(expected);
        // Each found sentence's row is found among the sorted ones; others have none.
        const ids = Array.from(rowOf.keys());
        expect(ids.map((id) => known.rowOf(id))).toEqual(
          ids.map((id) => (rowOf[id] as number) - 1),
        );
        let position = 0;
        const ascending = [...touched].sort((a, b) => a - b);
        const seen = ascending.map((id) => known.rowAt((position = known.seek(id, position))));
        expect(seen).toEqual(ascending.map((id) => (rowOf[id] as number) - 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the found sentences that still lack a question word", () => {
  it("GIVEN found sentences, some already holding the word, WHEN matched against postings one variant after another THEN only those still lacking it are visited, as a full match that skips the others would (also when given the found sentences' bits, or the postings as bits)", () => {
    const stride = 2;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 2000 }), { maxLength: 300 }),
        fc.array(sortedSet(2000), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { maxLength: 300 }),
        fc.constantFrom("merge", "found bits", "posting bits"),
        (found, variants, holds, way) => {
          const known = new KnownSentences();
          known.reset();
          known.update(Int32Array.from(found), found.length);
          const bits = new Uint32Array(Math.ceil(2001 / 32));
          for (const id of found) bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
          const table = new Float32Array(found.length * stride);
          found.forEach((_, row) => (table[row * stride + 1] = holds[row] ? 1 : 0));
          const expectedTable = Float32Array.from(table);
          for (const postings of variants) {
            const visited: number[] = [];
            const visit = (row: number) => {
              visited.push(row);
              table[row * stride + 1] = 0.5;
            };
            if (way === "posting bits") {
              const postingBits = new Uint32Array(bits.length);
              for (const id of postings) {
                postingBits[id >>> 5] = (postingBits[id >>> 5] as number) | (1 << (id & 31));
              }
              known.forEachLackingInBits(postingBits, 1, table, stride, visit);
            } else {
              known.forEachLackingIn(
                postings,
                1,
                table,
                stride,
                visit,
                way === "found bits" ? bits : undefined,
              );
            }
            const expected: number[] = [];
            known.forEachIn(postings, (row) => {
              if (expectedTable[row * stride + 1] !== 0) return;
              expected.push(row);
              expectedTable[row * stride + 1] = 0.5;
            });
            expect(visited).toEqual(expected);
          }
          expect(table).toEqual(expectedTable);
        },
      ),
      { numRuns: 300 },
    );
  });
});
