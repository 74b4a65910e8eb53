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
  /** rowOf[sentenceId]: 1 + the sentence's row for the current question; 0: not found. */
  private rowOf = new Int32Array(0);
  /** The current question's found sentences, in the order found (row k is touched[k]'s). */
  private touched: number[] = [];
  /**
   * rows[row * stride + term]: best match of each question word in each sentence found for
   * the current question, one row per found sentence (not per corpus sentence: clearing and
   * touching a corpus-sized table cost more than the question's own work). 0: not found.
   */
  private rows = new Float32Array(0);
  /** Shortlist score of each found sentence, by row. */
  private rowScores = new Float64Array(0);
  private stride = 0;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /** The best match of question word `term` in a sentence, for the last shortlisted question. */
  quality(sentenceId: number, term: number): number {
    const row = this.rowOf[sentenceId];
    if (row === undefined || row === 0 || term >= this.stride) return 0;
    return this.rows[(row - 1) * this.stride + term] as number;
  }

  /** The shortlisted sentence ids of sentences `first..last` (an article's range, or all). */
  shortlist(
    terms: readonly QueryTerm[],
    resolved: readonly ResolvedVariant[][],
    [first, last]: [number, number],
  ): number[] {
    const size = this.view.size;
    const { shortlistSize, commonPostings, commonShare } = this.options;
    if (this.rowOf.length !== size) {
      this.rowOf = new Int32Array(size);
      this.touched = [];
    }
    const { rowOf } = this;
    // Forget the previous question's sentences.
    for (const sentenceId of this.touched) rowOf[sentenceId] = 0;
    const touched: number[] = [];
    this.touched = touched;
    const stride = terms.length;
    this.stride = stride;
    let { rows, rowScores } = this;
    let maxTouched = -1;
    const isCommon = (postings: Int32Array) =>
      postings.length > Math.max(commonPostings, size * commonShare);
    // Rarest words first; once they have found enough sentences, a common word only
    // adds to those (looked up one by one) instead of pulling in thousands more.
    const order = terms
      .map((_, i) => i)
      .sort((a, b) => (terms[b]?.weight ?? 0) - (terms[a]?.weight ?? 0));
    const known = new KnownSentences(touched);
    // Work budget: postings entries walked; past it, only known sentences are looked up.
    let budget = this.options.postingsBudget;
    for (const i of order) {
      const term = terms[i] as QueryTerm;
      for (const variant of resolved[i] ?? []) {
        const enough = touched.length >= shortlistSize;
        const knownCount = touched.length;
        const postings = variant.sentenceIds;
        const quality = Math.fround(variant.quality);
        // A stand-in of no quality stands for nothing (and would leave no trace in its rows).
        if (!(quality > 0)) continue;
        // A loose match (synonym, definition word) that is everywhere adds little and costs
        // much: it still counts around the sentence (paragraph, article), not here.
        if (variant.quality < 1 && isCommon(postings)) continue;
        const contribution = term.weight * variant.quality;
        // Each question word counts once in a sentence, by its first (best) variant found there.
        const visit = (sentenceId: number) => {
          let row = (rowOf[sentenceId] as number) - 1;
          if (row < 0) {
            row = touched.length;
            touched.push(sentenceId);
            rowOf[sentenceId] = row + 1;
            if ((row + 1) * stride > rows.length) {
              rows = grown(rows, (row + 1) * stride);
              rowScores = grown(rowScores, row + 1);
            }
            rows.fill(0, row * stride, (row + 1) * stride);
            rowScores[row] = 0;
            if (sentenceId > maxTouched) maxTouched = sentenceId;
          } else if (rows[row * stride + i] !== 0) return;
          rows[row * stride + i] = quality;
          rowScores[row] = (rowScores[row] as number) + contribution;
        };
        // Exact scoring of the sentences found so far; new ones would hold only this common word.
        // A loose variant, likewise, only strengthens sentences already found.
        const spent = budget <= 0 && knownCount > 0;
        if (
          spent ||
          (enough &&
            (isCommon(postings) || variant.quality < 1 || postings.length > 4 * knownCount))
        ) {
          // The known sentences in this postings list, ascending (a galloping merge of the two
          // sorted lists), and the work the budget counts for it.
          budget -= knownWork(postings, knownCount, maxTouched, spent);
          forEachInBoth(known.sorted(), postings, visit);
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
    this.rows = rows;
    this.rowScores = rowScores;
    let chosen = touched;
    if (touched.length > shortlistSize) {
      // The shortlistSize-th best score, by selection on a copy: no full sort.
      const cut = kthLargest(rowScores.slice(0, touched.length), shortlistSize);
      // Everything above the cut, then ties at the cut up to the size (never dropping a better one).
      const above: number[] = [];
      const tied: number[] = [];
      touched.forEach((sentenceId, row) => {
        const score = rowScores[row] as number;
        if (score > cut) above.push(sentenceId);
        else if (score === cut) tied.push(sentenceId);
      });
      chosen = [...above, ...tied.slice(0, Math.max(0, shortlistSize - above.length))];
    }
    if (this.options.articleShortlist > 0 && this.view.articles.length > 1) {
      const extra = sentencesOfRelevantArticles(
        { touched, rowScores, rows, stride },
        terms,
        this.view,
        this.options,
      );
      if (extra.length > 0) {
        const inChosen = new Set(chosen);
        chosen = [...chosen, ...extra.filter((sentenceId) => !inChosen.has(sentenceId))];
      }
    }
    return chosen;
  }
}

/** A typed array of at least `length` entries holding `array`'s (doubling, to grow rarely). */
function grown<T extends Float32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(
    Math.max(length, array.length * 2, 1024),
  );
  bigger.set(array);
  return bigger;
}

/**
 * The found sentences in ascending order, kept sorted as they are found: each walk of a
 * postings list adds an ascending run, merged into the sorted ones rather than sorting
 * everything again.
 */
class KnownSentences {
  private ascending: Int32Array = new Int32Array(0);

  constructor(private readonly touched: readonly number[]) {}

  sorted(): Int32Array {
    const from = this.ascending.length;
    if (from === this.touched.length) return this.ascending;
    const added = Int32Array.from(this.touched.slice(from));
    let inOrder = true;
    for (let k = 1; k < added.length && inOrder; k += 1) {
      inOrder = (added[k - 1] as number) < (added[k] as number);
    }
    if (!inOrder) added.sort();
    this.ascending = mergeAscending(this.ascending, added);
    return this.ascending;
  }
}

/** Two ascending arrays of distinct values as one ascending array. */
function mergeAscending(a: Int32Array, b: Int32Array): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    merged[k++] = (a[i] as number) < (b[j] as number) ? (a[i++] as number) : (b[j++] as number);
  }
  while (i < a.length) merged[k++] = a[i++] as number;
  while (j < b.length) merged[k++] = b[j++] as number;
  return merged;
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
