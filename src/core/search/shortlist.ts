import { kthLargest, lowerBound } from "../index/postings.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { ArticleShortlist } from "./article-shortlist.ts";
import { KnownSentences } from "./known-sentences.ts";
import { postingBits, wantsBits } from "./posting-bits.ts";
import { gallopTo } from "./ranges.ts";
import type { QueryTerm } from "./query.ts";

/** A variant of a question word, resolved to its postings. */
export interface ResolvedVariant {
  /** The index term. */
  readonly term: string;
  readonly quality: number;
  readonly sentenceIds: Int32Array;
}

/** Each question word's variants with their postings, best match first. */
export function resolveVariants(terms: readonly QueryTerm[], view: IndexView): ResolvedVariant[][] {
  return terms.map((term) =>
    [...term.variants]
      .flatMap(([variant, match]) => {
        const sentenceIds = view.sentencesWith(variant);
        return sentenceIds && sentenceIds.length > 0
          ? [{ term: variant, quality: match.quality, sentenceIds }]
          : [];
      })
      .sort((a, b) => b.quality - a.quality),
  );
}

/**
 * Picks the sentences worth scoring in full: those with the most question weight
 * in the sentence itself. Accumulates into typed arrays sized to the corpus once
 * and reused across questions, so a question costs the length of its postings,
 * not the size of the corpus. Not re-entrant: one question at a time.
 */
export class Shortlister {
  /**
   * Bit per sentence: found for the current question. The bits (149 KB for 1.2 M sentences)
   * mostly stay in the processor's cache, so a walk of a long postings list does not wait on
   * memory to learn that a sentence is new. A found sentence's row is looked up among the
   * found ones, kept sorted ({@link KnownSentences}), not in a corpus-sized table: a walk
   * reads them forward, where a table would cost a cache miss a sentence.
   */
  private seen = new Uint32Array(0);
  /** The current question's found sentences, in the order found (row k is touched[k]'s). */
  private touched = new Int32Array(0);
  /** How many sentences the current question has found (the rows in use). */
  private found = 0;
  /** The article (position) of each found sentence, by row, once the walks are done ({@link articlesOfRows}). */
  private touchedArticle = new Int32Array(0);
  /**
   * rows[row * stride + term]: best match of each question word in each sentence found for
   * the current question, one row per found sentence (not per corpus sentence: clearing and
   * touching a corpus-sized table cost more than the question's own work). 0: not found.
   */
  private rows = new Float32Array(0);
  /** Shortlist score of each found sentence, by row. */
  private rowScores = new Float64Array(0);
  /** Room for a copy of {@link rowScores}, to select the shortlist's cut in. */
  private spareScores = new Float64Array(0);
  private stride = 0;
  private readonly known = new KnownSentences();
  private readonly articles: ArticleShortlist;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {
    this.articles = new ArticleShortlist(view, options);
  }

  /** The best match of question word `term` in a sentence, for the last shortlisted question. */
  quality(sentenceId: number, term: number): number {
    return this.qualityInRow(this.rowOfSentence(sentenceId), term);
  }

  /** A sentence's row for the last shortlisted question (-1: not found), for {@link qualityInRow}. */
  rowOfSentence(sentenceId: number): number {
    if (!isSeen(this.seen, sentenceId)) return -1;
    return this.known.rowOf(sentenceId);
  }

  /** What {@link quality} gives for the sentence of a row (one look-up of the row for all the words). */
  qualityInRow(row: number, term: number): number {
    if (row < 0 || term >= this.stride) return 0;
    return this.rows[row * this.stride + term] as number;
  }

  /** Forgets the previous question's sentences (only the entries it set). */
  private reset(stride: number): void {
    const words = (this.view.size + 31) >>> 5;
    if (this.seen.length !== words) this.seen = new Uint32Array(words);
    const { seen, touched, found } = this;
    if (found * 4 > seen.length) seen.fill(0);
    else for (let row = 0; row < found; row += 1) seen[(touched[row] as number) >>> 5] = 0;
    this.rows.fill(0, 0, found * this.stride);
    this.found = 0;
    this.stride = stride;
    this.known.reset();
  }

  /**
   * The article (position) of each found sentence, by row: one forward walk of the found
   * sentences, sorted, along the articles' first sentences (galloping). Walked once for all
   * of them, not along each postings list: the found ones lie a few articles apart where a
   * rare word's list passes over hundreds, and a table of every sentence's article, read at
   * random, would cost a cache miss each.
   */
  private articlesOfRows(): Int32Array {
    const { sortedIds, sortedRows } = this.known;
    const { articleFirst } = this.view;
    const articles = this.touchedArticle;
    let article = -1;
    for (let k = 0; k < sortedIds.length; k += 1) {
      article = gallopTo(articleFirst, (sortedIds[k] as number) + 1, article + 1) - 1;
      articles[sortedRows[k] as number] = article;
    }
    return articles;
  }

  /** Row of a sentence found for the first time (its question words all 0 so far). */
  private addRow(sentenceId: number): number {
    const row = this.found;
    if (row === this.touched.length) {
      const length = Math.max(row + 1, row * 2, 1024);
      this.touched = grown(this.touched, length);
      this.touchedArticle = grown(this.touchedArticle, length);
      this.rowScores = grown(this.rowScores, length);
    }
    if ((row + 1) * this.stride > this.rows.length) {
      this.rows = grown(this.rows, Math.max((row + 1) * this.stride, this.rows.length * 2));
    }
    this.touched[row] = sentenceId;
    this.rowScores[row] = 0;
    this.seen[sentenceId >>> 5] =
      (this.seen[sentenceId >>> 5] as number) | (1 << (sentenceId & 31));
    this.found = row + 1;
    return row;
  }

