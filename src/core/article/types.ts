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
  /**
   * The headings above the passage and the lead-in of the list item or table it sits in,
   * joined by " — ": searched with the passage, never quoted. Absent when there are none.
   */
  readonly context?: string | undefined;
  /**
   * Who speaks the passage in a transcript ("Dr. Walensky"): the speaker whose label
   * opened its turn (`turnSpeakers`, article/speakers.ts). Absent outside a speaker's turns.
   */
  readonly speaker?: string | undefined;
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
