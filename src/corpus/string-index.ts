import { ContainerError, type StringTable } from "./binary.ts";

const encoder = new TextEncoder();

/** FNV-1a over bytes[start, end). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i += 1) {
    hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Finds a string's position in a saved {@link StringTable} without decoding the table: an
 * open-addressing hash table of positions over the table's UTF-8 bytes, built with one
 * pass over them. Opening an index then costs no JS string and no Map entry per term;
 * a look-up encodes the asked string and compares bytes.
 */
export class StringIndex {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private scratch = new Uint8Array(256);

  /** @throws ContainerError when a string is in the table twice. */
  constructor(private readonly table: StringTable) {
    const { bytes, offsets } = table;
    let capacity = 16;
    while (capacity < 2 * table.length) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < table.length; i += 1) {
      const start = offsets[i] as number;
      const end = offsets[i + 1] as number;
      let slot = hashBytes(bytes, start, end) & this.mask;
      for (;;) {
        const found = this.slots[slot] as number;
        if (found < 0) break;
        if (this.equalAt(found, bytes, start, end)) {
          throw new ContainerError(`string ${i} is in its table twice`);
        }
        slot = (slot + 1) & this.mask;
      }
      this.slots[slot] = i;
    }
  }

  /** The position of `value` in the table, or -1. */
  find(value: string): number {
    // Worst case three bytes per UTF-16 unit.
    if (this.scratch.length < 3 * value.length) this.scratch = new Uint8Array(3 * value.length);
    const { written } = encoder.encodeInto(value, this.scratch);
    let slot = hashBytes(this.scratch, 0, written) & this.mask;
    for (;;) {
      const found = this.slots[slot] as number;
      if (found < 0) return -1;
      if (this.equalAt(found, this.scratch, 0, written)) return found;
      slot = (slot + 1) & this.mask;
    }
  }

  /** True when string `i` of the table is `other[start, end)`. */
  private equalAt(i: number, other: Uint8Array, start: number, end: number): boolean {
    const { bytes, offsets } = this.table;
    const from = offsets[i] as number;
    if ((offsets[i + 1] as number) - from !== end - start) return false;
    for (let k = 0; k < end - start; k += 1) {
      if (bytes[from + k] !== other[start + k]) return false;
    }
    return true;
  }
}

/**
 * The vocabulary of a saved index (written word → index term) over its two string
 * tables: looked up without decoding them; the words are decoded once if listed.
 */
export class SavedVocabulary implements ReadonlyMap<string, string> {
  private readonly index: StringIndex;
  private words: string[] | undefined;

  constructor(
    private readonly wordTable: StringTable,
    private readonly termTable: StringTable,
  ) {
    if (termTable.length !== wordTable.length) throw new ContainerError("vocabulary lengths");
    this.index = new StringIndex(wordTable);
  }

  get size(): number {
    return this.wordTable.length;
  }

  has(word: string): boolean {
    return this.index.find(word) >= 0;
  }

  get(word: string): string | undefined {
    const i = this.index.find(word);
    return i < 0 ? undefined : this.termTable.get(i);
  }

  private list(): string[] {
    this.words ??= this.wordTable.all();
    return this.words;
  }

  *keys(): MapIterator<string> {
    yield* this.list();
  }

  *values(): MapIterator<string> {
    for (let i = 0; i < this.size; i += 1) yield this.termTable.get(i);
  }

  *entries(): MapIterator<[string, string]> {
    const words = this.list();
    for (let i = 0; i < words.length; i += 1) yield [words[i] as string, this.termTable.get(i)];
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void) {
    for (const [word, term] of this.entries()) callback(term, word, this);
  }
}
