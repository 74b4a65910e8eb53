// What a "where" question asks when it is no place's name: where a thing comes from or goes.

import type { SynonymSource } from "../synonyms.ts";

/** "where … come from" (a source) or "where … go" (a destination), and the word before the verb. */
const WHERE_FROM_OR_TO =
  /\bwhere\b(.*?)\s(?:(come|comes|coming|came)\s+from\b|(go|goes|went)\b|(going)\b(?!\s+to\s+\p{L}+))/u;

/**
 * True when "where" asks where a thing comes from or goes, which the article often says in
 * words of its own rather than by a place's name ("foreign sources", "directly to eligible
 * Americans"): where a thing comes from, unless it is a person, a body or a place ("where do
 * the migrants come from"); where one goes to do something ("where should renters go to apply"); where money or what is owned goes ("where would the money go";
 * not "where did trump go"). Not "going to" a verb ("where is he going to travel"). The
 * question is plain, lower-case text (questionText).
 */
export function asksSourceOrDestination(q: string, dictionary: SynonymSource): boolean {
  const match = WHERE_FROM_OR_TO.exec(q);
  if (!match) return false;
  // "where should renters go to apply", "where do i go to sign up": where one goes to do a thing
  // is a service or an office, often in the article's words ("the local program in their
  // area"); "where did the president go to sign it" asks the place of an event.
  const purpose = /\bgo(?:es)? to (\p{L}+)/u.exec(q.slice(match.index))?.[1];
  if (purpose && !/\bdid\b/u.test(q) && (dictionary.mostlyVerb?.(purpose) ?? false)) return true;
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
