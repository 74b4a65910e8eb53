import { SHORT_ANSWER } from "../fixed-tuning.ts";
import { onlineAnswer } from "./web-address.ts";
import { CHANGE_WORDS, RATE_WORDS, STOP_WORDS } from "../text/lexicon.ts";
import {
  CALENDAR_WORD,
  COUNTED_NUMBER,
  DATE,
  DEADLINE,
  FOLLOWED_BY_TIME_UNIT,
  MONEY,
  MULTIPLIER,
  SHARE,
} from "../text/expressions.ts";
import type { SynonymSource } from "../synonyms.ts";
import { foldCase, termOf, tokenize } from "../text/tokenize.ts";
import { answersIn, askedPatterns, quoted } from "./answers-in.ts";
import type { CountedThing } from "./counted.ts";
import type { AnswerType } from "./expected.ts";
import { clauseAround } from "./clauses.ts";
import { description } from "./description.ts";
import { askedTerms, bestName } from "./names.ts";
import { excludedRanges } from "../search/exclusions.ts";

/** "What was the old threshold", "how much did it cost before": a question about a value before a change. */
const ASKS_BEFORE =
  /\b(?:old|older|previous|previously|before|used to|originally|original|former|formerly|prior|initially)\b/u;

/** "Until when…", "when does the ban expire/end": a question about when something stops. */
const ASKS_END = /\b(?:until|till|expir\w*|ends?)\b/u;
/** What comes before the date something stops: "until sunset, August 30", "through March 8". */
const ENDS_AT = /\b(?:until|till|through|expir\w*|ending)\b[^.;]{0,12}$/iu;

/** A year of the question: it pulls a figure the excerpt ties to it. */
const YEAR_PULL = /^(?:1[89]|20)\d\d$/u;

/**
 * What comes before a year that is a baseline or names the subject, not the time asked about:
 * "vs 2019", "up from 2019", "than 2019", "the 2024 bill".
 */
const YEAR_BASELINE = /(?:\b(?:vs|versus|than|compared\s+(?:with|to)|from)\.?\s+|\bthe\s+)$/iu;

/** What follows such a year when it is a time after all: "from 2020 to 2024", "the 2024 fiscal year". */
const YEAR_SPAN = /^\s+(?:to|through|-|fiscal|calendar|year|budget)\b/iu;

/** What a passage says before a word it sets apart: "excluding food", "not counting interest". */
const SET_APART_BEFORE =
  /(?:\b(?:excluding|excludes?|not\s+(?:counting|including)|without|except|ex)\b[^.;]{0,30}|\bnot\s+)$/iu;

/** Where a question word stands in an excerpt, and how hard it pulls a figure near it. */
interface Pull {
  readonly position: number;
  readonly pull: number;
}

/**
 * Where the excerpt says the question's words (a full pull), or the dictionary's other words
 * for them (`SHORT_ANSWER.synonymPull`: "the big companies" finds "120 days for certain large
 * companies"). Read once for every pattern tried on the excerpt.
 */
