import type { Posting } from "../core/index.ts";

/**
 * The postings of consecutive chunks of a folder joined (`chunk-merge.ts`), each term's made
 * when first asked for: joining them all, as soon as the last chunk was built, wrote every
 * sentence id again into memory written for the first time (about 70 MB for the archive), on
 * the one thread that is left working once the others are done, before the index was ready. A
 * question asks for a few terms; saving the index reads each once ({@link entries}) without
 * keeping it.
 *
 * Terms are in the order first met, chunk by chunk, and a term's sentences are those of each
 * chunk that holds it, in chunk order, moved past the earlier chunks' sentences: what one
 * build of all the files gives.
 */
export class MergedPostings implements ReadonlyMap<string, Posting> {
  private readonly terms: string[] = [];
  private readonly slotOf = new Map<string, number>();
  /** The postings asked for so far, by slot. */
  private readonly made: (Posting | undefined)[];

  /**
   * @param parts - each chunk's postings, in listing order
   * @param shifts - the sentences of the chunks before each (added to its sentence ids)
   */
  constructor(
    private readonly parts: readonly ReadonlyMap<string, Posting>[],
    private readonly shifts: readonly number[],
  ) {
    for (const part of parts) {
      for (const term of part.keys()) {
        if (this.slotOf.has(term)) continue;
        this.slotOf.set(term, this.terms.length);
        this.terms.push(term);
      }
    }
    this.made = new Array<Posting | undefined>(this.terms.length);
  }

  get size(): number {
    return this.terms.length;
  }

  has(term: string): boolean {
    return this.slotOf.has(term);
  }

  get(term: string): Posting | undefined {
    const slot = this.slotOf.get(term);
    if (slot === undefined) return undefined;
    let posting = this.made[slot];
    if (posting === undefined) {
      posting = this.joined(term);
      this.made[slot] = posting;
    }
    return posting;
  }

  /** A term's postings across the chunks: the chunk's own when only the first holds it. */
  private joined(term: string): Posting {
    const found = this.parts.map((part) => part.get(term));
    let length = 0;
    let holders = 0;
    found.forEach((posting) => {
      if (posting === undefined) return;
      length += posting.sentenceIds.length;
      holders += 1;
    });
    if (holders === 1 && found[0] !== undefined && this.shifts[0] === 0) return found[0];
    const sentenceIds = new Int32Array(length);
    const counts = new Uint8Array(length);
    let at = 0;
    found.forEach((posting, c) => {
      if (posting === undefined) return;
      const ids = posting.sentenceIds;
      const shift = this.shifts[c] as number;
      if (shift === 0) sentenceIds.set(ids, at);
      else for (let k = 0; k < ids.length; k += 1) sentenceIds[at + k] = (ids[k] as number) + shift;
      counts.set(posting.counts, at);
      at += ids.length;
    });
    return { sentenceIds, counts };
  }

  /** Every term and its postings, in order; those not asked for yet are made and not kept. */
  *entries(): MapIterator<[string, Posting]> {
    for (let slot = 0; slot < this.terms.length; slot += 1) {
      const term = this.terms[slot] as string;
      yield [term, this.made[slot] ?? this.joined(term)];
    }
  }

  *keys(): MapIterator<string> {
    yield* this.terms;
  }

  *values(): MapIterator<Posting> {
    for (const [, posting] of this.entries()) yield posting;
  }

  [Symbol.iterator](): MapIterator<[string, Posting]> {
    return this.entries();
  }

  forEach(
    callback: (value: Posting, key: string, map: ReadonlyMap<string, Posting>) => void,
  ): void {
    for (const [term, posting] of this.entries()) callback(posting, term, this);
  }
}
