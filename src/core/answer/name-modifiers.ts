import type { NounSense, SynonymSource } from "../synonyms.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { isPersonNoun, pluralOfPersonNoun } from "./name-kinds.ts";

/**
 * What a name found before a noun does to it: a place's name before the noun asked for, before
 * persons or before a thing says what kind, whose or where they are, so that the name itself
 * is no answer to "who" ("U.S. farmers", "the U.S. economy").
 */

/** How many words after a place's name may still belong to the noun phrase it modifies. */
const MODIFIED_NOUN_REACH = 4;

/**
 * True when a place's name modifies the noun the question asks for: "U.S. and foreign
 * pharmaceutical companies" for "which companies" says what kind of companies, not which.
 * `after` is the excerpt after the name; `kindAsked` the asked noun's term.
 */
export function placeModifiesAsked(
  name: string,
  after: string,
  kindAsked: string,
  dictionary: SynonymSource,
): boolean {
  const sense = dictionary.nounSense?.(name) ?? dictionary.nounSense?.(`${name}.`);
  if (!sense?.site) return false;
  // The noun phrase ends at punctuation; "and other companies" makes the name one of them.
  const phrase = (/^[^,;:.!?()]*/u.exec(after)?.[0] ?? "").split(/\s+/u).filter(Boolean);
  const words = phrase.slice(0, MODIFIED_NOUN_REACH).map((word) => foldCase(word));
  const at = words.findIndex((word) => termOf(word) === kindAsked);
  return at >= 0 && !words.slice(0, at).includes("other");
}

/**
 * The noun for persons a name modifies right after it, so that the persons, not the name,
 * answer: asked who, a place's name ("U.S. farmers", "a U.S. citizen"); asked where, a name
 * known as a body's ("United Nations partners", "FEMA officials": who they are, not where).
 * A place before persons says where they are ("Texas farmers", "Ingham County residents"),
 * and a name the dictionary does not know may be a place. Undefined when it modifies none.
 */
export function personsModified(
  name: string,
  after: string,
  asked: "person" | "place",
  dictionary: SynonymSource,
): string | undefined {
  const sense = dictionary.nounSense?.(name) ?? dictionary.nounSense?.(`${name}.`);
  if (asked === "person" ? !sense?.site : !knownBody(name, sense, dictionary)) return undefined;
  const next = /^\.?\s+(\p{Ll}+)\b/u.exec(after)?.[1];
  // Only a noun: "have" (the haves), "metropolitan" (a bishop) say nothing of persons here.
  if (next === undefined || STOP_WORDS.has(next) || dictionary.adjective?.(next)) return undefined;
  if (dictionary.mostlyVerb?.(next)) return undefined;
  return isPersonNoun(next, dictionary) || pluralOfPersonNoun(next, dictionary) ? next : undefined;
}

/**
 * True when a place's name modifies a noun for a thing right after it ("the U.S. economy",
 * "the U.S. homeland"): asked who, the place says whose or where the thing is, not who acts.
 * A noun that names people in some sense ("U.S. government", "China team") leaves the place
 * the body acting, and a word the dictionary knows as a verb too may be the name's verb.
 */
export function placeModifiesThing(
  name: string,
  after: string,
  dictionary: SynonymSource,
): boolean {
  const sense = dictionary.nounSense?.(name) ?? dictionary.nounSense?.(`${name}.`);
  if (!sense?.site) return false;
  const next = /^\.?\s+(\p{Ll}+)\b/u.exec(after)?.[1];
  if (next === undefined || STOP_WORDS.has(next) || dictionary.adjective?.(next)) return false;
  // "Would the White House support that", "Republicans need to act": a word that may be a
  // verb may be the name's own.
  if (dictionary.verb?.(next) !== false) return false;
  const noun = dictionary.nounSense?.(next);
  return noun !== undefined && !noun.proper && noun.agent === false && noun.person === false;
}

/**
 * A name known as a body's: the dictionary's organisation ("United Nations"), a name whose last
 * word is an organisation's noun ("Federal Emergency Management Agency"), or an acronym that is
 * no place ("FEMA", not "UK").
 */
function knownBody(name: string, sense: NounSense | undefined, dictionary: SynonymSource): boolean {
  if (sense?.site) return false;
  if (sense?.proper && sense.category === "organization") return true;
  if (/^\p{Lu}{2,}$/u.test(name)) return sense === undefined || !sense.site;
  const head = dictionary.nounSense?.(foldCase(name.split(/\s+/u).at(-1) ?? ""));
  return head !== undefined && !head.proper && head.category === "organization";
}
