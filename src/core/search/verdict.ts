import { askedNoun } from "../answer/asked-noun.ts";
import { patternsOf } from "../answer/answers-in.ts";
import { comparesWithout } from "../answer/comparison.ts";
import { judgeConfidence, type Confidence } from "../answer/confidence.ts";
import type { CountedThing } from "../answer/counted.ts";
import type { AnswerType } from "../answer/expected.ts";
import type { QuestionKind } from "../answer/kinds.ts";
import { saysNotWhich } from "../answer/indefinite.ts";
import { speaksOfOtherRank } from "../answer/ranks.ts";
import { speaksOfOtherYears } from "../answer/years.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { SPEAKS_OF_TIMING } from "../text/expressions.ts";
import type { Token } from "../text/tokenize.ts";
import { eventTerms, figureOfNeighbour, figureOfRivalPlace, speaksOfEvent } from "./asked-event.ts";
import { closeCallPair } from "./close-call.ts";
import { needsKind } from "./kind-fit.ts";
import { figureOfRivalName } from "./rival-name.ts";
import type { QueryTerm } from "./query.ts";
import type { Candidate } from "./score.ts";
import type { Citation } from "./types.ts";

/**
 * Why a question is declined: the first test of the verdict its best passage fails, in the
 * ranker's order. `--explain` says it in words (src/cli/explain.ts); the core names it only.
 */
export type DeclineReason =
  /** No passage shares a word with the question, or the question has none to look for. */
  | "no-passage"
  /** One ordinary word is all the question asks about: too many passages hold it. */
  | "too-vague"
  /** A name is asked for ("which official", "where") and the best passage gives none. */
  | "no-name"
  /** "Which report found…" against "A recent report found…": the passage does not say which. */
  | "not-which"
  /** The question's year is not the passage's ("…in 2023" against a passage on 2024). */
  | "other-year"
  /** The question ranks a thing the passage ranks otherwise ("the fourth ministerial", "the fifth"). */
  | "other-rank"
  /** A comparison of two things, and the passage names only one. */
  | "one-side"
  /** The best passage covers too little of the question's weight (`answerCoverage`). */
  | "low-coverage"
  /** A name the question asks about is in no article. */
  | "missing-name"
  /** The attribute asked of something ("the cap on …") is not in the passage. */
  | "missing-attribute"
  /** A count, a date, a sum… is asked for and the passage holds none. */
  | "no-kind"
  /** A date to come is asked for and the passage holds a time, but none that can date it. */
  | "no-date"
  /**
   * A figure is asked for (a sum, a share, a count…) and the best passage, though it holds an
   * expression of the kind, gives none that answers it: not a close call, so nothing to show.
   */
  | "no-figure"
  /** A date is asked for an event ("created", "passed") the passage never speaks of. */
  | "event-not-said"
  /** The figure stands only in the neighbour quoted with the passage, which shares none of its words. */
  | "neighbour-figure"
  /** The question names a place the passage does not, and the figure's sentence names another. */
  | "other-place"
  /**
   * The figure's sentence says a name of the question by its last words only, after another
   * name's ("Castner Range National Monument" for "avi kwa ame national monument").
   */
  | "other-name";

/** One test of the verdict: the reason it declines for, and whether it fails (read lazily). */
export type VerdictTest = readonly [DeclineReason, () => boolean];

/** The reason of the first test that fails, or undefined when every test passes (answered). */
export function firstDecline(tests: readonly VerdictTest[]): DeclineReason | undefined {
  for (const [reason, fails] of tests) if (fails()) return reason;
  return undefined;
}

