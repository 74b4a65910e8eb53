/**
 * `ask --explain` as text: for each citation, why it ranked. Everything shown is
 * what the ranker computed (the citation's explanation), only put in words.
 */
import type { Answer, DeclineReason, ExplainedCitation, TermExplanation } from "../core/index.ts";

/** What each kind of expected answer is, in words. */
const KIND_WORDS: Readonly<Record<ExplainedCitation["expected"], string>> = {
  person: "a person or an organisation",
  place: "a place",
  description: "who the person is (a role or description)",
  date: "a date or time",
  duration: "a length of time",
  count: "a count",
  money: "a sum of money",
  percent: "a percentage or multiple",
  amount: "an amount: money, a share or a number",
  measure: "a measurement with its unit, or an age",
  phone: "a telephone number",
  definition: "what an abbreviation stands for",
  thing: "a name bearing the question's noun",
  none: "no particular kind",
};

/** Why a weight factor was applied, in words. */
const REASON_WORDS: Readonly<
  Record<TermExplanation["weighing"]["factors"][number]["why"], string>
> = {
  "low-information": "names no topic",
  "missing-name": "a name no article has",
  name: "a name",
  "topic-name": "a name of the articles' titles",
  "unknown-word": "an ordinary word no article has",
  "unknown-verb": "no article has it, after an auxiliary: the question's verb",
  alternative: "one of the alternatives the question offers: the answer names one",
};

const RARITY_WORDS: Readonly<Record<TermExplanation["weighing"]["rarityOf"], string>> = {
  word: "its own",
  "stand-in": "its best stand-in's × match",
  misspelt: "the word it misspells",
  absent: "not in the articles: as the rarest",
};

const NOTE_WORDS: Readonly<Record<TermExplanation["notes"][number], string>> = {
  "absent-name": "a name this article never mentions: weighs the most",
  title: "in the article's title: its topic, discounted",
  "modifier-missing": "the word it depends on is missing: half credit",
  "partner-missing": "another word of its name is missing: no credit",
  "attribute-missing": "the attribute asked about is not in or near this passage: declined",
  "other-role": 'found only as another role ("vice premier" for "premier"): little credit',
  initialism: 'spelt out in the passage ("electric vehicles" for "ev")',
  "asked-question": "in the reporter's question this passage answers",
  "missing-name": "a name this article never mentions: declined",
  "number-missing": "the number of its name is not in or next to this passage: half credit",
  acronym: 'written as its name\'s acronym in the passage ("NEDC" for "energy dominance council")',
};

function how(term: TermExplanation): string {
  return term.matches
    .map((match) => {
      const what = match.acronym ? "the articles' acronym" : match.how;
      return match.how === "exact" && !match.acronym
        ? match.term
        : `${match.term} (${what} ${match.quality.toFixed(2)})`;
    })
    .join(", ");
}

/** One question word's line: its weight and why, where it was found, by what. */
function termLine(term: TermExplanation): string {
  const { idf, rarityOf, factors } = term.weighing;
  const why = [
    `idf ${idf.toFixed(2)} (${RARITY_WORDS[rarityOf]})`,
    ...factors.map(({ why: reason, factor }) => `× ${factor} ${REASON_WORDS[reason]}`),
  ].join(" ");
  const ties = [
    term.modifier ? `depends on “${term.modifier}”` : "",
    term.partners.length > 0 ? `name with ${term.partners.map((p) => `“${p}”`).join(", ")}` : "",
    ...term.notes.map((note) => NOTE_WORDS[note]),
  ].filter(Boolean);
  return [
    `   ${term.word.padEnd(14)} weight ${term.weight.toFixed(2)} = ${why}`,
    `   ${"".padEnd(14)} found in ${term.found} (credit ${term.credit}) via ${how(term)}`,
    ...(ties.length > 0 ? [`   ${"".padEnd(14)} ${ties.join("; ")}`] : []),
  ].join("\n");
}

/** Why a question is declined, in a reader's words (see DeclineReason). */
const DECLINE_WORDS: Readonly<Record<DeclineReason, string>> = {
  "no-passage": "no passage shares a word with the question",
  "too-vague": "the question asks about one ordinary word, which too many passages hold",
  "no-name": "a name is asked for and the best passage gives none",
  "not-which": 'the best passage says only that "a" thing of the kind asked did it, not which',
  "other-year": "the question's year is not the best passage's",
  "other-rank": 'the best passage gives what the question ranks ("the fourth …") another rank',
  "one-side": "two things are compared and the best passage names only one",
  "low-coverage": "the best passage covers too little of the question",
  "missing-name": "a name the question asks about is in no article",
  "missing-attribute": "what is asked of it is not in the best passage",
  "no-kind": "the kind of answer asked for is in no leading passage",
  "no-date": "a date to come is asked for and the best passage's only time does not date it",
  "no-figure": "a figure is asked for and the best passage gives none that answers it",
  "event-not-said": "the best passage's date is not of the event asked about",
  "neighbour-figure": "the figure is in a neighbouring sentence about something else",
  "other-place": "the figure is another place's than the one asked about",
  "other-name": "the figure's sentence is about another name ending like the one asked about",
};

/** Which kind of answer the question expects, and whether the passage holds one. */
function kindNote(citation: ExplainedCitation): string {
  if (citation.expected === "none") return "";
  const held = citation.shortAnswer !== null ? `: “${citation.shortAnswer}”` : "";
  return `holds ${citation.expected}: ${citation.kindFits ? "yes" : "no"}${held}`;
}

/** The explanation of an answer, as console text. */
export function renderExplanation(
  answer: Answer,
  citations: readonly ExplainedCitation[],
  setApart: readonly string[] = [],
  declined?: DeclineReason,
): string {
  const expected = citations[0]?.expected ?? "none";
  const lines = [
    `answered: ${answer.answered}   short answer: ${answer.answer ?? "none"}   close call: ${answer.close ? "yes" : "no"}`,
    ...(declined === undefined ? [] : [`declined: ${DECLINE_WORDS[declined]}`]),
    `expects: ${expected} (${KIND_WORDS[expected]})`,
  ];
  if (setApart.length > 0) {
    const words = setApart.map((phrase) => `“${phrase}”`).join(", ");
    lines.push(`sets apart: ${words} (after a contrastive "not": no evidence for any passage)`);
  }
  for (const [rank, citation] of citations.entries()) {
    lines.push(
      "",
      `#${rank + 1} ${citation.article} ¶${citation.paragraph}  score ${citation.score}  coverage ${citation.coverage}  ${kindNote(citation)}`.trimEnd(),
      `   “${citation.excerpt}”`,
      ...citation.terms.map(termLine),
    );
  }
  return lines.join("\n");
}
