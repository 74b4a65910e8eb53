import editDistance from "damerau-levenshtein";
import Fuse from "fuse.js";
import { extractShortAnswer } from "./answer.ts";
import { metadataField, metadataValue, type MetadataField } from "./metadata.ts";
import { questionKind, type QuestionKind } from "./question.ts";
import {
  isContentToken,
  LOW_INFORMATION_WORDS,
  readSentence,
  termOf,
  tokenize,
  type SentenceTerms,
  type Token,
} from "./text.ts";
import type { Answer, Article, AskOptions, Citation } from "./types.ts";
import { defaultSynonyms, type SynonymSource } from "./wordnet.ts";

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
  /** Match quality of a misspelling corrected against the vocabulary, at best. */
  readonly fuzzyCredit: number;
  /** Match quality of a WordNet synonym. */
  readonly synonymCredit: number;
  /** Match quality of a word from the definition of a question word ("expensive" → "price"). */
  readonly definitionCredit: number;
  /** Bonus, as a share of the question's weight, for a passage holding the kind of answer asked for. */
  readonly kindBonus: number;
  /** Weight factor of an ordinary word (not a name or number) that nothing in the articles stands for. */
  readonly unknownWordWeight: number;
  /** Weight factor of a name (capitalised word, acronym) in the question. */
  readonly nameWeight: number;
  /** Weight factor of a name that the articles never mention. */
  readonly missingNameWeight: number;
  /** Factor on the score of a passage that lacks the kind of answer asked for ("who" without a name). */
  readonly kindMisfit: number;
  /** Weight factor, in ranking, of a question word that is in the article's title (its topic). */
  readonly titleDiscount: number;
  /** Longest excerpt, in characters, when two sentences are quoted together. */
  readonly maxExcerptLength: number;
  /** Where synonyms come from; `null` turns them off. */
  readonly synonyms: SynonymSource | null;
}

/** The ranker's defaults; options given to {@link CitationIndex} are merged over them. */
export const DEFAULT_RANKING: Readonly<RankingOptions> = Object.freeze({
  limit: 3,
  answerCoverage: 0.36,
  neighborCredit: 0.5,
  paragraphCredit: 0.4,
  articleCredit: 0.15,
  lengthNormalization: 0.15,
  fuzzyCredit: 0.9,
  synonymCredit: 0.6,
  definitionCredit: 0.35,
  kindBonus: 0.1,
  unknownWordWeight: 0.6,
  nameWeight: 1.5,
  missingNameWeight: 2.5,
  kindMisfit: 0.8,
  titleDiscount: 0.5,
  maxExcerptLength: 320,
  synonyms: defaultSynonyms,
});

/** Why a question word counted for a citation (the `--explain` output). */
export interface TermExplanation {
  readonly word: string;
  readonly weight: number;
  /** The index terms that stood for it, with their match quality. */
  readonly matches: readonly { term: string; quality: number; how: MatchKind }[];
  /** Where the best match was found for this citation. */
  readonly found: "sentence" | "neighbor" | "paragraph" | "article" | "nowhere";
  readonly credit: number;
}

/** A citation with the reasons for its rank. */
export interface ExplainedCitation extends Citation {
  readonly coverage: number;
  readonly kindFits: boolean;
  readonly terms: readonly TermExplanation[];
}

type MatchKind = "exact" | "fuzzy" | "compound" | "synonym" | "definition";

/** A question word and the index terms that stand for it. */
interface QueryTerm {
  readonly word: string;
  readonly weight: number;
  readonly variants: ReadonlyMap<string, { quality: number; how: MatchKind }>;
  /**
   * Position (in the question's terms) of the word just before this one ("stock" in
   * "stock price"): where the passage's article lacks it, this word counts half.
   */
  readonly modifier?: number | undefined;
  /** The other words of the name this word is part of ("3" for "Model" in "Model 3"). */
  readonly partners: number[];
  /** A word that names no topic ("today"): found, it is no evidence that a passage answers. */
  readonly lowInformation: boolean;
  /** Weight of a name where the passage's article never mentions it (a missing name weighs most). */
  readonly weightIfAbsent: number;
}

/** Sentences stored column-wise: one typed array per field keeps 100k+ sentences small. */
interface SentenceTable {
  readonly article: Int32Array;
  readonly paragraph: Int32Array;
  readonly sentence: Int32Array;
  readonly paragraphKey: Int32Array;
  readonly length: Int32Array;
  readonly flags: Uint8Array;
}

const AUXILIARIES: ReadonlySet<string> = new Set([
  "did",
  "does",
  "do",
  "will",
  "would",
  "can",
  "could",
  "should",
  "may",
  "might",
  "must",
  "shall",
]);

/** Question kinds whose answer is a thing to find (a name, a number, a date). */
const EXPECTS_ENTITY: ReadonlySet<QuestionKind> = new Set([
  "person",
  "quantity",
  "time",
  "definition",
]);

const HAS_NUMBER = 1;
const HAS_TIME = 2;

