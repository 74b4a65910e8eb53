import { SHORT_ANSWER } from "../fixed-tuning.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { initialismLetters, spelledAt, spellsOut } from "../text/initials.ts";
import { isAskedWord, restatesQuestion, restatesSubject, typedAsWritten } from "./echo.ts";
import {
  beforeOf,
  bodyName,
  commonNoun,
  hasPersonsTitle,
  isPersonNoun,
  isRole,
  thingName,
  wrongKindOfName,
} from "./name-kinds.ts";
import { personsModified, placeModifiesAsked, placeModifiesThing } from "./name-modifiers.ts";
import type { NameQuestion } from "./name-question.ts";

/** A whole number after a word that is no figure or time: the number of a label ("Section 232"). */
const LABEL_NUMBER =
  /^\s+\d+\b(?![.,]\d|%|\s+(?:percent|per cent|times?|years?|months?|weeks?|days?|hours?|minutes?)\b)/u;

/** A Roman numeral in lower case ("xi", "li", "iv"). */
const ROMAN_NUMERAL = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u;

/** A preposition of place right before a name ("in Woodside", "at the White House"). */
export const LOCATIVE_BEFORE = /\b(?:in|at|near|outside(?: of)?|inside)\s+(?:the\s+)?$/iu;

/** What is known of an excerpt before its names are tested, read once per excerpt. */
export interface ExcerptView {
  readonly excerpt: string;
  /** Where titles stand (quoted, or after "titled"): a title is neither who nor where. */
  readonly titles: readonly (readonly [number, number])[];
  /** Where the verb a "who" question asks about stands, or -1 (see askedVerbAt). */
  readonly verbAt: number;
  /** Terms one of which a name must hold, when the caller asks for that. */
  readonly bearing: ReadonlySet<string> | undefined;
}

/** A name of an excerpt, its opener and possessive taken off. */
export interface CandidateName {
  readonly words: readonly string[];
  /** The name as matched, a possessive and closing punctuation taken off. */
  readonly name: string;
  readonly index: number;
  readonly end: number;
}

/**
 * Why a name cannot answer: `refused`, or `described` when it is the place that names the
 * persons asked ("Caribbean leaders" for "who are the leaders?"), which leaves any other name
 * tied to nothing in the question no answer either.
 */
export type NameRefusal = "refused" | "described";

/**
 * Whether a name is the question's own subject said again: its last word, its words, their
 * initials, or an abbreviation of the question's words ("AJ" for "administrative judge").
 */
function echoesQuestion(asked: NameQuestion, words: readonly string[]): boolean {
  const { said, kindAsked, type, dictionary, question } = asked;
  // "President Trump" for "who did Trump appoint": a name ending in the question's own
  // name is whom the question is about, not its answer.
  const last = words.at(-1) ?? "";
  const ofKindAsked = kindAsked !== undefined && termOf(foldCase(last)) === kindAsked;
  if (isAskedWord(last, said) && typedAsWritten(last, said) && !ofKindAsked) return true;
  // "Castner Range National Monument" for "which monument did biden designate before castner
  // range": a name of the kind asked whose own words are the question's (or describe), one of
  // them a name's word no dictionary has as an English word, is the one the question names,
  // not the one it asks for. ("Research Council" still answers "which council coordinates the
  // research": "research" is a word of English.)
  if (ofKindAsked && words.length >= 2) {
    const own = words.slice(0, -1).filter((word) => !STOP_WORDS.has(foldCase(word)));
    const describes = (word: string) => dictionary?.adjective?.(foldCase(word)) ?? false;
    const namesWord = (word: string) =>
      isAskedWord(word, said) &&
      !((dictionary?.knows(foldCase(word)) ?? true) && !dictionary?.properNoun?.(foldCase(word)));
    if (own.some(namesWord) && own.every((word) => isAskedWord(word, said) || describes(word))) {
      return true;
    }
  }
  if (restatesSubject(words, said, kindAsked, type, dictionary)) return true;
  // "Federal Trade Commission" for "who chairs the ftc": the question's own subject, spelt out.
  const initials = words
    .filter((word) => !STOP_WORDS.has(foldCase(word)))
    .map((word) => foldCase(word)[0])
    .join("");
  if (initials.length >= 2 && words.length >= 2 && isAskedWord(initials, said)) return true;
  // "Department of Justice" for "the DOJ probe was aimed at who": the subject, said again.
  if (!ofKindAsked && restatesQuestion(words, question)) return true;
  // "AJ" for "who is the chair the administrative judge called unfit": the initials of the
  // question's own words ("administrative judge (AJ)") are its subject, abbreviated.
  const letters = words.length === 1 ? initialismLetters(foldCase(words[0] ?? "")) : undefined;
  return letters !== undefined && /^\p{Lu}+$/u.test(words[0] ?? "") && spellsOut(letters, question);
}

