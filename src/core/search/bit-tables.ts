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
