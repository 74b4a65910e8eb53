import { normalizeDiscordText } from "../text/normalize.ts";

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
 * Cleans a user's question: control characters become spaces, runs of white
 * space collapse. Empty, letterless and over-long questions are refused.
 */
export function checkQuestion(input: string): QuestionCheck {
  const question = input
    .normalize("NFC")
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

/** Reads the kind of answer wanted from a question's wording. */
export function questionKind(question: string): QuestionKind {
  const q = question.toLowerCase().replace(/[’']/gu, "'");
  // "What does VCS stand for?", "what does ADS mean": the sentence that spells it out.
  if (
    /\bstands? for\b|\b(?:does|do) \S+ (?:mean|stand)\b|\bmeaning of\b|\babbreviation\b|\bacronym\b/u.test(
      q,
    )
  ) {
    return "definition";
  }
  if (
    /\b(?:how (?:much|many|far|long|big|large|high|fast|old|often)|by how|what (?:percentage|percent|share|amount|number|rate|price|cost|tariff|tax|fee|total|sum|level))\b/u.test(
      q,
    )
  ) {
    return "quantity";
  }
  if (/\b(?:when|what (?:year|day|date|time|month|week))\b/u.test(q)) return "time";
  // "which researcher", "what companies": an agent noun (-er, -or, -ist) or a kind of organisation.
  if (
    /\b(?:who|whom|whose)\b/u.test(q) ||
    /^(?:which|what) (?:\w+ )?(?:\w+(?:ers?|ors?|ists?)|person|people|official|officials|company|companies|firms?|organi[sz]ations?|groups?|agency|agencies)\b/u.test(
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
