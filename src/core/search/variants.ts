import editDistance from "damerau-levenshtein";
import Fuse from "fuse.js";
import { LRUCache } from "lru-cache";
import type { IndexView } from "../index/view.ts";
import {
  ABBREVIATIONS,
  CACHE_SIZES,
  cacheSizeFor,
  TYPO_MATCHING,
  type RankingOptions,
} from "../options.ts";
import type { WordVectors } from "../vectors.ts";
import { termOf, type Token } from "../text/tokenize.ts";

/** The letters a one-letter edit may add or change. */
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
/** How an index term came to stand for a question word. */
export type MatchKind =
  "exact" | "fuzzy" | "compound" | "abbreviation" | "synonym" | "definition" | "vector";

/** How well an index term stands for a question word (1: the word itself). */
export interface Match {
  readonly quality: number;
  readonly how: MatchKind;
}

/** The index terms that stand for one question word. */
export type VariantMap = ReadonlyMap<string, Match>;

/**
 * Works out which index terms a question word may stand for: itself, its
 * WordNet synonyms and definition words, close spellings of the articles'
 * words, and a compound's head. Remembers the answers: the same words come back.
 */
export class VariantFinder {
  private readonly cache: LRUCache<string, VariantMap>;
  private vocabularyByLength: Map<number, string[]> | undefined;
  private vocabularyByInitial: Map<string, [string, string][]> | undefined;
  /** Misspelling look-ups left for the current question ({@link beginQuestion}). */
  private lookupsLeft: number = TYPO_MATCHING.lookupsPerQuestion;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {
    // A small index (one article's) asks about as many distinct words as it has.
    this.cache = new LRUCache({
      max: cacheSizeFor(CACHE_SIZES.variants, view.data.vocabulary.size),
    });
  }

  /** Starts a question: its misspelling look-ups are counted against the work budget. */
  beginQuestion(): void {
    this.lookupsLeft = TYPO_MATCHING.lookupsPerQuestion;
  }

  /** The index terms a question word may stand for, with how well each matches. */
  variantsOf(token: Token, asName: boolean): VariantMap {
    const key = `${token.isNumber ? "#" : asName ? "N" : ""}${token.word}`;
    let variants = this.cache.get(key);
    if (!variants) {
      const found = this.find(token, asName);
      variants = found.variants;
      // Not remembered when the budget skipped its look-up: another question may afford it.
      if (found.complete) this.cache.set(key, variants);
    }
    return variants;
  }

