import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import type { QueryTerm } from "./query.ts";
import { variantBits } from "./posting-bits.ts";
import { countsInRanges } from "./ranges.ts";
import { titleHits } from "./title-hits.ts";
import type { ResolvedVariant } from "./shortlist.ts";

/**
 * What the postings say of each of some articles (positions, ascending and distinct): per
 * article and question word, its frequency for BM25 and the best of its variants counted there.
 */
export interface ArticleCounts {
  readonly positions: Int32Array;
  /** frequencies[k * words + word]: its best counted variant's count of sentences in the article, times the variant's quality. */
  readonly frequencies: Float64Array;
  /**
   * best[k * words + word]: the quality of the best variant counted in the article (0: none).
   * Only variants of at least {@link RankingOptions.articleMinQuality} are counted.
   */
  readonly best: Float64Array;
  /** The least quality of a variant counted ({@link RankingOptions.articleMinQuality}). */
  readonly least: number;
}

/**
 * Counts each question word's variants of at least {@link RankingOptions.articleMinQuality}
 * in the articles (positions, ascending and distinct), by one forward walk of each postings
 * list (or its bits). What is counted also says which of those variants each article holds:
 * the candidates' context tables need look only for the others (context-tables.ts).
 */
export function countArticles(
  positions: Int32Array,
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
  options: Readonly<RankingOptions>,
): ArticleCounts {
  const count = positions.length;
  const firsts = new Int32Array(count);
  const ends = new Int32Array(count);
  for (let k = 0; k < count; k += 1) {
    firsts[k] = view.articleFirst[positions[k] as number] as number;
    ends[k] = view.articleFirst[(positions[k] as number) + 1] as number;
  }
  // Ascending article positions are ascending ranges.
  const order = new Int32Array(count);
  for (let k = 0; k < count; k += 1) order[k] = k;
  const stride = resolved.length;
  const frequencies = new Float64Array(count * stride);
  const best = new Float64Array(count * stride);
  const found = new Float64Array(count);
  resolved.forEach((variants, i) => {
    for (const variant of variants) {
      if (variant.quality < options.articleMinQuality) continue;
      countsInRanges(variant, firsts, ends, order, found, (v) => variantBits(view, v));
      for (let k = 0; k < count; k += 1) {
        const at = k * stride + i;
        frequencies[at] = Math.max(
          frequencies[at] as number,
          (found[k] as number) * variant.quality,
        );
        if ((found[k] as number) > 0 && variant.quality > (best[at] as number)) {
          best[at] = variant.quality;
        }
      }
    }
  });
  return { positions, frequencies, best, least: options.articleMinQuality };
}

/**
 * How much each article, as a whole, is about the question: BM25 with the
 * article as the document (a term's frequency is the number of its sentences
 * holding the word, plus its title). In an archive, the passage that answers
 * usually sits in the story about the question, not in a long transcript that
 * happens to hold the same words once.
 *
 * @param counts - the candidates' articles, counted ({@link countArticles}).
 * @returns per article position among the candidates, a factor in [1 − w, 1]
 *   (w = {@link RankingOptions.articleRelevance}) relative to the best article.
 */
export function articleFactors(
  counts: ArticleCounts,
  terms: readonly QueryTerm[],
  view: IndexView,
  options: Readonly<RankingOptions>,
): Map<number, number> {
  const scores = bm25(counts, terms, view, options);
  let best = 0;
  for (const score of scores) best = Math.max(best, score);
  const weight = options.articleRelevance;
  const factors = new Map<number, number>();
  const { positions } = counts;
  for (let k = 0; k < positions.length; k += 1) {
    const score = scores[k] as number;
    factors.set(positions[k] as number, best > 0 ? 1 - weight + (weight * score) / best : 1);
  }
  return factors;
}

/**
 * Article-level BM25 of each of the counted articles. A question word's frequency is its best
 * variant's count of sentences in the article (times the variant's quality), plus the title's.
 */
function bm25(
  { positions, frequencies }: ArticleCounts,
  terms: readonly QueryTerm[],
  view: IndexView,
  options: Readonly<RankingOptions>,
): Float64Array {
  const count = positions.length;
  const averageLength = view.size / Math.max(1, view.articles.length);
  const { articleK1: k1, articleB: b, articleTitleFrequency } = options;
  const hits = titleHits(terms, view);
  const stride = terms.length;
  const scores = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    const position = positions[k] as number;
    const length =
      (view.articleFirst[position + 1] as number) - (view.articleFirst[position] as number);
    let score = 0;
    for (let i = 0; i < stride; i += 1) {
      const term = terms[i] as QueryTerm;
      let frequency = frequencies[k * stride + i] as number;
      if (hits.has(position, i)) {
        frequency += articleTitleFrequency;
      }
      if (frequency === 0 || term.lowInformation) continue;
      score +=
        (term.weight * frequency * (k1 + 1)) /
        (frequency + k1 * (1 - b + (b * length) / averageLength));
    }
    scores[k] = score;
  }
  return scores;
}
