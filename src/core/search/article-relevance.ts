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

/** A question word's variants as a list, made once per question word (asked per article). */
const variantLists = new WeakMap<QueryTerm, readonly string[]>();

/** True when one of the word's variants is a term of the title. */
function inTitle(term: QueryTerm, title: ReadonlySet<string>): boolean {
  let variants = variantLists.get(term);
  if (!variants) {
    variants = [...term.variants.keys()];
    variantLists.set(term, variants);
  }
  return variants.some((variant) => title.has(variant));
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
  const title = view.titleTermSet(position);
  let score = 0;
  terms.forEach((term, i) => {
    let frequency = 0;
    for (const variant of resolved[i] ?? []) {
      if (variant.quality < options.articleMinQuality) continue;
      const ids = variant.sentenceIds;
      const found = lowerBound(ids, end) - lowerBound(ids, first);
      frequency = Math.max(frequency, found * variant.quality);
    }
    if (title && inTitle(term, title)) {
      frequency += articleTitleFrequency;
    }
    if (frequency === 0 || term.lowInformation) return;
    score +=
      (term.weight * frequency * (k1 + 1)) /
      (frequency + k1 * (1 - b + (b * length) / averageLength));
  });
  return score;
}

/**
 * The best sentences of the articles most about the question, judged from the
 * sentences the shortlist touched (each question word counted once per sentence,
 * by its match quality, plus the title). Lets a story whose heading, lead-in and
 * answer each hold some of the question's words compete with a long transcript
 * whose one sentence holds most of them.
 *
 * @param touched - sentence ids holding at least one question word.
 * @param sentenceScore - a touched sentence's shortlist score.
 * @param quality - the best match of question word `term` in a sentence (0: absent).
 */
export function sentencesOfRelevantArticles(
  touched: readonly number[],
  sentenceScore: (sentenceId: number) => number,
  quality: (sentenceId: number, term: number) => number,
  terms: readonly QueryTerm[],
  view: IndexView,
  options: Readonly<RankingOptions>,
): number[] {
  const articleOf = view.data.sentences.article;
  const frequencies = new Map<number, Float64Array>();
  for (const sentenceId of touched) {
    const position = articleOf[sentenceId] as number;
    let frequency = frequencies.get(position);
    if (!frequency) {
      frequency = new Float64Array(terms.length);
      frequencies.set(position, frequency);
    }
    for (let term = 0; term < terms.length; term += 1) {
      const found = quality(sentenceId, term);
      if (found >= options.articleMinQuality) frequency[term] = (frequency[term] ?? 0) + found;
    }
  }
  const averageLength = view.size / Math.max(1, view.articles.length);
  const { articleK1: k1, articleB: b, articleTitleFrequency } = options;
  const ranked: { position: number; score: number }[] = [];
  for (const [position, frequency] of frequencies) {
    const length =
      (view.articleFirst[position + 1] as number) - (view.articleFirst[position] as number);
    const title = view.titleTermSet(position);
    let score = 0;
    terms.forEach((term, i) => {
      let f = frequency[i] ?? 0;
      if (title && inTitle(term, title)) {
        f += articleTitleFrequency;
      }
      if (f === 0 || term.lowInformation) return;
      score += (term.weight * f * (k1 + 1)) / (f + k1 * (1 - b + (b * length) / averageLength));
    });
    ranked.push({ position, score });
  }
  const chosen = new Map<number, number[]>(
    mostRelevant(ranked, options.articleShortlist).map(({ position }) => [position, []]),
  );
  for (const sentenceId of touched) {
    chosen.get(articleOf[sentenceId] as number)?.push(sentenceId);
  }
  const extra: number[] = [];
  for (const sentenceIds of chosen.values()) {
    sentenceIds.sort((x, y) => sentenceScore(y) - sentenceScore(x) || x - y);
    extra.push(...sentenceIds.slice(0, options.articleShortlistSentences));
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