  private find(token: Token, asName: boolean): { variants: VariantMap; complete: boolean } {
    const { view, options } = this;
    const variants = new Map<string, Match>();
    const keep = (term: string, quality: number, how: MatchKind) => {
      if ((variants.get(term)?.quality ?? 0) < quality) variants.set(term, { quality, how });
    };
    const add = (candidate: string, quality: number, how: MatchKind) => {
      if (view.has(candidate)) keep(candidate, quality, how);
      // A short word may be an acronym of the articles written in lower case: "ev" = "EV",
      // WordNet's "us" for "America" = "U.S."; "ai" is "AI" even where a name "Ai"
      // makes "ai" a term of its own, but "make" is not the "MAKE" of a capitalised heading.
      const upper = candidate.toUpperCase();
      if (
        upper !== candidate &&
        candidate.length <= TYPO_MATCHING.maxAcronymLength &&
        view.has(upper) &&
        view.frequency(upper) >= view.frequency(candidate)
      ) {
        keep(upper, quality, how);
      }
    };
    // A name of several words the dictionary gives for the word ("United States" for
    // "america"): a phrase term, the sentences holding all its words (IndexView.sentencesWith).
    const addPhrases = (word: string) => {
      for (const words of options.synonyms?.phraseSynonyms?.(word) ?? []) {
        const phrase = words.map(termOf).join(" ");
        if (view.has(phrase)) keep(phrase, options.synonymCredit, "synonym");
      }
    };
    const known = view.has(token.term);
    variants.set(token.term, { quality: 1, how: "exact" });
    if (!token.acronym && !token.isNumber) add(token.word, 1, "exact");
    // "evs" typed in lower case is the plural of the articles' acronym "EV", as "EVs" is.
    const singular = token.word.slice(0, -1);
    if (
      !known &&
      !token.acronym &&
      token.word.endsWith("s") &&
      singular.length >= 2 &&
      !(options.synonyms?.knows(token.word) ?? false)
    ) {
      add(singular, 1, "exact");
    }
    if (token.isNumber) return { variants, complete: true };
    if (token.word.length < TYPO_MATCHING.minVariantWordLength) {
      // An acronym too short for anything else still has the dictionary's names for what it
      // stands for: "US" is "America" in an article that never writes "US".
      const upper = token.word.toUpperCase();
      if (
        token.acronym ||
        (view.has(upper) && view.frequency(upper) >= view.frequency(token.term))
      ) {
        for (const synonym of options.synonyms?.synonyms(token.word) ?? []) {
          add(termOf(synonym), options.synonymCredit, "synonym");
        }
        addPhrases(token.word);
      }
      return { variants, complete: true };
    }
    let complete = true;
    const synonyms = options.synonyms?.synonyms(token.word) ?? [];
    for (const synonym of synonyms) add(termOf(synonym), options.synonymCredit, "synonym");
    addPhrases(token.word);
    for (const synonym of options.synonyms?.otherSenseSynonyms?.(token.word) ?? []) {
      add(termOf(synonym), options.otherSenseCredit, "synonym");
    }
    // A name is not explained by its dictionary definition: "Secretary" is not "department".
    const definition = asName ? [] : (options.synonyms?.definitionWords(token.word) ?? []);
    for (const word of definition) add(termOf(word), options.definitionCredit, "definition");
    if (!asName) {
      for (const [term, similarity] of this.vectorNeighbours(token.word)) {
        add(term, options.vectorCredit * similarity, "vector");
      }
    }
    // Only a word that is neither in the articles nor in the dictionary is taken for a
    // misspelling: "compiled" is not a typo of "compared".
    const dictionaryWord = options.synonyms?.knows(token.word) ?? false;
    // A misspelling may share its stem with an article's word ("prosecuter" and "prosecution"
    // are both "prosecut"): it is the written word the articles lack that is looked up.
    const writtenKnown = known && view.data.vocabulary.has(token.word);
    const typo =
      !writtenKnown && !dictionaryWord && token.word.length >= TYPO_MATCHING.minWordLength;
    if (typo && this.lookupsLeft <= 0) complete = false;
    else if (typo) {
      this.lookupsLeft -= 1;
      const spellings = this.closeSpellings(token.word);
      for (const match of spellings) {
        const term = view.data.vocabulary.get(match.word);
        if (term) add(term, options.fuzzyCredit * match.quality, "fuzzy");
      }
      // The word meant brings its synonyms too: "allowd" is "allow", and so "permit".
      const meant = spellings.reduce<(typeof spellings)[number] | undefined>(
        (best, match) => (best === undefined || match.quality > best.quality ? match : best),
        undefined,
      );
      if (meant && !asName) {
        const quality = options.fuzzyCredit * meant.quality * options.synonymCredit;
        for (const synonym of options.synonyms?.synonyms(meant.word) ?? []) {
          add(termOf(synonym), quality, "synonym");
        }
      }
      // A misspelling of a word the articles lack ("statoined" for "stationed"): the common
      // English word one edit away stands in with its synonyms and vector neighbours.
      const english = !meant && !asName ? this.commonWordOneEditFrom(token.word) : undefined;
      if (english) {
        for (const synonym of options.synonyms?.synonyms(english) ?? []) {
          add(termOf(synonym), options.fuzzyCredit * options.synonymCredit, "synonym");
        }
        for (const [term, similarity] of this.vectorNeighbours(english)) {
          add(term, options.fuzzyCredit * options.vectorCredit * similarity, "vector");
        }
      }
      // A compound whose head the articles use: "carmakers" → "makers".
      const lastCut = token.word.length - TYPO_MATCHING.minCompoundHead;
      for (let cut = TYPO_MATCHING.minCompoundPrefix; cut <= lastCut; cut += 1) {
        const head = view.data.vocabulary.get(token.word.slice(cut));
        if (head) {
          add(head, options.compoundCredit, "compound");
          break;
        }
      }
    }
    // A chat abbreviation of an article's word ("regs", "govt", "btc"), where nothing
    // else stands for it: the commonest word it abbreviates.
    const { minLength, maxLength } = ABBREVIATIONS;
    const abbreviation =
      !known &&
      !dictionaryWord &&
      !asName &&
      variants.size === 1 &&
      token.word.length >= minLength &&
      token.word.length <= maxLength;
    if (abbreviation) {
      for (const expansion of this.expansionsOf(token.word)) {
        add(expansion, options.abbreviationCredit, "abbreviation");
      }
    }
    if (variants.size <= options.maxVariants) return { variants, complete };
    // Keep the best stand-ins, the rarer first among equals: each costs a postings scan.
    const [exact, ...others] = [...variants];
    others.sort(([a, x], [b, y]) => y.quality - x.quality || view.frequency(a) - view.frequency(b));
    const kept = new Map([...(exact ? [exact] : []), ...others.slice(0, options.maxVariants - 1)]);
    return { variants: kept, complete };
  }

