import { STOP_WORDS } from "../text/lexicon.ts";
import type { Token } from "../text/tokenize.ts";

// "Which secretary has to set up the center, VA or HUD?", "Is it the EPA or NOAA that…": a
// question that offers a choice names both answers, and the passage that answers names only
// one. Weighed in full, the two alternatives outvote what the question says of them ("set up
// the center"), and a passage that names the other one, or both, leads.

/** One alternative: one to four words, "the" before it dropped. */
const ALTERNATIVE = String.raw`(?:the\s+|a\s+|an\s+)?([\p{L}\p{N}][\p{L}\p{N}'.&-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'.&-]*){0,3})`;

/**
 * The choice at the end of the question, after a comma or a dash: "…, VA or HUD?". Not
 * examples ("what does it involve, like assessments or specs?"): the answer may say both.
 */
const TRAILING_CHOICE = new RegExp(
  String.raw`[,;:—–]\s*(?!(?:like|such\s+as|say|e\.?g\.?|including|especially)\b)${ALTERNATIVE}\s+or\s+${ALTERNATIVE}\s*[?!.]*\s*$`,
  "diu",
);

/** The choice a cleft question opens with: "is it the EPA or NOAA that…", "was it X or Y who…". */
const CLEFT_CHOICE = new RegExp(
  String.raw`^(?:is|was|are|were)\s+it\s+${ALTERNATIVE}\s+or\s+${ALTERNATIVE}\s+(?:that|who|which|whose)\b`,
  "diu",
);

/** True when an alternative names something: a word that is not a function word ("or nah"). */
function namesSomething(words: string): boolean {
  return words
    .toLowerCase()
    .split(/\s+/u)
    .some((word) => !STOP_WORDS.has(word) && /[\p{L}\p{N}]{2,}/u.test(word));
}

/**
 * The character ranges of the two alternatives a question offers to choose from, or none.
 * Both must name something: "…or nah", "…or what" offer no choice.
 */
export function choiceRanges(question: string): [number, number][] {
  for (const pattern of [TRAILING_CHOICE, CLEFT_CHOICE]) {
    const match = pattern.exec(question);
    const [first, second] = [match?.indices?.[1], match?.indices?.[2]];
    if (!match?.[1] || !match[2] || !first || !second) continue;
    if (!namesSomething(match[1]) || !namesSomething(match[2])) continue;
    return [first, second];
  }
  return [];
}

/** The tokens of a question that are the alternatives it offers ({@link choiceRanges}). */
export function alternativeTokens(question: string, tokens: readonly Token[]): Set<Token> {
  const ranges = choiceRanges(question);
  return new Set(
    tokens.filter((token) => ranges.some(([from, to]) => token.start >= from && token.end <= to)),
  );
}
