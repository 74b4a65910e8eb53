import { isNumberWord } from "../text/lexicon.ts";
import { LRUCache } from "lru-cache";
import type { IndexView } from "../index/view.ts";
import { ABBREVIATIONS, TYPO_MATCHING } from "../fixed-tuning.ts";
import { CACHE_SIZES, cacheSizeFor } from "../speed-tuning.ts";
import type { RankingOptions } from "../options.ts";
import { termOf, type Token } from "../text/tokenize.ts";
import { Misspellings } from "./misspellings.ts";
import { VectorNeighbours } from "./vector-neighbours.ts";

/** How an index term came to stand for a question word. */
export type MatchKind =
  | "exact"
  | "fuzzy"
  | "compound"
  | "abbreviation"
  | "synonym"
  | "definition"
  | "vector"
  | "described";

/** How well an index term stands for a question word (1: the word itself). */
export interface Match {
  readonly quality: number;
  readonly how: MatchKind;
}

/** The index terms that stand for one question word. */
export type VariantMap = ReadonlyMap<string, Match>;

/**
 * Gives each of `tokens` the index terms `standIns` at `match`, where it has none better.
 * Copies: the variants of a word are shared between questions (VariantFinder's cache).
 */
export function addStandIns(
  variantsByTerm: Map<string, VariantMap>,
  tokens: Iterable<Token>,
  standIns: Iterable<string>,
  match: Match,
): void {
  for (const token of tokens) {
    const variants = new Map(variantsByTerm.get(token.term));
    for (const term of standIns) {
      if ((variants.get(term)?.quality ?? 0) < match.quality) variants.set(term, match);
    }
    variantsByTerm.set(token.term, variants);
  }
}

/**
 * Works out which index terms a question word may stand for: itself, its
 * WordNet synonyms and definition words, its neighbours in the word-vector space
 * (`vector-neighbours.ts`), close spellings and expansions of the articles' words
 * (`misspellings.ts`), and a compound's head. Remembers the answers: the same words come back.
 */
