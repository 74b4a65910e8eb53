import type { Article } from "../article/types.ts";
import { TIME_WORDS, YEAR } from "../text/lexicon.ts";
import { PERCENT_ID, SentenceReader } from "../text/sentence-reader.ts";
import { isContentToken, termOf, tokenize, type WordReading } from "../text/tokenize.ts";

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

/** A copy of an array in a longer one, the new part filled with `fill`. */
function grown(values: Int32Array, length: number, fill: number): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(length).fill(fill);
  longer.set(values);
  return longer;
}

/** A column of numbers that grows by doubling. */
class GrowingColumn<T extends Int32Array | Uint8Array> {
  size = 0;
  constructor(
    public values: T,
    private readonly make: (length: number) => T,
  ) {}

  push(value: number): void {
    if (this.size === this.values.length) {
      const grown = this.make(2 * this.values.length);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size] = value;
    this.size += 1;
  }

  /** The values pushed, in an array of their own length. */
  done(): T {
    return this.values.slice(0, this.size) as T;
  }
}

const int32s = (length: number) => new Int32Array(length);
const uint8s = (length: number) => new Uint8Array(length);

/**
 * Builds the index data of a set of articles: tokenising every sentence once. Each distinct
 * term gets a slot (in the order terms are first met, which is the postings' order); the
 * (slot, sentence, count) entries are collected in sentence order and grouped by slot at the
 * end, so that no map is looked up and no array allocated per word.
 */
export function buildIndexData(
  articles: readonly Article[],
  onProgress?: (done: number) => void,
): IndexData {
  const columns = {
    paragraph: new GrowingColumn(new Int32Array(1024), int32s),
    sentence: new GrowingColumn(new Int32Array(1024), int32s),
    article: new GrowingColumn(new Int32Array(1024), int32s),
    paragraphKey: new GrowingColumn(new Int32Array(1024), int32s),
    length: new GrowingColumn(new Int32Array(1024), int32s),
    flags: new GrowingColumn(new Uint8Array(1024), uint8s),
  };
  const entries = {
    slot: new GrowingColumn(new Int32Array(4096), int32s),
    sentence: new GrowingColumn(new Int32Array(4096), int32s),
    count: new GrowingColumn(new Uint8Array(4096), uint8s),
  };
  // Each word's entry in the vocabulary, in the order words are first met; its term is that of
  // the word's latest occurrence ("VISIT" and "visit" are one word of two terms).
  const entryOfWord = new Map<string, number>();
  const entryTerms: string[] = [];
  const entryOf = (word: string): number => {
    let entry = entryOfWord.get(word);
    if (entry === undefined) {
      entry = entryTerms.length;
      entryOfWord.set(word, entry);
      entryTerms.push("");
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
  const seen: number[] = [];
  const titleTerms: string[][] = [];
  const contextOf: number[] = [];
  const contextPosition = new Map<string, number>();
  const contextTerms: string[][] = [];
  let paragraphKey = 0;
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
      if (slot === countOfSlot.length) countOfSlot = grown(countOfSlot, 2 * slot, 0);
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
      if (!token.isNumber) entryTerms[entryOf(token.word)] = token.term;
    }
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
        const length = reader.read(sentence.text);
        const { ids } = reader;
        const sentenceId = columns.article.size;
        let hasNumber = false;
        let hasTime = false;
        for (let i = 0; i < length; i += 1) {
          const id = ids[i] as number;
          let slot = id < slotOfId.length ? (slotOfId[id] as number) : -1;
          if (slot < 0) slot = firstMet(id);
          const entry = entryOfId[id] as number;
          if (entry >= 0) entryTerms[entry] = termOfId[id] as string;
          if (numberOfId[id] === 1) hasNumber = true;
          if (countOfSlot[slot] === 0) seen.push(slot);
          countOfSlot[slot] = (countOfSlot[slot] as number) + 1;
        }
        for (const slot of seen) {
          if (slotHasTime[slot]) hasTime = true;
          entries.slot.push(slot);
          entries.sentence.push(sentenceId);
          entries.count.push(Math.min(countOfSlot[slot] as number, 255));
          countOfSlot[slot] = 0;
        }
        seen.length = 0;
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
  const size = columns.article.size;
  const vocabulary = new Map<string, string>();
  for (const [word, entry] of entryOfWord) vocabulary.set(word, entryTerms[entry] as string);
  return {
    sentences: {
      article: columns.article.done(),
      paragraph: columns.paragraph.done(),
      sentence: columns.sentence.done(),
      paragraphKey: columns.paragraphKey.done(),
      length: columns.length.done(),
      flags: columns.flags.done(),
    },
    postings: groupBySlot(slotTerms, entries),
    vocabulary,
    titleTerms,
    contextOf: Int32Array.from(contextOf),
    contextTerms,
    averageLength: size > 0 ? totalLength / size : 1,
  };
}

/**
 * The postings of each slot's term, from entries in sentence order: a counting sort, so each
 * term's sentence ids stay ascending; every posting is a view into two shared arrays.
 */
function groupBySlot(
  slotTerms: readonly string[],
  entries: {
    slot: GrowingColumn<Int32Array>;
    sentence: GrowingColumn<Int32Array>;
    count: GrowingColumn<Uint8Array>;
  },
): Map<string, Posting> {
  const total = entries.slot.size;
  const slots = entries.slot.values;
  const first = new Int32Array(slotTerms.length + 1);
  for (let i = 0; i < total; i += 1) {
    const slot = slots[i] as number;
    first[slot + 1] = (first[slot + 1] as number) + 1;
  }
  for (let s = 0; s < slotTerms.length; s += 1) {
    first[s + 1] = (first[s + 1] as number) + (first[s] as number);
  }
  const next = first.slice(0, slotTerms.length);
  const sentenceIds = new Int32Array(total);
  const counts = new Uint8Array(total);
  for (let i = 0; i < total; i += 1) {
    const at = next[slots[i] as number] as number;
    next[slots[i] as number] = at + 1;
    sentenceIds[at] = entries.sentence.values[i] as number;
    counts[at] = entries.count.values[i] as number;
  }
  return postingsByTerm(slotTerms, first, sentenceIds, counts);
}

/**
 * The postings of each term, as views into one column of sentence ids and one of counts
 * grouped by term: term `s`'s entries are `first[s]..first[s + 1]`.
 */
export function postingsByTerm(
  terms: readonly string[],
  first: Int32Array,
  sentenceIds: Int32Array,
  counts: Uint8Array,
): Map<string, Posting> {
  const postings = new Map<string, Posting>();
  terms.forEach((term, s) => {
    const start = first[s] as number;
    const end = first[s + 1] as number;
    postings.set(term, {
      sentenceIds: sentenceIds.subarray(start, end),
      counts: counts.subarray(start, end),
    });
  });
  return postings;
}
