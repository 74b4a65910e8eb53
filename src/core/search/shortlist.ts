import { kthLargest, lowerBound } from "../index/postings.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { sentencesOfRelevantArticles } from "./article-relevance.ts";
import type { QueryTerm } from "./query.ts";

/** A variant of a question word, resolved to its postings. */
export interface ResolvedVariant {
  readonly quality: number;
  readonly sentenceIds: Int32Array;
}

/** Each question word's variants with their postings, best match first. */
export function resolveVariants(terms: readonly QueryTerm[], view: IndexView): ResolvedVariant[][] {
  return terms.map((term) =>
    [...term.variants]
      .flatMap(([variant, match]) => {
        const posting = view.data.postings.get(variant);
        return posting ? [{ quality: match.quality, sentenceIds: posting.sentenceIds }] : [];
      })
      .sort((a, b) => b.quality - a.quality),
  );
}

/** Best quality among a word's variants (best first) found in sentences first..last. */
export function qualityIn(
  variants: readonly ResolvedVariant[],
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

/**
 * Picks the sentences worth scoring in full: those with the most question weight
 * in the sentence itself. Accumulates into typed arrays sized to the corpus once
 * and reused across questions, so a question costs the length of its postings,
 * not the size of the corpus. Not re-entrant: one question at a time.
 */
export class Shortlister {
  private scores = new Float64Array(0);
  private marks = new Uint32Array(0);
  private mark = 0;
  /** quality[sentenceId * maxQueryTerms + term]: best match of each question word in each sentence. */
  private qualities = new Float32Array(0);
  private touched: number[] = [];
  /** members[sentenceId] === member: the sentence was found for the current question. */
  private members = new Uint32Array(0);
  private member = 0;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /** The best match of question word `term` in a sentence, for the last shortlisted question. */
  quality(sentenceId: number, term: number): number {
    return this.qualities[sentenceId * this.options.maxQueryTerms + term] ?? 0;
  }

  /** The shortlisted sentence ids of sentences `first..last` (an article's range, or all). */
  shortlist(
    terms: readonly QueryTerm[],
    resolved: readonly ResolvedVariant[][],
    [first, last]: [number, number],
  ): number[] {
    const size = this.view.size;
    const { shortlistSize, commonPostings, commonShare, maxQueryTerms } = this.options;
    if (this.scores.length !== size) {
      this.scores = new Float64Array(size);
      this.marks = new Uint32Array(size);
      this.mark = 0;
      this.qualities = new Float32Array(size * maxQueryTerms);
      this.touched = [];
      this.members = new Uint32Array(size);
      this.member = 0;
    }
    const { scores, marks, qualities, members } = this;
    this.member = (this.member % 0xfffffff0) + 1;
    const member = this.member;
    let maxTouched = -1;
    // Forget the previous question's per-sentence qualities.
    for (const sentenceId of this.touched) {
      qualities.fill(0, sentenceId * maxQueryTerms, (sentenceId + 1) * maxQueryTerms);
    }
    const touched: number[] = [];
    const isCommon = (postings: Int32Array) =>
      postings.length > Math.max(commonPostings, size * commonShare);
    // Rarest words first; once they have found enough sentences, a common word only
    // adds to those (looked up one by one) instead of pulling in thousands more.
    const order = terms
      .map((_, i) => i)
      .sort((a, b) => (terms[b]?.weight ?? 0) - (terms[a]?.weight ?? 0));
    let sortedTouched = new Int32Array(0);
    // Work budget: postings entries walked; past it, only known sentences are looked up.
    let budget = this.options.postingsBudget;
    for (const i of order) {
      const term = terms[i] as QueryTerm;
      // One mark per question word: the best variant found in a sentence counts, once.
      this.mark = (this.mark % 0xfffffff0) + 1;
      const mark = this.mark;
      for (const variant of resolved[i] ?? []) {
        const enough = touched.length >= shortlistSize;
        const known = touched.length;
        const postings = variant.sentenceIds;
        // A loose match (synonym, definition word) that is everywhere adds little and costs
        // much: it still counts around the sentence (paragraph, article), not here.
        if (variant.quality < 1 && isCommon(postings)) continue;
        const contribution = term.weight * variant.quality;
        const visit = (sentenceId: number) => {
          if (marks[sentenceId] === mark) return;
          marks[sentenceId] = mark;
          members[sentenceId] = member;
          if (sentenceId > maxTouched) maxTouched = sentenceId;
          qualities[sentenceId * maxQueryTerms + i] = variant.quality;
          if (scores[sentenceId] === 0) touched.push(sentenceId);
          scores[sentenceId] = (scores[sentenceId] ?? 0) + contribution;
        };
        // Exact scoring of the sentences found so far; new ones would hold only this common word.
        // A loose variant, likewise, only strengthens sentences already found.
        const spent = budget <= 0 && known > 0;
        if (
          spent ||
          (enough && (isCommon(postings) || variant.quality < 1 || postings.length > 4 * known))
        ) {
          // The same visits (known ∩ postings, ascending) and the same work count as
          // a walk along both lists or a binary search a known sentence; done by
          // whichever is cheaper here: a scan of the postings against the member marks,
          // or the binary searches.
          budget -= knownWork(postings, known, maxTouched, spent);
          if (postings.length <= known * SCAN_FACTOR) {
            for (let k = 0; k < postings.length; k += 1) {
              const sentenceId = postings[k] as number;
              if (members[sentenceId] === member) visit(sentenceId);
            }
          } else {
            if (sortedTouched.length !== known) sortedTouched = Int32Array.from(touched).sort();
            for (const sentenceId of sortedTouched) {
              const at = lowerBound(postings, sentenceId);
              if (postings[at] === sentenceId) visit(sentenceId);
            }
          }
          continue;
        }
        const start = lowerBound(postings, first);
        // The budget ends the walk; the rest of a long list is left to the words after it.
        const end = Math.min(postings.length, start + Math.max(0, budget));
        let k = start;
        for (; k < end; k += 1) {
          const sentenceId = postings[k] as number;
          if (sentenceId > last) break;
          visit(sentenceId);
        }
        budget -= k - start;
      }
    }
    let chosen = touched;
    if (touched.length > shortlistSize) {
      // The shortlistSize-th best score, by selection on a copy: no full sort.
      const values = Float64Array.from(touched, (sentenceId) => scores[sentenceId] ?? 0);
      const cut = kthLargest(values, shortlistSize);
      // Everything above the cut, then ties at the cut up to the size (never dropping a better one).
      const above = touched.filter((sentenceId) => (scores[sentenceId] ?? 0) > cut);
      const tied = touched.filter((sentenceId) => scores[sentenceId] === cut);
      chosen = [...above, ...tied.slice(0, Math.max(0, shortlistSize - above.length))];
    }
    if (this.options.articleShortlist > 0 && this.view.articles.length > 1) {
      const inChosen = new Set(chosen);
      const extra = sentencesOfRelevantArticles(
        touched,
        (sentenceId) => scores[sentenceId] ?? 0,
        (sentenceId, term) => qualities[sentenceId * maxQueryTerms + term] ?? 0,
        terms,
        this.view,
        this.options,
      ).filter((sentenceId) => !inChosen.has(sentenceId));
      chosen = [...chosen, ...extra];
    }
    for (const sentenceId of touched) scores[sentenceId] = 0;
    this.touched = touched;
    return chosen;
  }
}

/**
 * Below this many postings entries per known sentence, scanning a postings list against
 * the member marks is cheaper than one binary search a known sentence (about log2 of a
 * long list's length).
 */
const SCAN_FACTOR = 16;

/**
 * The work the budget counts for visiting the known sentences in a postings list: a walk
 * along both sorted lists (to the last known sentence) when they are of comparable
 * sizes, else one look-up a known sentence; once the budget is spent, look-ups only.
 */
function knownWork(
  postings: Int32Array,
  known: number,
  lastKnown: number,
  lookUpOnly: boolean,
): number {
  if (lookUpOnly || postings.length >= known * 8) return known;
  return lowerBound(postings, lastKnown) + known;
}
