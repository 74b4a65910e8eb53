import { stemmer } from "stemmer";
import { CACHE_SIZES } from "../speed-tuning.ts";
import { IRREGULAR_FORMS, NUMBER_WORDS, STEM_COLLISIONS, STOP_WORDS } from "./lexicon.ts";
import { ownCopy } from "./own-copy.ts";
import { wordSpans } from "./words.ts";

/** One word or number of a text, with where it stands. */
export interface Token {
  /** The text as written (for highlighting). */
  readonly surface: string;
  /** Lower-cased, accent-free form, before stemming. */
  readonly word: string;
  /** The index term: stem of a word, canonical form of a number. */
  readonly term: string;
  readonly start: number;
  readonly end: number;
  readonly isNumber: boolean;
  /** Written with a capital letter (a name, unless it opens the sentence). */
  readonly capitalized: boolean;
  /** All capitals or dotted ("US", "U.S."): never a stop word, even when it spells one. */
  readonly acronym: boolean;
  /** Follows a capitalised word directly ("Model" in "Model X"). */
  readonly afterName?: boolean;
}

/** Lower case, accents removed, typographic apostrophes made plain. */
export function foldCase(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/gu, "'")
    .toLowerCase();
}

/** The index term of a lower-cased word: its base form, stemmed. */
export function termOf(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    const base = IRREGULAR_FORMS.get(word) ?? word;
    term =
      NUMBER_WORDS.get(word) ??
      STEM_COLLISIONS.get(base) ??
      (base.length <= 3 ? base : stemmer(base));
    remember(termCache, word, term);
  }
  return term;
}

/**
 * Adds to one of the two memo tables of indexing. These are plain maps, not the
 * LRU the rest of citebot uses: they are hit for nearly every word of every
 * article, and lru-cache's bookkeeping cost 22% more instructions to index 300
 * articles (callgrind, 3.35 G → 4.09 G). A corpus's vocabulary stays far below
 * the bound, so clearing when full costs nothing in practice.
 */
function remember<V>(table: Map<string, V>, key: string, value: V): void {
  if (table.size >= CACHE_SIZES.words) table.clear();
  table.set(key, value);
}

/** Stems already computed: stemming is most of the cost of indexing. */
const termCache = new Map<string, string>();

/** How a written form reads: its word, its index term and what kind of word it is. */
export type WordReading = Pick<Token, "word" | "term" | "isNumber" | "capitalized" | "acronym">;

/** How each written form reads; the same forms recur through a corpus, so each is read once. */
const readings = new Map<string, WordReading>();

/**
 * How a written form reads (memoised: the same forms recur through a corpus). The form is kept
 * as a string of its own (`ownCopy`): it is cut from a sentence, and the sentence from its
 * file's whole text, which the memo would otherwise keep alive, and so would the index, which
 * keeps the form's word and term.
 */
export function readWord(written: string): WordReading {
  let reading = readings.get(written);
  if (reading) return reading;
  const surface = ownCopy(written);
  const isNumber = /^\p{N}/u.test(surface);
  // "UK's" and "U.S.'s" are the acronyms' possessives, not the words "uk" and "us".
  const acronym = /^(?:\p{Lu}\.){2,}(?:['’]s)?$|^\p{Lu}{2,5}(?:s|['’]s)?$/u.test(surface);
  let word = foldCase(surface).replace(/\./gu, acronym ? "" : ".");
  // "EVs" is the plural of "EV".
  if (acronym && /\p{Lu}s$/u.test(surface)) word = word.slice(0, -1);
  if (isNumber) {
    word = word.replace(/,(?=\d{3}\b)/gu, "").replace(/\.$/u, "");
  } else {
    word = word.replace(/'s$/u, "").replace(/'$/u, "");
  }
  const capitalized = /^\p{Lu}/u.test(surface);
  // Acronyms keep their capitals as their term, apart from stems: "US" is not "useful" ("us").
  const term = isNumber ? word : acronym ? word.toUpperCase() : termOf(word);
  reading = { word, term, isNumber, capitalized, acronym };
  remember(readings, surface, reading);
  return reading;
}

/** Where {@link tokenize} finds its words (start and end of each), reused. */
let spanBuffer: Int32Array = new Int32Array(128);

/**
 * Cuts a text into word and number tokens (the words of words.ts's WORD_OR_NUMBER).
 * Possessives lose their "'s", numbers lose thousands separators ("1,000" → "1000"), and a
 * "%" after a number becomes its own "%" token so that "376%" and "25 percent" meet.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // The scan the index builder uses (the same spans as WORD_OR_NUMBER's matches, without a
  // match object per word), into a buffer kept between calls.
  const { spans, count } = wordSpans(text, spanBuffer);
  spanBuffer = spans;
  for (let k = 0; k < count; k += 1) {
    const start = spans[2 * k] as number;
    const end = spans[2 * k + 1] as number;
    const surface = text.slice(start, end);
    const { word, term, isNumber, capitalized, acronym } = readWord(surface);
    const previous = tokens.at(-1);
    const afterName = previous !== undefined && previous.capitalized && previous.end + 1 === start;
    tokens.push({ surface, word, term, start, end, isNumber, capitalized, acronym, afterName });
    if (isNumber && text[end] === "%") {
      tokens.push({
        surface: "%",
        word: "%",
        term: "%",
        start: end,
        end: end + 1,
        isNumber: false,
        capitalized: false,
        acronym: false,
      });
    }
  }
  return tokens;
}

/** True when a token carries meaning for search (not a stop word, not a lone letter). */
export function isContentToken(token: Token): boolean {
  if (token.isNumber || token.term === "%") return true;
  if (token.acronym) return true;
  // A capital letter after a name is part of it: "Model X", "Plan B".
  if (token.capitalized && token.word.length === 1 && token.afterName) return true;
  return token.word.length > 1 && !STOP_WORDS.has(token.word);
}
