import { questionDistances } from "../article/speakers.ts";
import type { Article } from "../article/types.ts";
import { TIME_WORDS, YEAR } from "../text/lexicon.ts";
import { ownCopy } from "../text/own-copy.ts";
import { PERCENT_ID, SentenceReader } from "../text/sentence-reader.ts";
import { isContentToken, termOf, tokenize, type WordReading } from "../text/tokenize.ts";
import { PostingEntries } from "./entries.ts";
import { GrowingColumns, grown } from "./growing-columns.ts";
import { SentenceFlag, type IndexData } from "./index-data.ts";

/** Terms of words that say when: a sentence holding one can answer "when". */
const TIME_TERMS: ReadonlySet<string> = new Set(TIME_WORDS.map(termOf));

/**
 * Builds the index data of articles given one at a time ({@link add}), tokenising every
 * sentence once, so that a caller may let each article go once it is added (a build that
 * keeps a whole folder's articles alive makes the collector copy and mark them again and
 * again). Each distinct term gets a slot (in the order terms are first met, which is the
 * postings' order); the (slot, count) entries are collected in sentence order
 * ({@link PostingEntries}) and grouped by slot by {@link finish}, so that no map is looked
 * up and no array allocated per word.
 */
export class IndexBuilder {
  private readonly columns: GrowingColumns;
  private readonly entries = new PostingEntries();
  // Each word's entry in the vocabulary, in the order words are first met; its term is that of
  // the word's latest occurrence ("VISIT" and "visit" are one word of two terms): the form id
  // of that occurrence, or -1 when it was in a title, whose term is then in entryTerms. An id
  // written for every word rather than a string stored into an array of strings.
  private readonly entryOfWord = new Map<string, number>();
  private readonly entryTerms: string[] = [];
  private termFormOfEntry = new Int32Array(1024);
  private readonly reader = new SentenceReader();
  // By form id, worked out when the form is first met: its term's slot (-1: not met yet), its
  // word's vocabulary entry (-1: none), its term, and whether it is a number.
  private slotOfId = new Int32Array(1024).fill(-1);
  private entryOfId = new Int32Array(1024);
  private numberOfId = new Uint8Array(1024);
  private readonly termOfId: string[] = [];
  private readonly slotOfTerm = new Map<string, number>();
  private readonly slotTerms: string[] = [];
  private readonly slotHasTime: boolean[] = [];
  private countOfSlot = new Int32Array(1024);
  /** How many sentences hold each slot's term. */
  private sentencesOfSlot = new Int32Array(1024);
  /** The slots met in the sentence being read, in the order first met. */
  private seen = new Int32Array(256);
  private readonly titleTerms: string[][] = [];
  private contextOf: Int32Array<ArrayBuffer>;
  private readonly contextPosition = new Map<string, number>();
  private readonly contextTerms: string[][] = [];
  private speakerOf: Int32Array<ArrayBuffer>;
  private questionDistance: Int32Array<ArrayBuffer>;
  private readonly speakerPosition = new Map<string, number>();
  private readonly speakers: string[] = [];
  private articleCount = 0;
  private paragraphKey = 0;
  private sentenceCount = 0;
  private totalLength = 0;

  /**
   * @param expected - how many sentences and paragraphs the articles hold, or an estimate:
   *   the columns are made that long at first, and grow when more come.
   */
  constructor(expected: { readonly sentences: number; readonly paragraphs: number }) {
    this.columns = new GrowingColumns(expected.sentences);
    const paragraphs = Math.max(expected.paragraphs, 1024);
    this.contextOf = new Int32Array(paragraphs);
    this.speakerOf = new Int32Array(paragraphs).fill(-1);
    this.questionDistance = new Int32Array(paragraphs);
  }

  /** Articles added so far. */
  get articles(): number {
    return this.articleCount;
  }