  /**
   * The term of the commonest article word that `word` abbreviates: a word longer by
   * {@link ABBREVIATIONS.minDroppedLetters} at least, with the same first letter and all of
   * `word`'s letters in order ("regs" → "regulations", "govt" → "government").
   */
  private expansionsOf(word: string): string[] {
    if (!this.vocabularyByInitial) {
      this.vocabularyByInitial = new Map();
      for (const entry of this.view.data.vocabulary) {
        const initial = entry[0][0] as string;
        const bucket = this.vocabularyByInitial.get(initial) ?? [];
        bucket.push(entry);
        this.vocabularyByInitial.set(initial, bucket);
      }
    }
    const found = new Map<string, number>();
    for (const [known, term] of this.vocabularyByInitial.get(word[0] as string) ?? []) {
      if (known.length < word.length + ABBREVIATIONS.minDroppedLetters) continue;
      let matched = 1;
      for (let i = 1; i < known.length && matched < word.length; i += 1) {
        if (known[i] === word[matched]) matched += 1;
      }
      if (matched < word.length) continue;
      found.set(term, this.view.frequency(term));
    }
    return [...found]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, ABBREVIATIONS.expansions)
      .map(([term]) => term);
  }

  /**
   * The commonest word of the word-vector table (common English) one edit from `word`
   * (a letter dropped, added, changed, or two swapped), if any: what a misspelling of a
   * word the articles lack most likely meant.
   */
  private commonWordOneEditFrom(word: string): string | undefined {
    const vectors = this.options.wordVectors;
    // A word of the table is common English as typed ("mostly"), not a misspelling.
    if (!vectors || vectors.rank(word) !== undefined) return undefined;
    let best: string | undefined;
    let bestRank = Infinity;
    const consider = (candidate: string) => {
      const rank = vectors.rank(candidate);
      if (rank !== undefined && rank < bestRank) {
        best = candidate;
        bestRank = rank;
      }
    };
    for (let i = 0; i <= word.length; i += 1) {
      const [head, tail] = [word.slice(0, i), word.slice(i)];
      if (tail) consider(head + tail.slice(1));
      if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
      for (const letter of LETTERS) {
        if (tail && letter !== tail[0]) consider(head + letter + tail.slice(1));
        consider(head + letter + tail);
      }
    }
    return best;
  }

  /**
   * Index terms whose words lie near the question word in the word-vector space
   * ("atomic" ~ "nuclear", "jets" ~ "aircraft"), most similar first.
   */
  private vectorNeighbours(word: string): [string, number][] {
    const vectors = this.options.wordVectors;
    const own = vectors?.vector(word);
    if (!vectors || !own) return [];
    const table = this.corpusVectors(vectors);
    const best = new Map<string, number>();
    const ownTerm = termOf(word);
    forEachSimilar(
      own,
      table.matrix,
      vectors.dimensions,
      this.options.vectorThreshold,
      (i, dot) => {
        const term = table.terms[i] as string;
        if (term === ownTerm) return;
        if ((best.get(term) ?? 0) < dot) best.set(term, dot);
      },
    );
    return [...best].sort((a, b) => b[1] - a[1]).slice(0, this.options.vectorNeighbours);
  }

  private corpusTable: { terms: string[]; matrix: Float32Array } | undefined;

  /** Builds now what the first question would build: the articles' words as a vector matrix. */
  warm(): void {
    const vectors = this.options.wordVectors;
    if (vectors) this.corpusVectors(vectors);
  }

  /** The articles' words that have vectors, as one matrix (built on first use). */
  private corpusVectors(vectors: WordVectors): { terms: string[]; matrix: Float32Array } {
    if (this.corpusTable) return this.corpusTable;
    const terms: string[] = [];
    const rows: Float32Array[] = [];
    for (const [word, term] of this.view.data.vocabulary) {
      const vector = vectors.vector(word);
      // The commonest words ("first", "new", "year") lie near everything: they stand for nothing.
      if (!vector || (vectors.rank(word) ?? 0) < this.options.vectorCommonWords) continue;
      terms.push(term);
      rows.push(vector);
    }
    const matrix = new Float32Array(rows.length * vectors.dimensions);
    rows.forEach((row, i) => matrix.set(row, i * vectors.dimensions));
    this.corpusTable = { terms, matrix };
    return this.corpusTable;
  }

  /**
   * Corpus words that may be a misspelling of `word`. Fuse.js runs over words of
   * about the same length that share its first or second letter, not the whole
   * vocabulary, so typo tolerance stays cheap on large archives.
   */
  private closeSpellings(word: string): { word: string; quality: number }[] {
    const { vocabulary } = this.view.data;
    if (!this.vocabularyByLength) {
      this.vocabularyByLength = new Map();
      for (const known of vocabulary.keys()) {
        const bucket = this.vocabularyByLength.get(known.length) ?? [];
        bucket.push(known);
        this.vocabularyByLength.set(known.length, bucket);
      }
    }
    const { lengthWindow } = TYPO_MATCHING;
    const pool: string[] = [];
    // Nearest lengths first, so that the work budget keeps the likeliest candidates.
    for (
      let offset = 0;
      offset <= lengthWindow && pool.length < TYPO_MATCHING.maxPool;
      offset += 1
    ) {
      for (const length of offset === 0
        ? [word.length]
        : [word.length - offset, word.length + offset]) {
        for (const known of this.vocabularyByLength.get(length) ?? []) {
          if (known[0] === word[0] || known[1] === word[1]) pool.push(known);
        }
      }
    }
    pool.length = Math.min(pool.length, TYPO_MATCHING.maxPool);
    if (pool.length === 0) return [];
    // Fuse.js proposes; an edit distance (transpositions count once) disposes, since
    // Fuse's score also rewards mere overlap ("stock" ~ "sticker").
    const allowed =
      word.length <= TYPO_MATCHING.shortWord
        ? TYPO_MATCHING.shortWordEdits
        : TYPO_MATCHING.longWordEdits;
    const fuse = new Fuse(pool, {
      includeScore: true,
      threshold: TYPO_MATCHING.fuseThreshold,
      ignoreLocation: true,
    });
    const stem = termOf(word);
    return fuse
      .search(word, { limit: TYPO_MATCHING.fuseLimit })
      .map((result) => ({
        word: result.item,
        // Compared as written and as stems: "tarrif" is 3 edits from "tariffs", 2 from "tariff".
        steps: Math.min(
          editDistance(word, result.item).steps,
          editDistance(stem, vocabulary.get(result.item) ?? result.item).steps,
        ),
      }))
      .filter((match) => match.steps <= allowed)
      .map((match) => ({ word: match.word, quality: 1 - match.steps / (word.length + 1) }));
  }
}

