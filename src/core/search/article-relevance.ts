import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import type { QueryTerm } from "./query.ts";
import { variantBits } from "./posting-bits.ts";
import { countsInRanges } from "./ranges.ts";
import { titleHits } from "./title-hits.ts";
import type { ResolvedVariant } from "./shortlist.ts";

/**
 * How much each article, as a whole, is about the question: BM25 with the
 * article as the document (a term's frequency is the number of its sentences
 * holding the word, plus its title). In an archive, the passage that answers
 * usually sits in the story about the question, not in a long transcript that
 * happens to hold the same words once.
 *
 * @returns per article position among the candidates, a factor in [1 − w, 1]
 *   (w = {@link RankingOptions.articleRelevance}) relative to the best article.
 */
export function articleFactors(
  articlePositions: Iterable<number>,
  terms: readonly QueryTerm[],
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
  options: Readonly<RankingOptions>,
): Map<number, number> {
  const relevance = new Map<number, number>();
  for (const position of articlePositions) relevance.set(position, 0);
  const scores = bm25(Int32Array.from(relevance.keys()), terms, resolved, view, options);
  let at = 0;
  for (const position of relevance.keys()) relevance.set(position, scores[at++] as number);
  const best = Math.max(0, ...relevance.values());
  const weight = options.articleRelevance;
  const factors = new Map<number, number>();
  for (const [position, score] of relevance) {
    factors.set(position, best > 0 ? 1 - weight + (weight * score) / best : 1);
  }
  return factors;
}

/**
 * Article-level BM25 of each of the given articles (positions, distinct). A question word's
 * frequency is its best variant's count of sentences in the article (times the variant's
 * quality), counted for all the articles by one forward walk of each postings list.
 */
function bm25(
  positions: Int32Array,
  terms: readonly QueryTerm[],
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
  options: Readonly<RankingOptions>,
): Float64Array {
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
  order.sort((a, b) => (positions[a] as number) - (positions[b] as number));
  const averageLength = view.size / Math.max(1, view.articles.length);
  const { articleK1: k1, articleB: b, articleTitleFrequency } = options;
  const hits = titleHits(terms, view);
  const stride = terms.length;
  const frequencies = new Float64Array(count * stride);
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
      }
    }
  });
  const scores = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    const position = positions[k] as number;
    const length = (ends[k] as number) - (firsts[k] as number);
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
