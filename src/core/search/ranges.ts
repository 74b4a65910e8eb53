import { lowerBound } from "../index/postings.ts";
import { anyBitIn, bitsIn } from "./bit-tables.ts";
import type { ResolvedVariant } from "./shortlist.ts";

/**
 * A variant's postings as a bit per sentence, when it has them (a long list: see
 * posting-bits.ts): a range is then checked or counted from the few words of bits that cover
 * it, where a walk would gallop along the long list to every range, reading it at random.
 */
export type BitsOf = (variant: ResolvedVariant) => Uint32Array | undefined;

const NO_BITS: BitsOf = () => undefined;

/**
 * Position of the first value at least `value` among the first `length` of a sorted list,
 * searching from `from` (everything before it is smaller): gallops ahead, then halves. Walking up a list for
 * ascending values costs about log(gap) steps each, not log(length), and reads forward.
 */
export function gallopTo(
  sorted: Int32Array,
  value: number,
  from: number,
  length: number = sorted.length,
): number {
  if (from >= length || (sorted[from] as number) >= value) return from;
  let at = from;
  let step = 1;
  let high = at + 1;
  while (high < length && (sorted[high] as number) < value) {
    at = high;
    step *= 2;
    high = at + step;
  }
  return lowerBound(sorted, value, at + 1, Math.min(high, length));
}

/**
 * For each range of sentences (`firsts[r]..lasts[r]`, disjoint, ascending), the best quality
 * among each question word's variants found in it (0: none; the variants are best first, so
 * the first found is the best), found by one forward walk of each postings list over the
 * ranges instead of a binary search of the whole list per range.
 *
 * @param floors - floors[r * resolved.length + term]: the quality of a variant known to be
 *   in the range (0: none known). Only the variants better than it are looked for: the best
 *   found, or else the floor, is the answer.
 * @param bitsOf - the postings' bits where a variant has them, read instead of its list.
 * @returns qualities[r * resolved.length + term].
 */
export function qualitiesInRanges(
  resolved: readonly ResolvedVariant[][],
  firsts: Int32Array,
  lasts: Int32Array,
  floors?: Float64Array,
  bitsOf: BitsOf = NO_BITS,
): Float64Array {
  const terms = resolved.length;
  const count = firsts.length;
  const qualities = floors ? floors.slice() : new Float64Array(count * terms);
  const settled = new Uint8Array(count);
  resolved.forEach((variants, term) => {
    settled.fill(0);
    let open = count;
    for (const variant of variants) {
      if (open === 0) break;
      const { quality, sentenceIds } = variant;
      const bits = bitsOf(variant);
      // A list with fewer entries among the ranges than ranges still open: each entry finds
      // its range (the answer is the same: the best variant in a range, or its floor).
      const from = bits ? 0 : lowerBound(sentenceIds, firsts[0] as number);
      const to = bits ? 0 : lowerBound(sentenceIds, (lasts[count - 1] as number) + 1, from);
      if (!bits && to - from < open) {
        let r = 0;
        for (let k = from; k < to && open > 0; k += 1) {
          const id = sentenceIds[k] as number;
          // The last range starting at or before the entry.
          r = gallopTo(firsts, id + 1, r) - 1;
          if (id > (lasts[r] as number) || settled[r] === 1) continue;
          const at = r * terms + term;
          if ((qualities[at] as number) < quality) qualities[at] = quality;
          settled[r] = 1;
          open -= 1;
        }
        continue;
      }
      let at = 0;
      for (let r = 0; r < count && open > 0; r += 1) {
        if (settled[r] === 1) continue;
        // Known to hold a variant at least this good: no better one is left to look for.
        if ((qualities[r * terms + term] as number) >= quality) {
          settled[r] = 1;
          open -= 1;
          continue;
        }
        let inRange: boolean;
        if (bits) inRange = anyBitIn(bits, firsts[r] as number, lasts[r] as number);
        else {
          at = gallopTo(sentenceIds, firsts[r] as number, at);
          if (at >= sentenceIds.length) break;
          inRange = (sentenceIds[at] as number) <= (lasts[r] as number);
        }
        if (inRange) {
          qualities[r * terms + term] = quality;
          settled[r] = 1;
          open -= 1;
        }
      }
    }
  });
  return qualities;
}

/**
 * For each range of sentences (`firsts[r]..ends[r] - 1`, disjoint), how many entries of a
 * variant's postings fall in it: by one forward walk over the ranges in ascending order, or
 * from the list's bits where it has them.
 */
export function countsInRanges(
  variant: ResolvedVariant,
  firsts: Int32Array,
  ends: Int32Array,
  order: Int32Array,
  counts: Float64Array,
  bitsOf: BitsOf = NO_BITS,
): void {
  const bits = bitsOf(variant);
  if (bits) {
    for (const range of order)
      counts[range] = bitsIn(bits, firsts[range] as number, ends[range] as number);
    return;
  }
  const sorted = variant.sentenceIds;
  const count = order.length;
  if (count === 0) return;
  const from = lowerBound(sorted, firsts[order[0] as number] as number);
  const to = lowerBound(sorted, ends[order[count - 1] as number] as number, from);
  if (to - from < count) {
    // Fewer entries among the ranges than ranges: one merge of the entries with the ranges.
    for (const range of order) counts[range] = 0;
    let j = 0;
    for (let k = from; k < to; k += 1) {
      const id = sorted[k] as number;
      while (j < count && (ends[order[j] as number] as number) <= id) j += 1;
      const range = order[j] as number;
      if (j < count && (firsts[range] as number) <= id)
        counts[range] = (counts[range] as number) + 1;
    }
    return;
  }
  let at = 0;
  for (const range of order) {
    at = gallopTo(sorted, firsts[range] as number, at);
    const end = gallopTo(sorted, ends[range] as number, at);
    counts[range] = end - at;
    at = end;
  }
}
