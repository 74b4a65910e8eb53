import { SHORT_ANSWER } from "../fixed-tuning.ts";
import {
  CALENDAR_WORD,
  CHANGE_WORDS,
  COUNTED_NUMBER,
  DATE,
  FOLLOWED_BY_TIME_UNIT,
  MONEY,
  MULTIPLIER,
  PERCENT,
  RATE_WORDS,
  STOP_WORDS,
} from "../text/lexicon.ts";
import type { SynonymSource } from "../synonyms.ts";
import { foldCase, termOf, tokenize } from "../text/tokenize.ts";
import { answersIn, patternsOf, quoted, type CountedThing } from "./answers-in.ts";
import type { AnswerType } from "./expected.ts";
import { askedTerms, bestName } from "./names.ts";

/** The clause around a span of text: from the comma, semicolon or sentence end before it to the one after. */
function clauseAround(text: string, start: number, end: number): [number, number] {
  const before = Math.max(
    ...[",", ";", ". ", ":"].map((mark) => text.lastIndexOf(mark, start - 1)),
  );
  const after = /[,;:]|\.\s/u.exec(text.slice(end));
  return [before + 1, after ? end + after.index : text.length];
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
  // The comma of a date ("June 10, 2021") ends no clause.
  const clauses = excerpt.replace(/(\d{1,2}),(?=\s+\d{4}\b)/gu, "$1 ");
  pattern.lastIndex = 0;
  for (const match of excerpt.matchAll(pattern)) {
    const text = quoted(match[0]);
    if (!allowed.has(text)) continue;
    // "may" in lower case is the verb, not the month.
    if (CALENDAR_WORD.test(text) && text === text.toLowerCase()) continue;
    // "the first two months": a number of months answers "how long", not "how many cars".
    if (counting && FOLLOWED_BY_TIME_UNIT.test(excerpt.slice(match.index + match[0].length))) {
      continue;
    }
    const at = match.index + match[0].length / 2;
    // "software … 2027, and the prohibitions on hardware … 2030": a figure belongs to
    // its own clause, so the question's words there count most.
    const [from, to] = clauseAround(clauses, match.index, match.index + match[0].length);
    // Characters, not words: close enough for ranking a handful of numbers in a sentence.
    const closeness = positions.reduce(
      (sum, position) =>
        sum +
        1 / (1 + Math.abs(position - at) / SHORT_ANSWER.closenessScale) +
        (position >= from && position < to ? SHORT_ANSWER.clauseCredit : 0),
      0,
    );
    if (!best || closeness > best.closeness) {
      best = { text, closeness };
    }
  }
  return best?.text;
}

/**
 * What a sentence says a named person or thing is: the apposition after the name
 * ("Li Anding, Xinhua’s former automotive reporter who…") or the title before it
 * ("Vice Premier Wang Yang"). Null when the excerpt says neither; undefined when
 * the asked word is itself a title before a name ("who is china's premier"): the
 * name answers.
 */
