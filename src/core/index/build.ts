import type { Article } from "../article/types.ts";
import { TIME_WORDS, YEAR } from "../text/lexicon.ts";
import {
  isContentToken,
  readSentence,
  termOf,
  tokenize,
  type SentenceTerms,
} from "../text/tokenize.ts";

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

/** Terms of words that say when: a sentence holding one can answer "when". */
const TIME_TERMS: ReadonlySet<string> = new Set(TIME_WORDS.map(termOf));

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
  /** Mean content words per sentence (BM25's average length). */
  readonly averageLength: number;
}

/** A postings list while the index is built. */
interface GrowingPosting {
  sentenceIds: Int32Array;
  counts: Uint8Array;
  size: number;
}

/** Builds the index data of a set of articles: tokenising every sentence once. */
export function buildIndexData(
  articles: readonly Article[],
  onProgress?: (done: number) => void,
): IndexData {
  const columns = {
    article: [] as number[],
    paragraph: [] as number[],
    sentence: [] as number[],
    paragraphKey: [] as number[],
    length: [] as number[],
    flags: [] as number[],
  };
  const growing = new Map<string, GrowingPosting>();
  const vocabulary = new Map<string, string>();
  const reading: SentenceTerms = {
    counts: new Map(),
    words: vocabulary,
    length: 0,
    hasNumber: false,
  };
  const titleTerms: string[][] = [];
  const contextOf: number[] = [];
  const contextPosition = new Map<string, number>();
  const contextTerms: string[][] = [];
  let paragraphKey = 0;
  let totalLength = 0;
  articles.forEach((article, articleIndex) => {
    const titleTokens = tokenize(article.title).filter(isContentToken);
    titleTerms.push([...new Set(titleTokens.map((token) => token.term))]);
    for (const token of titleTokens) if (!token.isNumber) vocabulary.set(token.word, token.term);
    for (const paragraph of article.paragraphs) {
      const { context } = paragraph;
      if (context !== undefined && !contextPosition.has(context)) {
        contextPosition.set(context, contextTerms.length);
        contextTerms.push([
          ...new Set(
            tokenize(context)
              .filter(isContentToken)
              .map((t) => t.term),
          ),
        ]);
      }
      contextOf.push(context === undefined ? -1 : (contextPosition.get(context) as number));
      for (const sentence of paragraph.sentences) {
        const { counts, length, hasNumber } = readSentence(sentence.text, reading);
        const sentenceId = columns.article.length;
        let hasTime = false;
        for (const [term, count] of counts) {
          if (TIME_TERMS.has(term) || YEAR.test(term)) hasTime = true;
          let posting = growing.get(term);
          if (!posting) {
            posting = { sentenceIds: new Int32Array(4), counts: new Uint8Array(4), size: 0 };
            growing.set(term, posting);
          }
          if (posting.size === posting.sentenceIds.length) {
            // Typed arrays that double: a fifth of the memory of growing JS arrays.
            const sentenceIds = new Int32Array(posting.size * 2);
            sentenceIds.set(posting.sentenceIds);
            const grownCounts = new Uint8Array(posting.size * 2);
            grownCounts.set(posting.counts);
            posting.sentenceIds = sentenceIds;
            posting.counts = grownCounts;
          }
          posting.sentenceIds[posting.size] = sentenceId;
          posting.counts[posting.size] = Math.min(count, 255);
          posting.size += 1;
        }
        columns.article.push(articleIndex);
        columns.paragraph.push(paragraph.number);
        columns.sentence.push(sentence.index);
        columns.paragraphKey.push(paragraphKey);
        columns.length.push(length);
        columns.flags.push(
          (hasNumber ? SentenceFlag.hasNumber : 0) | (hasTime ? SentenceFlag.hasTime : 0),
        );
        totalLength += length;
      }
      paragraphKey += 1;
    }
    onProgress?.(articleIndex + 1);
  });
  const postings = new Map<string, Posting>();
  for (const [term, posting] of growing) {
    postings.set(term, {
      sentenceIds: posting.sentenceIds.slice(0, posting.size),
      counts: posting.counts.slice(0, posting.size),
    });
  }
  const size = columns.article.length;
  return {
    sentences: {
      article: Int32Array.from(columns.article),
      paragraph: Int32Array.from(columns.paragraph),
      sentence: Int32Array.from(columns.sentence),
      paragraphKey: Int32Array.from(columns.paragraphKey),
      length: Int32Array.from(columns.length),
      flags: Uint8Array.from(columns.flags),
    },
    postings,
    vocabulary,
    titleTerms,
    contextOf: Int32Array.from(contextOf),
    contextTerms,
    averageLength: size > 0 ? totalLength / size : 1,
  };
}