function pullsOf(
  question: string,
  excerpt: string,
  dictionary: SynonymSource | null | undefined,
  yearsPull: boolean,
): Pull[] {
  // Terms in lower case: "faa" typed is the articles' acronym "FAA".
  // "…rise in 2023, not violent crime": what the question sets apart pulls no figure.
  const excluded = excludedRanges(question);
  // "…, not counting food and energy" pulls only where the passage sets the same words apart
  // ("2.8 percent not counting food and energy", "excluding food"): elsewhere they stand by
  // the figure that includes them ("$4.1 trillion including interest").
  const qualifiers = new Set(
    excluded
      .filter(([from, to]) => /^\s*(?:counting|including)\b/iu.test(question.slice(from, to)))
      .flatMap(([from, to]) => tokenize(question.slice(from, to)))
      .filter((token) => !STOP_WORDS.has(token.word))
      .map((token) => token.term.toLowerCase()),
  );
  const askedTokens = tokenize(question).filter(
    (token) =>
      !STOP_WORDS.has(token.word) &&
      // A year pulls ("how much … lands in 2026": "$67 billion … occurring in 2026"), unless
      // it is a baseline or names the subject ("vs 2019", "the 2024 bill"); the question's
      // other numbers are what it says, not where the answer is.
      (!token.isNumber ||
        (yearsPull &&
          YEAR_PULL.test(token.word) &&
          (!YEAR_BASELINE.test(question.slice(0, token.start)) ||
            YEAR_SPAN.test(question.slice(token.end))))) &&
      !excluded.some(([from, to]) => token.start >= from && token.start < to),
  );
  const asked = new Set(askedTokens.map((token) => token.term.toLowerCase()));
  const synonyms = new Set(
    askedTokens.flatMap((token) =>
      (dictionary?.synonyms(token.word) ?? []).map((synonym) => termOf(synonym).toLowerCase()),
    ),
  );
  return tokenize(excerpt).flatMap((token) => {
    const term = token.term.toLowerCase();
    if (asked.has(term)) return [{ position: token.start, pull: 1 }];
    if (
      qualifiers.has(term) &&
      SET_APART_BEFORE.test(excerpt.slice(Math.max(0, token.start - 40), token.start))
    ) {
      return [{ position: token.start, pull: 1 }];
    }
    if (synonyms.has(term)) return [{ position: token.start, pull: SHORT_ANSWER.synonymPull }];
    return [];
  });
}

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
  counting: boolean,
  pulls: readonly Pull[],
): string | undefined {
  let best: { text: string; closeness: number } | undefined;
  const asksBefore = ASKS_BEFORE.test(foldCase(question));
  // "Until when…": the date after "until" answers, whatever words stand nearer another.
  const asksEnd = ASKS_END.test(foldCase(question));
  const endsAt = (index: number) =>
    asksEnd && ENDS_AT.test(excerpt.slice(Math.max(0, index - SHORT_ANSWER.endLookBehind), index));
  // The comma of a date ("June 10, 2021") ends no clause. An "and" before a figure starts the
  // figure's own part of the clause ("A dozen states have universal school choice and 33 states
  // have some form of it"), while what comes before the first figure (a subject and its verb:
  // "The Department of Defense has 30 trucks and 22 helicopters") is every figure's. The marks
  // change, not the length: positions stay the excerpt's.
  const dated = excerpt
    .replace(/(\d{1,2}),(?=\s+\d{4}\b)/gu, "$1 ")
    // Nor does a figure's own comma ("1,500").
    .replace(/(\d),(?=\d{3}\b)/gu, "$1 ");
  const clauses = dated.replace(FIGURE_AFTER_AND, ",");
  pattern.lastIndex = 0;
  const candidates = [...excerpt.matchAll(pattern)].filter((match) => {
    const text = quoted(match[0]);
    // "may" in lower case is the verb, not the month.
    return allowed.has(text) && !(CALENDAR_WORD.test(text) && text === text.toLowerCase());
  });
  for (const match of candidates) {
    const text = quoted(match[0]);
    // "raising the share from 55 percent to 75 percent": the value it went to answers, the one
    // it came from only a question about before ("what was the old threshold").
    const fromValue =
      /\bfrom\s+$/iu.test(excerpt.slice(0, match.index)) &&
      /^\s+to\s+\S/iu.test(excerpt.slice(match.index + match[0].length));
    const toValue = /\bfrom\s+\S+(?:\s+\S+){0,3}\s+to\s+$/iu.test(excerpt.slice(0, match.index));
    if ((fromValue && !asksBefore) || (toValue && asksBefore)) continue;
    // "the first two months": a number of months answers "how long", not "how many cars".
    if (counting && FOLLOWED_BY_TIME_UNIT.test(excerpt.slice(match.index + match[0].length))) {
      continue;
    }
    const at = match.index + match[0].length / 2;
    // "software … 2027, and the prohibitions on hardware … 2030": a figure belongs to
    // its own clause, so the question's words there count most.
    const [from, to] = clauseAround(clauses, match.index, match.index + match[0].length);
    // Before the first figure of the whole clause: its subject and verb, shared by each figure.
    const [runFrom] = clauseAround(dated, match.index, match.index + match[0].length);
    const runHead = candidates.find((other) => other.index >= runFrom)?.index ?? runFrom;
    const inClause = (position: number) =>
      (position >= from && position < to) || (position >= runFrom && position < runHead);
    // Characters, not words: close enough for ranking a handful of numbers in a sentence.
    const closeness =
      pulls.reduce(
        (sum, { position, pull }) =>
          sum +
          pull *
            (1 / (1 + Math.abs(position - at) / SHORT_ANSWER.closenessScale) +
              (inClause(position) ? SHORT_ANSWER.clauseCredit : 0)),
        0,
      ) + (endsAt(match.index) ? SHORT_ANSWER.endCredit : 0);
    if (!best || closeness > best.closeness) {
      best = { text, closeness };
    }
  }
  return best?.text;
}

