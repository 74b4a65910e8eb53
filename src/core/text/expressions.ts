/**
 * Expressions of figures, dates and times as articles write them (sums of money, shares,
 * counts, measures, durations, deadlines): the patterns the short answers and the answer kinds
 * look for. The word lists they build on are lexicon.ts's.
 */

import { MONTHS, WEEKDAYS } from "./lexicon.ts";

/** A number as written in prose: "1,200", "4.2". */
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
/** A scale word after a number: "4.2 billion", "$3bn". */
const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|k)\b)?`;

/** Currencies written as words after a number: "500 yuan", "millions of dollars". */
export const CURRENCY_WORDS = String.raw`(?:dollars|euros|pounds|yuan|yen|rupees)`;

/** A sum of money in any of the common currencies: "$4.2 billion", "€30m", "500 yuan", "hundreds of billions of dollars". */
export const MONEY = new RegExp(
  String.raw`(?:(?:US|C|A|HK)?[$€£¥]\s?${NUMBER}${SCALE})|(?:\b${NUMBER}${SCALE}\s${CURRENCY_WORDS}\b)|(?:\b(?:(?:hundreds|tens)\s+of\s+)?(?:millions|billions|trillions)\s+of\s+${CURRENCY_WORDS}\b)`,
  "giu",
);

/** A percentage: "376%", "25 percent", "3 per cent", "10 percentage points". */
export const PERCENT = new RegExp(
  String.raw`\b${NUMBER}\s?(?:%|percent(?:age points?)?\b|per cent\b)`,
  "giu",
);

/** A number and the word it counts: "1,200 workers", "3 million cars" (years and dates filtered by the caller). */
export const COUNT = new RegExp(String.raw`\b(${NUMBER}${SCALE})\s([a-z][a-z-]+)`, "gu");

/**
 * A share written as a ratio: "one in five", "six in 10", "nearly 1 in 4", "two out of three".
 * The second number is the whole: a digit or a small number word.
 */
export const RATIO = new RegExp(
  String.raw`\b(?:(?:nearly|almost|about|roughly|over|more than|less than)\s)?(?:one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s(?:in|out\sof)\s(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b(?!\s*(?:%|percent\b))`,
  "giu",
);

/** The part a fraction names: "fifths" of "two-fifths", "third" of "a third". */
const FRACTION_PART = String.raw`(?:halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b`;

/**
 * A fraction of something: "two-fifths of federal managers", "only a third of Americans",
 * "half of all states". Only before "of": "a third round" is no share.
 */
export const FRACTION = new RegExp(
  String.raw`\b(?:(?:only|nearly|almost|about|roughly|over|more than|less than|fewer than)\s)?(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]${FRACTION_PART}|half)(?=\s+of\b)`,
  "giu",
);

/** A share as a percentage, a ratio or a fraction ("15%", "six in 10", "two-fifths of"): all compete for the one closest to the question. */
export const SHARE = new RegExp(`${PERCENT.source}|${RATIO.source}|${FRACTION.source}`, "giu");

/**
 * A multiple: a word ("tripled", "tenfold"), a comparison ("twice as likely", "3.5 times
 * higher"), or a part a change leaves ("cut payments in half", "reduced by a third"); "twice a
 * year", "three times" alone say how often, "in half of the states" which ones.
 */
export const MULTIPLIER =
  /\b(?:in|by)\s+(?:(?:nearly|almost|about|roughly|over|more than|less than)\s+)?(?:half|(?:a|one|two)[\s-](?:thirds?|quarters?))\b(?!\s+of\b)|\b(?:doubled|tripled|quadrupled|halved|(?:doubl|tripl|quadrupl)es|(?:two|three|four|five|ten)fold)\b|\b(?:twice|(?:\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times)(?=\s+(?:as|more|higher|larger|greater|bigger|faster|lower|less)\b)/giu;

/**
 * A time expression of news prose: "Late on Tuesday night", "April 27, 2017", "last week", "in
 * 2016", "in the 1960s", "the mid-1990s". A year alone is one from 1500 to 2099, as {@link YEAR}: "H.R. 6503" is no date.
 */
export const DATE = new RegExp(
  String.raw`\b(?:(?:late|early)\s+on\s+)?(?:(?:${WEEKDAYS.join("|")})(?:\s+(?:night|morning|afternoon|evening))?|(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?|(?:this|last|next)\s+(?:week|month|year)|(?:in\s+)?(?:the\s+)?(?:(?:early|mid|late)[\s-])?(?:1[5-9]|20)\d0s|(?:in\s+)?(?:1[5-9]|20)\d\d)\b`,
  "giu",
);

/** A month or day name, alone: never part of a person's or place's name. */
export const CALENDAR_WORD = new RegExp(`^(?:${[...WEEKDAYS, ...MONTHS].join("|")})$`, "iu");

/** Words after a number that it does not count ("10 am", "5 to 7", "3 years"). */
export const NOT_COUNTED = new RegExp(
  `^(?:a\\.?m|p\\.?m|am|pm|and|or|to|in|on|of|at|by|for|from|the|percent|per|years?|months?|days?|hours?|minutes?|seconds?|${MONTHS.join("|")})$`,
  "u",
);

/** Units of time: a number before one is a duration ("fifty years", "90 days"). */
const TIME_UNIT = String.raw`(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|nights?|quarters?)`;

/** Numbers written as words, from two up ("fifty", "a dozen", "millions"). */
export const NUMBER_WORD = String.raw`(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozens?|hundreds|thousands|millions|billions)`;

/** A number in digits or words, with its scale: "21 million", "fifty", "a dozen", "a handful". */
const ANY_NUMBER = String.raw`(?:\d[\d,.]*(?:\s(?:million|billion|trillion|thousand|hundred))?|(?:tens|hundreds|dozens)\sof\s(?:thousands|millions|billions)|${NUMBER_WORD}(?:[\s-]${NUMBER_WORD})*|a\s(?:dozen|hundred|thousand|million|billion|handful))`;

/** A share of something ("90 percent of firearms"): a count of it, for "how many". */
export const SHARE_OF = new RegExp(
  String.raw`\b${NUMBER}\s?(?:%|percent\b|per cent\b)(?=\s+of\b)`,
  "giu",
);

/** A number, not a share ("21 million", "three"; not "25%"): what "how many" asks for. */
export const COUNTED_NUMBER = new RegExp(
  String.raw`\b(?:(?:more|fewer|less) than\s|(?:nearly|almost|about|at least|at most|up to|over|roughly|approximately)\s)?${ANY_NUMBER}\b(?!\s?%|\s?percent|[\s-]${FRACTION_PART})`,
  "giu",
);

/** Units of length, area, weight, speed, volume and power that a measurement is written in. */
export const MEASURE_UNIT = String.raw`(?:miles?(?:\s(?:per|an)\shour)?|mph|km\/h|kph|knots?|kilomet(?:er|re)s?(?:\s(?:per|an)\shour)?|km|met(?:er|re)s?|feet|foot|ft|inch(?:es)?|yards?|acres?|square\s(?:miles|feet|meters|metres|kilometers|kilometres)|pounds?|lbs?|tons?|tonnes?|kilograms?|kg|grams?|gallons?|lit(?:er|re)s?|barrels?|(?:kilo|mega|giga)watts?|kW|MW|GW|stories|storeys|floors)`;

/**
 * A telephone number as the articles write one: "(877) 384-2575", "877-384-2575",
 * "1-800-318-2596", "202.456.1111" (North American: an area code, then seven digits).
 */
export const PHONE_NUMBER = /(?:\b1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/gu;

/**
 * A measurement, for "how old", "how tall", "how fast", "how far", "how heavy": a number
 * with a unit ("1,350 miles per hour", "40 feet", "Mach 1.7") or an age ("78 years old",
 * "a 45-year-old", "aged 60").
 */
export const MEASURE = new RegExp(
  String.raw`\b(?:${ANY_NUMBER})[\s-]+${MEASURE_UNIT}\b|\bMach\s\d+(?:\.\d+)?\b|\b(?:${ANY_NUMBER})[\s-]+years?[\s-]+old\b|\baged?\s\d{1,3}\b`,
  "giu",
);

/** A length of time: "more than fifty years", "over the past 40 years", "90 days", "until the end of 2026". */
export const DURATION = new RegExp(
  String.raw`\b(?:(?:more than|over|about|nearly|almost|up to|at least|within|for)\s)?(?:(?:the\s)?(?:past|last|next|coming|previous)\s)?(?:${ANY_NUMBER}|a|an|one|several|many|few)[\s-]+(?:more\s)?${TIME_UNIT}\b|\b(?:until|through|till)\s(?:the end of\s)?(?:\w+\s){0,2}\d{4}\b`,
  "giu",
);

/** A deadline counted from now or from an order: "in 60 days", "within ninety days". */
export const DEADLINE = new RegExp(
  String.raw`\b(?:with)?in\s+(?:\d+|${NUMBER_WORD})[\s-]+${TIME_UNIT}\b`,
  "giu",
);

/**
 * A time expression that can answer "when": a {@link DATE}, "today", a season, a
 * {@link DEADLINE}, or words about timing ("the timing", "soon", "the deadline"), but not a
 * schedule's number ("Schedule III" of a law, "Schedule 2" of a tariff: a label).
 */
export const WHEN = new RegExp(
  String.raw`${DATE.source}|\b(?:today|tonight|yesterday|tomorrow|timing|schedule[ds]?(?!\s+(?:[ivx]+|\d+)\b)|soon|deadline|(?:this|last|next)\s+(?:spring|summer|fall|autumn|winter|quarter))\b|${DEADLINE.source}`,
  "giu",
);

/**
 * Words about when something happens, though no date: a passage with one ("it's tough
 * predicting the timing", "expected soon") speaks to a "when" question without dating it.
 */
export const SPEAKS_OF_TIMING = /\b(?:timing|schedule[ds]?|soon|deadline)\b/iu;

/** What follows a number that measures time ("two months", "90-day"): a duration, no count of things. */
export const FOLLOWED_BY_TIME_UNIT = new RegExp(
  String.raw`^[\s-]+(?:more\s)?${TIME_UNIT}\b(?![-‐‑]\p{L})`,
  "iu",
);
