import type { Article } from "../article/types.ts";
import { TIME_WORDS, YEAR } from "../text/lexicon.ts";
import { PERCENT_ID, SentenceReader } from "../text/sentence-reader.ts";
import { isContentToken, termOf, tokenize, type WordReading } from "../text/tokenize.ts";
import { PostingEntries } from "./entries.ts";

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
  /**
   * Per paragraph (by paragraph key): its speaker's position in {@link speakers}, or -1
   * outside a transcript's turns (`Paragraph.speaker`).
   */
  readonly speakerOf: Int32Array;
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

/** A copy of an array in a longer one, the new part filled with `fill`. */
function grown(values: Int32Array, length: number, fill: number): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(length).fill(fill);
  longer.set(values);
  return longer;
}

/**
 * Builds the index data of a set of articles: tokenising every sentence once. Each distinct
 * term gets a slot (in the order terms are first met, which is the postings' order); the
 * (slot, count) entries are collected in sentence order ({@link PostingEntries}) and grouped by
 * slot at the end, so that no map is looked up and no array allocated per word.
 */
export function buildIndexData(
  articles: readonly Article[],
  onProgress?: (done: number) => void,
): IndexData {
  // Sentences and paragraphs are counted first: the columns are made at their final length.
  let sentenceCount = 0;
  let paragraphCount = 0;
  for (const article of articles) {
    paragraphCount += article.paragraphs.length;
    for (const paragraph of article.paragraphs) sentenceCount += paragraph.sentences.length;
  }
  const sentences = {
    article: new Int32Array(sentenceCount),
    paragraph: new Int32Array(sentenceCount),
    sentence: new Int32Array(sentenceCount),
    paragraphKey: new Int32Array(sentenceCount),
    length: new Int32Array(sentenceCount),
    flags: new Uint8Array(sentenceCount),
  };
  /** Entries up to the end of each sentence. */
  const sentenceEnds = new Int32Array(sentenceCount);
  const entries = new PostingEntries();
  // Each word's entry in the vocabulary, in the order words are first met; its term is that of
  // the word's latest occurrence ("VISIT" and "visit" are one word of two terms): the form id
  // of that occurrence, or -1 when it was in a title, whose term is then in entryTerms. An id
  // written for every word rather than a string stored into an array of strings.
  const entryOfWord = new Map<string, number>();
  const entryTerms: string[] = [];
  let termFormOfEntry = new Int32Array(1024);
  const entryOf = (word: string): number => {
    let entry = entryOfWord.get(word);
    if (entry === undefined) {
      entry = entryTerms.length;
      entryOfWord.set(word, entry);
      entryTerms.push("");
      if (entry === termFormOfEntry.length) {
        termFormOfEntry = grown(termFormOfEntry, 2 * entry, 0);
      }
    }
    return entry;
  };
  const reader = new SentenceReader();
  // By form id, worked out when the form is first met: its term's slot (-1: not met yet), its
  // word's vocabulary entry (-1: none), its term, and whether it is a number.
  let slotOfId = new Int32Array(1024).fill(-1);
  let entryOfId = new Int32Array(1024);
  let numberOfId = new Uint8Array(1024);
  const termOfId: string[] = [];
  const slotOfTerm = new Map<string, number>();
  const slotTerms: string[] = [];
  const slotHasTime: boolean[] = [];
  let countOfSlot = new Int32Array(1024);
  /** How many sentences hold each slot's term. */
  let sentencesOfSlot = new Int32Array(1024);
  /** The slots met in the sentence being read, in the order first met. */
  let seen = new Int32Array(256);
  const titleTerms: string[][] = [];
  const contextOf = new Int32Array(paragraphCount);
  const contextPosition = new Map<string, number>();
  const contextTerms: string[][] = [];
  const speakerOf = new Int32Array(paragraphCount).fill(-1);
  const speakerPosition = new Map<string, number>();
  const speakers: string[] = [];
  let paragraphKey = 0;
  let sentenceIndex = 0;
  let totalLength = 0;

  /** A form met for the first time: its slot (a new one for a new term) and entry. */
  const firstMet = (id: number): number => {
    if (id >= slotOfId.length) {
      const length = 2 * Math.max(id + 1, slotOfId.length);
      slotOfId = grown(slotOfId, length, -1);
      entryOfId = grown(entryOfId, length, 0);
      const numbers = new Uint8Array(length);
      numbers.set(numberOfId);
      numberOfId = numbers;
    }
    const reading = reader.readings[id] as WordReading;
    let slot = slotOfTerm.get(reading.term);
    if (slot === undefined) {
      slot = slotTerms.length;
      slotOfTerm.set(reading.term, slot);
      slotTerms.push(reading.term);
      slotHasTime.push(TIME_TERMS.has(reading.term) || YEAR.test(reading.term));
      if (slot === countOfSlot.length) {
        countOfSlot = grown(countOfSlot, 2 * slot, 0);
        sentencesOfSlot = grown(sentencesOfSlot, 2 * slot, 0);
      }
    }
    slotOfId[id] = slot;
    // Numbers and the "%" after one are searched but not in the typo matcher's dictionary.
    entryOfId[id] = reading.isNumber || id === PERCENT_ID ? -1 : entryOf(reading.word);
    numberOfId[id] = reading.isNumber ? 1 : 0;
    termOfId[id] = reading.term;
    return slot;
  };

  articles.forEach((article, articleIndex) => {
    const titleTokens = tokenize(article.title).filter(isContentToken);
    titleTerms.push([...new Set(titleTokens.map((token) => token.term))]);
    for (const token of titleTokens) {
      if (token.isNumber) continue;
      const entry = entryOf(token.word);
      entryTerms[entry] = token.term;
      termFormOfEntry[entry] = -1;
    }
    for (const paragraph of article.paragraphs) {
      const { context, speaker } = paragraph;
      if (speaker !== undefined) {
        let position = speakerPosition.get(speaker);
        if (position === undefined) {
          position = speakers.length;
          speakerPosition.set(speaker, position);
          speakers.push(speaker);
        }
        speakerOf[paragraphKey] = position;
      }
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
      contextOf[paragraphKey] =
        context === undefined ? -1 : (contextPosition.get(context) as number);
      for (const sentence of paragraph.sentences) {
        const length = reader.read(sentence.text);
        const { ids } = reader;
        const sentenceId = sentenceIndex;
        let hasNumber = false;
        let hasTime = false;
        let seenCount = 0;
        if (seen.length < length) seen = new Int32Array(2 * length);
        for (let i = 0; i < length; i += 1) {
          const id = ids[i] as number;
          let slot = id < slotOfId.length ? (slotOfId[id] as number) : -1;
          if (slot < 0) slot = firstMet(id);
          const entry = entryOfId[id] as number;
          if (entry >= 0) termFormOfEntry[entry] = id;
          if (numberOfId[id] === 1) hasNumber = true;
          if (countOfSlot[slot] === 0) seen[seenCount++] = slot;
          countOfSlot[slot] = (countOfSlot[slot] as number) + 1;
        }
        for (let k = 0; k < seenCount; k += 1) {
          const slot = seen[k] as number;
          if (slotHasTime[slot]) hasTime = true;
          entries.add(slot, Math.min(countOfSlot[slot] as number, 255));
          sentencesOfSlot[slot] = (sentencesOfSlot[slot] as number) + 1;
          countOfSlot[slot] = 0;
        }
        sentenceEnds[sentenceId] = entries.size;
        sentences.article[sentenceId] = articleIndex;
        sentences.paragraph[sentenceId] = paragraph.number;
        sentences.sentence[sentenceId] = sentence.index;
        sentences.paragraphKey[sentenceId] = paragraphKey;
        sentences.length[sentenceId] = length;
        sentences.flags[sentenceId] =
          (hasNumber ? SentenceFlag.hasNumber : 0) | (hasTime ? SentenceFlag.hasTime : 0);
        sentenceIndex += 1;
        totalLength += length;
      }
      paragraphKey += 1;
    }
    onProgress?.(articleIndex + 1);
  });
  const vocabulary = new Map<string, string>();
  for (const [word, entry] of entryOfWord) {
    const form = termFormOfEntry[entry] as number;
    vocabulary.set(word, form >= 0 ? (termOfId[form] as string) : (entryTerms[entry] as string));
  }
  return {
    sentences,
    postings: entries.group(slotTerms, sentencesOfSlot, sentenceEnds),
    vocabulary,
    titleTerms,
    contextOf,
    contextTerms,
    speakerOf,
    speakers,
    averageLength: sentenceCount > 0 ? totalLength / sentenceCount : 1,
  };
}
