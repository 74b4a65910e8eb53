/** One sentence of a paragraph, with its offsets in the paragraph's text. */
export interface Sentence {
  /** 0-based position of the sentence in its paragraph. */
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** A body paragraph, numbered from 1 in body order. */
export interface Paragraph {
  readonly number: number;
  readonly text: string;
  readonly sentences: readonly Sentence[];
}

/** What an article says about itself (front matter or the plain layout's title and date lines). */
export interface ArticleMeta {
  /** The file name without its extension. */
  readonly id: string;
  readonly title: string;
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  /** ISO 8601 date (`2017-04-27`) or date-time (`2017-04-27T06:11:00.000Z`). */
  readonly published?: string | undefined;
  readonly author?: string | undefined;
  /** Path of the file it was loaded from. */
  readonly file: string;
}

export interface Article extends ArticleMeta {
  readonly paragraphs: readonly Paragraph[];
}

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
  readonly citations: readonly Citation[];
}

/** Options of one search. */
export interface AskOptions {
  /** How many citations at most (default 3). */
  readonly limit?: number;
  /** Restrict to one article id. */
  readonly article?: string;
}
