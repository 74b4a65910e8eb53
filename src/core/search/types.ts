import type { AnswerType } from "../answer/expected.ts";
import type { MatchKind } from "./variants.ts";

/** One cited passage: a sentence or two of one paragraph. */
export interface Citation {
  /** Article id (file name without extension). */
  readonly article: string;
  readonly title: string;
  /** Paragraph number, from 1. */
  readonly paragraph: number;
  readonly excerpt: string;
  /** Relevance, higher is better; comparable within one answer only. */
  readonly score: number;
  /** Words of the excerpt that matched the question, as they appear in the excerpt (for highlighting). */
  readonly matched: readonly string[];
}

/** The answer to one question: the JSON contract of `ask --json`, plus highlighting data. */
export interface Answer {
  readonly question: string;
  /** False when the articles do not cover the question; citations are then the closest passages. */
  readonly answered: boolean;
  /** A short answer taken verbatim from the top citation, when the question asks for one. */
  readonly answer: string | null;
  /**
   * True when the question is answered but its best two passages are a close call
   * (`CONFIDENCE.closeMargin`): both are candidates, and there is no short answer.
   */
  readonly close: boolean;
  readonly citations: readonly Citation[];
}

/** Options of one search. */
export interface AskOptions {
  /** How many citations at most (default 3). */
  readonly limit?: number;
  /** Restrict to one article id. */
  readonly article?: string;
}

/** Why a question word counted for a citation (the `--explain` output). */
export interface TermExplanation {
  readonly word: string;
  readonly weight: number;
  /** The index terms that stood for it, with their match quality. */
  readonly matches: readonly { term: string; quality: number; how: MatchKind }[];
  /** Where the best match was found for this citation. */
  readonly found: "sentence" | "neighbor" | "paragraph" | "article" | "nowhere";
  readonly credit: number;
}

/** A citation with the reasons for its rank. */
export interface ExplainedCitation extends Citation {
  readonly coverage: number;
  readonly kindFits: boolean;
  /** The kind of answer the question expects (`none`: no particular kind). */
  readonly expected: AnswerType;
  readonly terms: readonly TermExplanation[];
}
