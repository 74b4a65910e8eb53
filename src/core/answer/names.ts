import { speakerLabel } from "../article/speakers.ts";
import { SHORT_ANSWER } from "../fixed-tuning.ts";
import { clauseAround } from "./clauses.ts";
import type { SynonymSource } from "../synonyms.ts";
import { OTHER_ROLE_WORDS, STOP_WORDS, TIME_WORDS } from "../text/lexicon.ts";
import { CALENDAR_WORD } from "../text/expressions.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import type { AnswerType } from "./expected.ts";
import { isPersonNoun, onlyVerb } from "./name-kinds.ts";
import { askedVerbAt, readNameQuestion } from "./name-question.ts";
import { type ExcerptView, LOCATIVE_BEFORE, nameRefusal } from "./name-refusals.ts";
import { asksForSeveral, type PlacedName, withListedNames } from "./coordinated.ts";
import { namedTitles, namesIn, quotedTitles } from "./name-spans.ts";

/** Words of a time told by its number ("Day One", "Year Two"): no name of anyone or anywhere. */
const TIME_OR_NUMBER: ReadonlySet<string> = new Set([
  ...TIME_WORDS,
  ..."since until after before during day days weeks months years one two three four five six seven eight nine ten first second third".split(
    " ",
  ),
]);

/**
 * A name's words as an answer gives them: calendar words, an opener ("But Tesla") and a verb
 * a title-case headline runs on into ("Apple CEO Tim Cook Announce") taken off; none when what
 * is left is a time told by its number ("On Day One", "Since Day One").
 */
function answerWords(name: string, dictionary: SynonymSource | null | undefined): string[] {
  const words = name.split(/\s+/u).filter((word) => !CALENDAR_WORD.test(word));
  while (words.length > 0 && STOP_WORDS.has(foldCase(words[0] ?? ""))) words.shift();
  while (words.length > 1 && onlyVerb(words.at(-1) ?? "", dictionary)) words.pop();
  const timeOnly = words.every(
    (word) => TIME_OR_NUMBER.has(foldCase(word)) || STOP_WORDS.has(foldCase(word)),
  );
  return timeOnly ? [] : words;
}

