import Fuse from "fuse.js";
import { extractShortAnswer } from "./answer.ts";
import { questionKind, type QuestionKind } from "./question.ts";
import { isContentToken, tokenize, type Token } from "./text.ts";
import type { Answer, Article, AskOptions, Citation } from "./types.ts";

/** Tuning of the ranker. Every value has a default in {@link DEFAULT_RANKING}. */
export interface RankingOptions {
  /** How many citations `ask` returns when the caller does not say. */
  readonly limit: number;
  /** Share of the question's weighted content the best passage must cover to count as an answer. */
  readonly answerCoverage: number;
  /** Credit for a question word found in the sentence next to the cited one. */
  readonly neighborCredit: number;
  /** Credit for a question word found elsewhere in the same paragraph. */
  readonly paragraphCredit: number;
  /** Credit for a question word found elsewhere in the same article (or its title). */
  readonly articleCredit: number;
  /** BM25 length normalisation over sentences (0: none, 1: full). */
  readonly lengthNormalization: number;
  /** Fuse.js threshold for matching a misspelt question word to the vocabulary. */
  readonly fuzzyThreshold: number;
  /** Longest excerpt, in characters, when two sentences are quoted together. */
  readonly maxExcerptLength: number;
}

/** The ranker's defaults; options given to {@link CitationIndex} are merged over them. */
export const DEFAULT_RANKING: Readonly<RankingOptions> = Object.freeze({
  limit: 3,
  answerCoverage: 0.55,
  neighborCredit: 0.7,
  paragraphCredit: 0.45,
  articleCredit: 0.15,
  lengthNormalization: 0.3,
  fuzzyThreshold: 0.3,
  maxExcerptLength: 320,
});

/** One indexed sentence. */
interface Unit {
  readonly article: number;
  readonly paragraph: number;
  readonly sentence: number;
  /** Global paragraph number, for grouping. */
  readonly paragraphKey: number;
  readonly length: number;
  readonly hasNumber: boolean;
  readonly hasName: boolean;
  readonly hasTime: boolean;
}

interface Posting {
  readonly units: number[];
  readonly counts: number[];
}

/** A question word and the index terms that stand for it. */
interface QueryTerm {
  readonly word: string;
  readonly weight: number;
  /** Index term → how good a match it is (1 exact, less for fuzzy). */
  readonly variants: ReadonlyMap<string, number>;
}

const TIME_WORDS =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|today|tonight|week|month|year|night|morning|evening|\d{4})\b/iu;

/**
 * The search index over articles: sentences are the unit, scored with their
 * neighbours, paragraph and article as context. Pure: no I/O, no Discord.
 */
export class CitationIndex {
  readonly articles: readonly Article[];
  readonly options: Readonly<RankingOptions>;
  private readonly units: Unit[] = [];
  private readonly unitTokens: Token[][] = [];
  private readonly postings = new Map<string, Posting>();
  /** Index term of each folded word seen in the corpus. */
  private readonly vocabulary = new Map<string, string>();
  private readonly titleTerms: Set<string>[] = [];
  private readonly averageLength: number;
  private fuzzyMatcher: Fuse<string> | undefined;

  constructor(articles: readonly Article[], options: Partial<RankingOptions> = {}) {
    this.articles = articles;
    this.options = Object.freeze({ ...DEFAULT_RANKING, ...options });
    let paragraphKey = 0;
    let totalLength = 0;
    articles.forEach((article, articleIndex) => {
      const titleTokens = tokenize(article.title).filter(isContentToken);
      this.titleTerms.push(new Set(titleTokens.map((token) => token.term)));
      for (const token of titleTokens) this.vocabulary.set(token.word, token.term);
      for (const paragraph of article.paragraphs) {
        for (const sentence of paragraph.sentences) {
          const tokens = tokenize(sentence.text);
          const content = tokens.filter(isContentToken);
          const unitId = this.units.length;
          const counts = new Map<string, number>();
          for (const token of content) {
            counts.set(token.term, (counts.get(token.term) ?? 0) + 1);
            if (!token.isNumber) this.vocabulary.set(token.word, token.term);
          }
          for (const [term, count] of counts) {
            let posting = this.postings.get(term);
            if (!posting) {
              posting = { units: [], counts: [] };
              this.postings.set(term, posting);
            }
            posting.units.push(unitId);
            posting.counts.push(count);
          }
          this.units.push({
            article: articleIndex,
            paragraph: paragraph.number,
            sentence: sentence.index,
            paragraphKey,
            length: content.length,
            hasNumber: content.some((token) => token.isNumber),
            hasName: tokens.some(
              (token, position) => token.capitalized && position > 0 && !token.isNumber,
            ),
            hasTime: TIME_WORDS.test(sentence.text),
          });
          this.unitTokens.push(tokens);
          totalLength += content.length;
        }
        paragraphKey += 1;
      }
    });
    this.averageLength = this.units.length > 0 ? totalLength / this.units.length : 1;
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.units.length;
  }

