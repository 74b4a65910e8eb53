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

/** A factor applied to a question word's rarity, and why. */
export type WeightReason =
  /** A word that names no topic ("today"): `lowInformationWeight`. */
  | "low-information"
  /** A name nothing in the articles stands for: `missingNameWeight`. */
  | "missing-name"
  /** A name the articles have: `nameWeight`. */
  | "name"
  /** A name that is a word of an article's title: no rarer for being a name (1). */
  | "topic-name"
  /** An ordinary word the articles lack: `unknownWordWeight`. */
  | "unknown-word"
  /** Such a word after an auxiliary, most often the question's verb: `unknownVerbWeight`. */
  | "unknown-verb"
  /** A word of an alternative the question offers ("…, VA or HUD?"): `alternativeWeight`. */
  | "alternative";

/** How a question word's weight was reached: as the ranker computed it, not recomputed. */
export interface TermWeighing {
  /** Its rarity in the articles (idf), which the factors multiply. */
  readonly idf: number;
  /**
   * Whose rarity that is: the word's own (or the articles' acronym of it), its best
   * stand-in's times the match quality, the word it misspells ("allowd": "allow"), or
   * none in the articles (as rare as the rarest).
   */
  readonly rarityOf: "word" | "stand-in" | "misspelt" | "absent";
  /**
   * True when the question word is taken for a name: by the articles' capitals or the
   * dictionary, or as a word nothing knows ("pendleton") or a year no article mentions.
   */
  readonly name: boolean;
  readonly factors: readonly { readonly why: WeightReason; readonly factor: number }[];
}

/** Why a question word counted for a citation (the `--explain` output). */
export interface TermExplanation {
  readonly word: string;
  readonly weight: number;
  /** How the weight was reached. */
  readonly weighing: TermWeighing;
  /** The word before it that it depends on ("stock" of "stock price"), if any. */
  readonly modifier: string | null;
  /** The other words of its name ("Model" and "3"). */
  readonly partners: readonly string[];
  /**
   * The index terms that stood for it, with their match quality; `acronym` when the
   * term is the articles' capitalised acronym of a lower-case word ("ev" → "EV").
   */
  readonly matches: readonly { term: string; quality: number; how: MatchKind; acronym: boolean }[];
  /** Where the best match was found for this citation. */
  readonly found: "sentence" | "neighbor" | "paragraph" | "article" | "nowhere";
  readonly credit: number;
  /**
   * What changed its count for this citation: `absent-name` (a name the article never
   * mentions, weighing the most), `title` (the article's topic, discounted),
   * `modifier-missing` (credit halved), `partner-missing` (no credit), `attribute-missing`
   * (the attribute asked about is not in or around the passage: the question is declined),
   * `other-role` (found only as another role: "vice premier" for "premier"), `initialism`
   * (spelt out in the passage: "electric vehicles" for "ev"), `asked-question` (found in the
   * reporter's question the passage answers), `missing-name` (a name the article never
   * mentions, in no form: the question is declined), `number-missing` (the number of its name,
   * "14004" of "Executive Order 14004", is not in or next to the passage: credit halved),
   * `acronym` (written in the passage as the acronym of its name: "NEDC" for "energy dominance
   * council").
   */
  readonly notes: readonly (
    | "absent-name"
    | "title"
    | "modifier-missing"
    | "partner-missing"
    | "attribute-missing"
    | "other-role"
    | "initialism"
    | "asked-question"
    | "missing-name"
    | "number-missing"
    | "acronym"
  )[];
}

/** A citation with the reasons for its rank. */
export interface ExplainedCitation extends Citation {
  readonly coverage: number;
  readonly kindFits: boolean;
  /** The kind of answer the question expects (`none`: no particular kind). */
  readonly expected: AnswerType;
  /** The short answer this passage holds of the kind expected (null: none). */
  readonly shortAnswer: string | null;
  readonly terms: readonly TermExplanation[];
}
