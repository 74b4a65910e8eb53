import type { AnswerType } from "../answer/expected.ts";
import type { Article } from "../article/types.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { isContentToken, tokenize } from "../text/tokenize.ts";
import type { QueryTerm } from "./query.ts";
import type { Candidate } from "./score.ts";
import { PLACE_NAMES, TermNote } from "./term-notes.ts";
import type { Citation, ExplainedCitation, TermExplanation } from "./types.ts";

/** Rounds a score for display: three decimals are plenty to compare. */
function rounded(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Turns a candidate into a citation: its sentence, with the neighbour that holds
 * more of the question when both fit in {@link RankingOptions.maxExcerptLength}
 * and that neighbour was not cited already, and the matched words to highlight.
 *
 * @param citedSentences - sentence ids already quoted in this answer; the quoted ones are added.
 * @param explain - also say why it ranked (built only when asked for).
 * @param expected - the kind of answer the question expects, for the explanation.
 */
export function cite(
  candidate: Candidate,
  terms: readonly QueryTerm[],
  citedSentences: Set<number>,
  view: IndexView,
  options: Readonly<RankingOptions>,
  explain: boolean,
  expected: AnswerType = "none",
): Citation | ExplainedCitation {
  const { sentences } = view.data;
  const sentenceId = candidate.sentenceId;
  const article = view.articles[sentences.article[sentenceId] as number] as Article;
  const paragraphNumber = sentences.paragraph[sentenceId] as number;
  const paragraphKey = sentences.paragraphKey[sentenceId] as number;
  const own = sentences.sentence[sentenceId] as number;
  // The sentences are read one by one (a saved index decodes no more of the article).
  const count =
    (view.paragraphFirst[paragraphKey + 1] as number) -
    (view.paragraphFirst[paragraphKey] as number);
  const text = (s: number) => view.sentenceText(sentenceId + (s - own));
  let first = own;
  let last = own;
  const other = own + candidate.withNeighbor;
  if (
    candidate.withNeighbor !== 0 &&
    other >= 0 &&
    other < count &&
    !citedSentences.has(sentenceId + candidate.withNeighbor) &&
    text(other).length + text(own).length + 1 <= options.maxExcerptLength
  ) {
    first = Math.min(first, other);
    last = Math.max(last, other);
  }
  for (let s = first; s <= last; s += 1) citedSentences.add(sentenceId + (s - own));
  const parts: string[] = [];
  for (let s = first; s <= last; s += 1) parts.push(text(s));
  const excerpt = parts.join(" ");
  const wanted = new Set<string>();
  // Highlight what a reader would see as matching: not the loose definition words,
  // nor a word-vector neighbour ("located" for "built").
  for (const term of terms) {
    for (const [variant, match] of term.variants)
      if (match.how !== "definition" && match.how !== "vector") wanted.add(variant);
  }
  const matched = new Set<string>();
  for (const token of tokenize(excerpt)) {
    if (wanted.has(token.term) && isContentToken(token)) matched.add(token.surface);
  }
  const citation: Citation = {
    article: article.id,
    title: article.title,
    paragraph: paragraphNumber,
    excerpt,
    score: rounded(candidate.score),
    matched: [...matched],
  };
  if (!explain) return citation;
  return {
    ...citation,
    coverage: rounded(candidate.coverage),
    kindFits: candidate.kindFits,
    expected,
    shortAnswer: null,
    terms: terms.map((term, i) => explainTerm(term, i, terms, candidate)),
  };
}

/** The names of {@link TermNote}'s bits, in the order of their values. */
const NOTE_NAMES = [
  [TermNote.absentName, "absent-name"],
  [TermNote.title, "title"],
  [TermNote.modifierMissing, "modifier-missing"],
  [TermNote.partnerMissing, "partner-missing"],
  [TermNote.attributeMissing, "attribute-missing"],
  [TermNote.otherRole, "other-role"],
  [TermNote.initialism, "initialism"],
  [TermNote.askedQuestion, "asked-question"],
  [TermNote.missingName, "missing-name"],
  [TermNote.numberMissing, "number-missing"],
  [TermNote.acronym, "acronym"],
] as const;

/** Why question word `i` counted for a candidate: what the ranker computed, as it computed it. */
function explainTerm(
  term: QueryTerm,
  i: number,
  terms: readonly QueryTerm[],
  candidate: Candidate,
): TermExplanation {
  const notes = candidate.notes[i] ?? 0;
  const modifier =
    term.modifier !== undefined && term.modifier !== i ? terms[term.modifier] : undefined;
  return {
    word: term.word,
    weight: rounded(term.weight),
    weighing: {
      ...term.weighing,
      idf: rounded(term.weighing.idf),
      factors: term.weighing.factors.map(({ why, factor }) => ({ why, factor: rounded(factor) })),
    },
    modifier: modifier?.word ?? null,
    partners: term.partners.map((p) => terms[p]?.word ?? "").filter(Boolean),
    matches: [...term.variants].map(([variant, match]) => ({
      term: variant,
      ...match,
      // The variant finder adds a word's capitalised form only as the articles' acronym.
      acronym: variant !== term.word && variant === term.word.toUpperCase(),
    })),
    found: PLACE_NAMES[candidate.places[i] ?? 0] ?? "nowhere",
    credit: rounded(candidate.credits[i] ?? 0),
    notes: NOTE_NAMES.filter(([bit]) => (notes & bit) !== 0).map(([, name]) => name),
  };
}

/** A citation without its explanation. */
export function plainCitation({
  article,
  title,
  paragraph,
  excerpt,
  score,
  matched,
}: Citation): Citation {
  return { article, title, paragraph, excerpt, score, matched };
}
