// What "how big is the N" or "how long is the N" measures, read from the dictionary's sense of N.

import { STOP_WORDS } from "../text/lexicon.ts";
import type { SynonymSource } from "../synonyms.ts";

/**
 * The noun of the phrase that opens `words`: it ends at the first function word or "per" ("the
 * fines for insurers", "the fine per violation" → "fine"); undefined when a function word opens
 * it. Also what follows the phrase.
 */
function headNoun(words: readonly string[]): { noun?: string; rest: readonly string[] } {
  const end = words.findIndex((word) => STOP_WORDS.has(word) || word === "per");
  const phrase = end === -1 ? words : words.slice(0, end);
  return { noun: phrase.at(-1), rest: end === -1 ? [] : words.slice(end) };
}

/**
 * True when "how big/large/high is the N" asks the size of money or of what is owned or
 * owed: WordNet files N's main sense under possessions ("fine", "budget", "fee", "cost").
 */
export function sizeOfMoney(q: string, dictionary: SynonymSource): boolean {
  const match =
    /\bhow (?:big|large|high) (?:is|are|was|were|will be) (?:the |a |an |their |its )?([\w-]+(?: [\w-]+){0,2})/u.exec(
      q,
    );
  const { noun } = headNoun(match?.[1]?.split(" ") ?? []);
  return noun !== undefined && dictionary.nounSense?.(noun)?.category === "possession";
}

/**
 * True when "how long is the N" asks a length: N's main sense is a made or natural physical
 * thing ("the new bridge over the avenue", "the tunnel", "the river"), and no verb after it says
 * what lasts ("how long is the release to go on for", "how long will the tunnel take to build").
 */
export function lengthOfThing(q: string, dictionary: SynonymSource): boolean {
  const match =
    /\bhow long (?:is|are|was|were|will|would) (?:be )?(?:the |a |an |this |that |their |its )?(.+)$/u.exec(
      q,
    );
  const { noun, rest } = headNoun(match?.[1]?.split(/[^\p{L}\p{N}'-]+/u).filter(Boolean) ?? []);
  if (noun === undefined || dictionary.nounSense?.(noun)?.physical !== true) return false;
  return !rest.some((word) => !STOP_WORDS.has(word) && (dictionary.mostlyVerb?.(word) ?? false));
}
