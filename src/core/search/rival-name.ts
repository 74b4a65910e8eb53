// A figure's sentence about another thing of the same name's kind: "Castner Range National
// Monument consists of 6,672 acres" does not size the Avi Kwa Ame National Monument.

import type { RankingOptions } from "../options.ts";
import { tokenize } from "../text/tokenize.ts";
import type { QueryTerm } from "./query.ts";
import type { Candidate } from "./score.ts";
import { Place } from "./term-notes.ts";

/**
 * True when a name of the question is said in the passage's sentence only by its last words
 * ("National Monument" of "avi kwa ame national monument"), its first words being elsewhere in
 * the article but not in the sentence or its neighbour, and the sentence writes another name
 * before those last words ("Castner Range National Monument"): the sentence speaks of a rival
 * the article tells apart from the thing asked about.
 */
export function figureOfRivalName(
  candidate: Candidate,
  terms: readonly QueryTerm[],
  sentenceText: string,
  options: Readonly<RankingOptions>,
): boolean {
  const said = (i: number) =>
    candidate.places[i] === Place.sentence && (candidate.credits[i] ?? 0) >= options.looseMatch;
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i] as QueryTerm;
    // The name's first word, with its partners after it.
    if (!term.fullName || term.partners.length === 0 || term.partners.some((p) => p < i)) continue;
    const name = [i, ...term.partners].sort((a, b) => a - b);
    // The distinguishing words lead, the shared ones end: "avi kwa ame" | "national monument".
    const shared = name.findIndex(said);
    if (shared <= 0 || !name.slice(shared).every(said)) continue;
    const own = name.slice(0, shared);
    // Elsewhere in the article, not only in another one: the article tells the two apart.
    const elsewhere = (k: number) =>
      candidate.places[k] === Place.paragraph || candidate.places[k] === Place.article;
    if (!own.every(elsewhere)) continue;
    if (rivalBefore(terms[name[shared] as number] as QueryTerm, terms, sentenceText)) return true;
  }
  return false;
}

/**
 * True when the sentence writes a capitalised word that is none of the question's right before
 * the word standing for `first` (the shared part's first word).
 */
function rivalBefore(first: QueryTerm, terms: readonly QueryTerm[], sentence: string): boolean {
  const read = tokenize(sentence);
  return read.some((token, k) => {
    const before = read[k - 1];
    return (
      first.variants.has(token.term) &&
      before !== undefined &&
      before.capitalized &&
      !before.isNumber &&
      before.end + 1 === token.start &&
      !terms.some((term) => term.variants.has(before.term))
    );
  });
}