function description(
  question: string,
  excerpt: string,
  dictionary: SynonymSource | null | undefined,
): string | null | undefined {
  const asked = askedTerms(question);
  const isAskedAsWritten = (word: string) =>
    asked.has(termOf(foldCase(word).replace(/['’]s$/u, "")));
  // A word's match holds the full stop that ends a sentence ("Capital."), kept for "U.S.".
  const isAsked = (word: string | undefined) =>
    word !== undefined && (isAskedAsWritten(word) || isAskedAsWritten(word.replace(/\.$/u, "")));
  const words = [...excerpt.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
  for (let i = 0; i < words.length; i += 1) {
    const match = words[i];
    if (!match || !isAsked(match[0])) continue;
    // The whole name: the following words of the question too ("Li Anding").
    let last = i;
    // "Eduardo M. Año": an initial inside the name, when the name goes on after it.
    const initial = (word: string | undefined) => /^\p{Lu}\.$/u.test(word ?? "");
    while (
      isAsked(words[last + 1]?.[0]) ||
      (initial(words[last + 1]?.[0]) && isAsked(words[last + 2]?.[0]))
    ) {
      last += 1;
    }
    // "Lloyd J. Austin III", "Ferdinand R. Marcos, Jr.": a generation is part of the name.
    if (NAME_SUFFIX.test(words[last + 1]?.[0] ?? "")) last += 1;
    const end = (words[last]?.index ?? 0) + (words[last]?.[0].length ?? 0);
    // "Premier Wang": the asked word is a title before a name, so the name answers.
    const next = words[last + 1];
    // "Eduardo M. Año" asked "who is eduardo": a first name, not a title.
    const titled = next !== undefined && !initial(next[0]) && /^\p{Lu}/u.test(next[0]);
    if (next && titled && excerpt.slice(end, next.index).trim() === "") {
      return undefined;
    }
    // An apposition: ", a former leader of Guangdong province," (not ", said Li").
    const after = /^,\s+(?!(?:said|says|told|added|and|but|or)\b)([^,;.]{3,100})[,;.]/iu.exec(
      excerpt.slice(end),
    );
    if (after?.[1] && !listedName(after[1], excerpt.slice(end + after[0].length))) {
      return after[1].trim();
    }
    // "Li Anding is a former reporter": what the sentence says the person is.
    const predicate = /^\s+(?:is|was)\s+((?:a|an|the)\s[^,;.]{3,100})/iu.exec(excerpt.slice(end));
    if (predicate?.[1]) return predicate[1].trim();
    const title = titleBefore(excerpt.slice(0, match.index), dictionary);
    if (title && !title.split(/\s+/u).some(isAsked)) return title;
  }
  return null;
}

/**
 * True when what follows a name between commas is the next item of a list of people, not
 * what the person is: "Enrique Manalo, Philippine Secretary of National Defense Gilberto
 * Teodoro, and …" (a capitalised item that ends in a name, the list going on after it).
 */
function listedName(item: string, rest: string): boolean {
  const words = item.trim().split(/\s+/u);
  const capitalised = (word: string | undefined) => word !== undefined && /^\p{Lu}/u.test(word);
  return (
    capitalised(words[0]) &&
    capitalised(words.at(-1)) &&
    capitalised(words.at(-2)) &&
    /^\s*(?:and\b|\p{Lu})/u.test(rest)
  );
}

/** What ends a name and is no name of its own: a generation ("Jr.", "III"). */
const NAME_SUFFIX = /^(?:Jr|Sr|II|III|IV)\.?$/u;

/** Most words of a title before a name ("Tesla chief executive Elon Musk"). */
const MAX_TITLE_WORDS = 6;

/**
 * The title written right before a name: capitalised words ("Vice Premier") and
 * nouns for people ("Tesla chief executive", "researcher"), by the dictionary.
 */
function titleBefore(text: string, dictionary: SynonymSource | null | undefined): string | null {
  // An initial counts as a word: "Secretary of State Antony J. Blinken".
  const words =
    /((?:\p{Lu}\.\s|\p{L}[\p{L}’'-]*\s){1,8})$/u.exec(text)?.[1]?.trim().split(/\s+/u) ?? [];
  const title: string[] = [];
  const reversed = words.reverse();
  // The rest of the name comes first ("Elon" of "Elon Musk", asked "who is musk"): capitalised
  // words the dictionary knows as no noun for a person, right before the asked one.
  let start = 0;
  // A noun for people ("Premier"), not a person's name the dictionary knows ("Lloyd").
  const isPerson = (word: string) => {
    const sense = dictionary?.nounSense?.(foldCase(word));
    return sense?.category === "person" && !sense.proper;
  };
  const commonNoun = (word: string) => {
    const sense = dictionary?.nounSense?.(foldCase(word));
    return sense !== undefined && !sense.proper;
  };
  while (
    dictionary?.nounSense &&
    start < reversed.length &&
    /^\p{Lu}/u.test(reversed[start] as string) &&
    !STOP_WORDS.has(foldCase(reversed[start] as string)) &&
    !isPerson(reversed[start] as string) &&
    // A first name, then any more words the dictionary does not know as common nouns: a
    // known noun before them ("Affairs") ends a title ("Secretary of Foreign Affairs").
    !(commonNoun(reversed[start] as string) && (start > 0 || reversed[start + 1] === "of"))
  ) {
    start += 1;
  }
  const kept = reversed.slice(start);
  for (let i = 0; i < kept.length && title.length < MAX_TITLE_WORDS; i += 1) {
    const word = kept[i] as string;
    const capitalised = /^\p{Lu}/u.test(word) && !STOP_WORDS.has(foldCase(word));
    const person = !capitalised && dictionary?.nounSense?.(word)?.category === "person";
    // "Secretary of State": "of" inside a title, between capitalised words.
    const inside = word === "of" && title.length > 0 && /^\p{Lu}/u.test(kept[i + 1] ?? "");
    if (!capitalised && !person && !inside) break;
    title.unshift(word);
  }
  if (title[0] === "of") title.shift();
  return title.length > 0 ? title.join(" ") : null;
}

/** "When did…", "what year was…": a question about what has happened. */
const ASKS_PAST = /\b(?:when|wen|what (?:year|day|date|month))\s+(?:did|was|were|had)\b/u;
/** "When will…", "what year will…": a question about what is to come. */
const ASKS_FUTURE = /\b(?:when|wen|what (?:year|day|date|month))\s+(?:will|is \w+ going to)\b/u;

/**
 * True when a date's year is on the wrong side of the article's: a question about the past is
 * not answered by a year after the article was published ("when did the first reactor get
 * built" by a deadline of 2026 in a 2025 article), nor one about the future by a year before.
 */
function wrongTense(date: string, question: string, published: string | undefined): boolean {
  const year = Number(/\b(?:1[5-9]|20)\d\d\b/u.exec(date)?.[0]);
  const then = Number(published?.slice(0, 4));
  if (!Number.isInteger(year) || !Number.isInteger(then) || then === 0) return false;
  const q = foldCase(question);
  return (ASKS_PAST.test(q) && year > then) || (ASKS_FUTURE.test(q) && year < then);
}

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
      const allowed = new Set(
        answersIn(type, excerpt, question, counted).filter(
          (found) => type !== "date" || !wrongTense(found, question, published),
        ),
      );
      for (const pattern of ordered) {
        const found = closestMatch(pattern, question, excerpt, allowed, type === "count");
        if (found) return found;
      }
      return null;
    }
    case "description": {
      const said = description(question, excerpt, dictionary);
      return said === undefined ? bestName(type, question, excerpt, title, dictionary) : said;
    }
    case "person":
    case "place":
      return bestName(type, question, excerpt, title, dictionary);
    case "thing": {
      // "which reactor generation": a name that bears the question's noun ("Generation IV").
      const nouns = askedTerms(/^\W*(?:which|what)\s+(\S+(?:\s+\S+)?)/iu.exec(question)?.[1] ?? "");
      return bestName(type, question, excerpt, title, dictionary, nouns);
    }
    default:
      return null;
  }
}