/** What the verdict reads of a ranked question: its words, its leading passages and their citations. */
export interface VerdictInput {
  readonly question: string;
  readonly kind: QuestionKind;
  readonly expected: AnswerType;
  /** Only a passage that gives a name answers ({@link asksName}), read once by the ranker. */
  readonly namesOnly: boolean;
  readonly tokens: readonly Token[];
  readonly terms: readonly QueryTerm[];
  /** The passages best first, as reranked. */
  readonly leaders: readonly Candidate[];
  /** The citations quoted from them, best first. */
  readonly citations: readonly Citation[];
  /** The sentences the first citation quotes (its neighbour too). */
  readonly inFirst: ReadonlySet<number>;
  /** What "how many" counts. */
  readonly counted: CountedThing | undefined;
  /** The short answer a citation holds, or null. */
  readonly shortAnswerIn: (citation: Citation) => string | null;
  /** When an article (by id) was published. */
  readonly publishedOf: (id: string) => string | undefined;
}

/** Whether a question is answered: its short answer and close call, or why it is declined. */
export interface Verdict extends Confidence {
  readonly declined: DeclineReason | undefined;
}

/**
 * True when only a passage that gives a name answers: "what's the name of the reporter" (a
 * passage that only mentions "a reporter" is the closest, not the answer), "where" (a passage
 * about the shipyard that names no place for it does not say where it will be), and "which
 * official": a person of a kind, asked by name.
 */
export function asksName(
  question: string,
  expected: AnswerType,
  nameAsked: boolean,
  options: Readonly<RankingOptions>,
): boolean {
  if (nameAsked || expected === "place") return true;
  return (
    expected === "person" && askedNoun(question, options.synonyms)?.sense.category === "person"
  );
}

/**
 * "What's the executive order number for…", "the EO number of the order", "what bill number":
 * a document's number is asked ("the act number of presumptive conditions" counts instead).
 */
