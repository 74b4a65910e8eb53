import { SHORT_ANSWER } from "../fixed-tuning.ts";
import type { NounSense, SynonymSource } from "../synonyms.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import { foldCase } from "../text/tokenize.ts";
import type { AnswerType } from "./expected.ts";

/**
 * What the dictionary says a name found in an excerpt is: a person's, a place's, an
 * organisation's, a role ("National Security Advisor") or a titled thing ("AI Action Plan"),
 * so that a "who" question is not answered with a place nor a "where" with a person.
 */

/**
 * Whether a name is of a kind that cannot answer: a place for "who", a person or an
 * organisation for "where", by the dictionary's sense of the whole name or of its head
 * when the dictionary writes that one as a name ("China", "United States").
 */
export function wrongKindOfName(
  type: AnswerType,
  name: string,
  dictionary: SynonymSource | null | undefined,
  venue = false,
): boolean {
  if (!dictionary?.nounSense) return false;
  // The head of "Governments of Canada" is "Governments"; of "Vice Premier Wang", "Wang".
  const head = / of /u.test(name) ? beforeOf(name) : name.split(/\s+/u).at(-1);
  // "Central New York": the longest ending the dictionary knows as a name ("New York") says
  // what the whole is, before its last word alone ("York", a royal house).
  // "D.C", its last period taken as the sentence's: the dictionary writes it "D.C.".
  const initials = /\.\p{Lu}$/u.test(name) ? dictionary.nounSense(`${name}.`) : undefined;
  const sense =
    dictionary.nounSense(name) ??
    initials ??
    (/ of /u.test(name) ? undefined : knownEnding(name, dictionary)) ??
    (head && head !== name ? dictionary.nounSense(head) : undefined);
  // "President Xi Jinping", "Vice Premier Wang": a title the dictionary knows as a person's
  // ("president", "premier", "secretary") before the name makes it a person's name.
  if (type === "place" && hasPersonsTitle(name, dictionary, type, venue)) return true;
  if (titledThingOfWrongKind(type, name, dictionary, venue)) return true;
  // "Executive Order", "Presidential Memorandum", "the … Act": a document is neither who nor
  // where, whatever the words before its head.
  const headSense = head && head !== name ? dictionary.nounSense(head) : undefined;
  if (headSense?.category === "communication" && !headSense.proper) {
    if (type === "person" || type === "place") return true;
  }
  // "Brandon Road Interbasin Project", "Great American Recovery Initiative": a name the
  // dictionary lacks whose head names no site is where nothing stands (a bare "where" may
  // still be answered by a body: "the Federal Aviation Administration").
  const unknownWhole = dictionary.nounSense(name) === undefined && initials === undefined;
  if (
    type === "place" &&
    unknownWhole &&
    headSense &&
    !headSense.proper &&
    headSense.site === false
  ) {
    if (!(venue && headSense.agent)) return true;
  }
  // "Western Hemisphere", "UK": a region the dictionary writes in lower case or as an
  // abbreviation is a place all the same, when the whole name is its word (not a surname
  // alone: "Hill").
  const whole = dictionary.nounSense(name) ?? initials;
  if (
    type === "person" &&
    whole?.category === "location" &&
    whole.agent === false &&
    (/\s/u.test(name) || /^[\p{Lu}.]+$/u.test(name))
  ) {
    return true;
  }
  // "Gulf of Mexico", "Hoover Dam": a natural or made thing's name, no sense of which names
  // anyone, is no one.
  if (type === "person" && whole?.proper === true && whole.physical === true && !whole.agent) {
    return true;
  }
  if (!sense?.proper) return false;
  if (type === "place") {
    return sense.category === "person" || (!venue && sense.category === "organization");
  }
  return sense.category === "location" || sense.category === "time";
}

/**
 * "AI Action Plan", "National Reactor Testing Station": a name of several words that are all
 * dictionary words and none a name of its own is a titled thing, and its head says what it
 * is. It answers "who" only when some sense of the head names people ("Office", "Group"),
 * and "where" only when one names a place or a structure (a bare "where", also a body of people).
 */
