import type { SynonymSource } from "../synonyms.ts";
import { foldCase } from "../text/tokenize.ts";
import type { AskedNoun } from "./asked-noun.ts";
import { singularOf } from "./name-kinds.ts";

/**
 * Names of one list ("the EPA Administrator and the Secretary of the Army", "United Airlines
 * and American Airlines", "Canada, Mexico and China"): a question that does not ask for one
 * is answered with all of them, not with the one that happened to rank first.
 */

/** A name that may answer, and where its match stands in the excerpt. */
export interface PlacedName {
  readonly name: string;
  /** Where the match starts and ends (a leading "The" and a trailing "'s" included). */
  readonly index: number;
  readonly end: number;
}

/** Right before a name, a capitalised word and a connector: the name is another's tail
 * ("Assistant to the President for Domestic Policy" read as two). */
const TAIL_OF_NAME = /\p{Lu}[\p{L}.’']*\s+(?:for|of|to|on)\s+(?:the\s+)?$/u;

/** Right after a list's last name, more of it: "and" and a capital ("Health and Human
 * Services", "…, and the Treasury"), so the list was read short. */
const LIST_GOES_ON = /^(?:\s*\([^)]*\))?\s*,?\s+and\s+(?:the\s+)?\p{Lu}/u;

/** Between two names of a list: a comma, or "and" with or without one; "the" after either. An
 * initialism in brackets may follow the first ("Department of Homeland Security (DHS),"). */
const LIST_BETWEEN = /^(?:\s*\([\p{Lu}.&-]+\))?(?:\s*(,)\s*(and\s+)?|\s+(and)\s+)(?:the\s+)?$/u;

/** What stands between two names of a list: whether a comma and whether "and". */
interface Between {
  readonly comma: boolean;
  readonly and: boolean;
}

/** Words before a noun phrase's name that are no part of it ("the", "our"). */
const DETERMINERS = /(?:\b(?:the|a|an|our|its|their|his|her|this|that)\s+)+$/iu;

/**
 * Prepositions: a name right after one is its object, not one of a list that is a clause's
 * subject ("for Americans, the Department of Transportation and the Department of Labor
 * announced", "met with Bronia Brandman and the Vice President met with…"). Not "between"
 * or "among", which take a list.
 */
const PREPOSITION =
  /\b(?:for|with|at|of|under|to|from|by|on|in|into|about|after|before|since|during|against|over|through|without|within|toward|towards|behind|beyond|near)\s*$/iu;

/** Auxiliaries and copulas: after a list, they make it a clause's subject. */
const AUXILIARY =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|did)$/iu;

/**
 * The chosen name with the names it is listed with, as the excerpt lists them ("A and the B",
 * "A, B, and C"); the name alone when it stands in no list, or in one read short. A list ends
 * with "and": names set apart by commas only are a name and what it is ("Li Anding, Xinhua's
 * reporter"), and two names take no comma before their "and" (", and Osama bin Laden" opens a
 * clause). A list that is a clause's subject (a verb follows) starts after any preposition:
 * the names before one are another phrase's, and a list whose first name follows one is no
 * list at all.
 *
 * @param names - the names that may answer, in excerpt order; `chosen` is one of them.
 */
export function withListedNames(
  chosen: PlacedName,
  names: readonly PlacedName[],
  excerpt: string,
  dictionary: SynonymSource,
): string {
  const at = names.indexOf(chosen);
  if (at < 0) return chosen.name;
  const between = (k: number): Between | undefined => {
    const match = LIST_BETWEEN.exec(
      excerpt.slice((names[k] as PlacedName).end, (names[k + 1] as PlacedName).index),
    );
    if (!match) return undefined;
    return { comma: match[1] !== undefined, and: match[2] !== undefined || match[3] !== undefined };
  };
  let first = at;
  let last = at;
  // Forward: commas, then the one "and" that closes the list.
  while (last < names.length - 1) {
    const next = between(last);
    if (next === undefined) break;
    last += 1;
    if (next.and) break;
  }
  // Backward: only commas before the names already taken, unless the list's "and" is still to come.
  let closed = last > at && between(last - 1)?.and === true;
  while (first > 0) {
    const previous = between(first - 1);
    if (previous === undefined || (previous.and && closed)) break;
    first -= 1;
    if (previous.and) closed = true;
  }
  if (!closed || first === last) return chosen.name;
  const tail = names[last] as PlacedName;
  const precededByPreposition = (k: number) =>
    PREPOSITION.test(excerpt.slice(0, (names[k] as PlacedName).index).replace(DETERMINERS, ""));
  const nextWord = /^[\s)’'”"]*(\p{L}+)/u.exec(excerpt.slice(tail.end))?.[1] ?? "";
  // Whether names before the list were left out as another phrase's (their comma is no list's).
  let phraseBefore = false;
  if (AUXILIARY.test(nextWord) || dictionary.mostlyVerb?.(foldCase(nextWord))) {
    // The subject starts after the phrase it follows ("for Americans, the Department…").
    while (first < at && between(first)?.comma === true && precededByPreposition(first)) {
      first += 1;
      phraseBefore = true;
    }
    if (precededByPreposition(first)) return chosen.name;
  }
  if (first === last) return chosen.name;
  if (last - first === 1 && between(first)?.comma === true) return chosen.name;
  const head = names[first] as PlacedName;
  const before = excerpt.slice(0, head.index);
  // "the Departments of Energy, War, Commerce, and …": a comma before the first name read
  // means the list began with one not read as a name.
  // A comma after a name inside the sentence ("the President, the Vice President, and …"),
  // not after an opening word or phrase ("Today, the Department of Labor and …").
  const commaBefore = /[^.!?:;\s]\s+\p{Lu}[\p{L}.’'-]*,\s*$/u.test(before.replace(DETERMINERS, ""));
  if (TAIL_OF_NAME.test(before) || (commaBefore && !phraseBefore)) {
    return chosen.name;
  }
  if (LIST_GOES_ON.test(excerpt.slice(tail.end))) return chosen.name;
  // In the excerpt's own words, from the first name to the last ("the Secretary of the
  // Treasury and the Secretary of Commerce"), the names as the rules read them at either end.
  const from = excerpt.indexOf(head.name.split(" ")[0] ?? "", head.index);
  const lastWord = tail.name.split(" ").at(-1) ?? "";
  const to = excerpt.lastIndexOf(lastWord, tail.end) + lastWord.length;
  if (from < 0 || to <= from) return chosen.name;
  return excerpt.slice(from, to).replace(/\s+/gu, " ");
}

/** True for the plural of a noun ("airlines", "agencies"), whose singular the dictionary knows. */
export function pluralNoun(word: string, dictionary: SynonymSource): boolean {
  const singular = singularOf(word);
  return singular !== undefined && dictionary.nounSense?.(singular) !== undefined;
}

/** True when the noun asked for, if any, is plural or absent ("who has to review …"). */
export function asksForSeveral(noun: AskedNoun | undefined, dictionary: SynonymSource): boolean {
  return noun === undefined || pluralNoun(noun.word, dictionary);
}