const DOCUMENT_NUMBER_ASKED =
  /\b(?:executive order|eo|order|bill|law|proclamation|memorandum|memo)\s+(?:number|no\.?|#)(?!\s+of\s+(?!the\b))/u;

/** A document's number as releases write it: "Executive Order 14110", "H.R. 5376", "Public Law 117-58". */
const DOCUMENT_NUMBER =
  /\b(?:Executive Order|E\.O\.|EO|Proclamation|Public Law|P\.L\.|H\.R\.|S\.|Memorandum|No\.)\s*\d[\d-]*/u;

/** "When does…", "when will…", "when is…": a date question of the present or the future. */
const ASKS_NOT_PAST = /\b(?:when|wen)\s+(?:does|do|will|is|are|would|can)\b/iu;

/**
 * Whether the best passage answers the question: the tests of the passage first, then the
 * short answer and whether the best two are a close call, then the tests of that short
 * answer's figure or date. A declined question has no short answer.
 */
export function judgeVerdict(
  input: VerdictInput,
  view: IndexView,
  options: Readonly<RankingOptions>,
): Verdict {
  const { question, kind, expected, tokens, terms, leaders, citations, counted } = input;
  const best = leaders[0];
  const top = citations[0];
  // A question asking for a count, a date, a name… is answered only by a passage holding one.
  // One ordinary word ("which other country is doing one of these") is in too many
  // passages for any of them to answer: a name, or a definition asked for, is specific.
  const topical = terms.filter((term) => !term.lowInformation);
  const tooVague = topical.length === 1 && !topical[0]?.weighing.name && kind !== "definition";
  // A name asked for (asksName) is answered only by a passage that gives one.
  const givesName = () => top !== undefined && input.shortAnswerIn(top) !== null;
  const { answerCoverage, declineMissingName, declineMissingAttribute } = options;
  const declinedFirst: DeclineReason | undefined =
    best === undefined
      ? "no-passage"
      : // The more telling reasons first (for --explain); the verdict needs them all.
        firstDecline([
          ["too-vague", () => tooVague],
          ["missing-name", () => declineMissingName && best.missingName],
          ["missing-attribute", () => declineMissingAttribute && best.missingAttribute],
          // "…in 2023" is not answered by a passage on 2024 alone.
          ["other-year", () => top !== undefined && speaksOfOtherYears(question, top.excerpt)],
          ["other-rank", () => top !== undefined && speaksOfOtherRank(question, top.excerpt)],
          ["one-side", () => top !== undefined && comparesWithout(question, top.excerpt)],
          ["no-name", () => input.namesOnly && !givesName()],
          [
            "not-which",
            () =>
              top !== undefined &&
              saysNotWhich(
                question,
                top.excerpt,
                (word) => options.synonyms?.verb?.(word) ?? false,
              ),
          ],
          ["no-kind", () => needsKind(expected, kind) && !best.kindFits],
          // "What's the executive order number for the new order": a document's number.
          [
            "no-kind",
            () =>
              top !== undefined &&
              DOCUMENT_NUMBER_ASKED.test(question.toLowerCase()) &&
              !DOCUMENT_NUMBER.test(top.excerpt),
          ],
          ["low-coverage", () => best.coverage < answerCoverage],
        ]);
  if (declinedFirst !== undefined || best === undefined) {
    return { declined: declinedFirst ?? "no-passage", answer: null, close: false };
  }
  const judged = judgeConfidence(
    expected,
    question,
    closeCallPair(leaders, citations, input.inFirst, terms, expected, view, options),
    options.synonyms,
    counted,
    input.publishedOf,
  );
  const figure = judged.answer;
  // "When does the rule take effect", against a passage whose only time is the article's
  // "Today": it holds a time, but none that dates what will be. Asked in the past ("when did
  // Trump sign the order"), that "Today" answers, though no short answer is read from it. One
  // that speaks of the timing itself ("tough predicting the timing") answers all the same; a
  // close call, with no short answer anyway, is left as it is.
  if (
    figure === null &&
    expected === "date" &&
    !judged.close &&
    top !== undefined &&
    ASKS_NOT_PAST.test(question) &&
    !SPEAKS_OF_TIMING.test(top.excerpt)
  ) {
    return { declined: "no-date", answer: null, close: false };
  }
  // "How much would the fee per idle well be", against "…make companies pay fees on wells…"
  // beside a figure of something else: a figure is asked and none answers it. Not a date: "when
  // did the governor sign" is answered by the article's "Today, the governor signed…", though
  // no date is read from it (a date to come is declined above). With dates too, the dev sweep
  // declined four more unanswerables and one answerable question more, and broke that.
  if (figure === null && !judged.close && patternsOf(expected).length > 0 && expected !== "date") {
    return { declined: "no-figure", answer: null, close: false };
  }
  if (figure === null) return { declined: undefined, ...judged };
  const sentenceText = (id: number) => view.sentenceText(id);
  const declined = firstDecline([
    // "When was the general services administration created" is not answered with the
    // date of a memorandum to its Administrator: a passage that never speaks of the
    // event asked about does not date it. Declined where that date would be the short
    // answer; a close call, with none, is left as it is (a date's passage may say its
    // event in other words).
    [
      "event-not-said",
      () =>
        expected === "date" &&
        !speaksOfEvent(
          best,
          eventTerms(tokens, terms, options.synonyms),
          tokens,
          terms,
          sentenceText(best.sentenceId),
        ),
    ],
    // "What import tariff do German luxury cars face in China?" is not answered by the
    // 25% on Tesla's cars that a sentence on German luxury makers is quoted with.
    [
      "neighbour-figure",
      () => patternsOf(expected).length > 0 && figureOfNeighbour(figure, best, terms, sentenceText),
    ],
    // "What tariff rate will the US charge on Malaysian goods…" is not answered by the
    // 99% of goods on which Thailand eliminates tariffs.
    [
      "other-place",
      () =>
        patternsOf(expected).length > 0 &&
        figureOfRivalPlace(figure, best, terms, tokens, sentenceText, options),
    ],
    // "How many acres is avi kwa ame national monument" is not answered by the 6,672 acres of
    // the Castner Range National Monument, which the article tells apart from it.
    [
      "other-name",
      () =>
        patternsOf(expected).length > 0 &&
        figureOfRivalName(best, terms, sentenceText(best.sentenceId), options),
    ],
  ]);
  return declined === undefined
    ? { declined, ...judged }
    : { declined, answer: null, close: false };
}
