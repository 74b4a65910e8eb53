import { forEachInBoth, kthLargest, lowerBound } from "../index/postings.ts";
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
  /** members[sentenceId] === member: the sentence was found for the current question. */
  private members = new Uint32Array(0);
  private member = 0;
  /** A found sentence's row in {@link rows}: its place in the question's touched list. */
  private rowOf = new Int32Array(0);
  /**
   * rows[row * stride + term]: best match of each question word in each sentence found for
   * the current question, one row per found sentence (not per corpus sentence: clearing and
   * touching a corpus-sized table cost more than the question's own work).
   */
  private rows = new Float32Array(0);
  private stride = 0;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /** The best match of question word `term` in a sentence, for the last shortlisted question. */
  quality(sentenceId: number, term: number): number {
    if (this.members[sentenceId] !== this.member || term >= this.stride) return 0;
    return this.rows[(this.rowOf[sentenceId] as number) * this.stride + term] ?? 0;
  }

  /** The shortlisted sentence ids of sentences `first..last` (an article's range, or all). */
  shortlist(
    terms: readonly QueryTerm[],
    resolved: readonly ResolvedVariant[][],
    [first, last]: [number, number],
  ): number[] {
    const size = this.view.size;
    const { shortlistSize, commonPostings, commonShare } = this.options;
    if (this.scores.length !== size) {
      this.scores = new Float64Array(size);
      this.marks = new Uint32Array(size);
      this.mark = 0;
      this.members = new Uint32Array(size);
      this.member = 0;
      this.rowOf = new Int32Array(size);
    }
    const { scores, marks, members, rowOf } = this;
    this.member = (this.member % 0xfffffff0) + 1;
    const member = this.member;
    const stride = terms.length;
    this.stride = stride;
    let maxTouched = -1;
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
        const { quality } = variant;
        const visit = (sentenceId: number) => {
          if (marks[sentenceId] === mark) return;
          marks[sentenceId] = mark;
          let row: number;
          if (members[sentenceId] === member) {
            row = (rowOf[sentenceId] as number) * stride;
          } else {
            members[sentenceId] = member;
            row = touched.length * stride;
            rowOf[sentenceId] = touched.length;
            touched.push(sentenceId);
            this.reserve(row + stride);
            this.rows.fill(0, row, row + stride);
            if (sentenceId > maxTouched) maxTouched = sentenceId;
          }
          this.rows[row + i] = quality;
          scores[sentenceId] = (scores[sentenceId] as number) + contribution;
        };
        // Exact scoring of the sentences found so far; new ones would hold only this common word.
        // A loose variant, likewise, only strengthens sentences already found.
        const spent = budget <= 0 && known > 0;
        if (
          spent ||
          (enough && (isCommon(postings) || variant.quality < 1 || postings.length > 4 * known))
        ) {
          // The known sentences in this postings list, ascending (a galloping merge of the two
          // sorted lists), and the work the budget counts for it.
          budget -= knownWork(postings, known, maxTouched, spent);
          if (sortedTouched.length !== known) sortedTouched = Int32Array.from(touched).sort();
          forEachInBoth(sortedTouched, postings, visit);
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
      const values = new Float64Array(touched.length);
      for (let k = 0; k < touched.length; k += 1)
        values[k] = scores[touched[k] as number] as number;
      const cut = kthLargest(values, shortlistSize);
      // Everything above the cut, then ties at the cut up to the size (never dropping a better one).
      const above: number[] = [];
      const tied: number[] = [];
      for (const sentenceId of touched) {
        const score = scores[sentenceId] as number;
        if (score > cut) above.push(sentenceId);
        else if (score === cut) tied.push(sentenceId);
      }
      chosen = [...above, ...tied.slice(0, Math.max(0, shortlistSize - above.length))];
    }
    if (this.options.articleShortlist > 0 && this.view.articles.length > 1) {
      const extra = sentencesOfRelevantArticles(
        { touched, scores, rows: this.rows, stride },
        terms,
        this.view,
        this.options,
      );
      if (extra.length > 0) {
        const inChosen = new Set(chosen);
        chosen = [...chosen, ...extra.filter((sentenceId) => !inChosen.has(sentenceId))];
      }
    }
    for (const sentenceId of touched) scores[sentenceId] = 0;
    return chosen;
  }

  /** Makes {@link rows} hold at least `length` entries (keeping its content). */
  private reserve(length: number): void {
    if (length <= this.rows.length) return;
    const grown = new Float32Array(Math.max(length, this.rows.length * 2, 1024));
    grown.set(this.rows);
    this.rows = grown;
  }
}

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