/** Before an "and" ("but", "while", "whereas") and a figure: where that figure's part starts. */
const FIGURE_AFTER_AND = /\s(?=(?:and|but|while|whereas)\s(?:(?:US|C|A|HK)?[$€£¥])?\d)/gu;

/** "When did…", "what year was…": a question about what has happened. */
const ASKS_PAST = /\b(?:when|wen|what (?:year|day|date|month))\s+(?:did|was|were|had)\b/u;
/** "When will…", "what year will…": a question about what is to come. */
const ASKS_FUTURE = /\b(?:when|wen|what (?:year|day|date|month))\s+(?:will|is \w+ going to)\b/u;

/**
 * True when a date is on the wrong side of the article's: a question about the past is not
 * answered by a year after the article was published ("when did the first reactor get built"
 * by a deadline of 2026 in a 2025 article) nor by "tomorrow", nor one about the future by a
 * year before or "yesterday".
 */
export function wrongTense(date: string, question: string, published: string | undefined): boolean {
  const q = foldCase(question);
  // "Tomorrow" answers no "when did…", "yesterday" no "when will…", whenever published.
  if (ASKS_PAST.test(q) && AHEAD.test(date)) return true;
  if (ASKS_FUTURE.test(q) && BEHIND.test(date)) return true;
  const year = Number(/\b(?:1[5-9]|20)\d\d\b/u.exec(date)?.[0]);
  const then = Number(published?.slice(0, 4));
  if (!Number.isInteger(year) || !Number.isInteger(then) || then === 0) return false;
  return (ASKS_PAST.test(q) && year > then) || (ASKS_FUTURE.test(q) && year < then);
}

/** A time still to come, said relative to the article's day. */
const AHEAD =
  /\b(?:tomorrow|next\s+(?:week|month|year|spring|summer|fall|autumn|winter|quarter))\b/iu;
/** A time gone by, said relative to the article's day. */
const BEHIND =
  /\b(?:yesterday|last\s+(?:week|month|year|spring|summer|fall|autumn|winter|quarter))\b/iu;

/**
 * Picks the short answer (a number, name, date, duration, description) out of a
 * cited excerpt, verbatim, when the question asks for one of that kind; null
 * otherwise: no answer is better than one of the wrong kind ("how long" is never
 * answered "25%").
 *
 * @param published - the date the excerpt's article was published (ISO): a date on the wrong
 *   side of it for the question's tense answers nothing.
 */
export function extractShortAnswer(
  type: AnswerType,
  question: string,
  excerpt: string,
  title = "",
  dictionary?: SynonymSource | null,
  counted?: CountedThing,
  published?: string,
): string | null {
  switch (type) {
    case "amount":
    case "money":
    case "percent":
    case "count":
    case "duration":
    case "measure":
    case "phone":
    case "date": {
      // A change ("grow", "rise") or a rate ("tariff") is answered by a rate or a
      // multiple before an amount.
      // "When" is answered by a date, not by "the timing" that lets a passage fit.
      const ordered =
        type === "amount" && (CHANGE_WORDS.test(question) || RATE_WORDS.test(question))
          ? [SHARE, MULTIPLIER, MONEY, COUNTED_NUMBER]
          : type === "date"
            ? [DATE, DEADLINE]
            : askedPatterns(type, question.toLowerCase());
      const allowed = new Set(
        answersIn(type, excerpt, question, counted).filter(
          (found) => type !== "date" || !wrongTense(found, question, published),
        ),
      );
      // A date asked is no year of the question's: that year would pull to itself.
      const pulls = pullsOf(question, excerpt, dictionary, type !== "date");
      for (const pattern of ordered) {
        const found = closestMatch(pattern, question, excerpt, allowed, type === "count", pulls);
        if (found) return found;
      }
      return null;
    }
    case "description": {
      const said = description(question, excerpt, dictionary);
      return said === undefined ? bestName(type, question, excerpt, title, dictionary) : said;
    }
    case "person":
      return bestName(type, question, excerpt, title, dictionary);
    case "place":
      // "where's the list of participating providers": online, at the web address given.
      return (
        bestName(type, question, excerpt, title, dictionary) ?? onlineAnswer(question, excerpt)
      );
    case "thing": {
      // "which reactor generation": a name that bears the question's noun ("Generation IV").
      const nouns = askedTerms(/^\W*(?:which|what)\s+(\S+(?:\s+\S+)?)/iu.exec(question)?.[1] ?? "");
      return bestName(type, question, excerpt, title, dictionary, nouns);
    }
    default:
      return null;
  }
}
