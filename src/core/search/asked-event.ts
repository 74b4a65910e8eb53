// Whether a passage's date or figure is about what the question asks: a date dates the event
// the question names ("created", "passed"), a figure quoted from a passage's neighbour belongs
// to what that neighbour speaks of, and a figure beside another place than the one asked is
// that place's.

import type { RankingOptions } from "../options.ts";
import type { SynonymSource } from "../synonyms.ts";
import { tokenize, type Token } from "../text/tokenize.ts";
import { termsIn } from "./context-words.ts";
import { PARTICLES } from "./phrasal-verbs.ts";
import type { QueryTerm } from "./query.ts";
import type { Candidate } from "./score.ts";
import { Place } from "./term-notes.ts";

/** The words that open a question about a date: the event is named after them. */
const DATE_QUESTION_WORD = /^(?:when|wen|what|whats|which)$/u;

/**
 * Words before a verb's form that make it a modifier of a noun ("the revised guidelines", "of
 * proposed rulemaking"), not the event asked about.
 */
const BEFORE_MODIFIER =
  /^(?:the|a|an|its|his|her|their|this|that|these|those|our|my|your|of|for|on|in|at|by|with|from)$/u;

/** Verbs whose subject is the event ("when did the attack happen"): they name none of their own. */
const EVENT_OF_SUBJECT = /^(?:happen|happened|happens|happening|occur|occurred|occurs|occurring)$/u;

/**
 * The question words (positions in `terms`) that name the event a date question asks about:
 * "created" of "when was the general services administration created", "decriminalize" of
 * "when did DC first decriminalize weed". A word the dictionary knows only as a verb (not
 * "post", "ban", "plan": nouns too, and often the thing asked about), after the question
 * word, not a modifier of a noun, nor the first word of a phrasal verb ("kick off", whose
 * meaning the verb alone does not carry).
 */
export function eventTerms(
  tokens: readonly Token[],
  terms: readonly QueryTerm[],
  dictionary: SynonymSource | null | undefined,
): number[] {
  if (!dictionary?.mostlyVerb || !dictionary.nounSense) return [];
  const asks = tokens.findIndex((token) => DATE_QUESTION_WORD.test(token.word));
  return terms.flatMap((term, i) => {
    if (term.lowInformation || EVENT_OF_SUBJECT.test(term.word)) return [];
    if (!(dictionary.mostlyVerb?.(term.word) ?? false)) return [];
    if (dictionary.nounSense?.(term.word) !== undefined) return [];
    const at = tokens.findIndex((token, position) => position > asks && token.word === term.word);
    if (at < 0) return [];
    const before = tokens[at - 1]?.word ?? "";
    const after = tokens[at + 1]?.word ?? "";
    if (BEFORE_MODIFIER.test(before) || PARTICLES.has(after)) return [];
    return [i];
  });
}

/**
 * True when a passage (its sentence or the neighbour quoted with it) says one of the event's
 * words, in any of their forms or stand-ins, however loose ("reprocessing" for "recycled");
 * true when the question names no event.
 */
export function speaksOfEvent(candidate: Candidate, events: readonly number[]): boolean {
  return (
    events.length === 0 ||
    events.some((i) => {
      const place = candidate.places[i] ?? Place.nowhere;
      return place === Place.sentence || place === Place.neighbor;
    })
  );
}

/**
 * True when a short answer stands only in the neighbour quoted with the passage and that
 * neighbour says none of the question's words the passage's own sentence holds: "Today, 25%
 * tariffs on Tesla's imported cars…" quoted before "…some of the German luxury makers…" does
 * not say what German luxury cars pay.
 */
export function figureOfNeighbour(
  answer: string,
  candidate: Candidate,
  terms: readonly QueryTerm[],
  sentenceText: (id: number) => string,
): boolean {
  if (candidate.withNeighbor === 0 || sentenceText(candidate.sentenceId).includes(answer)) {
    return false;
  }
  const own = terms.flatMap((term, i) =>
    !term.lowInformation && candidate.places[i] === Place.sentence ? [i] : [],
  );
  // A sentence that says none of the question's words leaves its neighbour to say them all.
  if (own.length === 0) return false;
  const neighbour = sentenceText(candidate.sentenceId + candidate.withNeighbor);
  const inNeighbour = termsIn(terms, undefined, new Set(tokenize(neighbour).map((t) => t.term)));
  return !own.some((i) => inNeighbour[i] === 1);
}

/**
 * A place named by its own noun ("Thailand", "Beijing"), not by a people's adjective: "U.S.
 * jobs", "American prosperity" say whom a figure is for more often than whose it is.
 */
function isPlaceNoun(word: string, dictionary: SynonymSource): boolean {
  const sense = dictionary.nounSense?.(word);
  return sense?.proper === true && sense.category === "location";
}

/** The places a word names: itself for a country or a city, the country of a people's adjective ("malaysian": Malaysia). */
function placesNamed(word: string, dictionary: SynonymSource): string[] {
  const sense = dictionary.nounSense?.(word);
  if (isPlaceNoun(word, dictionary)) return [word];
  if (sense?.proper && sense.person && (dictionary.adjective?.(word) ?? false)) {
    return dictionary.synonyms(word).filter((synonym) => isPlaceNoun(synonym, dictionary));
  }
  return [];
}

/**
 * True when the question names a place the passage does not say, and the sentence holding the
 * short answer names another place instead: "…Thailand would eliminate tariff barriers on
 * approximately 99% of goods" does not say what Malaysian goods are charged.
 */
export function figureOfRivalPlace(
  answer: string,
  candidate: Candidate,
  terms: readonly QueryTerm[],
  tokens: readonly Token[],
  sentenceText: (id: number) => string,
  options: Readonly<RankingOptions>,
): boolean {
  const dictionary = options.synonyms;
  if (!dictionary?.nounSense) return false;
  const asked = new Set(tokens.flatMap((token) => placesNamed(token.word, dictionary)));
  if (asked.size === 0) return false;
  // Said in the passage, not stood for by a loose stand-in: a word-vector neighbour of a
  // place is most often another place ("Thailand" for "malaysian").
  const { looseMatch, neighborCredit } = options;
  const missing = terms.some((term, i) => {
    const place = candidate.places[i] ?? Place.nowhere;
    const credit = candidate.credits[i] ?? 0;
    const said =
      (place === Place.sentence && credit >= looseMatch) ||
      (place === Place.neighbor && credit >= looseMatch * neighborCredit);
    return placesNamed(term.word, dictionary).length > 0 && !said;
  });
  if (!missing) return false;
  const own = sentenceText(candidate.sentenceId);
  const text =
    candidate.withNeighbor !== 0 && !own.includes(answer)
      ? sentenceText(candidate.sentenceId + candidate.withNeighbor)
      : own;
  // Capitalised: "china" in lower case is porcelain.
  return tokenize(text).some(
    (token) =>
      token.capitalized &&
      !token.isNumber &&
      isPlaceNoun(token.word, dictionary) &&
      !asked.has(token.word) &&
      ![...asked].some((other) => dictionary.synonyms(other).includes(token.word)),
  );
}
