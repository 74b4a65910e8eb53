import { speakerLabel } from "../article/speakers.ts";
import { SHORT_ANSWER } from "../fixed-tuning.ts";
import { clauseAround } from "./clauses.ts";
import type { SynonymSource } from "../synonyms.ts";
import { STOP_WORDS, TIME_WORDS } from "../text/lexicon.ts";
import { CALENDAR_WORD } from "../text/expressions.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { askedNoun } from "./asked-noun.ts";
import { isAskedWord, restatesQuestion, restatesSubject, typedAsWritten } from "./echo.ts";
import { asksForName, FIRST_WH, heldRole, type AnswerType } from "./expected.ts";
import { roleNear } from "./held-role.ts";
import {
  beforeOf,
  bodyName,
  commonNoun,
  hasPersonsTitle,
  isPersonNoun,
  isRole,
  onlyVerb,
  thingName,
  wrongKindOfName,
} from "./name-kinds.ts";
import { personsModified, placeModifiesAsked, placeModifiesThing } from "./name-modifiers.ts";
import { asksForSeveral, type PlacedName, withListedNames } from "./coordinated.ts";
import { namedTitles, namesIn, quotedTitles } from "./name-spans.ts";
import { choiceRanges } from "../search/alternatives.ts";
import { initialismLetters, spellsOut } from "../text/initials.ts";

/** A whole number after a word that is no figure or time: the number of a label ("Section 232"). */
const LABEL_NUMBER =
  /^\s+\d+\b(?![.,]\d|%|\s+(?:percent|per cent|times?|years?|months?|weeks?|days?|hours?|minutes?)\b)/u;

/** A Roman numeral in lower case ("xi", "li", "iv"). */
const ROMAN_NUMERAL = /^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/u;

/** A preposition of place right before a name ("in Woodside", "at the White House"). */
/** Words of a time told by its number ("Day One", "Year Two"): no name of anyone or anywhere. */
const TIME_OR_NUMBER: ReadonlySet<string> = new Set([
  ...TIME_WORDS,
  ..."since until after before during day days weeks months years one two three four five six seven eight nine ten first second third".split(
    " ",
  ),
]);

const LOCATIVE_BEFORE = /\b(?:in|at|near|outside(?: of)?|inside)\s+(?:the\s+)?$/iu;

/**
 * The question's word right after "who" when "who" is its first question word ("tweeted" of
 * "who tweeted the photo", "so who tweeted the photo", "does anyone know who tweeted it").
 */
function wordAfterWho(question: string): string | undefined {
  const q = foldCase(question);
  const first = FIRST_WH.exec(q);
  if (first?.[0] !== "who") return undefined;
  return /^\s+(\p{L}+)/u.exec(q.slice(first.index + first[0].length))?.[1];
}

/**
 * Where the excerpt has the verb a "who" question asks about ("who tweeted the photo": the
 * first "tweeted", "tweets"…, not "tweeting"), or -1: the question's word right after "who",
 * when it is no stop word (not "who is", "who did", "who's") and no verb of saying, whose
 * speaker news often writes after it ("said Li Anding", "warned the Secretary").
 */
function askedVerbAt(
  question: string,
  excerpt: string,
  dictionary: SynonymSource | null | undefined,
): number {
  const verb = wordAfterWho(question);
  if (verb === undefined || STOP_WORDS.has(verb) || dictionary?.speechVerb?.(verb)) return -1;
  const term = termOf(foldCase(verb));
  for (const word of excerpt.matchAll(/\p{L}+/gu)) {
    const written = foldCase(word[0]);
    // "Musk's meeting with Wang": a verb made a noun has no subject before it.
    if (termOf(written) === term && !/ing$/u.test(written)) return word.index;
  }
  return -1;
}

/**
 * The name in an excerpt that answers "who"/"which"/"where": one the question does
 * not already say, preferring a name right after a word of the question (an
 * apposition: "researcher JL Warren Capital") and then longer names.
 */