  /** The shortlisted sentence ids of sentences `first..last` (an article's range, or all). */
  shortlist(
    terms: readonly QueryTerm[],
    resolved: readonly ResolvedVariant[][],
    [first, last]: [number, number],
  ): number[] {
    const size = this.view.size;
    const { shortlistSize, commonPostings, commonShare } = this.options;
    const stride = terms.length;
    this.reset(stride);
    const { seen, known } = this;
    let maxTouched = -1;
    const isCommon = (postings: Int32Array) =>
      postings.length > Math.max(commonPostings, size * commonShare);
    // Rarest words first; once they have found enough sentences, a common word only
    // adds to those (looked up one by one) instead of pulling in thousands more.
    const order = terms
      .map((_, i) => i)
      .sort((a, b) => (terms[b]?.weight ?? 0) - (terms[a]?.weight ?? 0));
    // Work budget: postings entries walked; past it, only known sentences are looked up.
    let budget = this.options.postingsBudget;
    for (const i of order) {
      const term = terms[i] as QueryTerm;
      for (const variant of resolved[i] ?? []) {
        const enough = this.found >= shortlistSize;
        const knownCount = this.found;
        const postings = variant.sentenceIds;
        const quality = Math.fround(variant.quality);
        // A stand-in of no quality stands for nothing (and would leave no trace in its rows).
        if (!(quality > 0)) continue;
        // A loose match (synonym, definition word) that is everywhere adds little and costs
        // much: it still counts around the sentence (paragraph, article), not here.
        if (variant.quality < 1 && isCommon(postings)) continue;
        const contribution = term.weight * variant.quality;
        // Each question word counts once in a sentence, by its first (best) variant found there.
        const mark = (row: number) => {
          const at = row * stride + i;
          if (this.rows[at] !== 0) return;
          this.rows[at] = quality;
          this.rowScores[row] = (this.rowScores[row] as number) + contribution;
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
          known.update(this.touched, this.found);
          // A list longer than the found sentences, and long: each found sentence reads its bit.
          if (knownCount <= postings.length && wantsBits(this.view, postings)) {
            const bits = postingBits(this.view, variant.term, postings);
            known.forEachLackingInBits(bits, i, this.rows, stride, mark);
          } else known.forEachLackingIn(postings, i, this.rows, stride, mark, seen);
          continue;
        }
        const start = lowerBound(postings, first);
        // The budget ends the walk; the rest of a long list is left to the words after it.
        const end = Math.min(postings.length, start + Math.max(0, budget));
        // The sentences found before this walk, sorted: a found one's row is read as the walk
        // passes it (the sentences this walk finds are new to it: a list holds each once).
        known.update(this.touched, this.found);
        let position = 0;
        let k = start;
        for (; k < end; k += 1) {
          const sentenceId = postings[k] as number;
          if (sentenceId > last) break;
          if (isSeen(seen, sentenceId)) {
            position = known.seek(sentenceId, position);
            mark(known.rowAt(position));
          } else {
            mark(this.addRow(sentenceId));
            if (sentenceId > maxTouched) maxTouched = sentenceId;
          }
        }
        budget -= k - start;
      }
    }
    const { touched, found, rowScores } = this;
    // Every found sentence sorted, for the rows looked up after the shortlist (rowOfSentence).
    known.update(touched, found);
    let chosen: number[];
    if (found <= shortlistSize) chosen = Array.from(touched.subarray(0, found));
    else {
      // The shortlistSize-th best score, by selection on a copy (kept between questions): no
      // full sort, and no new buffer of tens of thousands of scores a question.
      if (this.spareScores.length < found) this.spareScores = new Float64Array(rowScores.length);
      const copy = this.spareScores.subarray(0, found);
      copy.set(rowScores.subarray(0, found));
      const cut = kthLargest(copy, shortlistSize);
      // Everything above the cut, then ties at the cut up to the size (never dropping a better one).
      const above: number[] = [];
      const tied: number[] = [];
      for (let row = 0; row < found; row += 1) {
        const score = rowScores[row] as number;
        if (score > cut) above.push(touched[row] as number);
        else if (score === cut) tied.push(touched[row] as number);
      }
      chosen = [...above, ...tied.slice(0, Math.max(0, shortlistSize - above.length))];
    }
    if (this.options.articleShortlist > 0 && this.view.articles.length > 1) {
      const extra = this.articles.sentences(
        {
          touched,
          touchedArticle: this.articlesOfRows(),
          found,
          rowScores,
          rows: this.rows,
          stride,
          sortedIds: known.sortedIds,
          sortedRows: known.sortedRows,
        },
        terms,
      );
      if (extra.length > 0) {
        const inChosen = new Set(chosen);
        chosen = [...chosen, ...extra.filter((sentenceId) => !inChosen.has(sentenceId))];
      }
    }
    return chosen;
  }
}

/** True when the sentence's bit is set. */
function isSeen(seen: Uint32Array, sentenceId: number): boolean {
  return (((seen[sentenceId >>> 5] as number) >>> (sentenceId & 31)) & 1) === 1;
}

/** A typed array of at least `length` entries holding `array`'s. */
function grown<T extends Int32Array | Float32Array | Float64Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
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
