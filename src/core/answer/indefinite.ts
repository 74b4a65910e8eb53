import { isContentToken, tokenize, type Token } from "../text/tokenize.ts";
import { namedNounWords } from "./asked-noun.ts";

// "Which report found that…" is not answered by "A recent report found that…": the passage says
// again what the question asks, with "a" where the question asks which.

/** Words between "a" and the noun it goes with: "a recent report", "a new commercial company". */
const MAX_MODIFIERS = 2;

/**
 * The question's "which N V": the noun asked which of and the word after it, for each of the
 * first words after "which" (its modifiers may come first: "which commercial company sent").
 */
function whichNounVerb(
  tokens: readonly Token[],
  isVerb: (word: string) => boolean,
): [Token, Token][] {
  const at = tokens.findIndex((token) => token.word === "which");
  if (at < 0) return [];
  const pairs: [Token, Token][] = [];
  for (let k = at + 1; k <= at + 1 + MAX_MODIFIERS; k += 1) {
    const noun = tokens[k];
    const verb = tokens[k + 1];
    if (!noun || !verb || !isContentToken(noun) || !isContentToken(verb)) break;
    // "which chinese official did…": "official" is the noun, not what it did.
    if (isVerb(verb.word)) pairs.push([noun, verb]);
  }
  return pairs;
}

/**
 * True when the question asks which thing did something ("which commercial company sent humans
 * to orbit", "which report found…") and the excerpt says only that a thing of the kind did it
 * ("a commercial company sent humans into orbit", "A recent report found…"): it does not say
 * which. `isVerb` tells the verb after the noun (the dictionary's).
 */
export function restatesWithoutWhich(
  question: string,
  excerpt: string,
  isVerb: (word: string) => boolean,
): boolean {
  const pairs = whichNounVerb(tokenize(question.toLowerCase()), isVerb);
  if (pairs.length === 0) return false;
  const said = tokenize(excerpt);
  return said.some((token, i) => {
    if (token.word.toLowerCase() !== "a" && token.word.toLowerCase() !== "an") return false;
    for (let k = i + 1; k <= i + 1 + MAX_MODIFIERS; k += 1) {
      const noun = said[k];
      const verb = said[k + 1];
      if (!noun || !verb) return false;
      if (pairs.some(([n, v]) => n.term === noun.term && v.term === verb.term)) return true;
      // "a company, SpaceX, sent…": a name after the noun says which.
      if (noun.capitalized) return false;
    }
    return false;
  });
}

/** Words that say whether a noun is one of a kind ("a", "an") or a known one ("the", "this"). */
const DETERMINERS: ReadonlySet<string> = new Set(["a", "an", "the", "this", "that"]);

/** Letters a typed noun needs before it may be the start of the passage's ("exec" of "executive"). */
const MIN_PREFIX = 4;

/**
 * True when the question asks the name of a thing ("what was the name of the healthcare exec
 * killed in 2024") and the excerpt speaks of such a thing only as "a" or "an" one ("the 2024
 * assassination of a senior healthcare executive"): it does not say which, whatever other
 * names it holds. `noun` is the asked noun's last word, as typed.
 */
export function namesNoneOf(noun: string, excerpt: string): boolean {
  const asked = tokenize(noun.toLowerCase())[0];
  if (asked === undefined) return false;
  const same = (token: Token) => {
    const word = token.word.toLowerCase();
    return (
      token.term === asked.term ||
      (asked.word.length >= MIN_PREFIX && word.startsWith(asked.word) && !token.capitalized)
    );
  };
  const said = tokenize(excerpt);
  let indefinite = false;
  for (let i = 0; i < said.length; i += 1) {
    if (!same(said[i] as Token)) continue;
    // The nearest determiner before the noun, past at most MAX_MODIFIERS words.
    let determiner: string | undefined;
    for (let k = i - 1; k >= Math.max(0, i - 1 - MAX_MODIFIERS) && !determiner; k -= 1) {
      const word = (said[k] as Token).word.toLowerCase();
      if (DETERMINERS.has(word)) determiner = word;
    }
    if (determiner !== "a" && determiner !== "an") return false;
    indefinite = true;
  }
  return indefinite;
}

/**
 * True when the excerpt does not say which thing the question asks about: "which N V…" said
 * again with "a" ({@link restatesWithoutWhich}), or the name of an N asked and the N only "a"
 * one ({@link namesNoneOf}).
 */
export function saysNotWhich(
  question: string,
  excerpt: string,
  isVerb: (word: string) => boolean,
): boolean {
  const noun = namedNounWords(question)?.at(-1);
  return (
    restatesWithoutWhich(question, excerpt, isVerb) ||
    (noun !== undefined && namesNoneOf(noun, excerpt))
  );
}
