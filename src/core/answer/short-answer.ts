import { SHORT_ANSWER } from "../options.ts";
import {
  CALENDAR_WORD,
  CHANGE_WORDS,
  COUNTED_NUMBER,
  DATE,
  MONEY,
  MULTIPLIER,
  PERCENT,
  RATE_WORDS,
  STOP_WORDS,
} from "../text/lexicon.ts";
import { foldCase, termOf, tokenize } from "../text/tokenize.ts";
import { answersIn, patternsOf, quoted, type AnswerType } from "./expected.ts";

/** A run of capitalised words, allowing "of" and initials inside: "Vice Premier Wang Yang". */
const NAME = /\b\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+|de\s+|van\s+)?\p{Lu}[\p{L}'’.-]*)*/gu;

/**
 * Of a pattern's matches in the excerpt, the one nearest to the question's words
 * ("revenue … in the U.S." picks "$4.2 billion in the U.S.", not the "$1 billion"
 * that opens the sentence); the first among equals.
 */
function closestMatch(
  pattern: RegExp,
  question: string,
  excerpt: string,
  allowed: ReadonlySet<string>,
): string | undefined {
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
    const text = quoted(match[0]);
    if (!allowed.has(text)) continue;
    const at = match.index + match[0].length / 2;
    // Characters, not words: close enough for ranking a handful of numbers in a sentence.
    const closeness = positions.reduce(
      (sum, position) => sum + 1 / (1 + Math.abs(position - at) / SHORT_ANSWER.closenessScale),
      0,
    );
    if (!best || closeness > best.closeness) {
      best = { text, closeness };
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
    const isSentenceStart =
      match.index === 0 || /[.!?“":•-]\s*$/u.test(excerpt.slice(0, match.index));
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

/** Words of a question that name what it is about (not its frame), as terms. */
function askedTerms(question: string): Set<string> {
  return new Set(
    foldCase(question)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
      .map((word) => termOf(word)),
  );
}

/**
 * What a sentence says a named person or thing is: the apposition after the name
 * ("Li Anding, Xinhua’s former automotive reporter who…") or the title before it
 * ("Vice Premier Wang Yang"). Null when the excerpt says neither; undefined when
 * the asked word is itself a title before a name ("who is china's premier"): the
 * name answers.
 */
function description(question: string, excerpt: string): string | null | undefined {
  const asked = askedTerms(question);
  const isAsked = (word: string | undefined) =>
    word !== undefined && asked.has(termOf(foldCase(word).replace(/['’]s$/u, "")));
  const words = [...excerpt.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
  for (let i = 0; i < words.length; i += 1) {
    const match = words[i];
    if (!match || !isAsked(match[0])) continue;
    // The whole name: the following words of the question too ("Li Anding").
    let last = i;
    while (isAsked(words[last + 1]?.[0])) last += 1;
    const end = (words[last]?.index ?? 0) + (words[last]?.[0].length ?? 0);
    // "Premier Wang": the asked word is a title before a name, so the name answers.
    const next = words[last + 1];
    if (next && excerpt.slice(end, next.index).trim() === "" && /^\p{Lu}/u.test(next[0])) {
      return undefined;
    }
    // An apposition: ", a former leader of Guangdong province," (not ", said Li").
    const after = /^,\s+(?!(?:said|says|told|added|and|but|or)\b)([^,;.]{3,100})[,;.]/iu.exec(
      excerpt.slice(end),
    );
    if (after?.[1]) return after[1].trim();
    const before = /((?:\p{Lu}[\p{L}-]*\s){1,3})$/u.exec(excerpt.slice(0, match.index));
    const title = before?.[1]?.trim();
    if (title && !title.split(/\s+/u).some(isAsked)) return title;
  }
  return null;
}

/**
 * Picks the short answer (a number, name, date, duration, description) out of a
 * cited excerpt, verbatim, when the question asks for one of that kind; null
 * otherwise: no answer is better than one of the wrong kind ("how long" is never
 * answered "25%").
 */
export function extractShortAnswer(
  type: AnswerType,
  question: string,
  excerpt: string,
  title = "",
): string | null {
  switch (type) {
    case "amount":
    case "money":
    case "percent":
    case "count":
    case "duration":
    case "date": {
      // A change ("grow", "rise") or a rate ("tariff") is answered by a rate or a
      // multiple before an amount.
      // "When" is answered by a date, not by "the timing" that lets a passage fit.
      const ordered =
        type === "amount" && (CHANGE_WORDS.test(question) || RATE_WORDS.test(question))
          ? [PERCENT, MULTIPLIER, MONEY, COUNTED_NUMBER]
          : type === "date"
            ? [DATE]
            : patternsOf(type);
      const allowed = new Set(answersIn(type, excerpt, question));
      for (const pattern of ordered) {
        const found = closestMatch(pattern, question, excerpt, allowed);
        if (found) return found;
      }
      return null;
    }
    case "description": {
      const said = description(question, excerpt);
      return said === undefined ? bestName(question, excerpt, title) : said;
    }
    case "person":
    case "place":
      return bestName(question, excerpt, title);
    default:
      return null;
  }
}
