/**
 * What an index is made of (the sentence table, postings, vocabulary, titles, contexts and
 * speakers): built by `build.ts`, saved and read back by the corpus layer, searched by `view.ts`.
 */

/** Sentences stored column-wise: one typed array per field keeps 100k+ sentences small. */
export interface SentenceTable {
  /** Position of the sentence's article in the article list. */
  readonly article: Int32Array;
  /** Paragraph number, from 1. */
  readonly paragraph: Int32Array;
  /** Position of the sentence in its paragraph, from 0. */
  readonly sentence: Int32Array;
  /** The paragraph's number across the whole corpus, from 0: paragraphs are contiguous. */
  readonly paragraphKey: Int32Array;
  /** Content words in the sentence. */
  readonly length: Int32Array;
  /** {@link SentenceFlag} bits. */
  readonly flags: Uint8Array;
}

/** What a sentence holds that a kind of question asks for. */
export const SentenceFlag = Object.freeze({ hasNumber: 1, hasTime: 2 });

/** The sentences (ascending ids) that hold a term, and how often each does. */
export interface Posting {
  readonly sentenceIds: Int32Array;
  readonly counts: Uint8Array;
}

/** Everything an index is made of, for saving and loading it. */
export interface IndexData {
  readonly sentences: SentenceTable;
  /** Index term → the sentences holding it. */
  readonly postings: ReadonlyMap<string, Posting>;
  /** Content words as written (lower case) → their index term: the typo matcher's dictionary. */
  readonly vocabulary: ReadonlyMap<string, string>;
  /** Each article's title terms, in article order. */
  readonly titleTerms: string[][];
  /** Per paragraph (by paragraph key): its context's position in {@link contextTerms}, or -1. */
  readonly contextOf: Int32Array;
  /** The content terms of each distinct paragraph context (headings, list lead-ins). */
  readonly contextTerms: string[][];
  /**
   * Per paragraph (by paragraph key): its speaker's position in {@link speakers}, or -1
   * outside a transcript's turns (`Paragraph.speaker`).
   */
  readonly speakerOf: Int32Array;
  /**
   * Per paragraph (by paragraph key): how many paragraphs back begins the reporter's
   * question that its speaker's turn answers, 0 for none (`questionDistances`).
   */
  readonly questionDistance: Int32Array;
  /** The distinct speakers of transcripts' turns ("Dr. Walensky"), in the order first met. */
  readonly speakers: readonly string[];
  /** Mean content words per sentence (BM25's average length). */
  readonly averageLength: number;
  /**
   * Where a sentence's text is read without decoding its article's paragraphs (a saved
   * index's texts, read from its file when asked for); absent: from the articles.
   */
  readonly texts?: SentenceTexts | undefined;
}

/** Reads the text of a sentence by its id. */
export interface SentenceTexts {
  sentence(sentenceId: number): string;
}