function titledThingOfWrongKind(
  type: AnswerType,
  name: string,
  dictionary: SynonymSource,
  venue: boolean,
): boolean {
  if (type !== "person" && type !== "place") return false;
  const words = beforeOf(name).split(/\s+/u);
  // Two words are a titled thing too when the first is only an adjective ("Economic Policy"):
  // a person's two names are nouns ("Mark Price").
  const adjectiveFirst =
    words.length === 2 &&
    dictionary.nounSense?.(foldCase(words[0] ?? "")) === undefined &&
    Boolean(dictionary.adjective?.(foldCase(words[0] ?? "")));
  // Asked who, one common noun before "of" is the head of a titled thing too, when it names
  // neither people nor a site and what follows "of" is common nouns, none for persons:
  // "Completion of Negotiations" is an act; "Department of Energy" a body and "Library of
  // Congress" a building may act, and so may "Group of Seven", "Estate of Elvis Presley"
  // or "Group of Experts". (Asked where, "Republic of Korea" is a place, whatever a republic is.)
  const headBeforeOf = type === "person" && words.length === 1 && ofCommonThings(name, dictionary);
  if (words.length < SHORT_ANSWER.titledThingWords && !adjectiveFirst && !headBeforeOf) {
    return false;
  }
  const common = words.every((word) => commonNoun(word, dictionary));
  // "Governor Brad Little", "National Security Advisor Waltz": a person's title just before
  // the last words makes them a person's name, whatever else the words mean.
  const titled = words.slice(-3, -1).some((word) => {
    const sense = dictionary.nounSense?.(foldCase(word));
    return sense !== undefined && !sense.proper && sense.category === "person";
  });
  if (!common || titled) return false;
  const head = dictionary.nounSense?.(foldCase(words.at(-1) ?? ""));
  if (type === "person") return head?.agent === false && !(headBeforeOf && head.site);
  return venue ? head?.site === false && head.agent === false : head?.site === false;
}

/** The sense of a name's longest ending of two words or more that the dictionary writes as a name. */
function knownEnding(name: string, dictionary: SynonymSource): NounSense | undefined {
  const words = name.split(/\s+/u);
  for (let start = 1; start < words.length - 1; start += 1) {
    const sense = dictionary.nounSense?.(words.slice(start).join(" "));
    if (sense?.proper) return sense;
  }
  return undefined;
}

/** The part of a name before its " of …" ("Governments" of "Governments of Canada"), or all of it. */
export function beforeOf(name: string): string {
  const at = name.indexOf(" of ");
  return at === -1 ? name : name.slice(0, at);
}

/**
 * True when a word before a name's last is a common noun for a person: a title ("President
 * Xi"). Not in a titled thing of dictionary words whose head names what is asked for: in
 * "National Weather Service" (an organisation) or "National Park Service", "national" and
 * "consumer" are no titles, though WordNet knows them as persons.
 */
export function hasPersonsTitle(
  name: string,
  dictionary: SynonymSource,
  asked: AnswerType,
  venue = false,
): boolean {
  // "National Science and Technology Council": the "and" is no word of the title.
  const words = beforeOf(name)
    .split(/\s+/u)
    .filter((word) => !STOP_WORDS.has(foldCase(word)));
  // Before "of", the last word is a title too: "Philippine Secretary of Foreign Affairs …".
  const titles = / of /u.test(name) ? words : words.slice(0, -1);
  // A title is singular ("President Xi"): a plural ("Veterans Affairs West Los Angeles
  // Campus") says whom a place or a body serves, not who is named.
  const titled = titles.some((word) => {
    const sense = dictionary.nounSense?.(word);
    return (
      sense !== undefined &&
      !sense.proper &&
      sense.category === "person" &&
      !pluralOfPersonNoun(word, dictionary)
    );
  });
  if (!titled || words.length < SHORT_ANSWER.titledThingWords) return titled;
  if (!words.every((word) => commonNoun(word, dictionary))) return true;
  // "National Security Advisor Waltz": a head that names neither a group nor a place
  // leaves the title a title.
  const head = dictionary.nounSense?.(foldCase(words.at(-1) ?? ""));
  if (!head || head.category === "person") return true;
  // A bare "where" may be answered by a body ("Federal Aviation Administration").
  return !(asked === "place" ? head.site || (venue && head.agent) : head.agent);
}

/**
 * The singular of a word written as a regular plural ("agencies" → "agency", "workers" →
 * "worker"), in lower case; undefined for a word that is not ("boss", "news" aside).
 */
export function singularOf(word: string): string | undefined {
  const folded = foldCase(word);
  if (!/[^s]s$/u.test(folded)) return undefined;
  return folded.endsWith("ies") ? `${folded.slice(0, -3)}y` : folded.slice(0, -1);
}

