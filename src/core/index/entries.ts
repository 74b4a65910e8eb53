/**
 * The (term slot, count) entries of an index being built, in sentence order, and their
 * grouping into postings lists at the end. Stored in fixed-size blocks that are never copied:
 * typed arrays live outside V8's heap, and every 64 MB of them allocated since the last full
 * collection starts another one ("external memory pressure"). Entries kept in arrays that
 * doubled (a copy at each step) made five full collections of an archive's 800 MB heap
 * while it was indexed, several seconds of CPU in the collector's threads.
 */

import type { Posting } from "./index-data.ts";

/** Entries the largest block holds. */
const BLOCK = 1 << 16;
/**
 * Entries the first block holds; each next one twice as many, up to {@link BLOCK}: an index of
 * one article (a few thousand entries) does not allocate a 320 KB block.
 */
const FIRST_BLOCK = 1 << 10;

/** The entries of each sentence, in sentence order. */
export class PostingEntries {
  private readonly slotBlocks: Int32Array[] = [];
  private readonly countBlocks: Uint8Array[] = [];
  private slots = new Int32Array(0);
  private counts = new Uint8Array(0);
  /** Where the next entry goes in the current block. */
  private at = 0;
  /** Entries so far. */
  size = 0;

  /** Adds an entry of the sentence being read: its term's slot and how often it holds it. */
  add(slot: number, count: number): void {
    if (this.at === this.slots.length) {
      const size = Math.min(BLOCK, this.slots.length === 0 ? FIRST_BLOCK : 2 * this.slots.length);
      this.slots = new Int32Array(size);
      this.counts = new Uint8Array(size);
      this.slotBlocks.push(this.slots);
      this.countBlocks.push(this.counts);
      this.at = 0;
    }
    this.slots[this.at] = slot;
    this.counts[this.at] = count;
    this.at += 1;
    this.size += 1;
  }

  /**
   * The postings of each slot's term. `sentenceEnds[s]` is the number of entries up to the end
   * of sentence `s`; `termSentences[t]` how many sentences hold slot `t`'s term. Each term's
   * sentence ids come out ascending (entries are in sentence order); every posting is a view
   * into two shared arrays.
   */
  group(
    slotTerms: readonly string[],
    termSentences: Int32Array,
    sentenceEnds: Int32Array,
  ): Map<string, Posting> {
    const terms = slotTerms.length;
    const first = new Int32Array(terms + 1);
    for (let t = 0; t < terms; t += 1) {
      first[t + 1] = (first[t] as number) + (termSentences[t] as number);
    }
    const next = first.slice(0, terms);
    const sentenceIds = new Int32Array(this.size);
    const counts = new Uint8Array(this.size);
    let sentence = 0;
    let entry = 0;
    for (let b = 0; b < this.slotBlocks.length; b += 1) {
      const slots = this.slotBlocks[b] as Int32Array;
      const blockCounts = this.countBlocks[b] as Uint8Array;
      const used = Math.min(slots.length, this.size - entry);
      for (let i = 0; i < used; i += 1, entry += 1) {
        while (entry >= (sentenceEnds[sentence] as number)) sentence += 1;
        const slot = slots[i] as number;
        const to = next[slot] as number;
        next[slot] = to + 1;
        sentenceIds[to] = sentence;
        counts[to] = blockCounts[i] as number;
      }
    }
    return postingsByTerm(slotTerms, first, sentenceIds, counts);
  }
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
