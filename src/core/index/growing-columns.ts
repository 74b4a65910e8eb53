import type { SentenceTable } from "./index-data.ts";

/** A copy of an array in a longer one, the new part filled with `fill`. */
export function grown(values: Int32Array, length: number, fill: number): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(length);
  // A new array is zeros: filled only past the copy, and only when the fill is not 0.
  if (fill !== 0) longer.fill(fill, values.length);
  longer.set(values);
  return longer;
}

/**
 * The sentence table's columns while they grow: made for the sentences expected, each doubled
 * when more come. Memory is written for the first time only where a sentence is stored (an
 * expectation too large costs address space, not memory), and each doubling copies: on a
 * virtual machine, memory first written is slow.
 */
export class GrowingColumns {
  article: Int32Array<ArrayBuffer>;
  paragraph: Int32Array<ArrayBuffer>;
  sentence: Int32Array<ArrayBuffer>;
  paragraphKey: Int32Array<ArrayBuffer>;
  length: Int32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  /** Entries up to the end of each sentence. */
  ends: Int32Array<ArrayBuffer>;

  constructor(expected: number) {
    const size = Math.max(expected, 1024);
    this.article = new Int32Array(size);
    this.paragraph = new Int32Array(size);
    this.sentence = new Int32Array(size);
    this.paragraphKey = new Int32Array(size);
    this.length = new Int32Array(size);
    this.flags = new Uint8Array(size);
    this.ends = new Int32Array(size);
  }

  /** Makes room for sentence `id`. */
  reserve(id: number): void {
    if (id < this.article.length) return;
    const length = 2 * this.article.length;
    this.article = grown(this.article, length, 0);
    this.paragraph = grown(this.paragraph, length, 0);
    this.sentence = grown(this.sentence, length, 0);
    this.paragraphKey = grown(this.paragraphKey, length, 0);
    this.length = grown(this.length, length, 0);
    this.ends = grown(this.ends, length, 0);
    const flags = new Uint8Array(length);
    flags.set(this.flags);
    this.flags = flags;
  }

  /** The first `count` sentences' columns, each at its length (views, not copies). */
  table(count: number): SentenceTable {
    return {
      article: this.article.subarray(0, count),
      paragraph: this.paragraph.subarray(0, count),
      sentence: this.sentence.subarray(0, count),
      paragraphKey: this.paragraphKey.subarray(0, count),
      length: this.length.subarray(0, count),
      flags: this.flags.subarray(0, count),
    };
  }
}