/** True for the plural of a noun for a person ("Veterans", "Workers"), not a singular ("Boss"). */
export function pluralOfPersonNoun(word: string, dictionary: SynonymSource): boolean {
  const singular = singularOf(word);
  return singular !== undefined && dictionary.nounSense?.(singular)?.category === "person";
}

/**
 * A role, not a name: capitalised dictionary words only (and the function words of "Secretary
 * of Commerce"), the head a person ("National Security Advisor", "Ethics Chief", "Secretary"
 * before "of"). A proper name among them ("Dana Ortiz", "Vice Premier Wang") or a head that is
 * no person ("National Science and Technology Council") makes a name.
 */
export function isRole(words: readonly string[], dictionary: SynonymSource): boolean {
  const content = words.filter((word) => !STOP_WORDS.has(foldCase(word)));
  if (!content.every((word) => commonNoun(word, dictionary))) return false;
  const headWord = beforeOf(words.join(" ")).split(/\s+/u).at(-1) ?? "";
  const head = dictionary.nounSense?.(foldCase(headWord));
  return head !== undefined && !head.proper && head.category === "person";
}

/** A common noun for a person ("administrator", "secretary"), by its main sense. */
export function isPersonNoun(word: string, dictionary: SynonymSource): boolean {
  const sense = dictionary.nounSense?.(foldCase(word));
  return sense !== undefined && !sense.proper && sense.category === "person";
}

/** A dictionary word that WordNet does not write as a name ("weather", not "donald"). */
export function commonNoun(word: string, dictionary: SynonymSource): boolean {
  const folded = foldCase(word);
  return dictionary.knows(folded) && dictionary.nounSense?.(folded)?.proper !== true;
}

/** True when the dictionary knows a word as a verb and never as a noun ("Announce", not "Cook"). */
export function onlyVerb(word: string, dictionary: SynonymSource | null | undefined): boolean {
  const folded = foldCase(word);
  return Boolean(dictionary?.mostlyVerb?.(folded)) && dictionary?.nounSense?.(folded) === undefined;
}

/** True when the words after a name's first "of" (and "the") are common nouns, none a person's or a number. */
function ofCommonThings(name: string, dictionary: SynonymSource): boolean {
  const at = name.indexOf(" of ");
  if (at < 0) return false;
  const words = name
    .slice(at + 4)
    .replace(/^the\s+/iu, "")
    .split(/\s+/u)
    .filter((word) => !STOP_WORDS.has(foldCase(word)));
  return (
    words.length > 0 &&
    words.every(
      (word) =>
        /^\p{L}+$/u.test(word) &&
        commonNoun(word, dictionary) &&
        !isPersonNoun(word, dictionary) &&
        !pluralOfPersonNoun(word, dictionary) &&
        dictionary.nounSense?.(foldCase(word))?.category !== "quantity",
    )
  );
}

/** True for the name of a body: its head ("Government" of "Government of Iran") is an organisation's noun. */
export function bodyName(name: string, dictionary: SynonymSource): boolean {
  const head = beforeOf(name).split(/\s+/u).at(-1) ?? "";
  const sense = dictionary.nounSense?.(foldCase(head));
  if (!sense || sense.proper) return false;
  // "Biden Administration", "Office of the Chief Information Officer": a noun whose senses name
  // a group of people but never a person is a body's, whatever its main sense.
  return (
    sense.category === "organization" ||
    (sense.agent === true && sense.person === false && sense.site === false)
  );
}

/**
 * True for the name of a thing: two words or more, the first only an adjective ("Massive",
 * not "Young", a noun too), the head (before any "of") a common noun that names no one in any
 * sense ("Investment", not "Price", a singer's name too). The first two words are no name
 * the dictionary knows ("United States Agency for International Development").
 */
export function thingName(name: string, dictionary: SynonymSource): boolean {
  const words =
    beforeOf(name)
      .split(/\s+for\s+/u)[0]
      ?.split(/\s+/u) ?? [];
  if (words.length < 2 || !/^\p{L}{3,}$/u.test(words.at(-1) ?? "")) return false;
  const first = foldCase(words[0] ?? "");
  if (dictionary.nounSense?.(first) !== undefined || !dictionary.adjective?.(first)) return false;
  // "United States Agency", "New Jersey Transit": the adjective begins a name of its own.
  if (dictionary.nounSense?.(words.slice(0, 2).join(" ")) !== undefined) return false;
  const head = dictionary.nounSense?.(foldCase(words.at(-1) ?? ""));
  return head !== undefined && !head.proper && head.person === false && head.agent === false;
}
