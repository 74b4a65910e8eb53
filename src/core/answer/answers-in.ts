/**
 * Where a passage holds an answer of the kind a question expects (`expected.ts`): the
 * patterns of each kind, and the expressions they find that the question does not already
 * say, a year alone being no count, a label's number ("Section 301") none either.
 */
import { MONTH_PATTERN, WEEKDAYS } from "../text/lexicon.ts";
import {
  COUNTED_NUMBER,
  CURRENCY_WORDS,
  DURATION,
  FOLLOWED_BY_TIME_UNIT,
  MEASURE,
  MEASURE_UNIT,
  MONEY,
  MULTIPLIER,
  PHONE_NUMBER,
  NUMBER_WORD,
  SHARE,
  SHARE_OF,
  FRACTION,
  RATIO,
  WHEN,
} from "../text/expressions.ts";
import { isContentToken, tokenize } from "../text/tokenize.ts";
import { countsThing, type CountedThing } from "./counted.ts";
import { otherDimension } from "./dimensions.ts";
import { exceedsWhole } from "./part-of.ts";
import type { AnswerType } from "./expected.ts";

/** The patterns that hold an answer of a kind, most specific first; empty for names and `none`. */
export function patternsOf(type: AnswerType): readonly RegExp[] {
  switch (type) {
    case "money":
      return [MONEY];
    case "percent":
      return [SHARE, MULTIPLIER];
    case "amount":
      return [MONEY, SHARE, MULTIPLIER, COUNTED_NUMBER];
    case "count":
      return [COUNTED_NUMBER, SHARE_OF, FRACTION, RATIO];
    case "duration":
      return [DURATION];
    case "measure":
      return [MEASURE];
    case "phone":
      return [PHONE_NUMBER];
    case "date":
      return [WHEN];
    default:
      return [];
  }
}

/**
 * {@link patternsOf} for a question (plain, lower-case text): "how far apart are the hospitals"
 * may be answered by the time it takes ("within 30 minutes of one another").
 */
export function askedPatterns(type: AnswerType, asked: string): readonly RegExp[] {
  return type === "measure" && FAR_ASKED.test(asked)
    ? [...patternsOf(type), DURATION]
    : patternsOf(type);
}

/** A match as quoted: trimmed, without trailing punctuation. */
export function quoted(match: string): string {
  return match.trim().replace(/[,.;:]+$/u, "");
}

const YEAR_ONLY = /^(?:in\s+)?(?:1[5-9]|20)\d\d$/u;

/** What follows a year that is a baseline, not a time: "below 2005 levels", "a 2019 baseline". */
const BASELINE_AFTER = /^\s+(?:levels?|baselines?)\b/iu;

/** A magnitude without a figure: "millions", "hundreds of thousands", "dozens". */
const VAGUE_MAGNITUDE =
  /^(?:(?:hundreds|thousands|tens)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|trillions)$/u;

/** A question that asks for a precise figure: "exactly", "the exact amount", "specifically". */
const EXACT_ASKED = /\b(?:exact|exactly|precise|precisely|specific|specifically)\b/u;

/** A magnitude in words, with or without what it measures: "billions of dollars", "dozens". */
const MAGNITUDE_WORD =
  /^(?:(?:hundreds|thousands|tens)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|trillions)\b/u;

/**
 * A magnitude too large to count things in a sentence about spending ("spend billions on stock
 * buybacks", "millions in fines"): a sum of money, its currency left unsaid.
 */
const SUM_MAGNITUDE = /^(?:(?:hundreds|tens)\s+of\s+)?(?:millions|billions|trillions)$/u;

/**
 * What such a sum is spent on or made of ("on stock buybacks", "in new investments"); not "in
 * the …", "in order to", "in a way": "millions in the Latino community" are people.
 */
const SPENT_ON = /^\s+(?:on|in)\s+(?!(?:the|this|that|these|those|a|an|our|their|order)\b)\p{Ll}/u;

/** A measurement that is an age: "78 years old", "a 45-year-old", "aged 60". */
const AN_AGE = /\byears?[\s-]+old\b|^aged?\s/u;

/** A question that asks for an age: "how old", "what age". */
const AGE_ASKED = /\bhow old\b|\bwhat age\b/u;

