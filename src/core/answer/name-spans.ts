import { SHORT_ANSWER } from "../fixed-tuning.ts";
import type { SynonymSource } from "../synonyms.ts";
import { STOP_WORDS, TITLE_ABBREVIATIONS } from "../text/lexicon.ts";
import { CALENDAR_WORD } from "../text/expressions.ts";
import { foldCase } from "../text/tokenize.ts";
import { spelledAt } from "../text/initials.ts";
import { beforeOf, commonNoun } from "./name-kinds.ts";

/** Where the names of an excerpt are: runs of capitalised words, and quoted titles. */

/**
 * A run of capitalised words, allowing initials and "de", "van" inside ("Vice Premier
 * Wang Yang"), digits inside a word ("G7", "F-35"), and after an "of" (or "of the": "Secretary
 * of the Interior") also "and" ("Office of Science and Technology Policy").
 */
const NAME =
  /\b\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:de\s+|van\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:and\s+|&\s+|of\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*)?/gu;

/**
 * Where quotations whose words are all capitalised, numbers or short function words stand: a
 * title (“Airport and Airway Extension Act of 2023, Part II”, ‘Rust Belt’), not something
 * said (“Tesla will build a plant”).
 */
export function quotedTitles(excerpt: string): [number, number][] {
  const spans: [number, number][] = [];
  const quotation = new RegExp(
    String.raw`[“"]([^”"]{1,${SHORT_ANSWER.maxQuotedTitle}})[”"]|‘([^‘’]{1,${SHORT_ANSWER.maxQuotedTitle}})’`,
    "gu",
  );
  for (const match of excerpt.matchAll(quotation)) {
    const words = (match[1] ?? match[2])?.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
    if (words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || QUOTED_TITLE_LINKS.has(word))) {
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return spans;
}

/**
 * Where titles given after "titled" or "entitled" stand, unquoted ("the interim final rule
 * titled Expansion of End-User Controls to Cover Affiliates of Certain Listed Entities"): its
 * capitalised words, numbers and the short function words between them.
 */
export function namedTitles(excerpt: string): [number, number][] {
  const spans: [number, number][] = [];
  // "titled The Fourth Trimester and Beyond: The Case for…"; not "entitled to a refund".
  for (const lead of excerpt.matchAll(
    /\b(?:[Tt]itled|[Ee]ntitled)\s+(?:(?:the|a|an)\s+)?(?=[“"‘]?\p{Lu})/gu,
  )) {
    const start = lead.index + lead[0].length;
    let end = start;
    for (const word of excerpt.slice(start).matchAll(/\S+/gu)) {
      const bare = word[0].replace(/[,;:.!?”"’)]+$/u, "");
      const capitalised = /^[“"‘(]?[\p{Lu}\p{N}]/u.test(bare);
      if (!capitalised && !QUOTED_TITLE_LINKS.has(bare)) break;
      if (capitalised) end = start + word.index + bare.length;
      // A subtitle goes on after a colon; other punctuation ends the title.
      if (bare !== word[0] && !word[0].endsWith(":")) break;
    }
    if (end > start) spans.push([start, end]);
  }
  return spans;
}

/** Lower-case words a title may hold between its capitalised ones. */
const QUOTED_TITLE_LINKS: ReadonlySet<string> = new Set([
  "of",
  "and",
  "the",
  "for",
  "to",
  "in",
  "on",
  "a",
  "an",
  "at",
  "by",
]);

/**
 * Abbreviations inside names, beside the sentence splitter's titles and months: "Warner Bros.
 * Discovery", "Ft. Worth", "Pres. Trump", "Fifth Ave. Manhattan".
 */
const NAME_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...TITLE_ABBREVIATIONS,
  ..."bros ft pres sec sens reps adm maj brig cmdr atty asst hon fr ave blvd intl assn univ cos".split(
    " ",
  ),
]);

/**
 * A run of capitalised words cut where one of its words ends a sentence or a list item: a
 * full stop after a word with a lower-case letter that is no abbreviation ("Economic Defense.
 * Department of Treasury." holds two names, "Fortune. Musk's" too), not after an initial,
 * "U.S.", "Jr." or "Bros.".
 */
function endedAtFullStops(match: RegExpMatchArray): NameSpan[] {
  const text = match[0];
  const start = match.index ?? 0;
  const spans: NameSpan[] = [];
  let from = 0;
  for (const word of text.matchAll(/[\p{L}\p{N}'’-]*\p{Ll}[\p{L}\p{N}'’-]*\.(?=\s)/gu)) {
    const bare = word[0].slice(0, -1);
    if (NAME_ABBREVIATIONS.has(foldCase(bare))) continue;
    const end = word.index + bare.length;
    spans.push({ text: text.slice(from, end), index: start + from, end: start + end });
    from = /\S/u.exec(text.slice(end + 1))!.index + end + 1;
  }
  spans.push({ text: text.slice(from), index: start + from, end: start + text.length });
  return spans;
}

/**
 * A preposition that opens a sentence before a name, capitalised as the sentence's first word:
 * "In Germany today, …". ("Under" stays: "Under Secretary" is a title; so does "Near": "Near
 * Eastern Studies".)
 */
const OPENING_PREPOSITION =
  /^(?:In|On|At|From|For|By|With|After|Before|During|Since|Through|Across|Within|Into|Outside|Inside|Throughout|Among|Between|Against|Amid|Following)\s+(?=\p{Lu})/u;

/** The span without a preposition that opens it ("In Germany" → "Germany"). */
function withoutOpeningPreposition(span: NameSpan): NameSpan {
  const opening = OPENING_PREPOSITION.exec(span.text)?.[0];
  if (opening === undefined) return span;
  return {
    text: span.text.slice(opening.length),
    index: span.index + opening.length,
    end: span.end,
  };
}

/** A name found in an excerpt: its text and where it starts and ends. */
export interface NameSpan {
  readonly text: string;
  readonly index: number;
  readonly end: number;
}

/**
 * The runs of capitalised words of an excerpt ({@link NAME}), two joined by "and" when the
 * second ends in a noun for an organisation and the first is two dictionary words or more
 * and no organisation itself ("National Science and Technology Council"); "Canada and
 * Mexico", "President Biden and President Xi", "Chair Lina Khan and Consumer Financial
 * Protection Bureau", "Department of Justice and Federal Trade Commission" stay two names.
 */
export function namesIn(excerpt: string, dictionary: SynonymSource | null | undefined): NameSpan[] {
  const spans: NameSpan[] = [];
  NAME.lastIndex = 0;
  for (const found of [...excerpt.matchAll(NAME)].flatMap(endedAtFullStops)) {
    const span = withoutOpeningPreposition(found);
    const previous = spans.at(-1);
    const head = foldCase(span.text.split(/\s+/u).at(-1) ?? "");
    const sense = dictionary?.nounSense?.(head);
    // "The Commerce and State Departments": a sentence's opening "The" is no word of the name.
    const first = (previous?.text.split(/\s+/u) ?? []).filter(
      (word, i) => i > 0 || !STOP_WORDS.has(foldCase(word)),
    );
    const firstHead = foldCase(
      beforeOf(previous?.text ?? "")
        .split(/\s+/u)
        .at(-1) ?? "",
    );
    if (
      previous &&
      dictionary &&
      /^\s+and\s+$/u.test(excerpt.slice(previous.end, span.index)) &&
      // "The Commerce and State Departments": a plural head names both, one word before "and"
      // is enough.
      (first.length >= 2 || /s$/u.test(head)) &&
      sense?.category === "organization" &&
      !sense.proper &&
      // "Chair Lina Khan and Consumer Financial Protection Bureau", "Department of Justice
      // and Federal Trade Commission": a person's name, or a whole organisation, comes first.
      first.every((word) => commonNoun(word, dictionary)) &&
      dictionary.nounSense?.(firstHead)?.category !== "organization"
    ) {
      spans[spans.length - 1] = {
        text: excerpt.slice(previous.index, span.end),
        index: previous.index,
        end: span.end,
      };
      continue;
    }
    // "International Longshore and Warehouse Union (ILWU)": the acronym after the name spells
    // it across its "and", one name.
    if (previous && /^\s+and\s+$/u.test(excerpt.slice(previous.end, span.index))) {
      const joined = excerpt.slice(previous.index, span.end);
      const acronym = /^\s*\((\p{Lu}{2,6})\)/u.exec(excerpt.slice(span.end))?.[1];
      const spelt = acronym === undefined ? undefined : spelledAt(foldCase(acronym), joined);
      if (spelt?.[0] === 0 && spelt[1] === joined.length) {
        spans[spans.length - 1] = { text: joined, index: previous.index, end: span.end };
        continue;
      }
    }
    // "Agency for International Development", "Office for Civil Rights": a body's noun before
    // "for" goes on with what the body is for (see forWhat).
    if (
      previous &&
      dictionary &&
      /^\s+for\s+$/u.test(excerpt.slice(previous.end, span.index)) &&
      forWhat(previous.text, span.text, dictionary)
    ) {
      spans[spans.length - 1] = {
        text: excerpt.slice(previous.index, span.end),
        index: previous.index,
        end: span.end,
      };
      continue;
    }
    spans.push(span);
  }
  return spans;
}

/**
 * True when `purpose` says what the body named by `body` is for ("Agency" for "International
 * Development"): the body's last word is an organisation's noun, or names people in some sense
 * but never a person ("Foundation", "Alliance"; not "Justice", a judge, nor "Day"), and the
 * purpose is two capitalised words or more with no function word first, no day or month, no
 * possessive, no person's title and no time at its end: "thanked China for Tesla's growth",
 * "won the Senate for Democrats", "Emergency Management for Arkansas Governor Mike Beebe",
 * "the White House for Pride Month" (a body the dictionary knows by name) name two.
 */
function forWhat(body: string, purpose: string, dictionary: SynonymSource): boolean {
  const sense = dictionary.nounSense?.(foldCase(body.split(/\s+/u).at(-1) ?? ""));
  if (!sense || sense.proper) return false;
  // "the White House for Pride Month", "the United Nations for Special Political Affairs": a
  // body the dictionary knows by name has its name already.
  if (dictionary.nounSense?.(beforeOf(body).replace(/^the\s+/iu, ""))?.proper === true)
    return false;
  const isBody =
    sense.category === "organization" ||
    (sense.category === "other" && sense.agent === true && sense.person !== true);
  const words = purpose.split(/\s+/u);
  return (
    isBody &&
    words.length >= 2 &&
    !STOP_WORDS.has(foldCase(words[0] ?? "")) &&
    !words.some((word) => CALENDAR_WORD.test(word) || /['’]s$/u.test(word)) &&
    // An occasion is what something was held for, not a body's purpose ("Pride Month").
    dictionary.nounSense?.(foldCase(words.at(-1) ?? ""))?.category !== "time" &&
    !words.some((word) => dictionary.nounSense?.(foldCase(word))?.category === "person")
  );
}
