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

/** Verbs of money changing hands, in the forms a question puts them after its auxiliary. */
const MONEY_VERB =
  "(?:get|gets|got|gotten|receive|receives|received|earn|earns|earned|make|makes|made|pay|pays|paid|spend|spends|spent|save|saves|saved|owe|owes|owed|pocket|pockets|pocketed)";

/**
 * True when "how much does the N get/pay/save…" asks what a person or a body gets, pays or
 * saves: a sum of money, not a share ("how much did the average student get from a grant" is
 * not answered by "50 percent of the funds have gone to students"). N's main sense names
 * people or an organisation ("student", "family", "company").
 */
export function moneyOfAgent(q: string, dictionary: SynonymSource): boolean {
  const match = new RegExp(
    String.raw`\bhow much (?:money )?(?:do|does|did|will|would|can|could|has|have|had|is|are|was|were)(?: the| a| an| each| every| their| its| our| your)?((?: [\w-]+){1,3}?) ${MONEY_VERB}\b`,
    "u",
  ).exec(q);
  const noun = match?.[1]?.trim().split(" ").at(-1);
  if (noun === undefined || STOP_WORDS.has(noun)) return false;
  const category = dictionary.nounSense?.(noun)?.category;
  return category === "person" || category === "organization";
}

/**
 * True when "how much higher are the fees" compares what is owned or owed (the dictionary files
 * the noun compared under possessions: "fees", "prices"), which a sum may answer.
 */
export function comparesMoney(q: string, dictionary: SynonymSource): boolean {
  const match =
    /\bhow much (?:more |less )?[\w-]+ (?:is|are|was|were|would|will|do|does|did|can|could) (?:the |a |an |their |its )?([\w-]+(?: [\w-]+){0,2})/u.exec(
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
