import { LRUCache } from "lru-cache";
import type { IndexView } from "../index/view.ts";
import { CACHE_SIZES, POSTING_BITS_FROM } from "../options.ts";

/** Bit tables of the postings of words in many sentences, per index. */
const bitsOf = new WeakMap<IndexView, LRUCache<string, Uint32Array>>();

/** True when a postings list is long enough to be matched through a bit table. */
export function wantsBits(view: IndexView, postings: Int32Array): boolean {
  return postings.length >= view.size * POSTING_BITS_FROM;
}

/**
 * A bit per sentence, set for the sentences of `term`'s postings (`postings`), made on first use
 * and kept between questions (a word in many sentences is in many questions).
 */
export function postingBits(view: IndexView, term: string, postings: Int32Array): Uint32Array {
  let cache = bitsOf.get(view);
  if (!cache) {
    cache = new LRUCache<string, Uint32Array>({ max: CACHE_SIZES.postingBits });
    bitsOf.set(view, cache);
  }
  let bits = cache.get(term);
  if (!bits) {
    bits = new Uint32Array((view.size + 31) >>> 5);
    for (let k = 0; k < postings.length; k += 1) {
      const id = postings[k] as number;
      bits[id >>> 5] = (bits[id >>> 5] as number) | (1 << (id & 31));
    }
    cache.set(term, bits);
  }
  return bits;
}
