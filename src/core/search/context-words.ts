// Which question words the headings and lead-in above a paragraph hold (a context's terms):
// read once a context a question, for every candidate under it (score.ts).

import type { QueryTerm } from "./query.ts";

/** Question words a bit mask holds (bit i: question word i); a question has 16 at most by default. */
const MASK_WORDS = 31;

/**
 * Each variant of the question's words, with the words it stands for (bit i: question word i);
 * undefined for a question of more words than a mask holds.
 */
export function variantWords(
  terms: readonly QueryTerm[],
  minQuality = 0,
): Map<string, number> | undefined {
  if (terms.length > MASK_WORDS) return undefined;
  const words = new Map<string, number>();
  terms.forEach((term, i) => {
    for (const [variant, match] of term.variants) {
      if (match.quality >= minQuality) words.set(variant, (words.get(variant) ?? 0) | (1 << i));
    }
  });
  return words;
}

/**
 * Which question words (by any of their variants, `wordsOf`: see {@link variantWords}) appear
 * in a set of terms (a heading's, a lead-in's). Whichever side is smaller is walked, once for
 * all the words: a question has a few dozen variants, a context may have many words.
 */
export function termsIn(
  terms: readonly QueryTerm[],
  wordsOf: ReadonlyMap<string, number> | undefined,
  contextTerms: ReadonlySet<string>,
  minQuality = 0,
): Uint8Array {
  const count = terms.length;
  if (!wordsOf) {
    const found = new Uint8Array(count);
    for (let i = 0; i < count; i += 1) {
      found[i] = holds((terms[i] as QueryTerm).variants, contextTerms, minQuality) ? 1 : 0;
    }
    return found;
  }
  let found = 0;
  if (wordsOf.size < contextTerms.size) {
    for (const [variant, words] of wordsOf) if (contextTerms.has(variant)) found |= words;
  } else {
    for (const contextTerm of contextTerms) found |= wordsOf.get(contextTerm) ?? 0;
  }
  const inContext = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) inContext[i] = (found >>> i) & 1;
  return inContext;
}

/** True when one of a question word's variants (of `minQuality` at least) is among a context's terms. */
function holds(
  variants: QueryTerm["variants"],
  contextTerms: ReadonlySet<string>,
  minQuality: number,
): boolean {
  const close = (variant: string) => (variants.get(variant)?.quality ?? 0) >= minQuality;
  // Whichever side is smaller is walked: a question word has a few variants, a context may
  // have many words.
  if (variants.size < contextTerms.size) {
    for (const variant of variants.keys()) {
      if (contextTerms.has(variant) && close(variant)) return true;
    }
    return false;
  }
  for (const contextTerm of contextTerms)
    if (variants.has(contextTerm) && close(contextTerm)) return true;
  return false;
}