  private entryOf(word: string): number {
    let entry = this.entryOfWord.get(word);
    if (entry === undefined) {
      entry = this.entryTerms.length;
      this.entryOfWord.set(word, entry);
      this.entryTerms.push("");
      if (entry === this.termFormOfEntry.length) {
        this.termFormOfEntry = grown(this.termFormOfEntry, 2 * entry, 0);
      }
    }
    return entry;
  }

  /** A form met for the first time: its slot (a new one for a new term) and entry. */
  private firstMet(id: number): number {
    if (id >= this.slotOfId.length) {
      const length = 2 * Math.max(id + 1, this.slotOfId.length);
      this.slotOfId = grown(this.slotOfId, length, -1);
      this.entryOfId = grown(this.entryOfId, length, 0);
      const numbers = new Uint8Array(length);
      numbers.set(this.numberOfId);
      this.numberOfId = numbers;
    }
    const reading = this.reader.readings[id] as WordReading;
    let slot = this.slotOfTerm.get(reading.term);
    if (slot === undefined) {
      slot = this.slotTerms.length;
      this.slotOfTerm.set(reading.term, slot);
      this.slotTerms.push(reading.term);
      this.slotHasTime.push(TIME_TERMS.has(reading.term) || YEAR.test(reading.term));
      if (slot === this.countOfSlot.length) {
        this.countOfSlot = grown(this.countOfSlot, 2 * slot, 0);
        this.sentencesOfSlot = grown(this.sentencesOfSlot, 2 * slot, 0);
      }
    }
    this.slotOfId[id] = slot;
    // Numbers and the "%" after one are searched but not in the typo matcher's dictionary.
    this.entryOfId[id] = reading.isNumber || id === PERCENT_ID ? -1 : this.entryOf(reading.word);
    this.numberOfId[id] = reading.isNumber ? 1 : 0;
    this.termOfId[id] = reading.term;
    return slot;
  }

  /** Indexes the next article: its title, its paragraphs' contexts and its sentences. */
  add(article: Article): void {
    const articleIndex = this.articleCount;
    this.articleCount += 1;
    const titleTokens = tokenize(article.title).filter(isContentToken);
    this.titleTerms.push([...new Set(titleTokens.map((token) => token.term))]);
    for (const token of titleTokens) {
      if (token.isNumber) continue;
      const entry = this.entryOf(token.word);
      this.entryTerms[entry] = token.term;
      this.termFormOfEntry[entry] = -1;
    }
    const distances = article.paragraphs.some((paragraph) => paragraph.speaker !== undefined)
      ? questionDistances(article.paragraphs)
      : undefined;
    article.paragraphs.forEach((paragraph, p) => {
      const { context, speaker } = paragraph;
      if (this.paragraphKey === this.contextOf.length) {
        this.contextOf = grown(this.contextOf, 2 * this.paragraphKey, 0);
        this.speakerOf = grown(this.speakerOf, 2 * this.paragraphKey, -1);
        this.questionDistance = grown(this.questionDistance, 2 * this.paragraphKey, 0);
      }
      if (distances) this.questionDistance[this.paragraphKey] = distances[p] as number;
      if (speaker !== undefined) {
        let position = this.speakerPosition.get(speaker);
        if (position === undefined) {
          position = this.speakers.length;
          const own = ownCopy(speaker);
          this.speakerPosition.set(own, position);
          this.speakers.push(own);
        }
        this.speakerOf[this.paragraphKey] = position;
      }
      if (context !== undefined && !this.contextPosition.has(context)) {
        this.contextPosition.set(ownCopy(context), this.contextTerms.length);
        this.contextTerms.push([
          ...new Set(
            tokenize(context)
              .filter(isContentToken)
              .map((t) => t.term),
          ),
        ]);
      }
      this.contextOf[this.paragraphKey] =
        context === undefined ? -1 : (this.contextPosition.get(context) as number);
      for (const sentence of paragraph.sentences) {
        this.addSentence(sentence.text, articleIndex, paragraph.number, sentence.index);
      }
      this.paragraphKey += 1;
    });
  }