/** Terms of words that say when: a sentence holding one can answer "when". */
const TIME_TERMS: ReadonlySet<string> = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july
  august september october november december yesterday today tonight week month year night morning
  evening time timing schedule soon deadline date`
    .split(/\s+/u)
    .filter(Boolean)
    .map(termOf),
);
const YEAR = /^(?:1[5-9]|20)\d\d$/u;

/** How many sentences are scored in full for one question, at most (about). */
const SHORTLIST_SIZE = 120;

/** A loose variant found in more sentences than this (and 5% of them) is not scanned sentence by sentence. */
const COMMON_POSTINGS = 1000;

/** Words that frame a question about an abbreviation rather than say what it is about. */
const DEFINITION_FRAME: ReadonlySet<string> = new Set([
  "mean",
  "means",
  "meaning",
  "stand",
  "stands",
  "abbreviation",
  "acronym",
  "short",
  "wat",
]);

/** Credit left to a word whose modifier ("stock" in "stock price") the passage's article lacks. */
const MODIFIER_MISSING = 0.5;

/** Stand-ins kept for one question word (its own term included). */
const MAX_VARIANTS = 8;

/** Question words beyond this many (the least informative) are dropped: long messages stay fast. */
const MAX_QUERY_TERMS = 16;

/** A variant of a question word, resolved to its postings. */
interface ResolvedVariant {
  readonly quality: number;
  readonly units: Int32Array;
}

/** First position in a sorted array whose value is at least `value`. */
function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Best quality among a word's variants (best first) found in sentences first..last. */
function qualityIn(variants: readonly ResolvedVariant[], first: number, last: number): number {
  for (const variant of variants) {
    const at = lowerBound(variant.units, first);
    if (at < variant.units.length && (variant.units[at] as number) <= last) return variant.quality;
  }
  return 0;
}

/** For keys 0..count-1 that appear in ascending runs, where each run starts; entry `count` is the length. */
function firstIndexes(keys: Int32Array, count: number): Int32Array {
  const first = new Int32Array(count + 1).fill(keys.length);
  for (let i = keys.length - 1; i >= 0; i -= 1) first[keys[i] as number] = i;
  first[count] = keys.length;
  // A key without sentences (an article whose paragraphs are all empty) starts where the next does.
  for (let key = count - 1; key >= 0; key -= 1) {
    if ((first[key] as number) > (first[key + 1] as number)) first[key] = first[key + 1] as number;
  }
  return first;
}

/** The k-th largest value (1-based) of an array, by quickselect; reorders the array. */
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1] as number;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) > pivot) i += 1;
      while ((values[j] as number) < pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target] as number;
}

/** A citation without its explanation. */
function plainCitation({
  article,
  title,
  paragraph,
  excerpt,
  score,
  matched,
}: ExplainedCitation): Citation {
  return { article, title, paragraph, excerpt, score, matched };
}

/** Everything an index is made of, for saving and loading it. */
export interface IndexData {
  readonly sentences: SentenceTable;
  readonly postings: Map<string, { units: Int32Array; counts: Uint8Array }>;
  readonly vocabulary: Map<string, string>;
  readonly titleTerms: string[][];
  readonly averageLength: number;
}

/** A postings list while the index is built. */
interface GrowingPosting {
  units: Int32Array;
  counts: Uint8Array;
  size: number;
}

/** Builds the index data of a set of articles: tokenising every sentence once. */
export function buildIndexData(
  articles: readonly Article[],
  onProgress?: (done: number) => void,
): IndexData {
  const columns = {
    article: [] as number[],
    paragraph: [] as number[],
    sentence: [] as number[],
    paragraphKey: [] as number[],
    length: [] as number[],
    flags: [] as number[],
  };
  const growing = new Map<string, GrowingPosting>();
  const vocabulary = new Map<string, string>();
  const reading: SentenceTerms = {
    counts: new Map(),
    words: vocabulary,
    length: 0,
    hasNumber: false,
  };
  const titleTerms: string[][] = [];
  let paragraphKey = 0;
  let totalLength = 0;
  articles.forEach((article, articleIndex) => {
    const titleTokens = tokenize(article.title).filter(isContentToken);
    titleTerms.push([...new Set(titleTokens.map((token) => token.term))]);
    for (const token of titleTokens) if (!token.isNumber) vocabulary.set(token.word, token.term);
    for (const paragraph of article.paragraphs) {
      for (const sentence of paragraph.sentences) {
        const { counts, length, hasNumber } = readSentence(sentence.text, reading);
        const unitId = columns.article.length;
        let hasTime = false;
        for (const [term, count] of counts) {
          if (TIME_TERMS.has(term) || YEAR.test(term)) hasTime = true;
          let posting = growing.get(term);
          if (!posting) {
            posting = { units: new Int32Array(4), counts: new Uint8Array(4), size: 0 };
            growing.set(term, posting);
          }
          if (posting.size === posting.units.length) {
            // Typed arrays that double: a fifth of the memory of growing JS arrays.
            const units = new Int32Array(posting.size * 2);
            units.set(posting.units);
            const grownCounts = new Uint8Array(posting.size * 2);
            grownCounts.set(posting.counts);
            posting.units = units;
            posting.counts = grownCounts;
          }
          posting.units[posting.size] = unitId;
          posting.counts[posting.size] = Math.min(count, 255);
          posting.size += 1;
        }
        columns.article.push(articleIndex);
        columns.paragraph.push(paragraph.number);
        columns.sentence.push(sentence.index);
        columns.paragraphKey.push(paragraphKey);
        columns.length.push(length);
        columns.flags.push((hasNumber ? HAS_NUMBER : 0) | (hasTime ? HAS_TIME : 0));
        totalLength += length;
      }
      paragraphKey += 1;
    }
    onProgress?.(articleIndex + 1);
  });
  const postings = new Map<string, { units: Int32Array; counts: Uint8Array }>();
  for (const [term, posting] of growing) {
    postings.set(term, {
      units: posting.units.slice(0, posting.size),
      counts: posting.counts.slice(0, posting.size),
    });
  }
  const size = columns.article.length;
  return {
    sentences: {
      article: Int32Array.from(columns.article),
      paragraph: Int32Array.from(columns.paragraph),
      sentence: Int32Array.from(columns.sentence),
      paragraphKey: Int32Array.from(columns.paragraphKey),
      length: Int32Array.from(columns.length),
      flags: Uint8Array.from(columns.flags),
    },
    postings,
    vocabulary,
    titleTerms,
    averageLength: size > 0 ? totalLength / size : 1,
  };
}

interface Candidate {
  readonly unitId: number;
  score: number;
  coverage: number;
  /** -1 or +1: quote the previous or next sentence too; 0: the sentence alone. */
  withNeighbor: number;
  kindFits: boolean;
  credits: Float64Array;
  places: Uint8Array;
}

const PLACES = ["nowhere", "sentence", "neighbor", "paragraph", "article"] as const;

/**
 * The search index over articles: sentences are the unit, scored with their
 * neighbours, paragraph and article as context. Pure computation over loaded
 * articles: no Discord, no network.
 */
export class CitationIndex {
  readonly articles: readonly Article[];
  readonly options: Readonly<RankingOptions>;
  private readonly data: IndexData;
  private readonly titleTermSets: Set<string>[];
  /** Every term of every title. */
  private readonly titleVocabulary: Set<string>;
  private readonly articleById: Map<string, number>;
  private vocabularyByLength: Map<number, string[]> | undefined;
  /** First sentence of each paragraph (by paragraph key), plus the end: paragraphs are contiguous. */
  private readonly paragraphFirst: Int32Array;
  /** First sentence of each article, plus the end. */
  private readonly articleFirst: Int32Array;
  /** Names of sentences already looked at by {@link namesIn}. */
  private readonly nameCache = new Map<number, readonly string[]>();
  /** Variants of question words already worked out: the same words come back. */
  private readonly variantCache = new Map<
    string,
    Map<string, { quality: number; how: MatchKind }>
  >();
  /** Per-question work arrays, sized to the corpus once and reused. */
  private scratch: {
    scores: Float64Array;
    marks: Uint32Array;
    mark: number;
    /** quality[unit * MAX_QUERY_TERMS + term]: best match of each question word in each sentence. */
    quality: Float32Array;
    touched: number[];
  } = {
    scores: new Float64Array(0),
    marks: new Uint32Array(0),
    mark: 0,
    quality: new Float32Array(0),
    touched: [],
  };

  /**
   * @param articles - the loaded articles.
   * @param options - ranking options merged over {@link DEFAULT_RANKING}.
   * @param data - a saved index of exactly these articles, to skip tokenising.
   */
  constructor(
    articles: readonly Article[],
    options: Partial<RankingOptions> = {},
    data?: IndexData,
  ) {
    this.articles = articles;
    this.options = Object.freeze({ ...DEFAULT_RANKING, ...options });
    this.data = data ?? buildIndexData(articles);
    this.titleTermSets = this.data.titleTerms.map((terms) => new Set(terms));
    this.titleVocabulary = new Set(this.data.titleTerms.flat());
    this.articleById = new Map(articles.map((article, index) => [article.id, index]));
    const { paragraphKey, article } = this.data.sentences;
    const paragraphCount =
      paragraphKey.length > 0 ? (paragraphKey[paragraphKey.length - 1] as number) + 1 : 0;
    this.paragraphFirst = firstIndexes(paragraphKey, paragraphCount);
    this.articleFirst = firstIndexes(article, articles.length);
  }

  /** Number of indexed sentences. */
  get size(): number {
    return this.data.sentences.article.length;
  }

  /** The index's data, for saving. */
  get indexData(): IndexData {
    return this.data;
  }

  /** Finds an article by id. */
  article(id: string): Article | undefined {
    const index = this.articleById.get(id);
    return index === undefined ? undefined : this.articles[index];
  }

  /** Inverse document frequency of a term over sentences (BM25's, never negative). */
  private idf(term: string): number {
    const df = this.data.postings.get(term)?.units.length ?? 0;
    const n = this.size;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Corpus words that may be a misspelling of `word`. Fuse.js runs over words of
   * about the same length that share its first or second letter, not the whole
   * vocabulary, so typo tolerance stays cheap on large archives.
   */
  private closeSpellings(word: string): { word: string; quality: number }[] {
    if (!this.vocabularyByLength) {
      this.vocabularyByLength = new Map();
      for (const known of this.data.vocabulary.keys()) {
        const bucket = this.vocabularyByLength.get(known.length) ?? [];
        bucket.push(known);
        this.vocabularyByLength.set(known.length, bucket);
      }
    }
    const pool: string[] = [];
    for (let length = word.length - 2; length <= word.length + 2; length += 1) {
      for (const known of this.vocabularyByLength.get(length) ?? []) {
        if (known[0] === word[0] || known[1] === word[1]) pool.push(known);
      }
    }
    if (pool.length === 0) return [];
    // Fuse.js proposes; an edit distance (transpositions count once) disposes, since
    // Fuse's score also rewards mere overlap ("stock" ~ "sticker").
    const allowed = word.length <= 4 ? 1 : 2;
    const fuse = new Fuse(pool, { includeScore: true, threshold: 0.4, ignoreLocation: true });
    const stem = termOf(word);
    return fuse
      .search(word, { limit: 5 })
      .map((result) => ({
        word: result.item,
        // Compared as written and as stems: "tarrif" is 3 edits from "tariffs", 2 from "tariff".
        steps: Math.min(
          editDistance(word, result.item).steps,
          editDistance(stem, this.data.vocabulary.get(result.item) ?? result.item).steps,
        ),
      }))
      .filter((match) => match.steps <= allowed)
      .map((match) => ({ word: match.word, quality: 1 - match.steps / (word.length + 1) }));
  }

  /** The index terms a question word may stand for, with how well each matches. */
  private variantsOf(
    token: Token,
    asName: boolean,
  ): Map<string, { quality: number; how: MatchKind }> {
    const key = `${token.isNumber ? "#" : asName ? "N" : ""}${token.word}`;
    const cached = this.variantCache.get(key);
    if (cached) return cached;
    const variants = this.findVariants(token, asName);
    if (this.variantCache.size >= 5000) this.variantCache.clear();
    this.variantCache.set(key, variants);
    return variants;
  }

  private findVariants(
    token: Token,
    asName: boolean,
  ): Map<string, { quality: number; how: MatchKind }> {
    const variants = new Map<string, { quality: number; how: MatchKind }>();
    const add = (candidate: string, quality: number, how: MatchKind) => {
      // A short word may be an acronym of the articles written in lower case: "ev" = "EV",
      // WordNet's "us" for "America" = "U.S.".
      const upper = candidate.toUpperCase();
      const term = this.data.postings.has(candidate)
        ? candidate
        : candidate.length <= 5 && this.data.postings.has(upper)
          ? upper
          : undefined;
      if (term === undefined) return;
      if ((variants.get(term)?.quality ?? 0) < quality) variants.set(term, { quality, how });
    };
    const known = this.data.postings.has(token.term);
    variants.set(token.term, { quality: 1, how: "exact" });
    if (!token.acronym && !token.isNumber) add(token.word, 1, "exact");
    if (token.isNumber || token.word.length < 3) return variants;
    const synonyms = this.options.synonyms?.synonyms(token.word) ?? [];
    for (const synonym of synonyms) add(termOf(synonym), this.options.synonymCredit, "synonym");
    // A name is not explained by its dictionary definition: "Secretary" is not "department".
    const definition = asName ? [] : (this.options.synonyms?.definitionWords(token.word) ?? []);
    for (const word of definition) add(termOf(word), this.options.definitionCredit, "definition");
    // Only a word that is neither in the articles nor in the dictionary is taken for a
    // misspelling: "compiled" is not a typo of "compared".
    const dictionaryWord = this.options.synonyms?.knows(token.word) ?? false;
    if (!known && !dictionaryWord && token.word.length >= 4) {
      for (const match of this.closeSpellings(token.word)) {
        const term = this.data.vocabulary.get(match.word);
        if (term) add(term, this.options.fuzzyCredit * match.quality, "fuzzy");
      }
      // A compound whose head the articles use: "carmakers" → "makers".
      for (let cut = 3; cut <= token.word.length - 4; cut += 1) {
        const head = this.data.vocabulary.get(token.word.slice(cut));
        if (head) {
          add(head, 0.5, "compound");
          break;
        }
      }
    }
    if (variants.size <= MAX_VARIANTS) return variants;
    // Keep the best stand-ins, the rarer first among equals: each costs a postings scan.
    const df = (term: string) => this.data.postings.get(term)?.units.length ?? 0;
    const [exact, ...others] = [...variants];
    others.sort(([a, x], [b, y]) => y.quality - x.quality || df(a) - df(b));
    return new Map([...(exact ? [exact] : []), ...others.slice(0, MAX_VARIANTS - 1)]);
  }

  private queryTerms(tokens: readonly Token[]): QueryTerm[] {
    const content = tokens.map((token) => (isContentToken(token) ? token : undefined));
    const variantsByTerm = new Map<string, Map<string, { quality: number; how: MatchKind }>>();
    const isName = (token: Token, position: number) =>
      token.acronym || (token.capitalized && position > 0 && !token.isNumber);
    content.forEach((token, position) => {
      if (token && !variantsByTerm.has(token.term)) {
        variantsByTerm.set(token.term, this.variantsOf(token, isName(token, position)));
      }
    });
    /** True when nothing in the articles stands for the word: no synonym, no close spelling (a definition word is too loose). */
    const unmatched = (token: Token) =>
      [...(variantsByTerm.get(token.term) ?? [])].every(
        ([term, match]) => !this.data.postings.has(term) || match.quality < 0.5,
      );
    const seen = new Set<string>();
    const terms: QueryTerm[] = [];
    const positionOf = new Map<string, number>();
    content.forEach((token, position) => {
      if (!token || seen.has(token.term)) return;
      seen.add(token.term);
      const variants = variantsByTerm.get(token.term) as Map<
        string,
        { quality: number; how: MatchKind }
      >;
      // A word absent from the articles weighs as much as the rarest word they have.
      // A word the articles have (as itself or as its acronym) weighs by its own rarity.
      const exact = [...variants].find(
        ([term, match]) => match.how === "exact" && this.data.postings.has(term),
      );
      let weight = exact ? this.idf(exact[0]) : 0;
      if (!exact) {
        for (const [term, match] of variants) {
          const idf = this.data.postings.has(term) ? this.idf(term) : this.idf(token.term);
          weight = Math.max(weight, term === token.term ? idf : idf * match.quality);
        }
      }
      if (LOW_INFORMATION_WORDS.has(token.word)) weight *= 0.5;
      // Names are the most specific words of a question; one the articles never mention
      // ("Apple", "Beijing") means the question is about something else.
      // The articles' own topics (words of their titles, "Tesla") are no rarer for being names.
      let nameFactor = 1;
      if (isName(token, position)) {
        if (unmatched(token)) nameFactor = this.options.missingNameWeight;
        else if (!this.titleVocabulary.has(token.term)) nameFactor = this.options.nameWeight;
      }
      weight *= nameFactor;
      // After "did", "will", "can"… an unmatched lower-case word is most often the
      // question's verb, which articles word in many ways ("grow" for "tripled"):
      // its absence says less than an absent name or noun.
      const afterAuxiliary = tokens.slice(0, position).some((t) => AUXILIARIES.has(t.word));
      const plainWord = !isName(token, position) && !token.isNumber;
      if (plainWord && unmatched(token)) {
        // An ordinary word the articles lack is more often the asker's wording than a
        // missing fact; names and numbers keep their full weight.
        weight *= afterAuxiliary ? 0.5 : this.options.unknownWordWeight;
      }
      // "stock price", "Model 3 cars": where the word before is missing, a "price" or
      // "cars" found is probably another one.
      const before = position > 0 ? content[position - 1] : undefined;
      const modifier = before ? positionOf.get(before.term) : undefined;
      // From a passage's point of view, a name its article never mentions is missing
      // altogether: it weighs as a name missing from every article does.
      const weightIfAbsent =
        nameFactor === 1 ? weight : this.idf("") * this.options.missingNameWeight;
      positionOf.set(token.term, terms.length);
      terms.push({
        word: token.word,
        weight,
        variants,
        modifier,
        weightIfAbsent,
        partners: [],
        lowInformation: LOW_INFORMATION_WORDS.has(token.word),
      });
    });
    // Names of several words ("Model 3", "Wang Yang") are one thing: a passage whose
    // article lacks one of the words is about another "Model".
    let run: number[] = [];
    const closeRun = () => {
      const members = [...new Set(run.map((p) => positionOf.get((content[p] as Token).term)))];
      if (members.length >= 2) {
        for (const member of members) {
          const term = terms[member as number];
          if (term) term.partners.push(...(members.filter((m) => m !== member) as number[]));
        }
      }
      run = [];
    };
    content.forEach((token, position) => {
      const inName =
        token !== undefined &&
        (isName(token, position) ||
          (token.isNumber && run.length > 0 && run.at(-1) === position - 1));
      if (inName && (run.length === 0 || run.at(-1) === position - 1)) run.push(position);
      else {
        closeRun();
        if (inName) run.push(position);
      }
    });
    closeRun();
    if (terms.length <= MAX_QUERY_TERMS) return terms;
    const kept = new Set([...terms].sort((a, b) => b.weight - a.weight).slice(0, MAX_QUERY_TERMS));
    return terms.filter((term) => kept.has(term));
  }

  /**
   * Answers a question: ranked citations, whether the articles cover it, and a
   * short answer when the question asks for one.
   */
  ask(question: string, options: AskOptions = {}): Answer {
    const { answer } = this.explain(question, options);
    return answer;
  }

  /** Like {@link ask}, with the reasons for each citation's rank. */
  explain(
    question: string,
    options: AskOptions = {},
  ): { answer: Answer; citations: ExplainedCitation[] } {
    const ranked = this.rank(question, options);
    const field = metadataField(question);
    return field === undefined ? ranked : this.answerMetadata(field, ranked, options);
  }

  /**
   * Answers a question about the article itself from its front matter: the
   * article is the one asked for, the only one, or the one the question's other
   * words point to; the citation is its lead.
   */
  private answerMetadata(
    field: MetadataField,
    ranked: { answer: Answer; citations: ExplainedCitation[] },
    options: AskOptions,
  ): { answer: Answer; citations: ExplainedCitation[] } {
    const chosen =
      (options.article !== undefined ? this.article(options.article) : undefined) ??
      (this.articles.length === 1 ? this.articles[0] : undefined) ??
      (ranked.citations[0] ? this.article(ranked.citations[0].article) : undefined);
    const lead = chosen?.paragraphs[0];
    if (!chosen || !lead) return ranked;
    const value = metadataValue(chosen, field);
    const leadCitation: ExplainedCitation = {
      article: chosen.id,
      title: chosen.title,
      paragraph: lead.number,
      excerpt: lead.sentences[0]?.text ?? lead.text,
      score: ranked.citations[0]?.score ?? 0,
      matched: [],
      coverage: value === undefined ? 0 : 1,
      kindFits: value !== undefined,
      terms: [],
    };
    const others = ranked.citations.filter(
      (c) => !(c.article === chosen.id && c.paragraph === lead.number),
    );
    const limit = Math.max(1, Math.floor(options.limit ?? this.options.limit));
    const citations = [leadCitation, ...others].slice(0, limit);
    const plain = citations.map(plainCitation);
    return {
      answer: {
        question: ranked.answer.question,
        answered: value !== undefined,
        answer: value ?? null,
        citations: plain,
      },
      citations,
    };
  }

  private rank(
    question: string,
    options: AskOptions,
  ): { answer: Answer; citations: ExplainedCitation[] } {
    const limit = Math.max(1, Math.floor(options.limit ?? this.options.limit));
    const only =
      options.article === undefined ? undefined : (this.articleById.get(options.article) ?? -1);
    const kind = questionKind(question);
    // In "what does VCS stand for", only "VCS" is looked for: the rest is the question's frame.
    const tokens = tokenize(question).filter(
      (token) => kind !== "definition" || !DEFINITION_FRAME.has(token.word),
    );
    const terms = this.queryTerms(tokens);
    const totalWeight = terms.reduce((sum, term) => sum + term.weight, 0);
    const empty = {
      answer: { question, answered: false, answer: null, citations: [] },
      citations: [],
    };
    if (terms.length === 0 || totalWeight === 0) return empty;

    const { sentences } = this.data;
    const resolved = this.resolve(terms);
    const range: [number, number] =
      only === undefined
        ? [0, this.size - 1]
        : [this.articleFirst[only] ?? 0, (this.articleFirst[only + 1] ?? 0) - 1];
    const shortlist = this.shortlist(terms, resolved, range);
    if (shortlist.length === 0) return empty;
    const { quality } = this.scratch;

    const { neighborCredit, paragraphCredit, articleCredit, lengthNormalization } = this.options;
    const paragraphBest = new Map<number, Float64Array>();
    const articleBest = new Map<number, Float64Array>();
    const titleInclusion = new Map<number, Uint8Array>();
    const bestIn = (table: Map<number, Float64Array>, key: number, first: number, last: number) => {
      let best = table.get(key);
      if (!best) {
        best = Float64Array.from(resolved, (variants) => qualityIn(variants, first, last));
        table.set(key, best);
      }
      return best;
    };
    const candidates: Candidate[] = [];
    for (const unitId of shortlist) {
      const paragraphKey = sentences.paragraphKey[unitId] as number;
      const articleIndex = sentences.article[unitId] as number;
      const hasPrevious = sentences.paragraphKey[unitId - 1] === paragraphKey;
      const hasNext = sentences.paragraphKey[unitId + 1] === paragraphKey;
      const paragraph = bestIn(
        paragraphBest,
        paragraphKey,
        this.paragraphFirst[paragraphKey] as number,
        (this.paragraphFirst[paragraphKey + 1] as number) - 1,
      );
      const article = bestIn(
        articleBest,
        articleIndex,
        this.articleFirst[articleIndex] as number,
        (this.articleFirst[articleIndex + 1] as number) - 1,
      );
      const titleTerms = this.titleTermSets[articleIndex] as Set<string>;
      const inTitle = titleInclusion.get(articleIndex) ?? this.titleInclusion(terms, titleTerms);
      titleInclusion.set(articleIndex, inTitle);
      const length = sentences.length[unitId] as number;
      const lengthFactor = Math.min(
        1.1,
        1 / (1 - lengthNormalization + (lengthNormalization * length) / this.data.averageLength),
      );
      const credits = new Float64Array(terms.length);
      const places = new Uint8Array(terms.length);
      let score = 0;
      let covered = 0;
      let possible = 0;
      let gainPrevious = 0;
      let gainNext = 0;
      terms.forEach((term, i) => {
        const here = quality[unitId * MAX_QUERY_TERMS + i] as number;
        const previous = hasPrevious ? (quality[(unitId - 1) * MAX_QUERY_TERMS + i] as number) : 0;
        const next = hasNext ? (quality[(unitId + 1) * MAX_QUERY_TERMS + i] as number) : 0;
        // The best of: in the sentence, next to it, in its paragraph, in its article.
        let credit = here;
        let place = here > 0 ? 1 : 0;
        const around = neighborCredit * Math.max(previous, next);
        if (around > credit) [credit, place] = [around, 2];
        const inParagraph = paragraphCredit * (paragraph[i] ?? 0);
        if (inParagraph > credit) [credit, place] = [inParagraph, 3];
        const inArticle = articleCredit * Math.max(article[i] ?? 0, inTitle[i] ?? 0);
        if (inArticle > credit) [credit, place] = [inArticle, 4];
        const absent = (m: number) => (article[m] ?? 0) < 0.5 && !inTitle[m];
        if (term.modifier !== undefined && term.modifier !== i && absent(term.modifier)) {
          credit *= MODIFIER_MISSING;
        }
        if (term.partners.some(absent)) credit = 0;
        // A name this article never mentions: the passage is about something else.
        const weight = absent(i) ? term.weightIfAbsent : term.weight;
        // A word of the article's title is its topic: it says little about which passage answers.
        const topical = inTitle[i] ? this.options.titleDiscount : 1;
        credits[i] = credit;
        places[i] = place;
        if (!term.lowInformation) covered += weight * credit;
        possible += weight;
        score += weight * topical * credit * (place === 1 ? lengthFactor : 1);
        gainPrevious += term.weight * Math.max(0, previous - here);
        gainNext += term.weight * Math.max(0, next - here);
      });
      const withNeighbor = gainNext > 0 && gainNext >= gainPrevious ? 1 : gainPrevious > 0 ? -1 : 0;
      candidates.push({
        unitId,
        score,
        coverage: possible > 0 ? covered / possible : 0,
        withNeighbor,
        kindFits: false,
        credits,
        places,
      });
    }
    candidates.sort((a, b) => b.score - a.score || a.unitId - b.unitId);

    // The kind of answer asked for decides among the leaders: a "who" question wants
    // a name it does not already mention, "how much" a number, "when" a date.
    const asked = new Set(tokens.map((token) => token.term));
    const short = tokens.filter((t) => !t.isNumber && t.word.length >= 2 && t.word.length <= 6);
    const defines =
      kind === "definition" && short.length > 0
        ? new RegExp(
            `\\((?:${short.map((t) => t.word.replace(/[^a-z0-9]/gu, "")).join("|")})\\)`,
            "iu",
          )
        : undefined;
    const leaders = candidates.slice(0, Math.max(30, limit * 3));
    for (const candidate of leaders) {
      candidate.kindFits = this.kindFits(kind, candidate.unitId, asked, defines);
      if (candidate.kindFits) candidate.score += this.options.kindBonus * totalWeight;
      else if (EXPECTS_ENTITY.has(kind)) candidate.score *= this.options.kindMisfit;
    }
    leaders.sort((a, b) => b.score - a.score || a.unitId - b.unitId);

    const explained: ExplainedCitation[] = [];
    const usedUnits = new Set<number>();
    for (const candidate of leaders) {
      if (explained.length >= limit) break;
      if (usedUnits.has(candidate.unitId)) continue;
      explained.push(this.cite(candidate, terms, usedUnits));
    }
    const best = leaders[0];
    const answered = best !== undefined && best.coverage >= this.options.answerCoverage;
    const top = explained[0];
    const shortAnswer =
      answered && top ? extractShortAnswer(kind, question, top.excerpt, top.title) : null;
    const citations = explained.map(plainCitation);
    return { answer: { question, answered, answer: shortAnswer, citations }, citations: explained };
  }

  /** Each question word's variants with their postings, best match first. */
  private resolve(terms: readonly QueryTerm[]): ResolvedVariant[][] {
    return terms.map((term) =>
      [...term.variants]
        .flatMap(([variant, match]) => {
          const posting = this.data.postings.get(variant);
          return posting ? [{ quality: match.quality, units: posting.units }] : [];
        })
        .sort((a, b) => b.quality - a.quality),
    );
  }

  /**
   * The sentences worth scoring in full: those with the most question weight in
   * the sentence itself. Accumulates into typed arrays reused across questions,
   * so a question costs the length of its postings, not the size of the corpus.
   */
  private shortlist(
    terms: readonly QueryTerm[],
    resolved: readonly ResolvedVariant[][],
    [first, last]: [number, number],
  ): number[] {
    const size = this.size;
    if (this.scratch.scores.length !== size) {
      this.scratch = {
        scores: new Float64Array(size),
        marks: new Uint32Array(size),
        mark: 0,
        quality: new Float32Array(size * MAX_QUERY_TERMS),
        touched: [],
      };
    }
    const { scores, marks, quality } = this.scratch;
    // Forget the previous question's per-sentence qualities.
    for (const unitId of this.scratch.touched)
      quality.fill(0, unitId * MAX_QUERY_TERMS, (unitId + 1) * MAX_QUERY_TERMS);
    const touched: number[] = [];
    // Rarest words first; once they have found enough sentences, a common word only
    // adds to those (looked up one by one) instead of pulling in thousands more.
    const order = terms
      .map((_, i) => i)
      .sort((a, b) => (terms[b]?.weight ?? 0) - (terms[a]?.weight ?? 0));
    let sortedTouched = new Int32Array(0);
    for (const i of order) {
      const term = terms[i] as QueryTerm;
      // One mark per question word: the best variant found in a sentence counts, once.
      this.scratch.mark = (this.scratch.mark % 0xfffffff0) + 1;
      const mark = this.scratch.mark;
      for (const variant of resolved[i] ?? []) {
        const enough = touched.length >= SHORTLIST_SIZE;
        const known = touched.length;
        const units = variant.units;
        // A loose match (synonym, definition word) that is everywhere adds little and costs
        // much: it still counts around the sentence (paragraph, article), not here.
        if (variant.quality < 1 && units.length > Math.max(COMMON_POSTINGS, size / 20)) continue;
        const contribution = term.weight * variant.quality;
        const visit = (unitId: number) => {
          if (marks[unitId] === mark) return;
          marks[unitId] = mark;
          quality[unitId * MAX_QUERY_TERMS + i] = variant.quality;
          if (scores[unitId] === 0) touched.push(unitId);
          scores[unitId] = (scores[unitId] ?? 0) + contribution;
        };
        // Exact scoring of the sentences found so far; new ones would hold only this common word.
        // A loose variant, likewise, only strengthens sentences already found.
        const common = units.length > Math.max(COMMON_POSTINGS, size / 20);
        if (enough && (common || variant.quality < 1 || units.length > 4 * known)) {
          if (sortedTouched.length !== known) sortedTouched = Int32Array.from(touched).sort();
          if (units.length < known * 8) {
            // Comparable sizes: one walk along both sorted lists.
            let k = 0;
            for (const unitId of sortedTouched) {
              while (k < units.length && (units[k] as number) < unitId) k += 1;
              if (k === units.length) break;
              if (units[k] === unitId) visit(unitId);
            }
          } else {
            for (const unitId of sortedTouched) {
              const at = lowerBound(units, unitId);
              if (units[at] === unitId) visit(unitId);
            }
          }
          continue;
        }
        for (let k = lowerBound(units, first); k < units.length; k += 1) {
          const unitId = units[k] as number;
          if (unitId > last) break;
          visit(unitId);
        }
      }
    }
    let chosen = touched;
    if (touched.length > SHORTLIST_SIZE) {
      // The SHORTLIST_SIZE-th best score, by selection on a copy: no full sort.
      const values = Float64Array.from(touched, (unitId) => scores[unitId] ?? 0);
      const cut = kthLargest(values, SHORTLIST_SIZE);
      // Everything above the cut, then ties at the cut up to the size (never dropping a better one).
      const above = touched.filter((unitId) => (scores[unitId] ?? 0) > cut);
      const tied = touched.filter((unitId) => scores[unitId] === cut);
      chosen = [...above, ...tied.slice(0, Math.max(0, SHORTLIST_SIZE - above.length))];
    }
    for (const unitId of touched) scores[unitId] = 0;
    this.scratch.touched = touched;
    return chosen;
  }

  /** Which question words (by any of their variants) appear in an article's title. */
  private titleInclusion(terms: readonly QueryTerm[], titleTerms: ReadonlySet<string>): Uint8Array {
    return Uint8Array.from(terms, (term) => {
      for (const titleTerm of titleTerms) if (term.variants.has(titleTerm)) return 1;
      return 0;
    });
  }

  /** Terms of the capitalised words inside a sentence (not its first word), cached: "who" asks often. */
  private namesIn(unitId: number): readonly string[] {
    let names = this.nameCache.get(unitId);
    if (!names) {
      names = tokenize(this.sentenceText(unitId))
        .filter((token, position) => position > 0 && token.capitalized && !token.isNumber)
        .map((token) => token.term);
      if (this.nameCache.size >= 20_000) this.nameCache.clear();
      this.nameCache.set(unitId, names);
    }
    return names;
  }

  private sentenceText(unitId: number): string {
    const { sentences } = this.data;
    const article = this.articles[sentences.article[unitId] as number];
    const paragraph = article?.paragraphs[(sentences.paragraph[unitId] as number) - 1];
    return paragraph?.sentences[sentences.sentence[unitId] as number]?.text ?? "";
  }

  private kindFits(
    kind: QuestionKind,
    unitId: number,
    asked: ReadonlySet<string>,
    defines: RegExp | undefined,
  ): boolean {
    const flags = this.data.sentences.flags[unitId] as number;
    switch (kind) {
      case "definition":
        // An abbreviation is defined where it stands in brackets after its expansion.
        return defines !== undefined && defines.test(this.sentenceText(unitId));
      case "quantity":
        return (flags & HAS_NUMBER) !== 0;
      case "time":
        return (flags & HAS_TIME) !== 0;
      case "person":
      case "place":
        // A capitalised word inside the sentence that the question does not name.
        return this.namesIn(unitId).some((term) => !asked.has(term));
      default:
        return false;
    }
  }

  private cite(
    candidate: Candidate,
    terms: readonly QueryTerm[],
    usedUnits: Set<number>,
  ): ExplainedCitation {
    const { sentences } = this.data;
    const unitId = candidate.unitId;
    const article = this.articles[sentences.article[unitId] as number] as Article;
    const paragraphNumber = sentences.paragraph[unitId] as number;
    const paragraph = article.paragraphs[paragraphNumber - 1];
    const own = sentences.sentence[unitId] as number;
    const texts = paragraph?.sentences ?? [];
    let first = own;
    let last = own;
    const other = own + candidate.withNeighbor;
    const neighbor = texts[other];
    if (
      candidate.withNeighbor !== 0 &&
      neighbor &&
      !usedUnits.has(unitId + candidate.withNeighbor) &&
      neighbor.text.length + (texts[own]?.text.length ?? 0) + 1 <= this.options.maxExcerptLength
    ) {
      first = Math.min(first, other);
      last = Math.max(last, other);
    }
    for (let s = first; s <= last; s += 1) usedUnits.add(unitId + (s - own));
    const excerpt = texts
      .slice(first, last + 1)
      .map((sentence) => sentence.text)
      .join(" ");
    const wanted = new Set<string>();
    // Highlight what a reader would see as matching: not the loose definition words.
    for (const term of terms) {
      for (const [variant, match] of term.variants)
        if (match.how !== "definition") wanted.add(variant);
    }
    const matched = new Set<string>();
    for (const token of tokenize(excerpt)) {
      if (wanted.has(token.term) && isContentToken(token)) matched.add(token.surface);
    }
    return {
      article: article.id,
      title: article.title,
      paragraph: paragraphNumber,
      excerpt,
      score: Math.round(candidate.score * 1000) / 1000,
      matched: [...matched],
      coverage: Math.round(candidate.coverage * 1000) / 1000,
      kindFits: candidate.kindFits,
      terms: terms.map((term, i) => ({
        word: term.word,
        weight: Math.round(term.weight * 1000) / 1000,
        matches: [...term.variants].map(([variant, match]) => ({ term: variant, ...match })),
        found: PLACES[candidate.places[i] ?? 0] ?? "nowhere",
        credit: Math.round((candidate.credits[i] ?? 0) * 1000) / 1000,
      })),
    };
  }
}
