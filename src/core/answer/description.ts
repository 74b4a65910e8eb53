import { STOP_WORDS, TITLE_ABBREVIATIONS } from "../text/lexicon.ts";
import type { SynonymSource } from "../synonyms.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { askedTerms } from "./names.ts";

/**
 * What a sentence says a named person or thing is: the apposition after the name
 * ("Li Anding, Xinhua’s former automotive reporter who…") or the title before it
 * ("Vice Premier Wang Yang"). Null when the excerpt says neither; undefined when
 * the asked word is itself a title before a name ("who is china's premier"): the
 * name answers.
 */
export function description(
  question: string,
  excerpt: string,
  dictionary: SynonymSource | null | undefined,
): string | null | undefined {
  const asked = askedTerms(question);
  // "Jae-in" is asked as "jae" (and "in"): a hyphenated word is asked when its parts are.
  const isAskedAsWritten = (word: string) => {
    const folded = foldCase(word).replace(/['’]s$/u, "");
    if (asked.has(termOf(folded))) return true;
    const parts = folded.split(/[-‐‑]/u);
    const named = parts.filter((part) => askedTerms(part).size > 0);
    return parts.length > 1 && named.length > 0 && named.every((part) => asked.has(termOf(part)));
  };
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
    // "Eduardo M. Año" asked "who is eduardo": a first name, not a title; nor is "Moon" of
    // "Moon Jae-in" asked "who is moon": a title is a noun for a person ("premier").
    const sense = dictionary?.nounSense?.(foldCase(words[last]?.[0] ?? ""));
    const personNoun = dictionary?.nounSense ? sense?.category === "person" && !sense.proper : true;
    const titled =
      next !== undefined && personNoun && !initial(next[0]) && /^\p{Lu}/u.test(next[0]);
    if (next && titled && excerpt.slice(end, next.index).trim() === "") {
      return undefined;
    }
    // An apposition: ", a former leader of Guangdong province," (not ", said Li"). An age or
    // another name of the person ("Cheyenne Anderson, Iztac Citlali (White Star), age 17, is
    // an artist") says nothing of what they are: what follows it may.
    let rest = excerpt.slice(end);
    for (let count = 0; count < MAX_APPOSITIONS; count += 1) {
      const after = APPOSITION.exec(rest);
      if (!after?.[1] || listedName(after[1], rest.slice(after[0].length))) break;
      const item = after[1].trim();
      // ", met the premier": a verb goes on with the sentence; an apposition is a noun phrase.
      const first = foldCase(item.split(/\s+/u)[0] ?? "");
      if (dictionary?.mostlyVerb?.(first)) break;
      if (!aside(item, dictionary)) return item;
      rest = rest.slice(after[0].length - 1);
    }
    // "Li Anding is a former reporter": what the sentence says the person is.
    const predicate = PREDICATE.exec(rest);
    if (predicate?.[1]) return predicate[1].trim();
    // "The former White House COVID Advisor, Andy Slavitt, has…": a title set off by commas.
    const before = excerpt.slice(0, match.index);
    const setOff = /^,/u.test(excerpt.slice(end));
    const title = titleBefore(
      setOff ? before.replace(/,(\s+\p{Lu}[\p{L}’'-]*)?\s*$/u, "$1 ") : before,
      dictionary,
    );
    if (title && !title.split(/\s+/u).some(isAsked)) return title;
  }
  return null;
}

/**
 * A character of a phrase that a comma, a semicolon or a full stop ends: the full stop of an
 * initial is inside it ("a U.S. Navy service member").
 */
const PHRASE = String.raw`(?:[^,;.]|(?<=\b\p{Lu})\.)`;

/**
 * ", a former leader of Guangdong province,": what a name's apposition looks like; not a
 * verb, a pronoun, a conjunction, a preposition or a time going on with the sentence (", said
 * Li", ", I'm telling you,", ", today is her birthday", ", after his conversation with…", ",
 * last night,").
 */
const APPOSITION = new RegExp(
  String.raw`^,\s+(?!(?:said|says|told|added|and|but|or|is|was|are|were|has|have|had|will|would|can|could|may|might|should|must|did|does|do|i|you|we|he|she|they|it|there|this|that|these|those|who|which|what|when|where|if|as|so|because|while|although|today|tonight|yesterday|tomorrow|now|then|after|before|during|to|with|for|from|in|on|at|by|into|through|since|until|last|next|thank|thanks)\b)(${PHRASE}{3,100})(?:[,;.]|$)`,
  "iu",
);

/** What a predicate says the person is: "is a proud daughter of a U.S. Navy service member". */
const PREDICATE = new RegExp(String.raw`^,?\s+(?:is|was)\s+((?:a|an|the)\s${PHRASE}{3,100})`, "iu");

/** Appositions read past after a name (an age, another name) before giving up. */
const MAX_APPOSITIONS = 3;

/**
 * True when an apposition is an age ("age 17") or another name of the person ("Iztac Citlali
 * (White Star)": capitalised words whose last the dictionary knows as no common noun; "Tesla
 * CEO" is a description).
 */
function aside(item: string, dictionary: SynonymSource | null | undefined): boolean {
  if (/^(?:aged?\s+)?\d+$/iu.test(item)) return true;
  const words = item
    .replace(/\([^)]*\)/gu, " ")
    .trim()
    .split(/\s+/u);
  if (!dictionary?.nounSense || !words.every((word) => /^\p{Lu}/u.test(word))) return false;
  const head = dictionary.nounSense(foldCase(words.at(-1) ?? ""));
  return head === undefined || head.proper;
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

/** Abbreviated titles of people ("Sen.", "Gov.", "Dr."): of TITLE_ABBREVIATIONS, not "Mr." nor "Inc.". */
const TITLE_OF_PERSON: ReadonlySet<string> = new Set(
  ["dr", "prof", "gen", "gov", "sen", "rep", "rev", "capt", "col", "lt", "sgt"].filter((word) =>
    TITLE_ABBREVIATIONS.has(word),
  ),
);

/**
 * Most words of a title before a name ("Tesla chief executive Elon Musk", "White House Office
 * of Science and Technology Policy Director Michael Kratsios").
 */
const MAX_TITLE_WORDS = 10;

/**
 * The title written right before a name: capitalised words ("Vice Premier") and
 * nouns for people ("Tesla chief executive", "researcher"), by the dictionary.
 */
function titleBefore(text: string, dictionary: SynonymSource | null | undefined): string | null {
  // An initial counts as a word ("Secretary of State Antony J. Blinken"), and so does a
  // title's abbreviation ("Sen. John Boozman"), which begins the title: the word before a
  // full stop may end a sentence instead.
  const tail = /((?:\p{Lu}\.\s|\p{Lu}\p{Ll}{1,4}\.\s|\p{L}[\p{L}’'-]*\s){1,12})$/u.exec(text)?.[1];
  const all = tail?.trim().split(/\s+/u) ?? [];
  const stop = all.findLastIndex((word) => /\p{Ll}\.$/u.test(word));
  const abbreviation = stop >= 0 && TITLE_OF_PERSON.has(foldCase(all[stop] as string).slice(0, -1));
  const words = stop < 0 ? all : all.slice(abbreviation ? stop : stop + 1);
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
    !/\p{Ll}\.$/u.test(reversed[start] as string) &&
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
    // "Secretary of State", "AI and Crypto Czar": "of", "and" inside a title, between
    // capitalised words.
    const inside =
      ((word === "of" || word === "and") &&
        title.length > 0 &&
        /^\p{Lu}/u.test(kept[i + 1] ?? "")) ||
      // "Secretary of the Interior": "the" after "of" inside it.
      (word === "the" && title.length > 0 && kept[i + 1] === "of");
    // "His Majesty King Abdullah II": the title's possessive opens it.
    if ((word === "His" || word === "Her") && title.length > 0) {
      title.unshift(word);
      break;
    }
    if (!capitalised && !person && !inside) break;
    title.unshift(word);
  }
  if (title[0] === "of" || title[0] === "and") title.shift();
  return title.length > 0 ? title.join(" ") : null;
}
