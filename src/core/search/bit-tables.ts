import { LRUCache } from "lru-cache";
import type { IndexView } from "../index/view.ts";

/** Sets bit `at` of a bit table. */
export function setBit(bits: Uint32Array, at: number): void {
  bits[at >>> 5] = (bits[at >>> 5] as number) | (1 << (at & 31));
}

/**
 * Bit tables of words, one per word and index (a bit per sentence, per article…), made on first
 * use and kept between questions in an LRU of `max` tables per index: a word common enough to
 * want a table is in many questions.
 */
export class BitTables {
  private readonly byView = new WeakMap<IndexView, LRUCache<string, Uint32Array>>();

  constructor(private readonly max: number) {}

  /** The table of `word` in `view`: `bits` bits, set by `fill` when first made. */
  get(
    view: IndexView,
    word: string,
    bits: number,
    fill: (table: Uint32Array) => void,
  ): Uint32Array {
    let cache = this.byView.get(view);
    if (!cache) {
      cache = new LRUCache<string, Uint32Array>({ max: this.max });
      this.byView.set(view, cache);
    }
    let table = cache.get(word);
    if (!table) {
      table = new Uint32Array((bits + 31) >>> 5);
      fill(table);
      cache.set(word, table);
    }
    return table;
  }
}

/** True when a bit of `first..last` (inclusive) is set. */
export function anyBitIn(bits: Uint32Array, first: number, last: number): boolean {
  const firstWord = first >>> 5;
  const lastWord = last >>> 5;
  // The first word's bits from `first` up, the last word's up to `last` (shifted out above it).
  let word = (bits[firstWord] as number) >>> (first & 31);
  if (firstWord === lastWord) return word << (31 - (last & 31) + (first & 31)) !== 0;
  if (word !== 0) return true;
  for (let at = firstWord + 1; at < lastWord; at += 1) if (bits[at] !== 0) return true;
  word = (bits[lastWord] as number) << (31 - (last & 31));
  return word !== 0;
}

/** How many bits of `first..end - 1` are set. */
export function bitsIn(bits: Uint32Array, first: number, end: number): number {
  if (end <= first) return 0;
  const last = end - 1;
  const firstWord = first >>> 5;
  const lastWord = last >>> 5;
  if (firstWord === lastWord) {
    return ones(
      ((bits[firstWord] as number) >>> (first & 31)) << (31 - (last & 31) + (first & 31)),
    );
  }
  let count = ones((bits[firstWord] as number) >>> (first & 31));
  for (let at = firstWord + 1; at < lastWord; at += 1) count += ones(bits[at] as number);
  return count + ones((bits[lastWord] as number) << (31 - (last & 31)));
}

/** The set bits of a 32-bit word. */
function ones(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}