/** A name spelt out up to its acronym in parentheses: "International Longshore and Warehouse Union (ILWU)". */
const SPELT_UP_TO_ACRONYM = /^([^()]{3,120}?)\s*\((\p{Lu}{2,6})\)/u;

/**
 * Whether the name at `index` opens the spelt-out form of an acronym the question uses: the
 * name was cut at its "and" ("International Longshore" of "International Longshore and
 * Warehouse Union (ILWU)" for "who runs the ILWU"), and is the question's subject.
 */
function opensAskedAcronym(asked: NameQuestion, excerpt: string, index: number): boolean {
  const match = SPELT_UP_TO_ACRONYM.exec(excerpt.slice(index));
  if (!match?.[1] || !match[2] || !isAskedWord(match[2], asked.said)) return false;
  const spelt = spelledAt(foldCase(match[2]), match[1]);
  return spelt?.[0] === 0 && spelt[1] === match[1].length;
}

/** Whether a name is of another kind than the one asked (a role, a body, a thing, a place). */
function ofWrongKind(asked: NameQuestion, words: readonly string[]): boolean {
  const { type, dictionary, venue, placeAsked, polityAsked, nameAsked, organization } = asked;
  const name = words.join(" ");
  if (wrongKindOfName(type, name, dictionary, venue)) return true;
  // "which cities": a place the dictionary knows as none ("America", "Illinois") is not one.
  if (placeAsked && dictionary?.isKindOf?.(name, placeAsked.word) === false) return true;
  // "which foreign countries own the companies" (asked who, of places): "Task Forces", common
  // words whose head names no place in any sense, is none either. An acronym ("NATO") may be
  // a place's name for all the dictionary says.
  if (
    polityAsked &&
    dictionary &&
    words.every((word) => /\p{Ll}/u.test(word) && commonNoun(word, dictionary)) &&
    dictionary.nounSense?.(foldCase(beforeOf(name).split(/\s+/u).at(-1) ?? ""))?.site === false
  ) {
    return true;
  }
  if (!dictionary) return false;
  if (nameAsked && isRole(words, dictionary)) return true;
  if (organization && hasPersonsTitle(name, dictionary, type)) return true;
  // "FAA Administrator" for "what agency": a name whose head is a person's title is a role.
  if (organization && isPersonNoun(words.at(-1) ?? "", dictionary)) return true;
  // "whats the name of the treasury secretary": a body ("Government of Iran") is no person.
  if (asked.personAsked && bodyName(name, dictionary)) return true;
  // "which eu leader": "Massive EU Investment" (a heading) names a thing: it opens with an
  // adjective and its head names no one in any sense.
  return asked.personAsked && thingName(name, dictionary);
}

/**
 * Why a name of an excerpt cannot answer the question, or undefined when it may: the
 * question's own subject, a lone opener or adjective, a heading, a title, a name of the wrong
 * kind, a label, a place where a person is asked, what the asked verb was done to.
 */
