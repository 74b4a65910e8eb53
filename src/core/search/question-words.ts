import editDistance from "damerau-levenshtein";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { PRECISION_WORDS } from "../answer/asked-noun.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import { isContentToken, type Token } from "../text/tokenize.ts";

// Which of a question's words are its topic and which only frame it: "how big", "what date",
// "how much money" ask for a kind of answer; "waht", "teh" are mistyped function words; a
// letter after a word is part of its name ("model s"). query.ts weighs what is left.

/** Adjectives that, after "how", say which measure is asked ("how big is the levy"), not what about. */
const MEASURES: ReadonlySet<string> = new Set(
  "big large high far fast old tall heavy deep wide long often soon early late".split(" "),
);

/**
 * Nouns that, right after "what"/"which" or "how much", name the kind of answer asked ("what
 * date was it announced", "how much money went into it"): the question's frame, answered by a
 * date or a sum, not a word the passage must say.
 */
const KIND_NOUNS: ReadonlySet<string> = new Set(
  "date day year month week time percentage percent fraction proportion number amount age money cash price cost".split(
    " ",
  ),
);

/** True for the noun of "what date", "how much money": the kind of answer asked, not a topic. */
export function kindNounAsked(tokens: readonly Token[], position: number): boolean {
  const token = tokens[position];
  if (token === undefined || !KIND_NOUNS.has(token.word)) return false;
  // "what exact date": the word of precision frames the question too.
  const precise = PRECISION_WORDS.has(tokens[position - 1]?.word ?? "");
  const before = tokens[position - (precise ? 2 : 1)]?.word;
  return (
    before === "what" ||
    before === "which" ||
    (before === "much" && tokens[position - 2]?.word === "how")
  );
}

/**
 * True for "far" of "so far" and "thus far": until now, as "rn" or "currently" say, no topic
 * (nor the "FAR" a dictionary spells out).
 */
export function untilNow(tokens: readonly Token[], position: number): boolean {
  const before = tokens[position - 1]?.word;
  return tokens[position]?.word === "far" && (before === "so" || before === "thus");
}

/** True for the measure word of "how big", "how long": the kind of answer asked, not a topic. */
export function measureAsked(tokens: readonly Token[], position: number): boolean {
  const token = tokens[position];
  return token !== undefined && MEASURES.has(token.word) && tokens[position - 1]?.word === "how";
}

/** Function words of three letters or more, by length: what a mistyped one may be. */
const FUNCTION_WORDS: readonly string[] = [...STOP_WORDS].filter(
  (word) => word.length >= 3 && /^\p{L}+$/u.test(word),
);

/**
 * True for a word that is a function word with two letters swapped or one dropped ("waht",
 * "teh", "wich", "hav"), and nothing else: no word of the articles or the dictionary, no
 * name or number.
 */
export function mistypedFunctionWord(
  token: Token,
  view: IndexView,
  options: Readonly<RankingOptions>,
): boolean {
  const { word } = token;
  if (token.isNumber || token.acronym || word.length < 3 || !/^\p{L}+$/u.test(word)) return false;
  if (view.has(token.term) || view.has(word.toUpperCase())) return false;
  if (options.synonyms?.knows(word) ?? true) return false;
  return FUNCTION_WORDS.some((stop) => {
    // Two letters swapped ("waht"), or one dropped ("hav", "wich"); not a letter added or
    // changed, which makes other words of chat ("govt", "btc") out of function words.
    if (stop.length === word.length) {
      return (
        editDistance(stop, word).steps === 1 &&
        [...stop].sort().join("") === [...word].sort().join("")
      );
    }
    return stop.length === word.length + 1 && editDistance(stop, word).steps === 1;
  });
}

/** Letters that are words of their own: "a", "i". */
const PRONOUN_LETTERS: ReadonlySet<string> = new Set(["a", "i"]);

/**
 * A letter typed right after a word is part of its name in any case: "model s" is the
 * "Model S" (which the articles index), so the lower-cased question asks the same. Not
 * after a stop word: "why r they", "are u sure" are chat spellings.
 */
export function letterAfterWord(tokens: readonly Token[], position: number): boolean {
  const token = tokens[position] as Token;
  const previous = tokens[position - 1];
  const next = tokens[position + 1];
  // "R&D", "S&P": letters joined by a sign spell an abbreviation, not a model.
  const joined = next !== undefined && next.word.length === 1 && next.start === token.end + 1;
  return (
    !joined &&
    token.word.length === 1 &&
    /^\p{L}$/u.test(token.word) &&
    !PRONOUN_LETTERS.has(token.word) &&
    previous !== undefined &&
    previous.end + 1 === token.start &&
    isContentToken(previous)
  );
}
