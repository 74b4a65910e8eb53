/**
 * Chunks of bytes kept in one buffer allocated once, written in turn around it: a chunk
 * written over the oldest ones pushes them out (first in, first out). A cache of many small
 * byte arrays, each allocated on a miss and freed on eviction, left the allocator's heap
 * fragmented in a long-running bot (resident memory above what was live); this one holds
 * exactly its size.
 */
export class ChunkRing<K> {
  private readonly buffer: Buffer;
  /** Where each kept chunk is. */
  private readonly entries = new Map<K, Entry<K>>();
  /** Chunks in the order they were written, oldest first (some no longer kept). */
  private queue: Entry<K>[] = [];
  private oldest = 0;
  private head = 0;

  constructor(readonly size: number) {
    this.buffer = Buffer.allocUnsafeSlow(size);
  }

  /** Chunk `key`'s bytes: a view valid until the next {@link put}. */
  get(key: K): Buffer | undefined {
    const entry = this.entries.get(key);
    return entry && this.buffer.subarray(entry.start, entry.start + entry.length);
  }

  /** How many chunks are kept, and their bytes. */
  get kept(): { chunks: number; bytes: number } {
    let bytes = 0;
    for (const { length } of this.entries.values()) bytes += length;
    return { chunks: this.entries.size, bytes };
  }

  /**
   * Writes chunk `key` of `length` bytes with `fill` (handed the place to write to, it returns
   * the bytes written there once they are good), pushing out the oldest chunks in the way.
   * A chunk longer than the ring is not kept: `fill` gets a buffer of its own.
   * @returns the chunk's bytes, a view valid until the next put.
   */
  put(key: K, length: number, fill: (target: Buffer) => Uint8Array): Buffer {
    this.delete(key);
    if (length > this.size) {
      const own = fill(Buffer.allocUnsafe(length));
      return Buffer.from(own.buffer, own.byteOffset, own.length);
    }
    if (this.head + length > this.size) {
      // The rest of the ring is too short: the chunks there are the oldest; start over at 0.
      this.evictWhile((start) => start >= this.head);
      this.head = 0;
    }
    const start = this.head;
    this.evictWhile((from, to) => from < start + length && to > start);
    const target = this.buffer.subarray(start, start + length);
    fill(target);
    const entry = { key, start, length };
    this.entries.set(key, entry);
    this.queue.push(entry);
    this.head = start + length;
    return target;
  }

  /** Pushes out the oldest chunks while `test` holds for them. */
  private evictWhile(test: (start: number, end: number) => boolean): void {
    while (this.oldest < this.queue.length) {
      const entry = this.queue[this.oldest] as Entry<K>;
      const kept = this.entries.get(entry.key) === entry;
      if (kept && !test(entry.start, entry.start + entry.length)) break;
      if (kept) this.entries.delete(entry.key);
      this.oldest += 1;
    }
    if (this.oldest > 1024 && this.oldest * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.oldest);
      this.oldest = 0;
    }
  }

  private delete(key: K): void {
    // Its place in the queue stays, no longer kept: skipped when it comes up.
    this.entries.delete(key);
  }
}

interface Entry<K> {
  readonly key: K;
  readonly start: number;
  readonly length: number;
}
