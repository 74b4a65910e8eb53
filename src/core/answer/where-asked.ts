// What a "where" question asks when it is no place's name: where a thing comes from or goes.

import type { SynonymSource } from "../synonyms.ts";

/** "where … come from" (a source) or "where … go" (a destination), and the word before the verb. */
const WHERE_FROM_OR_TO =
  /\bwhere\b(.*?)\s(?:(come|comes|coming|came)\s+from\b|(go|goes|went)\b|(going)\b(?!\s+to\s+\p{L}+))/u;

/**
 * True when "where" asks where a thing comes from or goes, which the article often says in
 * words of its own rather than by a place's name ("foreign sources", "directly to eligible
 * Americans"): where a thing comes from, unless it is a person, a body or a place ("where do
 * the migrants come from"); where money or what is owned goes ("where would the money go";
 * not "where did trump go"). Not "going to" a verb ("where is he going to travel"). The
 * question is plain, lower-case text (questionText).
 */
export function asksSourceOrDestination(q: string, dictionary: SynonymSource): boolean {
  const match = WHERE_FROM_OR_TO.exec(q);
  if (!match) return false;
  // The subject: the last word before the verb the dictionary knows as a noun ("money" of
  // "where is the money actually going").
  const subject = (match[1] ?? "")
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .reverse()
    .map((word) => dictionary.nounSense?.(word))
    .find((sense) => sense !== undefined);
  if (!subject) return false;
  if (match[2] !== undefined) {
    return !["person", "organization", "location"].includes(subject.category) && !subject.proper;
  }
  return subject.category === "possession";
}