export class VariantFinder {
  private readonly cache: LRUCache<string, VariantMap>;
  private readonly misspellings: Misspellings;
  private readonly neighbours: VectorNeighbours;
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
    this.misspellings = new Misspellings(view, options);
    this.neighbours = new VectorNeighbours(view, options);
  }

  /** Starts a question: its misspelling look-ups are counted against the work budget. */
  beginQuestion(): void {
    this.lookupsLeft = TYPO_MATCHING.lookupsPerQuestion;
  }

  /**
   * The index terms a question word may stand for, with how well each matches. A word typed
   * in capitals may be read in lower case, as the articles write it ({@link asWritten}).
   */
  variantsOf(typed: Token, asName: boolean): VariantMap {
    const token = this.asWritten(typed);
    // The word and what kind of word it is: "ev" and "EV" share their word but not their term
    // (the acronym's is "EV"), nor their stand-ins.
    const kind = token.isNumber ? "#" : `${token.acronym ? "A" : ""}${asName ? "N" : ""}`;
    const key = `${kind}${token.word}`;
    let variants = this.cache.get(key);
    if (!variants) {
      const found = this.find(token, asName);
      variants = found.variants;
      // Not remembered when the budget skipped its look-up: another question may afford it.
      if (found.complete) this.cache.set(key, variants);
    }
    return variants;
  }

  /**
   * The word typed in capitals read in lower case where that reads it as the articles write
   * it: "CZAR" where they have only "czar"; an acronym shorter than `minVariantWordLength`
   * ("DC") whose lower-case reading stands for the acronym anyway (the articles write it so
   * at least as often), so that "DC" and "dc" find the same: for a word that short, the two
   * readings differ only in the lower-case term.
   */
  private asWritten(token: Token): Token {
    if (!token.acronym) return token;
    const { view } = this;
    const lower = termOf(token.word);
    const lowerOnly = !view.has(token.term) && view.has(lower);
    const short =
      token.word.length < TYPO_MATCHING.minVariantWordLength &&
      view.has(token.term) &&
      view.frequency(token.term) >= view.frequency(lower);
    return lowerOnly || short ? { ...token, term: lower, acronym: false } : token;
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
    // "evs" typed in lower case is the plural of the articles' acronym "EV", as "EVs" is, and
    // "epas" is "EPA's" typed without capitals or apostrophe: the dictionary knows it only as
    // an acronym ("gas" stays an English word, not "GA").
    const singular = token.word.slice(0, -1);
    const englishWord = () =>
      (options.synonyms?.knows(token.word) ?? false) &&
      !(options.synonyms?.acronym?.(token.word) ?? false);
    if (
      !known &&
      !token.acronym &&
      token.word.endsWith("s") &&
      singular.length >= 2 &&
      !englishWord()
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
        (view.has(upper) && view.frequency(upper) >= view.frequency(token.term)) ||
        // "uk" typed in lower case, which the articles never write: read as "UK" would be.
        (!view.has(token.term) && (options.synonyms?.phraseSynonyms?.(token.word).length ?? 0) > 0)
      ) {
        for (const synonym of options.synonyms?.synonyms(token.word) ?? []) {
          add(termOf(synonym), options.synonymCredit, "synonym");
        }
        addPhrases(token.word);
      }
      return { variants, complete: true };
    }
    let complete = true;
    // A numeral ("III", "three"), an ordinal, a magnitude is its own number: its synonyms,
    // its definition ("being one more than two") and its vector neighbours ("II", "four",
    // "fifth" for "fourth", "billion" for "million") name other numbers.
    const otherNumber = (word: string) => isNumberWord(token.word) && isNumberWord(word);
    const synonyms = options.synonyms?.synonyms(token.word) ?? [];
    for (const synonym of synonyms) {
      if (!otherNumber(synonym)) add(termOf(synonym), options.synonymCredit, "synonym");
    }
    addPhrases(token.word);
    for (const synonym of options.synonyms?.otherSenseSynonyms?.(token.word) ?? []) {
      add(termOf(synonym), options.otherSenseCredit, "synonym");
    }
    // A name is not explained by its dictionary definition: "Secretary" is not "department".
    const definition = asName ? [] : (options.synonyms?.definitionWords(token.word) ?? []);
    for (const word of definition) {
      if (!otherNumber(word)) add(termOf(word), options.definitionCredit, "definition");
    }
    if (!asName) {
      for (const [term, similarity] of this.neighbours.of(token.word)) {
        if (!otherNumber(term)) add(term, options.vectorCredit * similarity, "vector");
      }
    }
    // What stands for the word itself (its senses, its definition, its neighbours in the
    // vectors), before any guess that it is a misspelling.
    const ownVariants = variants.size;
    // The common English word a misspelling guess takes the word for, if any, and whether the
    // articles have words spelt close to it.
    let guessed: string | undefined;
    let closeToArticles = false;
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
      const spellings = this.misspellings.closeSpellings(token.word);
      closeToArticles = spellings.length > 0;
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
      const english =
        !meant && !asName ? this.misspellings.commonWordOneEditFrom(token.word) : undefined;
      guessed = english;
      if (english) {
        for (const synonym of options.synonyms?.synonyms(english) ?? []) {
          add(termOf(synonym), options.fuzzyCredit * options.synonymCredit, "synonym");
        }
        for (const [term, similarity] of this.neighbours.of(english)) {
          add(term, options.fuzzyCredit * options.vectorCredit * similarity, "vector");
        }
      }
      // Two words of the articles typed together ("covidgov" for "COVID.gov", "whitehouse"):
      // the sentences holding both, as a slip of the keyboard is read. Each part is at least
      // as long as a compound's prefix.
      const lastJoinCut = token.word.length - TYPO_MATCHING.minCompoundPrefix;
      for (let cut = TYPO_MATCHING.minCompoundPrefix; cut <= lastJoinCut; cut += 1) {
        const first = view.data.vocabulary.get(token.word.slice(0, cut));
        const second = view.data.vocabulary.get(token.word.slice(cut));
        if (first === undefined || second === undefined) continue;
        add(`${first} ${second}`, options.fuzzyCredit, "fuzzy");
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
    // A chat abbreviation of an article's word ("regs", "govt", "btc"), where nothing stands
    // for the word itself: the commonest word it abbreviates. A misspelling it might also be
    // ("dept" one letter from "kept", "admin" from "admit") does not rule it out, but an "s"
    // after a common word does, as an article word spelt close to it does.
    const { minLength, maxLength } = ABBREVIATIONS;
    const abbreviation =
      !known &&
      !dictionaryWord &&
      !asName &&
      ownVariants === 1 &&
      // "chna" is a misspelling of the articles' "china", no abbreviation of "chronic".
      !closeToArticles &&
      // "elses" typed for "else's" is that word's plural or possessive, no abbreviation.
      guessed !== token.word.slice(0, -1) &&
      token.word.length >= minLength &&
      token.word.length <= maxLength;
    if (abbreviation) {
      for (const expansion of this.misspellings.expansionsOf(token.word)) {
        add(expansion, options.abbreviationCredit, "abbreviation");
      }
    }
    // A longer word clipped ("collab" for "collaboration"): only the article words it begins.
    const clipping =
      !known &&
      !dictionaryWord &&
      !asName &&
      ownVariants === 1 &&
      !closeToArticles &&
      token.word.length > maxLength &&
      token.word.length <= ABBREVIATIONS.maxClippedLength;
    if (clipping) {
      for (const expansion of this.misspellings.clippingsOf(token.word)) {
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

  /** Builds now what the first question would build: the articles' words as a vector matrix. */
  warm(): void {
    this.neighbours.warm();
  }
}