/** "What year…", "which year…": a question only a year answers ("Tuesday night" does not). */
const YEAR_ASKED = /\b(?:what|which) year\b/u;

/** "What date…", "which day…": a question a year alone does not answer. */
const DAY_ASKED = /\b(?:what|which) (?:date|day)\b/u;

/** A year alone, or one said from now: "2021", "in 2021", "last year". */
const A_YEAR = /^(?:in\s+)?(?:1[5-9]|20)\d\d$|^(?:this|last|next|that) year$/u;

/** "How far apart", "how far away", "how far is it": a distance asked. */
const FAR_ASKED = /\bhow far\b/u;

/** "What fraction", "what proportion of": a part of a whole is asked. */
const PART_ASKED = /\bwhat (?:fraction|proportion|portion)\b/u;

/** "What month…", "which month…": only a month answers, or a day ("in 2012" does not). */
const MONTH_ASKED = /\b(?:what|which) month\b/u;

/** A time expression that says its day: "May 19", "19 May", "5/19/2021", "Tuesday". */
const SAYS_DAY = new RegExp(
  String.raw`${MONTH_PATTERN.source}\.?\s+\d{1,2}(?!\d)|\b\d{1,2}\s+${MONTH_PATTERN.source}|\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b|\b(?:${WEEKDAYS.join("|")})\b`,
  "iu",
);

/** A time expression that says its month: "in March", "May 19", "5/19/2021". */
const SAYS_MONTH = new RegExp(
  String.raw`${MONTH_PATTERN.source}|\b\d{1,4}[/-]\d{1,2}[/-]\d{1,4}\b`,
  "iu",
);

/** A time expression that says its year: "in 2016", "May 2017", "last year". */
const SAYS_YEAR = /\b(?:1[5-9]|20)\d\d\b|\b(?:this|last|next|that) year\b/u;
/**
 * Text ending in a month name, or in a month's day and a dash: the number after it is a
 * day ("March 1", the 21 of "May 19-21"), not a count.
 */