/**
 * Calls `found(row, dot)` for each row of `matrix` (rows of `dimensions` values) whose dot
 * product with `own` is at least `threshold`, in row order. Four rows are summed side by
 * side: each row's sum is still taken in dimension order (the same floating-point value as
 * one row at a time), but the four chains of additions overlap instead of waiting on each
 * other.
 */
function forEachSimilar(
  own: Float32Array,
  matrix: Float32Array,
  dimensions: number,
  threshold: number,
  found: (row: number, dot: number) => void,
): void {
  const rows = Math.floor(matrix.length / dimensions);
  let row = 0;
  for (; row + 4 <= rows; row += 4) {
    const base = row * dimensions;
    let dot0 = 0;
    let dot1 = 0;
    let dot2 = 0;
    let dot3 = 0;
    for (let j = 0; j < dimensions; j += 1) {
      const value = own[j] as number;
      dot0 += value * (matrix[base + j] as number);
      dot1 += value * (matrix[base + dimensions + j] as number);
      dot2 += value * (matrix[base + 2 * dimensions + j] as number);
      dot3 += value * (matrix[base + 3 * dimensions + j] as number);
    }
    if (dot0 >= threshold) found(row, dot0);
    if (dot1 >= threshold) found(row + 1, dot1);
    if (dot2 >= threshold) found(row + 2, dot2);
    if (dot3 >= threshold) found(row + 3, dot3);
  }
  for (; row < rows; row += 1) {
    const base = row * dimensions;
    let dot = 0;
    for (let j = 0; j < dimensions; j += 1)
      dot += (own[j] as number) * (matrix[base + j] as number);
    if (dot >= threshold) found(row, dot);
  }
}
