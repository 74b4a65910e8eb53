import { kthLargest, lowerBound } from "../index/postings.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { titleHits } from "./title-hits.ts";
import type { QueryTerm } from "./query.ts";

/** The sentences the shortlist found for a question, with what it found in them. */
export interface Touched {
  /** Sentence ids holding at least one question word, in the order they were found (`found` of them). */
  readonly touched: Int32Array;
  /** The article (position) of touched[k] at k. */
  readonly touchedArticle: Int32Array;
  readonly found: number;
  /** Shortlist score of touched[k] at k. */
  readonly rowScores: Float64Array;
  /** rows[k * stride + term]: the best match of question word `term` in `touched[k]` (0: absent). */
  readonly rows: Float32Array;
  readonly stride: number;
  /** The touched sentence ids, ascending, and their rows (the k of touched[k]) alongside. */
  readonly sortedIds: Int32Array;
  readonly sortedRows: Int32Array;
}

/**
 * The best sentences of the articles most about the question, judged from the
 * sentences the shortlist touched (each question word counted once per sentence,
 * by its match quality, plus the title). Lets a story whose heading, lead-in and
 * answer each hold some of the question's words compete with a long transcript
 * whose one sentence holds most of them. Its tables are reused from one question to
 * the next (a question may touch tens of thousands of sentences in thousands of
 * articles); not re-entrant.
 */
export class ArticleShortlist {
  /** rowOfArticle[position]: the article's row for the current question, -1: not touched. */
  private readonly rowOfArticle: Int32Array;
  /** Touched articles, in the order first touched. */
  private readonly positions: Int32Array;
  private readonly scores: Float64Array;
  private readonly spareScores: Float64Array;
  /** frequencies[row * stride + term]: the article's count of the question word. */
  private frequencies = new Float64Array(0);

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {
    const count = view.articles.length;
    this.rowOfArticle = new Int32Array(count).fill(-1);
    this.positions = new Int32Array(count);
    this.scores = new Float64Array(count);
    this.spareScores = new Float64Array(count);
  }

  /** The sentence ids to add to the shortlist, chosen articles in order, best sentences first. */
  sentences(found: Touched, terms: readonly QueryTerm[]): number[] {
    const touchedCount = this.countFrequencies(found);
    this.scoreArticles(touchedCount, found.stride, terms);
    const chosen = this.mostRelevant(touchedCount, this.options.articleShortlist);
    const { rowOfArticle, positions } = this;
    for (let row = 0; row < touchedCount; row += 1) rowOfArticle[positions[row] as number] = -1;
    // Each chosen article's touched sentences, the best few: read from the sorted touched
    // sentences in the article's range, not found among all of them.
    const { articleFirst } = this.view;
    const { sortedIds, sortedRows, rowScores } = found;
    return chosen.flatMap((position) => {
      const best = new BestRows(this.options.articleShortlistSentences);
      const end = articleFirst[position + 1] as number;
      for (
        let k = lowerBound(sortedIds, articleFirst[position] as number);
        k < sortedIds.length && (sortedIds[k] as number) < end;
        k += 1
      ) {
        best.offer(sortedIds[k] as number, rowScores[sortedRows[k] as number] as number);
      }
      return best.ids;
    });
  }

  /** Each touched article's frequencies (rows in the order first touched); returns their count. */
  private countFrequencies({ touchedArticle, found, rows, stride }: Touched): number {
    const { rowOfArticle, positions } = this;
    const { articleMinQuality } = this.options;
    if (this.frequencies.length < positions.length * stride) {
      this.frequencies = new Float64Array(positions.length * stride);
    }
    const { frequencies } = this;
    let count = 0;
    for (let k = 0; k < found; k += 1) {
      const position = touchedArticle[k] as number;
      let row = rowOfArticle[position] as number;
      if (row === -1) {
        row = count;
        count += 1;
        rowOfArticle[position] = row;
        positions[row] = position;
        // A loop, not fill(): a builtin call costs more than the few words of a row.
        for (let at = row * stride; at < (row + 1) * stride; at += 1) frequencies[at] = 0;
      }
      const base = row * stride;
      for (let term = 0; term < stride; term += 1) {
        const quality = rows[k * stride + term] as number;
        if (quality >= articleMinQuality) {
          frequencies[base + term] = (frequencies[base + term] as number) + quality;
        }
      }
    }
    return count;
  }

  /** Article-level BM25 of each touched article, into scores by row. */
  private scoreArticles(count: number, stride: number, terms: readonly QueryTerm[]): void {
    const { view, positions, frequencies, scores } = this;
    const averageLength = view.size / Math.max(1, view.articles.length);
    const { articleK1: k1, articleB: b, articleTitleFrequency } = this.options;
    const hits = titleHits(terms, view);
    for (let row = 0; row < count; row += 1) {
      const position = positions[row] as number;
      const length =
        (view.articleFirst[position + 1] as number) - (view.articleFirst[position] as number);
      // The article's length term, the same for each word (worked out once: the same value).
      const lengthTerm = k1 * (1 - b + (b * length) / averageLength);
      let score = 0;
      for (let i = 0; i < terms.length; i += 1) {
        const term = terms[i] as QueryTerm;
        if (term.lowInformation) continue;
        let f = frequencies[row * stride + i] as number;
        if (hits.has(position, i)) {
          f += articleTitleFrequency;
        }
        if (f === 0) continue;
        score += (term.weight * f * (k1 + 1)) / (f + lengthTerm);
      }
      scores[row] = score;
    }
  }

  /**
   * The positions of the `count` best-scored articles (ties: the earlier article), by
   * selection rather than a full sort: a question may touch thousands of articles and only
   * a few are kept. The ones above the cut in the order touched, then the tied ones.
   */
  private mostRelevant(touchedCount: number, count: number): number[] {
    const { positions, scores } = this;
    if (count <= 0) return [];
    if (touchedCount <= count) return Array.from(positions.subarray(0, touchedCount));
    const copy = this.spareScores.subarray(0, touchedCount);
    copy.set(scores.subarray(0, touchedCount));
    const cut = kthLargest(copy, count);
    const above: number[] = [];
    const tied: number[] = [];
    for (let row = 0; row < touchedCount; row += 1) {
      const score = scores[row] as number;
      if (score > cut) above.push(positions[row] as number);
      else if (score === cut) tied.push(positions[row] as number);
    }
    tied.sort((x, y) => x - y);
    return [...above, ...tied.slice(0, count - above.length)];
  }
}

/**
 * The `size` best sentences offered (best score first, the earlier sentence among equals),
 * whatever the order they are offered in.
 */
class BestRows {
  readonly ids: number[] = [];
  private readonly scores: number[] = [];

  constructor(private readonly size: number) {}

  offer(id: number, score: number): void {
    const { ids, scores } = this;
    let at = ids.length;
    while (at > 0 && before(id, score, ids[at - 1] as number, scores[at - 1] as number)) at -= 1;
    if (at >= this.size) return;
    ids.splice(at, 0, id);
    scores.splice(at, 0, score);
    if (ids.length > this.size) {
      ids.pop();
      scores.pop();
    }
  }
}

/** True when sentence a ranks before sentence b. */
function before(aId: number, aScore: number, bId: number, bScore: number): boolean {
  return aScore > bScore || (aScore === bScore && aId < bId);
}
