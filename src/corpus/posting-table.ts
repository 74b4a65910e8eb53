import type { Posting } from "../core/index.ts";
import { checkOffsets, ContainerError, type StringTable } from "./binary.ts";
import { StringIndex } from "./string-index.ts";

/**
 * The postings of a saved index as the file holds them: one array of sentence ids and
 * one of counts for all terms, and where each term's run starts. A term's {@link Posting}
 * is a pair of views made when asked for, and terms are found through a hash table over
 * the file's bytes ({@link StringIndex}): opening an index of 60,000 terms decodes no
 * term and makes no object per term.
 */
export class PostingTable implements ReadonlyMap<string, Posting> {
  private readonly index: StringIndex;
  private terms: string[] | undefined;

  /**
   * @throws ContainerError unless every run is strictly ascending and below `sentenceCount`
   *   and every term is listed once.
   */
  constructor(
    private readonly termTable: StringTable,
    private readonly first: Int32Array,
    private readonly ids: Int32Array,
    private readonly counts: Uint8Array,
    sentenceCount: number,
  ) {
    if (first.length !== termTable.length + 1 || counts.length !== ids.length) {
      throw new ContainerError("postings: lengths do not match");
    }
    checkOffsets(first, ids.length, "postings");
    const bad = unsortedRun(first, ids, sentenceCount);
    if (bad >= 0) throw new ContainerError(`posting ${bad} unsorted`);
    this.index = new StringIndex(termTable);
  }

  get size(): number {
    return this.termTable.length;
  }

  has(term: string): boolean {
    return this.index.find(term) >= 0;
  }

  get(term: string): Posting | undefined {
    const t = this.index.find(term);
    return t < 0 ? undefined : this.at(t);
  }

  /** The terms, decoded once when first listed (saving, tests). */
  private list(): string[] {
    this.terms ??= this.termTable.all();
    return this.terms;
  }

  private at(t: number): Posting {
    const start = this.first[t] as number;
    const end = this.first[t + 1] as number;
    return { sentenceIds: this.ids.subarray(start, end), counts: this.counts.subarray(start, end) };
  }

  *entries(): MapIterator<[string, Posting]> {
    const terms = this.list();
    for (let t = 0; t < terms.length; t += 1) yield [terms[t] as string, this.at(t)];
  }

  *keys(): MapIterator<string> {
    yield* this.list();
  }

  *values(): MapIterator<Posting> {
    for (let t = 0; t < this.size; t += 1) yield this.at(t);
  }

  [Symbol.iterator](): MapIterator<[string, Posting]> {
    return this.entries();
  }

  forEach(callback: (value: Posting, key: string, map: ReadonlyMap<string, Posting>) => void) {
    for (const [term, posting] of this.entries()) callback(posting, term, this);
  }
}

/** The first term whose run is not strictly ascending inside 0..sentenceCount-1, or -1. */
function unsortedRun(first: Int32Array, ids: Int32Array, sentenceCount: number): number {
  for (let t = 0; t + 1 < first.length; t += 1) {
    let previous = -1;
    const end = first[t + 1] as number;
    for (let i = first[t] as number; i < end; i += 1) {
      const id = ids[i] as number;
      if (id <= previous || id >= sentenceCount) return t;
      previous = id;
    }
  }
  return -1;
}

/**
 * The postings' sentence ids and counts as one column each (term `i`'s from `first[i]`): the
 * arrays they are views of when they lie there already, back to back in term order (as a
 * build groups them, and as a saved index holds them), else a copy. A build worker encodes
 * its chunk last, while the calling thread may be waiting: a copy of the archive's half
 * (35 MB, memory written for the first time) before the container's own copy of it was
 * pure delay.
 */
export function postingColumns(
  postings: readonly Posting[],
  first: Int32Array,
): { units: Int32Array; counts: Uint8Array } {
  const total = first[postings.length] as number;
  const ids = postings[0]?.sentenceIds;
  const counts = postings[0]?.counts;
  if (
    ids !== undefined &&
    counts !== undefined &&
    postings.every(
      (posting, i) =>
        posting.sentenceIds.buffer === ids.buffer &&
        posting.sentenceIds.byteOffset === ids.byteOffset + 4 * (first[i] as number) &&
        posting.counts.buffer === counts.buffer &&
        posting.counts.byteOffset === counts.byteOffset + (first[i] as number),
    )
  ) {
    return {
      units: new Int32Array(ids.buffer, ids.byteOffset, total),
      counts: new Uint8Array(counts.buffer, counts.byteOffset, total),
    };
  }
  const units = new Int32Array(total);
  const joined = new Uint8Array(total);
  postings.forEach((posting, i) => {
    units.set(posting.sentenceIds, first[i]);
    joined.set(posting.counts, first[i]);
  });
  return { units, counts: joined };
}
