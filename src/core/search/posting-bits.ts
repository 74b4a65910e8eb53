import type { IndexView } from "../index/view.ts";
import { CACHE_SIZES, POSTING_BITS_FROM, RANGE_BITS_FROM } from "../speed-tuning.ts";
import { BitTables, setBit } from "./bit-tables.ts";
import type { ResolvedVariant } from "./shortlist.ts";

/** Bit tables of the postings of words in many sentences, per index. */
const tables = new BitTables(CACHE_SIZES.postingBits);

/** True when a postings list is long enough to be matched through a bit table. */
export function wantsBits(view: IndexView, postings: Int32Array): boolean {
  return postings.length >= view.size * POSTING_BITS_FROM;
}

/**
 * A bit per sentence, set for the sentences of `term`'s postings (`postings`), made on first use
 * and kept between questions (a word in many sentences is in many questions).
 */
export function postingBits(view: IndexView, term: string, postings: Int32Array): Uint32Array {
  return tables.get(view, term, view.size, (bits) => {
    for (let k = 0; k < postings.length; k += 1) setBit(bits, postings[k] as number);
  });
}

/**
 * A variant's postings as bits, for ranges of sentences, when the list is long enough to have
 * them ({@link wantsBits}, and at least {@link RANGE_BITS_FROM} entries).
 */
export function variantBits(view: IndexView, variant: ResolvedVariant): Uint32Array | undefined {
  const { term, sentenceIds } = variant;
  return sentenceIds.length >= RANGE_BITS_FROM && wantsBits(view, sentenceIds)
    ? postingBits(view, term, sentenceIds)
    : undefined;
}
