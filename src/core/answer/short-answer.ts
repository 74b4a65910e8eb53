import { SHORT_ANSWER } from "../options.ts";
import {
  CALENDAR_WORD,
  CHANGE_WORDS,
  DATE,
  MONEY,
  MULTIPLIER,
  PERCENT,
  QUANTITY,
  RATE_WORDS,
  STOP_WORDS,
} from "../text/lexicon.ts";
import { foldCase, termOf, tokenize } from "../text/tokenize.ts";
import type { QuestionKind } from "./kinds.ts";

/** A run of capitalised words, allowing "of" and initials inside: "Vice Premier Wang Yang". */
const NAME = /\b\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+|de\s+|van\s+)?\p{Lu}[\p{L}'’.-]*)*/gu;

function firstMatch(pattern: RegExp, text: string): string | undefined {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  return match?.[0].trim().replace(/[,.;:]+$/u, "");
}

/**
 * Of a pattern's matches in the excerpt, the one nearest to the question's words
 * ("revenue … in the U.S." picks "$4.2 billion in the U.S.", not the "$1 billion"
 * that opens the sentence); the first among equals.
 */
function closestMatch(pattern: RegExp, question: string, excerpt: string): string | undefined {
  const asked = new Set(
    tokenize(question)
      .filter((token) => !STOP_WORDS.has(token.word) && !token.isNumber)
      .map((token) => token.term),
  );
  const positions = tokenize(excerpt)
    .filter((token) => asked.has(token.term))
    .map((token) => token.start);
  let best: { text: string; closeness: number } | undefined;
  pattern.lastIndex = 0;
  for (const match of excerpt.matchAll(pattern)) {
    const at = match.index + match[0].length / 2;
    // Characters, not words: close enough for ranking a handful of numbers in a sentence.
    const closeness = positions.reduce(
      (sum, position) => sum + 1 / (1 + Math.abs(position - at) / SHORT_ANSWER.closenessScale),
      0,
    );
    if (!best || closeness > best.closeness) {
      best = { text: match[0].trim().replace(/[,.;:]+$/u, ""), closeness };
    }
  }
  return best?.text;
}

/**
 * The name in an excerpt that answers "who"/"which"/"where": one the question does
 * not already say, preferring a name right after a word of the question (an
 * apposition: "researcher JL Warren Capital") and then longer names.
 */
function bestName(question: string, excerpt: string, title: string): string | null {
  // "Who is Li Anding?" asks for a description, not for another name.
  if (
    /^(?:who|what) (?:is|was|are|were) (?:\p{Lu}|the \p{Lu})/u.test(
      question.replace(/^\W+/u, "").replace(/^./u, (c) => c.toLowerCase()),
    )
  ) {
    return null;
  }
  const topic = new Set(
    foldCase(title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((word) => termOf(word)),
  );
  const asked = new Set(
    foldCase(question)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== "" && !STOP_WORDS.has(word))
      .map((word) => termOf(word)),
  );
  let best: { name: string; rank: number } | undefined;
  NAME.lastIndex = 0;
  for (const match of excerpt.matchAll(NAME)) {
    const name = match[0].replace(/[’']s$/u, "").replace(/[,.;:]+$/u, "");
    const words = name.split(/\s+/u).filter((word) => !CALENDAR_WORD.test(word));
    // A sentence may open with "But Tesla": the opener is no part of the name.
    while (words.length > 0 && STOP_WORDS.has(foldCase(words[0] ?? ""))) words.shift();
    if (words.length === 0) continue;
    const isSentenceStart = match.index === 0 || /[.!?“"]\s*$/u.test(excerpt.slice(0, match.index));
    if (isSentenceStart && words.length === 1) continue;
    if (words.every((word) => asked.has(termOf(foldCase(word).replace(/'s$/u, ""))))) continue;
    const before = excerpt
      .slice(Math.max(0, match.index - SHORT_ANSWER.lookBehind), match.index)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const after = excerpt
      .slice(match.index + match[0].length, match.index + match[0].length + SHORT_ANSWER.lookAhead)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const nextToQuestion = [...before.slice(-2), ...after.slice(0, 1)].some((word) =>
      asked.has(termOf(foldCase(word))),
    );
    const apposition = nextToQuestion ? SHORT_ANSWER.appositionRank : 0;
    // The article's own topic ("Tesla" in an article about Tesla) rarely answers "who".
    const topical = words.every((word) => topic.has(termOf(foldCase(word).replace(/'s$/u, ""))));
    if (topical && apposition === 0) continue;
    const rank = apposition + words.length * SHORT_ANSWER.rankPerWord;
    if (!best || rank > best.rank) best = { name: words.join(" "), rank };
  }
  // A lone single-word name with nothing tying it to the question is a guess: say nothing.
  return best && best.rank >= SHORT_ANSWER.minRank ? best.name : null;
}

/**
 * Picks the short answer (a number, name, date) out of a cited excerpt, verbatim,
 * when the question asks for one; null otherwise or when none is found.
 */
export function extractShortAnswer(
  kind: QuestionKind,
  question: string,
  excerpt: string,
  title = "",
): string | null {
  switch (kind) {
    case "quantity": {
      // A change ("grow", "rise") is answered by a rate or a multiple before an amount.
      const change = CHANGE_WORDS.test(question);
      const percentFirst = RATE_WORDS.test(question);
      const ordered = change
        ? [PERCENT, MULTIPLIER, MONEY, QUANTITY]
        : percentFirst
          ? [PERCENT, MONEY, MULTIPLIER, QUANTITY]
          : [MONEY, PERCENT, MULTIPLIER, QUANTITY];
      for (const pattern of ordered) {
        const found = closestMatch(pattern, question, excerpt);
        if (found) return found;
      }
      return null;
    }
    case "time":
      return firstMatch(DATE, excerpt) ?? null;
    case "person":
    case "place":
      return bestName(question, excerpt, title);
    default:
      return null;
  }
}