const AFTER_MONTH = new RegExp(`${MONTH_PATTERN.source}\\.?\\s*(?:\\d{1,2}\\s*[-–]\\s*)?$`, "iu");
/** "a day or two", "a week or three": the number after a unit of time and "or" is a length of time. */
const AFTER_TIME_OR = /\b(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\s+or\s+$/iu;
/**
 * Text ending in a capitalised word inside the sentence: the number after it is a
 * label ("Section 301", "Model 3", "(Phase 2)", "K-8", "F-35", "U.S.C. 6701"), not a count or
 * an amount.
 */
const AFTER_LABEL = /\S\s+[([“"]?\p{Lu}[\p{L}]*(?:\.\p{Lu})*\.?\s?$|\p{Lu}-$/u;

/** Text opening with a code's capitals and a number: the number before it is a law's title ("41 U.S.C. 1902"). */
const CITES_CODE = /^\s+(?:\p{Lu}\.?){2,}\s+\d/u;

/**
 * A list's or a footnote's number, not a count: alone in parentheses ("(2) to preserve…",
 * "three (3)" restating a number written out) or square brackets ("2016.[1]"), or opening
 * the passage before a full stop or a closing parenthesis ("2. To preserve…", "1) …").
 */
function isEnumerator(before: string, after: string): boolean {
  if (/\($/u.test(before) && /^\)/u.test(after)) return true;
  // A footnote's mark, as scraped pages keep it: "a ten-fold increase from 2016.[1]".
  if (/\[$/u.test(before) && /^\]/u.test(after)) return true;
  return /^\s*$/u.test(before) && /^[.)]\s/u.test(after);
}

/**
 * The expressions of the kind asked for in a passage that the question does not
 * already say ("first two months of 2017" in the question answers no "how many"),
 * a year alone being no count or amount, a sum of money or a share no count.
 */
export function answersIn(
  type: AnswerType,
  text: string,
  question: string,
  counted?: CountedThing,
): string[] {
  const asked = question.toLowerCase();
  const found: string[] = [];
  for (const pattern of askedPatterns(type, asked)) {
    // "What fraction of deaths": a part of a whole, which a multiple ("triples") is not.
    if (pattern === MULTIPLIER && PART_ASKED.test(asked)) continue;
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const value = quoted(match[0]);
      const folded = value.toLowerCase();
      if (folded === "" || asked.includes(folded)) continue;
      // "how much of the 550 billion goes to chips": the sum the question states, with or
      // without its currency sign, is what it is about, not the answer.
      const bare = folded.replace(/^(?:us|c|a|hk)?[$€£¥]\s?/u, "");
      if (bare !== folded && /\d/u.test(bare) && saysNumber(asked, bare)) continue;
      // "How much of the $686 million is aid": not "$1.2 billion", larger than the whole.
      if (/\d/u.test(value) && exceedsWhole(asked, value)) continue;
      // "How much exactly", "the exact dollar amount": a magnitude without a figure
      // ("billions of dollars") is no exact answer.
      if (EXACT_ASKED.test(asked) && !/\d/u.test(value) && MAGNITUDE_WORD.test(folded)) continue;
      const before = text.slice(0, match.index);
      if ((type === "count" || type === "amount") && YEAR_ONLY.test(folded)) continue;
      // An age answers "how old", and nothing else measured: "12 years old" is no height.
      if (type === "measure" && AN_AGE.test(folded) !== AGE_ASKED.test(asked)) continue;
      // "How tall is the peak": an area ("6,672 acres") is no height.
      if (type === "measure" && otherDimension(asked, value)) continue;
      if (type === "date" && YEAR_ASKED.test(asked) && !SAYS_YEAR.test(folded)) continue;
      // "What date is the summit": a year alone ("2030", "last year") is no date, nor day.
      if (type === "date" && DAY_ASKED.test(asked) && A_YEAR.test(folded)) continue;
      if (type === "date" && MONTH_ASKED.test(asked) && !SAYS_MONTH.test(value)) continue;
      // "What exact date", "when exactly": only a day is one, "this fall", "in the coming weeks",
      // "January 2021" or "2021" none.
      if (type === "date" && EXACT_ASKED.test(asked) && !SAYS_DAY.test(value)) continue;
      // "cut emissions by 30% compared with 2020 levels": a baseline, no time anything happened.
      if (type === "date" && BASELINE_AFTER.test(text.slice(match.index + match[0].length))) {
        continue;
      }
      if ((type === "count" || type === "amount") && AFTER_MONTH.test(before)) continue;
      // "one in three people" is a share (RATIO answers): its "three" alone counts nothing.
      if (type === "count" && RATIO_BEFORE.test(before)) continue;
      // A sum of money is no label, though a headline's capitals come before it ("DOGE
      // Discovers $1.9 Billion").
      const sum = /^(?:US|C|A|HK)?[$€£¥]/u.test(value);
      if ((type === "count" || type === "amount") && !sum && AFTER_LABEL.test(before)) continue;
      if ((type === "count" || type === "amount") && AFTER_TIME_OR.test(before)) continue;
      // "41 U.S.C. 1902", "5 CFR 2635": a number, a code's capitals, a number cite a law.
      if (
        (type === "count" || type === "amount") &&
        CITES_CODE.test(text.slice(match.index + match[0].length))
      ) {
        continue;
      }
      if (
        (type === "count" || type === "amount") &&
        isEnumerator(before, text.slice(match.index + match[0].length))
      ) {
        continue;
      }
      // "the first two months" is a length of time: it counts no cars ("how many years" asks a
      // duration); "a ten-fold increase" is a multiple: it counts nothing.
      if (
        type === "count" &&
        (FOLLOWED_BY_TIME_UNIT.test(text.slice(match.index + match[0].length)) ||
          /^[-‐‑]?fold\b/iu.test(text.slice(match.index + match[0].length)))
      ) {
        continue;
      }
      // "How much" is answered by a number only with what it measures: a unit or a currency
      // ("49 million gallons", "billions of dollars"). "two towns", "26 enforcement actions"
      // count things, and "180 days" is a length of time: none says how much aid or money.
      if (
        type === "amount" &&
        pattern === COUNTED_NUMBER &&
        !MEASURED.test(text.slice(match.index + match[0].length)) &&
        !(SUM_MAGNITUDE.test(folded) && SPENT_ON.test(text.slice(match.index + match[0].length)))
      ) {
        continue;
      }
      // "millions of dollars": a sum of money, whatever is asked to be counted.
      if (type === "count" && OF_MONEY.test(text.slice(match.index + match[0].length))) continue;
      // A share counts only as a share of something ("90 percent of firearms": SHARE_OF).
      if (
        type === "count" &&
        ((/%$/u.test(value) && pattern !== SHARE_OF) ||
          /[$€£¥]\s?$/u.test(text.slice(0, match.index)))
      ) {
        continue;
      }
      // "1 of 12 original signatories": one member of a group, not how many there are.
      if (
        type === "count" &&
        /^(?:1|one)$/iu.test(value) &&
        ONE_OF.test(text.slice(match.index + match[0].length))
      ) {
        continue;
      }
      const vague = VAGUE_MAGNITUDE.test(folded);
      if (
        counted !== undefined &&
        !countsThing(text, match.index + match[0].length, counted, vague)
      ) {
        continue;
      }
      // "section 3" for "how many sections": a number after the thing counted numbers one of them.
      const previous = tokenize(before.slice(-40)).at(-1);
      if (counted !== undefined && previous !== undefined && counted.terms.has(previous.term)) {
        continue;
      }
      // "section 8 of this order", "sections 2 and 3", "phase 2.": a number right after a
      // common noun, with no noun after it, numbers one of its kind; English puts a count
      // before what it counts ("at least three reactors"). A magnitude numbers nothing
      // ("supports thousands of jobs").
      const after = text.slice(match.index + match[0].length);
      if (
        counted !== undefined &&
        !vague &&
        /^\s*(?:of\b|and\s+\d|[,.;:)]|$)/u.test(after) &&
        previous !== undefined &&
        !previous.isNumber &&
        isContentToken(previous) &&
        /\p{Ll}\s+$/u.test(before) &&
        counted.isNoun(previous.word)
      ) {
        continue;
      }
      // For "how much" (no thing counted to tell a noun by): a bare number after a lower-case
      // word and before "of this/the…" or "and 3" numbers a part of a text ("sections 2 and 3
      // of this order"), not an amount.
      if (
        type === "amount" &&
        /^\d+$/u.test(value) &&
        /^\s*(?:of\s+(?:this|the|that)\b|and\s+\d)/u.test(after) &&
        previous !== undefined &&
        ((isContentToken(previous) && /\p{Ll}\s+$/u.test(before)) ||
          /\p{Ll}\s+\d+\s+(?:and|or|through)\s+$/u.test(before))
      ) {
        continue;
      }
      found.push(value);
    }
  }
  return found;
}

/**
 * "of" and another number right after the number one: it singles out one member of a group
 * ("1 of 12 original signatories", "one of the five"), which counts nothing; "40 of 50 states"
 * does count 40.
 */
const ONE_OF = new RegExp(
  String.raw`^\s+of\s+(?:the\s+|its\s+|their\s+)?(?:\d|${NUMBER_WORD}\b)`,
  "iu",
);

/**
 * A unit or a currency after a number, maybe after "of" or an adjective ("gallons", "of
 * dollars", "new acres"): the number measures something.
 */
const MEASURED = new RegExp(
  String.raw`^\s+(?:of\s+|\p{Ll}[\p{Ll}-]*\s+)?(?:${MEASURE_UNIT}|${CURRENCY_WORDS})\b`,
  "iu",
);

/** The start of a ratio right before a number: the "one in" of "one in three people". */
const RATIO_BEFORE = /\b(?:one|1|\d+(?:\.\d+)?)\s+(?:in|out of)\s+$/iu;

/** "of dollars" after a number: a sum of money ("millions of dollars"), no count of things. */
const OF_MONEY = new RegExp(String.raw`^\s+of\s+${CURRENCY_WORDS}\b`, "iu");

/** True when `text` says `figure` as a whole: "550 billion" in "of the 550 billion", not "0" in "2020". */
function saysNumber(text: string, figure: string): boolean {
  for (let at = text.indexOf(figure); at >= 0; at = text.indexOf(figure, at + 1)) {
    const before = text.slice(Math.max(0, at - 1), at);
    const after = text.slice(at + figure.length, at + figure.length + 2);
    if (!/[\d.,]/u.test(before) && !/^(?:\d|[.,]\d)/u.test(after)) return true;
  }
  return false;
}