  /** Inverse document frequency of a term over sentences (BM25's, never negative). */
  private idf(term: string): number {
    const df = this.postings.get(term)?.units.length ?? 0;
    const n = this.units.length;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  private fuzzy(): Fuse<string> {
    this.fuzzyMatcher ??= new Fuse([...this.vocabulary.keys()], {
      includeScore: true,
      threshold: this.options.fuzzyThreshold,
      ignoreLocation: true,
      minMatchCharLength: 2,
    });
    return this.fuzzyMatcher;
  }

  /** The index terms a question word may stand for: itself, else close spellings or a compound's head. */
  private variantsOf(token: Token): Map<string, number> {
    const variants = new Map<string, number>();
    if (this.postings.has(token.term) || token.isNumber || token.word.length < 4) {
      variants.set(token.term, 1);
      return variants;
    }
    for (const result of this.fuzzy().search(token.word, { limit: 3 })) {
      const term = this.vocabulary.get(result.item);
      const quality = 1 - (result.score ?? 1);
      // Fuse also matches words that merely contain the query; keep spellings of similar length.
      if (term && Math.abs(result.item.length - token.word.length) <= 2 && quality > 0.6) {
        variants.set(term, Math.max(variants.get(term) ?? 0, quality * 0.9));
      }
    }
    // A compound whose head the articles use: "carmakers" → "makers".
    for (let cut = 2; cut <= token.word.length - 4; cut += 1) {
      const head = this.vocabulary.get(token.word.slice(cut));
      if (head && !variants.has(head)) {
        variants.set(head, 0.6);
        break;
      }
    }
    if (variants.size === 0) variants.set(token.term, 1);
    return variants;
  }

  private queryTerms(tokens: readonly Token[]): QueryTerm[] {
    const seen = new Set<string>();
    const terms: QueryTerm[] = [];
    for (const token of tokens) {
      if (!isContentToken(token) || seen.has(token.term)) continue;
      seen.add(token.term);
      const variants = this.variantsOf(token);
      let weight = 0;
      for (const [term, quality] of variants) weight = Math.max(weight, this.idf(term) * quality);
      // A word the articles never use weighs as the rarest word they do.
      if (!this.postings.has(token.term) && variants.get(token.term) === 1)
        weight = this.idf(token.term);
      terms.push({ word: token.word, weight, variants });
    }
    return terms;
  }

  /**
   * Answers a question: ranked citations, whether the articles cover it, and a
   * short answer when the question asks for one.
   */
  ask(question: string, options: AskOptions = {}): Answer {
    const limit = Math.max(1, Math.floor(options.limit ?? this.options.limit));
    const articleFilter =
      options.article === undefined
        ? undefined
        : this.articles.findIndex((article) => article.id === options.article);
    const tokens = tokenize(question);
    const terms = this.queryTerms(tokens);
    const kind = questionKind(question);
    const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    if (terms.length === 0 || totalWeight === 0) {
      return { question, answered: false, answer: null, citations: [] };
    }

    // hits[unit][term]: how well the sentence itself matches each question word.
    const hits = new Map<number, Float64Array>();
    for (const [position, term] of terms.entries()) {
      for (const [variant, quality] of term.variants) {
        const posting = this.postings.get(variant);
        if (!posting) continue;
        for (let i = 0; i < posting.units.length; i += 1) {
          const unitId = posting.units[i] as number;
          if (articleFilter !== undefined && this.units[unitId]?.article !== articleFilter)
            continue;
          let row = hits.get(unitId);
          if (!row) {
            row = new Float64Array(terms.length);
            hits.set(unitId, row);
          }
          if (quality > (row[position] ?? 0)) row[position] = quality;
        }
      }
    }

    // Best match of each question word per paragraph and per article.
    const paragraphBest = new Map<number, Float64Array>();
    const articleBest = new Map<number, Float64Array>();
    const keep = (table: Map<number, Float64Array>, key: number, row: Float64Array) => {
      let best = table.get(key);
      if (!best) {
        best = new Float64Array(terms.length);
        table.set(key, best);
      }
      for (let i = 0; i < row.length; i += 1) best[i] = Math.max(best[i] ?? 0, row[i] ?? 0);
    };
    for (const [unitId, row] of hits) {
      const unit = this.units[unitId] as Unit;
      keep(paragraphBest, unit.paragraphKey, row);
      keep(articleBest, unit.article, row);
    }

    const { neighborCredit, paragraphCredit, articleCredit, lengthNormalization } = this.options;
    const scored: { unitId: number; score: number; coverage: number; withNeighbor: number }[] = [];
    for (const [unitId, row] of hits) {
      const unit = this.units[unitId] as Unit;
      const previous = this.sameParagraph(unitId, -1) ? hits.get(unitId - 1) : undefined;
      const next = this.sameParagraph(unitId, 1) ? hits.get(unitId + 1) : undefined;
      const paragraph = paragraphBest.get(unit.paragraphKey) as Float64Array;
      const article = articleBest.get(unit.article) as Float64Array;
      const titleTerms = this.titleTerms[unit.article] as Set<string>;
      const lengthFactor =
        1 / (1 - lengthNormalization + (lengthNormalization * unit.length) / this.averageLength);
      let own = 0;
      let context = 0;
      let gainPrevious = 0;
      let gainNext = 0;
      terms.forEach((term, i) => {
        const here = row[i] ?? 0;
        const inTitle = [...term.variants.keys()].some((variant) => titleTerms.has(variant))
          ? 1
          : 0;
        const around = Math.max(
          neighborCredit * Math.max(previous?.[i] ?? 0, next?.[i] ?? 0),
          paragraphCredit * (paragraph[i] ?? 0),
          articleCredit * Math.max(article[i] ?? 0, inTitle),
        );
        if (here >= around) own += term.weight * here;
        else context += term.weight * around;
        if (here < 1) {
          gainPrevious += term.weight * Math.max(0, (previous?.[i] ?? 0) - here);
          gainNext += term.weight * Math.max(0, (next?.[i] ?? 0) - here);
        }
      });
      const coverage = (own + context) / totalWeight;
      const fit = kindFits(kind, unit) ? 0.12 * totalWeight : 0;
      const score = own * Math.min(1.25, lengthFactor) + context + fit;
      const withNeighbor = gainNext >= gainPrevious ? (gainNext > 0 ? 1 : 0) : -1;
      scored.push({ unitId, score, coverage, withNeighbor });
    }
    scored.sort((a, b) => b.score - a.score || a.unitId - b.unitId);

    const citations: Citation[] = [];
    const usedUnits = new Set<number>();
    for (const candidate of scored) {
      if (citations.length >= limit) break;
      if (usedUnits.has(candidate.unitId)) continue;
      const citation = this.cite(
        candidate.unitId,
        candidate.withNeighbor,
        candidate.score,
        terms,
        usedUnits,
      );
      citations.push(citation);
    }
    const best = scored[0];
    const answered = best !== undefined && best.coverage >= this.options.answerCoverage;
    const top = citations[0];
    const answer = answered && top ? extractShortAnswer(kind, question, top.excerpt) : null;
    return { question, answered, answer, citations };
  }

  private sameParagraph(unitId: number, offset: number): boolean {
    const other = this.units[unitId + offset];
    return other !== undefined && other.paragraphKey === this.units[unitId]?.paragraphKey;
  }

  private cite(
    unitId: number,
    withNeighbor: number,
    score: number,
    terms: readonly QueryTerm[],
    usedUnits: Set<number>,
  ): Citation {
    const unit = this.units[unitId] as Unit;
    const article = this.articles[unit.article] as Article;
    const paragraph = article.paragraphs[unit.paragraph - 1];
    const sentences = paragraph?.sentences ?? [];
    let first = unit.sentence;
    let last = unit.sentence;
    if (withNeighbor !== 0) {
      const other = unit.sentence + withNeighbor;
      const candidate = sentences[other];
      const own = sentences[unit.sentence];
      const free = !usedUnits.has(unitId + withNeighbor);
      if (
        candidate &&
        own &&
        free &&
        candidate.text.length + own.text.length + 1 <= this.options.maxExcerptLength
      ) {
        first = Math.min(first, other);
        last = Math.max(last, other);
      }
    }
    for (let s = first; s <= last; s += 1) usedUnits.add(unitId + (s - unit.sentence));
    const excerpt = sentences
      .slice(first, last + 1)
      .map((sentence) => sentence.text)
      .join(" ");
    const wanted = new Set<string>();
    for (const term of terms) for (const variant of term.variants.keys()) wanted.add(variant);
    const matched = new Set<string>();
    for (let s = first; s <= last; s += 1) {
      for (const token of this.unitTokens[unitId + (s - unit.sentence)] ?? []) {
        if (wanted.has(token.term) && isContentToken(token)) matched.add(token.surface);
      }
    }
    return {
      article: article.id,
      title: article.title,
      paragraph: unit.paragraph,
      excerpt,
      score: Math.round(score * 1000) / 1000,
      matched: [...matched],
    };
  }

  /** Finds an article by id. */
  article(id: string): Article | undefined {
    return this.articles.find((article) => article.id === id);
  }
}

function kindFits(kind: QuestionKind, unit: Unit): boolean {
  switch (kind) {
    case "quantity":
      return unit.hasNumber;
    case "time":
      return unit.hasTime;
    case "person":
    case "place":
      return unit.hasName;
    default:
      return false;
  }
}