export function bestName(
  type: AnswerType,
  question: string,
  excerpt: string,
  title: string,
  dictionary: SynonymSource | null | undefined,
  bearing?: ReadonlySet<string>,
): string | null {
  const topic = new Set(
    foldCase(title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((word) => termOf(word)),
  );
  const typedWords = new Set(foldCase(question).split(/[^\p{L}\p{N}]+/u));
  const asked = new Set(
    foldCase(question)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== "" && !STOP_WORDS.has(word))
      .map((word) => termOf(word)),
  );
  const said = { typed: typedWords, asked };
  // "whose farmers", "which country's citizens": the place before the persons is the answer.
  const asksWhose =
    /\bwhose\b|\b(?:which|what)\s+(?:country|countries|nation|state|city|region|province|town)['’]s?(?!\p{L})/u.test(
      foldCase(question),
    );
  let describedOnly = false;
  const isAsked = (word: string) => isAskedWord(word, said);
  // "Treasury's or other agencies'?": the answer is one of the question's own names. Where the
  // choice is read ("which 2025 AI order was it, january or april?"), only a name of one of
  // the alternatives is spared the tests below: "AI" is the question's subject.
  const offersChoice = /\bor\b/iu.test(question);
  const choices = choiceRanges(question).map(([from, to]) =>
    foldCase(question.slice(from, to))
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );
  // One of a name's words, or its initials ("Secretary of Veterans Affairs" for "VA").
  const namesChoice = (choice: readonly string[], name: string) =>
    choice.some((typed) => {
      if (
        foldCase(name)
          .split(/[^\p{L}\p{N}]+/u)
          .some((word) => termOf(word) === termOf(typed))
      ) {
        return true;
      }
      const letters = initialismLetters(typed);
      return letters !== undefined && spellsOut(letters, name);
    });
  const isChoice = (words: readonly string[]) =>
    offersChoice &&
    (choices.length === 0 || choices.some((choice) => namesChoice(choice, words.join(" "))));
  // "Which airlines…": a name whose head is the noun asked for ("United Airlines") answers.
  const noun = askedNoun(question, dictionary);
  const placeAsked = type === "place" && noun?.sense.category === "location" ? noun : undefined;
  const kindAsked = noun === undefined ? undefined : termOf(noun.word);
  // "which cities", "which countries", "which nations": a place, or a polity (a kind of country).
  const polityAsked =
    noun !== undefined &&
    (noun.sense.category === "location" || dictionary?.isKindOf?.(noun.word, "country") === true);
  // "Which federal departments…": a person ("President Biden") does not answer it.
  const organization = type === "person" && noun?.sense.category === "organization";
  const personAsked = type === "person" && noun?.sense.category === "person";
  // "what's his name": a role ("National Security Advisor") says what someone is, not who.
  const nameAsked = asksForName(question, dictionary, type);
  // "who is the current US trade representative": a name away from the role's words
  // ("President Donald J. Trump signed … directing the U.S. Trade Representative") is another.
  const holder = nameAsked ? heldRole(question, dictionary, type) : undefined;
  const holderNear = holder && dictionary ? roleNear(holder, dictionary) : undefined;
  // A bare "where" (not "which city") may be answered by the body something sits in or took
  // place at: "within the Federal Aviation Administration", "the Senate Banking Committee
  // held a hearing".
  const venue = type === "place" && FIRST_WH.exec(foldCase(question))?.[0] === "where";
  let best: { name: string; order: number; placed: PlacedName } | undefined;
  // The names that may answer, in excerpt order: one listed with the chosen one answers too.
  const listable: PlacedName[] = [];
  // "who's the roanoke swim captain": a role's holder is asked ("who is/was the …").
  const asksHolder = /\bwho(?:['’]?s|\s+(?:is|was|are|were))\b/u.test(foldCase(question));
  // Where the question's words stand, to tell places apart (below): read for "where" only.
  const askedAt =
    type === "place"
      ? [...excerpt.matchAll(/[\p{L}\p{N}]+/gu)]
          .filter((word) => asked.has(termOf(foldCase(word[0]))))
          .map((word) => word.index)
      : [];
  // A transcript's "MS. PSAKI:" says who speaks, not whom the passage is about (a question
  // about who said it gets the speaker apart: see search/speakers.ts).
  const label = speakerLabel(excerpt);
  const labelEnd = label === undefined ? 0 : label.length + 1;
  // "who tweeted the photo": the one who did it is written before the verb ("the news agency
  // tweeted a photo of … Wang Yang"); a name after it is what was done to, unless "by" comes
  // first (passive: "was tweeted by Xinhua").
  const verbAt = type === "person" ? askedVerbAt(question, excerpt, dictionary) : -1;
  // "who said …": the name right before or after a verb of saying ("…,” Li said") said it.
  const afterWho = wordAfterWho(question);
  const asksSaying =
    type === "person" && afterWho !== undefined && Boolean(dictionary?.speechVerb?.(afterWho));
  const titles =
    type === "person" || type === "place"
      ? [...quotedTitles(excerpt), ...namedTitles(excerpt)]
      : [];
  for (const match of namesIn(excerpt, dictionary)) {
    if (match.index < labelEnd) continue;
    // "the label ‘Rust Belt.’": a closing quotation mark is no part of the name either.
    const name = match.text.replace(/[’']s$/u, "").replace(/[,.;:’'”"]+$/u, "");
    const words = name.split(/\s+/u).filter((word) => !CALENDAR_WORD.test(word));
    // A sentence may open with "But Tesla": the opener is no part of the name.
    while (words.length > 0 && STOP_WORDS.has(foldCase(words[0] ?? ""))) words.shift();
    // A headline in title case runs on into its verb ("Apple CEO Tim Cook Announce"):
    // a last word the dictionary knows only as a verb is no part of the name.
    while (words.length > 1 && onlyVerb(words.at(-1) ?? "", dictionary)) words.pop();
    if (words.length === 0) continue;
    // "On Day One", "Since Day One": a time told by its number names no one and nowhere.
    if (
      words.every((word) => TIME_OR_NUMBER.has(foldCase(word)) || STOP_WORDS.has(foldCase(word)))
    ) {
      continue;
    }
    const alternatives = isChoice(words);
    const isSentenceStart =
      match.index === 0 || /[.!?“":•-]\s*$/u.test(excerpt.slice(0, match.index));
    if (isSentenceStart && words.length === 1) continue;
    // "American shipyards", "Federal antitrust law": a capitalised adjective alone describes
    // what follows it; it names nobody. The dictionary's Roman numerals are adjectives too
    // ("li", fifty-one): "Li", "Xi" are surnames.
    const lone = words.length === 1 ? foldCase(words[0] ?? "") : "";
    if (lone !== "" && !ROMAN_NUMERAL.test(lone) && dictionary?.adjective?.(lone)) continue;
    // "President Trump" for "who did Trump appoint": a name ending in the question's own
    // name is whom the question is about, not its answer.
    const last = words.at(-1) ?? "";
    const ofKindAsked = kindAsked !== undefined && termOf(foldCase(last)) === kindAsked;
    if (!alternatives && isAsked(last) && typedAsWritten(last, said) && !ofKindAsked) continue;
    if (!alternatives && restatesSubject(words, said, kindAsked, type, dictionary)) continue;
    // "Federal Trade Commission" for "who chairs the ftc": the question's own subject, spelt out.
    const initials = words
      .filter((word) => !STOP_WORDS.has(foldCase(word)))
      .map((word) => foldCase(word)[0])
      .join("");
    if (!alternatives && initials.length >= 2 && words.length >= 2 && isAsked(initials)) continue;
    // "Department of Justice" for "the DOJ probe was aimed at who": the subject, said again.
    if (!alternatives && !ofKindAsked && restatesQuestion(words, question)) continue;
    // "AJ" for "who is the chair the administrative judge called unfit": the initials of the
    // question's own words ("administrative judge (AJ)") are its subject, abbreviated.
    const letters = words.length === 1 ? initialismLetters(foldCase(words[0] ?? "")) : undefined;
    if (
      !alternatives &&
      letters &&
      /^\p{Lu}+$/u.test(words[0] ?? "") &&
      spellsOut(letters, question)
    ) {
      continue;
    }
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
      continue;
    }
    if (wrongKindOfName(type, words.join(" "), dictionary, venue)) continue;
    // "which cities": a place the dictionary knows as none ("America", "Illinois") is not one.
    if (placeAsked && dictionary?.isKindOf?.(words.join(" "), placeAsked.word) === false) continue;
    // "which foreign countries own the companies" (asked who, of places): "Task Forces", common
    // words whose head names no place in any sense, is none either. An acronym ("NATO") may be
    // a place's name for all the dictionary says.
    if (
      polityAsked &&
      dictionary &&
      words.every((word) => /\p{Ll}/u.test(word) && commonNoun(word, dictionary)) &&
      dictionary.nounSense?.(foldCase(beforeOf(words.join(" ")).split(/\s+/u).at(-1) ?? ""))
        ?.site === false
    ) {
      continue;
    }
    // “Grand Ronde Reservation Act Amendment of 2023”: the title of a law, a report or an
    // event, in quotes or after "titled", is neither who nor where.
    if (titles.some(([from, to]) => match.index >= from && match.index < to)) continue;
    if (nameAsked && dictionary && isRole(words, dictionary)) continue;
    if (organization && dictionary && hasPersonsTitle(words.join(" "), dictionary, type)) continue;
    // "FAA Administrator" for "what agency": a name whose head is a person's title is a role.
    if (organization && dictionary && isPersonNoun(last, dictionary)) continue;
    // "whats the name of the treasury secretary": a body ("Government of Iran") is no person.
    if (personAsked && dictionary && bodyName(words.join(" "), dictionary)) continue;
    // "which eu leader": "Massive EU Investment" (a heading) names a thing: it opens with an
    // adjective and its head names no one in any sense.
    if (personAsked && dictionary && thingName(words.join(" "), dictionary)) continue;
    const preceding = excerpt.slice(Math.max(0, match.index - 20), match.index);
    // "the Administration", "the Order": a capitalised common noun refers to something
    // the article names elsewhere; it is no name of its own (an acronym is: "the FAA").
    const single = words.length === 1 ? (words[0] ?? "") : "";
    if (
      single !== "" &&
      single !== single.toUpperCase() &&
      /\bthe\s+$/iu.test(preceding) &&
      dictionary?.nounSense?.(single)?.proper === false
    ) {
      continue;
    }
    // "Section 232", "Title 42", "Chapter 11": a common noun numbered is a label, whoever the
    // question asks for. Not a name before a figure or a time ("Trump 48 percent", "signed
    // by Cook 5 years ago"), whose surname the dictionary may know as a common noun.
    if (
      single !== "" &&
      (type === "person" || type === "place") &&
      LABEL_NUMBER.test(excerpt.slice(match.end)) &&
      dictionary?.nounSense?.(single)?.proper === false
    ) {
      continue;
    }
    // "in China", "outside of the National Laboratories", "at the White House": a place, not who.
    if (
      type !== "place" &&
      (LOCATIVE_BEFORE.test(preceding) ||
        /\b(?:across|throughout)\s+(?:the\s+)?$/iu.test(preceding))
    ) {
      continue;
    }
    if (verbAt >= 0 && match.index > verbAt && !/\bby\s+(?:the\s+)?$/iu.test(preceding)) {
      continue;
    }
    if (bearing && !words.some((word) => bearing.has(termOf(foldCase(word))))) continue;
    if (type === "person" && kindAsked && dictionary) {
      if (placeModifiesAsked(name, excerpt.slice(match.end), kindAsked, dictionary)) continue;
    }
    if ((type === "person" || type === "place") && dictionary && !asksWhose) {
      const persons = personsModified(name, excerpt.slice(match.end), type, dictionary);
      if (persons !== undefined) {
        // "who are the leaders?": "Caribbean leaders" name the persons asked only by a place.
        if (asked.has(termOf(persons))) describedOnly = true;
        continue;
      }
    }
    // "strengthened the U.S. economy": the place says whose economy, not who did it. Not the
    // last of a list of names ("Federal and State policies"): the list is read as a whole.
    if (
      type === "person" &&
      dictionary &&
      !asksWhose &&
      !/\p{Lu}\S*\s+(?:and|or|&)\s+$/u.test(excerpt.slice(0, match.index)) &&
      placeModifiesThing(name, excerpt.slice(match.end), dictionary)
    ) {
      continue;
    }
    const before = excerpt
      .slice(Math.max(0, match.index - SHORT_ANSWER.lookBehind), match.index)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const after = excerpt
      .slice(match.end, match.end + SHORT_ANSWER.lookAhead)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const nextToQuestion = [...before.slice(-2), ...after.slice(0, 1)].some((word) =>
      asked.has(termOf(foldCase(word))),
    );
    if (holderNear && !holderNear(excerpt, match.index, match.end)) continue;
    const saying =
      asksSaying &&
      [before.at(-1), after[0]].some(
        (word) => word !== undefined && Boolean(dictionary?.speechVerb?.(foldCase(word))),
      );
    // Only for the holder of a role, after the role's noun: "who praised the governor" is not
    // answered by the governor named after the question's verb.
    const previous = before.at(-1) ?? "";
    const followsQuestion =
      asksHolder &&
      asked.has(termOf(foldCase(previous))) &&
      dictionary != null &&
      isPersonNoun(previous, dictionary);
    const apposition =
      (nextToQuestion || saying ? SHORT_ANSWER.appositionRank : 0) +
      (followsQuestion ? SHORT_ANSWER.followsQuestionRank : 0);
    // "held a Summit … in Woodside": where something happened follows "in", "at", "near".
    const located =
      type === "place" && LOCATIVE_BEFORE.test(preceding) ? SHORT_ANSWER.locativeRank : 0;
    // The article's own topic ("Tesla" in an article about Tesla) rarely answers "who".
    const topical = words.every((word) => topic.has(termOf(foldCase(word).replace(/'s$/u, ""))));
    if (topical && apposition === 0) continue;
    // "the PRC or Russia" for "which countries": a name the dictionary knows as a place is one.
    const knownPlace =
      type === "place" &&
      dictionary?.nounSense?.(words.join(" "))?.proper === true &&
      dictionary.nounSense(words.join(" "))?.category === "location";
    const ofKind = ofKindAsked || knownPlace ? SHORT_ANSWER.kindRank : 0;
    const rank = apposition + located + ofKind + words.length * SHORT_ANSWER.rankPerWord;
    const placed = { name: words.join(" "), index: match.index, end: match.end };
    listable.push(placed);
    // A lone single-word name with nothing tying it to the question is a guess: say nothing.
    if (rank < SHORT_ANSWER.minRank) continue;
    // Among places that may answer, the question's words in a name's own clause tell them
    // apart ("a facility in North Carolina, and Intel's new facility in Ohio": Ohio for Intel).
    // Not among persons: a person's name often stands apart from what is said of them, set
    // off by commas ("…welcome the Chancellor of Germany to the White House, Chancellor Scholz").
    let order = rank;
    if (type === "place") {
      const [from, to] = clauseAround(excerpt, match.index, match.end);
      order += askedAt.filter((at) => at >= from && at < to).length * SHORT_ANSWER.nameClauseCredit;
    }
    if (!best || order > best.order) best = { name: placed.name, order, placed };
  }
  // The persons asked were named only by what they belong to: another name tied to nothing in
  // the question is no answer either ("Vice President" for "who are the leaders?").
  // A name set off before what it is ("Evan Gershkovich, a U.S. citizen, …") still answers.
  const apposed = best && /^,\s+(?:a|an|the)\s/iu.test(excerpt.slice(best.placed.end));
  if (!best || (describedOnly && !apposed && best.order < SHORT_ANSWER.appositionRank)) {
    return null;
  }
  // "who has to review the permitting rules": "the EPA Administrator and the Secretary of the
  // Army", not the one ranked first. Not when one is asked for: "who is the …", "which
  // ministry", a choice offered, a name asked for.
  const several =
    !asksHolder && !offersChoice && !nameAsked && dictionary && asksForSeveral(noun, dictionary);
  return several && dictionary
    ? withListedNames(best.placed, listable, excerpt, dictionary)
    : best.name;
}

/** Words of a question that name what it is about (not its frame), as terms. */
export function askedTerms(question: string): Set<string> {
  return new Set(
    foldCase(question)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
      .map((word) => termOf(word)),
  );
}
