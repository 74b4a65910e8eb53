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
 * True when a passage (its sentence or the neighbour quoted with it) speaks of the event a
 * date question asks about; true when the question names no event. It does when it says one
 * of the event's words, in any of their forms or stand-ins, however loose ("reprocessing" for
 * "recycled"), and also when it says the event in words of its own ("enacted" for "signed",
 * "unveiled" for "announced"; a review of this rule declined 112 of 489 such questions built
 * from archive sentences):
 * - every word the question asks after the event's verb (its object) stands in the passage's
 *   sentence ("when did biden enact the covid-19 hate crimes act": "…signed the COVID-19 Hate
 *   Crimes Act into law in 2021");
 * - or a word of the question stands right before a verb the sentence dates ("AUKUS was
 *   announced on September 15, 2021" for "when was aukus unveiled").
 */
export function speaksOfEvent(
  candidate: Candidate,
  events: readonly number[],
  tokens: readonly Token[],
  terms: readonly QueryTerm[],
  sentence: string,
): boolean {
  return (
    events.length === 0 ||
    events.some((i) => {
      const place = candidate.places[i] ?? Place.nowhere;
      return place === Place.sentence || place === Place.neighbor;
    }) ||
    events.some((i) => objectSaid(candidate, tokens, terms, i)) ||
    datesAskedWord(sentence, terms)
  );
}

/** True when the question asks words after the event's verb, all of them in the passage's sentence. */
function objectSaid(
  candidate: Candidate,
  tokens: readonly Token[],
  terms: readonly QueryTerm[],
  event: number,
): boolean {
  const at = tokens.findIndex((token) => token.word === terms[event]?.word);
  if (at < 0) return false;
  const later = new Set(tokens.slice(at + 1).map((token) => token.word));
  const object = terms.flatMap((term, j) =>
    j !== event && !term.lowInformation && later.has(term.word) ? [j] : [],
  );
  return object.length > 0 && object.every((j) => candidate.places[j] === Place.sentence);
}

/**
 * A word, maybe "was"/"were"/"has been", a past participle, then "in" or "on" and a date ("AUKUS
 * was announced on September 15, 2021", "the Agreement signed in 2004"): the word is what the
 * date dates.
 */
const DATED_WORD =
  /([\p{L}\p{N}.’'-]+)\s+(?:(?:was|were|is|are|has been|had been|have been)\s+)?\p{Ll}+(?:ed|en|wn|t)\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:\p{Lu}\p{Ll}+\s+)?(?:\d{1,2},\s+)?\d{4}\b/gu;

/** True when the sentence dates a word the question asks about right where its verb stands. */
function datesAskedWord(sentence: string, terms: readonly QueryTerm[]): boolean {
  const asked = new Set(terms.filter((term) => !term.lowInformation).map((term) => term.word));
  for (const match of sentence.matchAll(DATED_WORD)) {
    const word = tokenize(match[1] ?? "").at(-1)?.word;
    if (word !== undefined && asked.has(word)) return true;
  }
  return false;
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
  // "…an additional drawdown of $425 million. It includes Javelin anti-tank missiles…": a
  // sentence that opens by pointing back to the one before speaks of what that one says.
  const ownText = sentenceText(candidate.sentenceId);
  if (candidate.withNeighbor < 0 && POINTS_BACK.test(ownText) && !CONTRASTS.test(ownText)) {
    return false;
  }
  const neighbour = sentenceText(candidate.sentenceId + candidate.withNeighbor);
  const inNeighbour = termsIn(terms, undefined, new Set(tokenize(neighbour).map((t) => t.term)));
  return !own.some((i) => inNeighbour[i] === 1);
}

/** A sentence's opening pronoun or demonstrative ("It includes…", "These funds…", "This will…"). */
const POINTS_BACK = /^\W*(?:It|Its|This|These|Those|They|Their|Such)\b/u;

/** Words that set a sentence against the one before ("That stands in contrast to…", "Unlike…"). */
const CONTRASTS = /\b(?:contrast|unlike|whereas|however|by comparison|compared (?:with|to))\b/iu;

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
  const quoted =
    candidate.withNeighbor === 0
      ? own
      : `${own} ${sentenceText(candidate.sentenceId + candidate.withNeighbor)}`;
  // "Russian frozen assets" says Russia, "malaysian" is Malaysia's: the asked place said in its
  // other form is said.
  const said = new Set(tokenize(quoted).flatMap((token) => placesNamed(token.word, dictionary)));
  if ([...asked].some((place) => said.has(place))) return false;
  const text =
    candidate.withNeighbor !== 0 && !own.includes(answer)
      ? sentenceText(candidate.sentenceId + candidate.withNeighbor)
      : own;
  // Capitalised: "china" in lower case is porcelain. A place that begins a name of another
  // kind ("the Manhattan Project") is no place there.
  const read = tokenize(text);
  return read.some(
    (token, k) =>
      token.capitalized &&
      !token.isNumber &&
      isPlaceNoun(token.word, dictionary) &&
      !beginsOtherName(read[k + 1], token, dictionary) &&
      !asked.has(token.word) &&
      ![...asked].some((other) => dictionary.synonyms(other).includes(token.word)),
  );
}

/** True when a capitalised word right after a place's name, no place itself, makes it part of another name. */
function beginsOtherName(
  next: Token | undefined,
  place: Token,
  dictionary: SynonymSource,
): boolean {
  return (
    next !== undefined &&
    next.capitalized &&
    !next.isNumber &&
    next.start === place.end + 1 &&
    placesNamed(next.word, dictionary).length === 0
  );
}
