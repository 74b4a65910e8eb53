import { STOP_WORDS } from "./lexicon.ts";
import { readWord, type WordReading } from "./tokenize.ts";
import { wordSpans } from "./words.ts";

/**
 * Reads sentences for the index builder: the content words of each (the same as `tokenize`
 * then `isContentToken`), as numbers. Each distinct written form gets an id the first time it
 * is met; its reading and what it is are kept by id. Indexing an archive reads twenty million
 * words of a hundred thousand forms, and looking each one up as a string in a `Map` (a new
 * string, a hash, a few scattered objects) was most of a build's time: forms are found here in
 * a compact open-addressing table over their UTF-16 units, hashed as the sentence is read.
 */

const CONTENT = 1;
/** A lone capital letter: a content word only right after a name ("Model X", "Plan B"). */
const NAME_LETTER = 2;
const CAPITALIZED = 4;
const NUMBER = 8;

/** The id of "%" after a number: a term of its own, so that "376%" and "25 percent" meet. */
export const PERCENT_ID = 0;

const PERCENT: WordReading = {
  word: "%",
  term: "%",
  isNumber: false,
  capitalized: false,
  acronym: false,
};

/**
 * Where every form's hash starts, drawn per process: ids do not depend on it (they follow the
 * order forms are met), but an article written to make many forms collide cannot know it.
 */
const HASH_SEED = (Math.random() * 2 ** 32) | 0;

function flagsOf(reading: WordReading): number {
  const { word, isNumber, acronym, capitalized } = reading;
  const content = isNumber || acronym || (word.length > 1 && !STOP_WORDS.has(word));
  return (
    (content ? CONTENT : 0) |
    (capitalized && word.length === 1 ? NAME_LETTER : 0) |
    (capitalized ? CAPITALIZED : 0) |
    (isNumber ? NUMBER : 0)
  );
}

/** Distinct written forms, by id: each an id the first time it is seen. */
/**
 * The first table's slots (2^bits) and written units: small, doubled as forms come. An index
 * of one article is made for a question asked of it (see RankingOptions.articleAlone): 1 MB
 * tables made and dropped for each such article kept the process's resident memory growing.
 */
const INITIAL_SLOT_BITS = 10;
const INITIAL_UNIT_BITS = 12;

export class SentenceReader {
  /** The reading of each form, by id. */
  readonly readings: WordReading[] = [PERCENT];
  /** The content words of the last sentence read, by id (see {@link read}). */
  ids = new Int32Array(256);
  private flags = new Uint8Array(1024).fill(CONTENT);
  private spans: Int32Array = new Int32Array(256);
  /**
   * Open addressing, four numbers a slot: id + 1 of the form (0 when free), its hash, where its
   * units start in {@link units} and how many. A look-up reads one slot and the units, not four
   * arrays scattered over memory (a hundred thousand forms do not stay in a cache).
   */
  private slots = new Int32Array(4 << INITIAL_SLOT_BITS);
  private unitsUsed = 0;
  private units = new Uint16Array(1 << INITIAL_UNIT_BITS);

  /** Number of distinct forms met (the "%" included). */
  get size(): number {
    return this.readings.length;
  }

  /**
   * Reads a sentence: writes the ids of its content words in order into {@link ids} (a "%"
   * after a number as {@link PERCENT_ID}) and returns how many.
   */
  read(text: string): number {
    const found = wordSpans(text, this.spans);
    const spans = (this.spans = found.spans);
    if (this.ids.length < 2 * found.count) this.ids = new Int32Array(2 * found.count);
    const ids = this.ids;
    let count = 0;
    let previousEnd = -2;
    let previousCapitalized = false;
    for (let i = 0; i < found.count; i += 1) {
      const start = spans[2 * i] as number;
      const end = spans[2 * i + 1] as number;
      const id = this.idOf(text, start, end);
      const flags = this.flags[id] as number;
      const afterName = previousCapitalized && previousEnd + 1 === start;
      previousEnd = end;
      previousCapitalized = (flags & CAPITALIZED) !== 0;
      if ((flags & CONTENT) === 0 && !((flags & NAME_LETTER) !== 0 && afterName)) continue;
      ids[count++] = id;
      if ((flags & NUMBER) !== 0 && text.charCodeAt(end) === 0x25) ids[count++] = PERCENT_ID;
    }
    return count;
  }

  /** The id of `text[start, end)`, given one when new. */
  private idOf(text: string, start: number, end: number): number {
    let hash = HASH_SEED;
    for (let k = start; k < end; k += 1) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    const { slots, units } = this;
    const mask = (slots.length >> 2) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = slot << 2;
      const found = (slots[at] as number) - 1;
      if (found < 0) return this.add(text, start, end, hash, at);
      if (slots[at + 1] !== hash || slots[at + 3] !== length) continue;
      const from = slots[at + 2] as number;
      let same = true;
      for (let k = 0; k < length; k += 1) {
        if (units[from + k] !== text.charCodeAt(start + k)) {
          same = false;
          break;
        }
      }
      if (same) return found;
    }
  }

  private add(text: string, start: number, end: number, hash: number, at: number): number {
    const id = this.readings.length;
    const reading = readWord(text.slice(start, end));
    this.readings.push(reading);
    if (id >= this.flags.length) {
      const flags = new Uint8Array(2 * this.flags.length);
      flags.set(this.flags);
      this.flags = flags;
    }
    this.flags[id] = flagsOf(reading);
    const from = this.unitsUsed;
    if (from + end - start > this.units.length) {
      let length = this.units.length;
      while (length < from + end - start) length *= 2;
      const units = new Uint16Array(length);
      units.set(this.units);
      this.units = units;
    }
    for (let k = start; k < end; k += 1) this.units[from + k - start] = text.charCodeAt(k);
    this.unitsUsed = from + end - start;
    this.slots[at] = id + 1;
    this.slots[at + 1] = hash;
    this.slots[at + 2] = from;
    this.slots[at + 3] = end - start;
    // At most half full: probes stay short.
    if (2 * this.readings.length > this.slots.length >> 2) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(2 * old.length);
    const mask = (slots.length >> 2) - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] === 0) continue;
      let slot = (old[at + 1] as number) & mask;
      while (slots[slot << 2] !== 0) slot = (slot + 1) & mask;
      slots.set(old.subarray(at, at + 4), slot << 2);
    }
    this.slots = slots;
  }
}