export function nameRefusal(
  asked: NameQuestion,
  view: ExcerptView,
  candidate: CandidateName,
): NameRefusal | undefined {
  const { type, dictionary } = asked;
  const { excerpt } = view;
  const { words, name, index, end } = candidate;
  const alternatives = asked.isChoice(words);
  const isSentenceStart = index === 0 || /[.!?“":•-]\s*$/u.test(excerpt.slice(0, index));
  // A sentence's first word is capitalised whatever it is; one the dictionary writes as a name
  // ("Poland led the RACER project") is one all the same.
  const opening = words.length === 1 ? (words[0] ?? "") : "";
  if (
    isSentenceStart &&
    words.length === 1 &&
    !(/^\p{L}+$/u.test(opening) && (dictionary?.properNoun?.(foldCase(opening)) ?? false))
  ) {
    return "refused";
  }
  // "American shipyards", "Federal antitrust law": a capitalised adjective alone describes
  // what follows it; it names nobody. The dictionary's Roman numerals are adjectives too
  // ("li", fifty-one): "Li", "Xi" are surnames.
  const lone = words.length === 1 ? foldCase(words[0] ?? "") : "";
  if (lone !== "" && !ROMAN_NUMERAL.test(lone) && dictionary?.adjective?.(lone)) return "refused";
  if (!alternatives && echoesQuestion(asked, words)) return "refused";
  if (!alternatives && opensAskedAcronym(asked, excerpt, index)) return "refused";
  // A heading in capitals ("DELIVERING ON PLEDGE…") is no name: an all-capital word
  // longer than an acronym is shouting.
  if (
    words.some(
      (word) =>
        word.length > SHORT_ANSWER.maxAcronymLength &&
        word === word.toUpperCase() &&
        /\p{Lu}{2}/u.test(word),
    )
  ) {
    return "refused";
  }
  // “Grand Ronde Reservation Act Amendment of 2023”: the title of a law, a report or an
  // event, in quotes or after "titled", is neither who nor where (tested after the kind).
  const inTitle = view.titles.some(([from, to]) => index >= from && index < to);
  if (ofWrongKind(asked, words) || inTitle) return "refused";
  const preceding = excerpt.slice(Math.max(0, index - 20), index);
  // "the Administration", "the Order", "this Summit": a capitalised common noun refers to
  // something the article names elsewhere; it is no name of its own (an acronym is: "the FAA").
  const single = words.length === 1 ? (words[0] ?? "") : "";
  const commonSingle =
    single !== "" && dictionary?.nounSense?.(single)?.proper === false ? single : "";
  if (
    commonSingle !== "" &&
    commonSingle !== commonSingle.toUpperCase() &&
    /\b(?:the|this|that|these|those)\s+$/iu.test(preceding)
  ) {
    return "refused";
  }
  // "Section 232", "Title 42", "Chapter 11": a common noun numbered is a label, whoever the
  // question asks for. Not a name before a figure or a time ("Trump 48 percent", "signed
  // by Cook 5 years ago"), whose surname the dictionary may know as a common noun.
  if (
    commonSingle !== "" &&
    (type === "person" || type === "place") &&
    LABEL_NUMBER.test(excerpt.slice(end))
  ) {
    return "refused";
  }
  // "in China", "outside of the National Laboratories", "at the White House": a place, not who.
  if (
    type !== "place" &&
    (LOCATIVE_BEFORE.test(preceding) || /\b(?:across|throughout)\s+(?:the\s+)?$/iu.test(preceding))
  ) {
    return "refused";
  }
  // "who tweeted the photo": a name after the asked verb is what was done to, unless "by"
  // comes first (passive: "was tweeted by Xinhua").
  if (view.verbAt >= 0 && index > view.verbAt && !/\bby\s+(?:the\s+)?$/iu.test(preceding)) {
    return "refused";
  }
  const { bearing } = view;
  if (bearing && !words.some((word) => bearing.has(termOf(foldCase(word))))) return "refused";
  return placeRefusal(asked, name, excerpt, index, end);
}

/** A place that says where the persons or the thing after it are from, not who. */
function placeRefusal(
  asked: NameQuestion,
  name: string,
  excerpt: string,
  index: number,
  end: number,
): NameRefusal | undefined {
  const { type, dictionary, kindAsked, asksWhose } = asked;
  if (!dictionary) return undefined;
  const after = excerpt.slice(end);
  if (type === "person" && kindAsked && placeModifiesAsked(name, after, kindAsked, dictionary)) {
    return "refused";
  }
  if ((type === "person" || type === "place") && !asksWhose) {
    const persons = personsModified(name, after, type, dictionary);
    // "who are the leaders?": "Caribbean leaders" name the persons asked only by a place.
    if (persons !== undefined)
      return asked.said.asked.has(termOf(persons)) ? "described" : "refused";
  }
  // "strengthened the U.S. economy": the place says whose economy, not who did it. Not the
  // last of a list of names ("Federal and State policies"): the list is read as a whole.
  if (
    type === "person" &&
    !asksWhose &&
    !/\p{Lu}\S*\s+(?:and|or|&)\s+$/u.test(excerpt.slice(0, index)) &&
    placeModifiesThing(name, after, dictionary)
  ) {
    return "refused";
  }
  return undefined;
}
