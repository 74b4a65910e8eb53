import { kthLargest, lowerBound } from "../index/postings.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import type { QueryTerm } from "./query.ts";
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
  for (const position of articlePositions) {
    if (!relevance.has(position))
      relevance.set(position, bm25(position, terms, resolved, view, options));
  }
  const best = Math.max(0, ...relevance.values());
  const weight = options.articleRelevance;
  const factors = new Map<number, number>();
  for (const [position, score] of relevance) {
    factors.set(position, best > 0 ? 1 - weight + (weight * score) / best : 1);
  }
  return factors;
}

/**
 * Which articles have one of a question word's variants in their title: per question (its
 * terms array), hits[position * terms.length + term] = 1. Made once per question from the
 * index's title postings instead of asking each candidate article's title for each variant.
 */
const titleHitsOf = new WeakMap<readonly QueryTerm[], { view: IndexView; hits: Uint8Array }>();

function titleHits(terms: readonly QueryTerm[], view: IndexView): Uint8Array {
  const known = titleHitsOf.get(terms);
  if (known?.view === view) return known.hits;
  const hits = new Uint8Array(view.articles.length * terms.length);
  terms.forEach((term, i) => {
    for (const variant of term.variants.keys()) {
      for (const position of view.articlesTitled(variant)) hits[position * terms.length + i] = 1;
    }
  });
  titleHitsOf.set(terms, { view, hits });
  return hits;
}

function bm25(
  position: number,
  terms: readonly QueryTerm[],
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
  options: Readonly<RankingOptions>,
): number {
  const first = view.articleFirst[position] as number;
  const end = view.articleFirst[position + 1] as number;
  const length = end - first;
  const averageLength = view.size / Math.max(1, view.articles.length);
  const { articleK1: k1, articleB: b, articleTitleFrequency } = options;
  const hits = titleHits(terms, view);
  let score = 0;
  terms.forEach((term, i) => {
    let frequency = 0;
    for (const variant of resolved[i] ?? []) {
      if (variant.quality < options.articleMinQuality) continue;
      const ids = variant.sentenceIds;
      const found = lowerBound(ids, end) - lowerBound(ids, first);
      frequency = Math.max(frequency, found * variant.quality);
    }
    if (hits[position * terms.length + i] === 1) {
      frequency += articleTitleFrequency;
    }
    if (frequency === 0 || term.lowInformation) return;
    score +=
      (term.weight * frequency * (k1 + 1)) /
      (frequency + k1 * (1 - b + (b * length) / averageLength));
  });
  return score;
}

/** The sentences the shortlist found for a question, with what it found in them. */
export interface Touched {
  /** Sentence ids holding at least one question word, in the order they were found. */
  readonly touched: readonly number[];
  /** Shortlist score of touched[k] at k. */
  readonly rowScores: Float64Array;
  /** rows[k * stride + term]: the best match of question word `term` in `touched[k]` (0: absent). */
  readonly rows: Float32Array;
  readonly stride: number;
}

/**
 * The best sentences of the articles most about the question, judged from the
 * sentences the shortlist touched (each question word counted once per sentence,
 * by its match quality, plus the title). Lets a story whose heading, lead-in and
 * answer each hold some of the question's words compete with a long transcript
 * whose one sentence holds most of them.
 */
export function sentencesOfRelevantArticles(
  { touched, rowScores, rows, stride }: Touched,
  terms: readonly QueryTerm[],
  view: IndexView,
  options: Readonly<RankingOptions>,
): number[] {
  const articleOf = view.data.sentences.article;
  // Each touched article's row of frequencies, articles in the order they were first touched.
  const rowOfArticle = new Int32Array(view.articles.length).fill(-1);
  const positions: number[] = [];
  for (const sentenceId of touched) {
    const position = articleOf[sentenceId] as number;
    if (rowOfArticle[position] === -1) {
      rowOfArticle[position] = positions.length;
      positions.push(position);
    }
  }
  const frequencies = new Float64Array(positions.length * stride);
  const { articleMinQuality } = options;
  touched.forEach((sentenceId, k) => {
    const base = (rowOfArticle[articleOf[sentenceId] as number] as number) * stride;
    for (let term = 0; term < stride; term += 1) {
      const found = rows[k * stride + term] as number;
      if (found >= articleMinQuality) {
        frequencies[base + term] = (frequencies[base + term] as number) + found;
      }
    }
  });
  const averageLength = view.size / Math.max(1, view.articles.length);
  const { articleK1: k1, articleB: b, articleTitleFrequency } = options;
  const hits = titleHits(terms, view);
  const ranked: { position: number; score: number }[] = [];
  positions.forEach((position, row) => {
    const length =
      (view.articleFirst[position + 1] as number) - (view.articleFirst[position] as number);
    let score = 0;
    terms.forEach((term, i) => {
      let f = frequencies[row * stride + i] as number;
      if (hits[position * terms.length + i] === 1) {
        f += articleTitleFrequency;
      }
      if (f === 0 || term.lowInformation) return;
      score += (term.weight * f * (k1 + 1)) / (f + k1 * (1 - b + (b * length) / averageLength));
    });
    ranked.push({ position, score });
  });
  // The chosen articles' touched sentences (by row), best first, the first few of each.
  const chosenRows: number[][] = [];
  const chosenOf = new Int32Array(view.articles.length).fill(-1);
  for (const { position } of mostRelevant(ranked, options.articleShortlist)) {
    chosenOf[position] = chosenRows.length;
    chosenRows.push([]);
  }
  touched.forEach((sentenceId, row) => {
    const at = chosenOf[articleOf[sentenceId] as number] as number;
    if (at >= 0) chosenRows[at]?.push(row);
  });
  const extra: number[] = [];
  for (const articleRows of chosenRows) {
    const sentences = articleRows.map((row) => ({
      sentenceId: touched[row] as number,
      score: rowScores[row] as number,
    }));
    sentences.sort((x, y) => y.score - x.score || x.sentenceId - y.sentenceId);
    for (const { sentenceId } of sentences.slice(0, options.articleShortlistSentences)) {
      extra.push(sentenceId);
    }
  }
  return extra;
}

/**
 * The `count` best-scored articles (ties: the earlier article), by selection rather than a
 * full sort: a question may touch thousands of articles and only a few are kept.
 */
function mostRelevant<T extends { position: number; score: number }>(
  ranked: readonly T[],
  count: number,
): T[] {
  if (count <= 0) return [];
  if (ranked.length > count) {
    const cut = kthLargest(
      Float64Array.from(ranked, (article) => article.score),
      count,
    );
    const above = ranked.filter((article) => article.score > cut);
    const tied = ranked
      .filter((article) => article.score === cut)
      .sort((x, y) => x.position - y.position);
    return [...above, ...tied.slice(0, count - above.length)];
  }
  return [...ranked];
}