  private addSentence(text: string, article: number, paragraph: number, index: number): void {
    const { reader, entries, columns } = this;
    const length = reader.read(text);
    const { ids } = reader;
    const sentenceId = this.sentenceCount;
    let hasNumber = false;
    let hasTime = false;
    let seenCount = 0;
    if (this.seen.length < length) this.seen = new Int32Array(2 * length);
    const { seen } = this;
    for (let i = 0; i < length; i += 1) {
      const id = ids[i] as number;
      let slot = id < this.slotOfId.length ? (this.slotOfId[id] as number) : -1;
      if (slot < 0) slot = this.firstMet(id);
      const entry = this.entryOfId[id] as number;
      if (entry >= 0) this.termFormOfEntry[entry] = id;
      if (this.numberOfId[id] === 1) hasNumber = true;
      if (this.countOfSlot[slot] === 0) seen[seenCount++] = slot;
      this.countOfSlot[slot] = (this.countOfSlot[slot] as number) + 1;
    }
    for (let k = 0; k < seenCount; k += 1) {
      const slot = seen[k] as number;
      if (this.slotHasTime[slot]) hasTime = true;
      entries.add(slot, Math.min(this.countOfSlot[slot] as number, 255));
      this.sentencesOfSlot[slot] = (this.sentencesOfSlot[slot] as number) + 1;
      this.countOfSlot[slot] = 0;
    }
    columns.reserve(sentenceId);
    columns.ends[sentenceId] = entries.size;
    columns.article[sentenceId] = article;
    columns.paragraph[sentenceId] = paragraph;
    columns.sentence[sentenceId] = index;
    columns.paragraphKey[sentenceId] = this.paragraphKey;
    columns.length[sentenceId] = length;
    columns.flags[sentenceId] =
      (hasNumber ? SentenceFlag.hasNumber : 0) | (hasTime ? SentenceFlag.hasTime : 0);
    this.sentenceCount += 1;
    this.totalLength += length;
  }

  /**
   * The index of the articles added, in the order added. A builder is used once: the index
   * returned shares the builder's arrays, so nothing may be added after this.
   */
  finish(): IndexData {
    const vocabulary = new Map<string, string>();
    for (const [word, entry] of this.entryOfWord) {
      const form = this.termFormOfEntry[entry] as number;
      vocabulary.set(
        word,
        form >= 0 ? (this.termOfId[form] as string) : (this.entryTerms[entry] as string),
      );
    }
    const count = this.sentenceCount;
    return {
      sentences: this.columns.table(count),
      postings: this.entries.group(this.slotTerms, this.sentencesOfSlot, this.columns.ends),
      vocabulary,
      titleTerms: this.titleTerms,
      contextOf: this.contextOf.subarray(0, this.paragraphKey),
      contextTerms: this.contextTerms,
      speakerOf: this.speakerOf.subarray(0, this.paragraphKey),
      questionDistance: this.questionDistance.subarray(0, this.paragraphKey),
      speakers: this.speakers,
      // Sentences of stop words alone ("The a of.") have no length: 1 keeps BM25's ratio
      // finite, and the saved index (which refuses a length of 0) readable.
      averageLength: count > 0 && this.totalLength > 0 ? this.totalLength / count : 1,
    };
  }
}

/** Builds the index data of a set of articles (see {@link IndexBuilder}). */
export function buildIndexData(
  articles: readonly Article[],
  onProgress?: (done: number) => void,
): IndexData {
  // Sentences and paragraphs are counted first: the columns are made at their final length.
  let sentences = 0;
  let paragraphs = 0;
  for (const article of articles) {
    paragraphs += article.paragraphs.length;
    for (const paragraph of article.paragraphs) sentences += paragraph.sentences.length;
  }
  const builder = new IndexBuilder({ sentences, paragraphs });
  articles.forEach((article, i) => {
    builder.add(article);
    onProgress?.(i + 1);
  });
  return builder.finish();
}