/** A noun and "such as", "including" or "like" right before a name: its last word captured. */
const EXAMPLE_AFTER = /(\p{L}+),?\s+(?:such\s+as|including|like)\s+$/u;

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
  const asked = readNameQuestion(type, question, title, dictionary);
  const { topic, kindAsked, holderNear, asksHolder, asksSaying } = asked;
  const terms = asked.said.asked;
  let describedOnly = false;
  let best: { name: string; order: number; placed: PlacedName } | undefined;
  // The names that may answer, in excerpt order: one listed with the chosen one answers too.
  const listable: PlacedName[] = [];
  // Where the question's words stand, to tell places apart (below): read for "where" only.
  const askedAt =
    type === "place"
      ? [...excerpt.matchAll(/[\p{L}\p{N}]+/gu)]
          .filter((word) => terms.has(termOf(foldCase(word[0]))))
          .map((word) => word.index)
      : [];
  // A transcript's "MS. PSAKI:" says who speaks, not whom the passage is about (a question
  // about who said it gets the speaker apart: see search/speakers.ts).
  const label = speakerLabel(excerpt);
  const labelEnd = label === undefined ? 0 : label.length + 1;
  const view: ExcerptView = {
    excerpt,
    titles:
      type === "person" || type === "place"
        ? [...quotedTitles(excerpt), ...namedTitles(excerpt)]
        : [],
    verbAt: askedVerbAt(asked, excerpt),
    bearing,
  };
  for (const match of namesIn(excerpt, dictionary)) {
    if (match.index < labelEnd) continue;
    // "the label ‘Rust Belt.’": a closing quotation mark is no part of the name either.
    const name = match.text.replace(/[’']s$/u, "").replace(/[,.;:’'”"]+$/u, "");
    const words = answerWords(name, dictionary);
    if (words.length === 0) continue;
    const refusal = nameRefusal(asked, view, { words, name, index: match.index, end: match.end });
    if (refusal === "described") describedOnly = true;
    if (refusal !== undefined) continue;
    const preceding = excerpt.slice(Math.max(0, match.index - 20), match.index);
    const last = words.at(-1) ?? "";
    const ofKindAsked = kindAsked !== undefined && termOf(foldCase(last)) === kindAsked;
    const before = excerpt
      .slice(Math.max(0, match.index - SHORT_ANSWER.lookBehind), match.index)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const after = excerpt
      .slice(match.end, match.end + SHORT_ANSWER.lookAhead)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    // The word after the name counts when it is no title opening the next name ("Attorney
    // General Josh Shapiro, Governor Tom Wolf": "Governor" is Wolf's).
    const nextOpensName = /^\s*[,;]?\s*\p{Lu}[\p{L}.'’-]*(?:\s+(?:of|the|for))*\s+\p{Lu}/u.test(
      excerpt.slice(match.end),
    );
    // Nor do the words before it when they end another name the question does not say
    // ("President Biden, Vice President Harris": "President" is Biden's). A title set off by a
    // comma ("Tesla CEO, Elon Musk") is this name's, and the question's own subject before it
    // ("Li Anding, Xinhua's former reporter") ties it to the question.
    const previousEnd = /(\p{Lu}[\p{L}.'’-]*)\s*[,;]\s*$/u.exec(excerpt.slice(0, match.index))?.[1];
    const afterOtherName =
      previousEnd !== undefined &&
      dictionary != null &&
      !isPersonNoun(previousEnd, dictionary) &&
      !terms.has(termOf(foldCase(previousEnd)));
    // "major Swiss companies such as Roche" for "which swiss companies": an example of the
    // noun asked is tied to the question as a name right after a word of it is ("businesses
    // such as Home Depot" answers no "which cities").
    const exampleOf = EXAMPLE_AFTER.exec(excerpt.slice(0, match.index))?.[1];
    const nextToQuestion =
      [
        ...(afterOtherName ? [] : before.slice(-2)),
        ...(nextOpensName ? [] : after.slice(0, 1)),
      ].some((word) => terms.has(termOf(foldCase(word)))) ||
      (exampleOf !== undefined &&
        kindAsked !== undefined &&
        termOf(foldCase(exampleOf)) === kindAsked);
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
      terms.has(termOf(foldCase(previous))) &&
      dictionary != null &&
      isPersonNoun(previous, dictionary);
    const apposition =
      (nextToQuestion || saying ? SHORT_ANSWER.appositionRank : 0) +
      (followsQuestion ? SHORT_ANSWER.followsQuestionRank : 0);
    // "held a Summit … in Woodside": where something happened follows "in", "at", "near".
    const located =
      type === "place" && LOCATIVE_BEFORE.test(preceding) ? SHORT_ANSWER.locativeRank : 0;
    // "the PRC or Russia" for "which countries": a name the dictionary knows as a place is one.
    const knownPlace =
      type === "place" &&
      dictionary?.nounSense?.(words.join(" "))?.proper === true &&
      dictionary.nounSense(words.join(" "))?.category === "location";
    // "Secretary of State Antony Blinken" for "what's the name of the secretary of state":
    // a name that holds the role's noun is titled by it; one merely near it is another's. One
    // that holds the role's other words too is titled fully: not "Deputy Secretary of Defense
    // …" for the secretary of commerce.
    const { role } = asked;
    const nameTerms = words.map((word) => termOf(foldCase(word)));
    // "Vice President Kamala Harris" holds "president" but is another role, unless asked so.
    const at = role === undefined ? -1 : nameTerms.indexOf(role.noun);
    const modifier = at > 0 ? foldCase(words[at - 1] ?? "") : "";
    const titled = at >= 0 && (!OTHER_ROLE_WORDS.includes(modifier) || terms.has(termOf(modifier)));
    const fullyTitled = titled && nameTerms.some((term) => role?.others.has(term) === true);
    // The article's own topic ("Tesla" in an article about Tesla) rarely answers "who".
    const topical = words.every((word) => topic.has(termOf(foldCase(word).replace(/'s$/u, ""))));
    // Not the holder of a role asked, titled by it ("President Biden" in "Remarks by President
    // Biden", asked "who is the president").
    if (topical && apposition === 0 && !titled) continue;
    const ofKind = ofKindAsked || knownPlace || titled ? SHORT_ANSWER.kindRank : 0;
    const rank =
      apposition +
      located +
      ofKind +
      (fullyTitled ? SHORT_ANSWER.roleWordsRank : 0) +
      words.length * SHORT_ANSWER.rankPerWord;
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
    !asksHolder &&
    !asked.offersChoice &&
    !asked.nameAsked &&
    dictionary &&
    asksForSeveral(asked.noun, dictionary);
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
