import { STOP_WORDS } from "../text/lexicon.ts";
import { INVISIBLE, normalizeDiscordText } from "../text/normalize.ts";

/** What kind of answer a question asks for, read from its opening words. */
export type QuestionKind =
  "person" | "quantity" | "time" | "place" | "reason" | "yesno" | "definition" | "other";

/** The longest question accepted, in characters (Discord's option limit is 300). */
export const MAX_QUESTION_LENGTH = 1000;

/** Why a question cannot be searched: the front ends put it in their own words. */
export type QuestionProblem = "empty" | "too-long" | "no-words";

/** The cleaned question, or why it cannot be searched (with its length, for "too-long"). */
export type QuestionCheck =
  { ok: true; question: string } | { ok: false; problem: QuestionProblem; length: number };

/**
 * Cleans a user's question: characters invisible inside a word (a soft hyphen, a zero-width
 * joiner) go, other control and format characters become spaces, runs of white space
 * collapse. Empty, letterless and over-long questions are refused.
 */
export function checkQuestion(input: string): QuestionCheck {
  const question = input
    .normalize("NFC")
    // Dropped before the others become spaces: "tar\u00ADiff" is "tariff", not "tar iff".
    .replace(INVISIBLE, "")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  const length = question.length;
  if (question === "") return { ok: false, problem: "empty", length };
  if (length > MAX_QUESTION_LENGTH) return { ok: false, problem: "too-long", length };
  // A message of mentions and emoji alone asks nothing.
  if (!/[\p{L}\p{N}]/u.test(normalizeDiscordText(question))) {
    return { ok: false, problem: "no-words", length };
  }
  return { ok: true, question };
}

/** "what is a generation iv reactor", "what are automated driving systems": the term asked about. */
const WHAT_IS_TERM =
  /^(?:what|wat|wht)(?: even| exactly| actually)?(?: is| are|'s|s| r)(?: even| exactly| actually)? (?:an? )?([\p{L}\p{N}'-]+(?: [\p{L}\p{N}'-]+){0,3}) ?\??$/u;

/**
 * The words of the term a question asks to be defined ("what are automated driving
 * systems" → ["automated", "driving", "systems"]); undefined unless the whole question
 * is "what is/are [a] X" with X of one to four words that are all content words
 * ("what is the range of the Model S" asks something else) and no possessive.
 */
export function definedTerm(question: string): string[] | undefined {
  const q = question
    .toLowerCase()
    .replace(/[’']/gu, "'")
    .replace(/[?!.\s]+$/u, "");
  const term = WHAT_IS_TERM.exec(q)?.[1];
  if (!term) return undefined;
  const words = term.split(" ");
  // "what is wang yang's job" (or "yangs job", typed without the apostrophe) asks about
  // Wang Yang, not what a job is: a possessive before the last word is no term.
  const possessive = words.slice(0, -1).some((word) => /(?:'s|s'|s)$/u.test(word));
  return possessive || words.some((word) => STOP_WORDS.has(word)) ? undefined : words;
}

/** Reads the kind of answer wanted from a question's wording. */
export function questionKind(question: string): QuestionKind {
  const q = question.toLowerCase().replace(/[’']/gu, "'");
  if (definedTerm(q)) return "definition";
  // "What does VCS stand for?", "what does ADS mean": the sentence that spells it out.
  if (
    /\bstands? for\b|\b(?:does|do) \S+ (?:mean|stand)\b|\bmeaning of\b|\babbreviation\b|\bacronym\b/u.test(
      q,
    )
  ) {
    return "definition";
  }
  if (
    /\b(?:how (?:much|many|far|long|big|large|high|fast|old|often)|by how|what (?:percentage|percent|share|fraction|proportion|portion|amount|number|rate|price|cost|tariff|tax|fee|total|sum|level))\b/u.test(
      q,
    )
  ) {
    return "quantity";
  }
  // A "when" after the question word opens a clause ("what happened when…"): no time asked.
  const first = /\b(?:who|whom|whose|what|when|where|which|why|how)\b/u.exec(q);
  if (first && /^(?:when|what (?:year|day|date|time|month|week))\b/u.test(q.slice(first.index))) {
    return "time";
  }
  // "which researcher", "what companies": an agent noun (-er, -or, -ist) or a kind of organisation.
  if (
    /\b(?:who|whom|whose)\b/u.test(q) ||
    /^(?:which|what) (?!about\b)(?:\w+ )?(?:\w+(?:ers?|ors?|ists?)|person|people|official|officials|company|companies|firms?|organi[sz]ations?|groups?|agency|agencies)\b/u.test(
      q,
    )
  ) {
    return "person";
  }
  if (/\b(?:where|what (?:province|city|country|state|region|place))\b/u.test(q)) return "place";
  if (/\b(?:why|how come|what (?:reason|cause))\b/u.test(q)) return "reason";
  if (/^(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/u.test(q))
    return "yesno";
  return "other";
}
