import { createHash, timingSafeEqual } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { ContainerError } from "./string-table.ts";

/**
 * Where a container's bytes come from: a buffer in memory, or a file read where asked, so
 * that opening a saved index reads only the part it checks and uses at once (the signed
 * part) and leaves the detached part (the articles' texts) on disk until a question needs it.
 */
export interface ContainerSource {
  /** Length in bytes. */
  readonly length: number;
  /**
   * Bytes `[start, start + length)`, which the caller has checked lie inside the source.
   * @throws Error when they cannot be read whole.
   */
  read(start: number, length: number): Uint8Array;
}

/** A container held in memory. */
export function bytesSource(bytes: Uint8Array): ContainerSource {
  return { length: bytes.length, read: (start, length) => bytes.subarray(start, start + length) };
}

// A file source that is no longer reachable (its index replaced by a reload) closes its file.
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/**
 * A container in a file, kept open while anything may still read from it: the open file
 * stays the one that was checked even when a newer index is renamed over its path. Closed
 * by {@link close}, or when the source is garbage collected.
 */
export class FileSource implements ContainerSource {
  private closed = false;

  private constructor(
    private readonly fd: number,
    readonly length: number,
  ) {}

  /**
   * Opens a file without following a last link.
   * @throws Error as `open(2)` fails.
   */
  static open(file: string): FileSource {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const source = new FileSource(fd, fstatSync(fd).size);
      closer.register(source, fd, source);
      return source;
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  read(start: number, length: number): Uint8Array {
    if (this.closed) throw new Error("the saved index was closed");
    // Not from the shared pool: a small chunk kept in a cache would keep its 8 KB slab.
    const buffer = Buffer.allocUnsafeSlow(length);
    let done = 0;
    while (done < length) {
      const got = readSync(this.fd, buffer, done, length - done, start + done);
      if (got === 0) throw new Error("the saved index is shorter than when it was opened");
      done += got;
    }
    return buffer;
  }

  /** Closes the file now (a container that was refused or is not used). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closer.unregister(this);
    closeSync(this.fd);
  }
}

/** Bytes of a SHA-256 digest. */
export const DIGEST_BYTES = 32;

/** SHA-256 of every chunk of `bytes` (chunk i ends at `ends[i]`), back to back. */
export function chunkDigests(bytes: Uint8Array, ends: Int32Array): Uint8Array {
  const digests = new Uint8Array(DIGEST_BYTES * ends.length);
  let start = 0;
  ends.forEach((end, i) => {
    digests.set(createHash("sha256").update(bytes.subarray(start, end)).digest(), DIGEST_BYTES * i);
    start = end;
  });
  return digests;
}

/**
 * A detached section: bytes outside the container's signed part, in chunks whose SHA-256
 * digests are in the signed part. A chunk is read and checked against its digest when it
 * is asked for, never before: a chunk altered on disk is refused when it is first used.
 */
export class DetachedBytes {
  constructor(
    private readonly source: ContainerSource,
    /** Where the section starts in the source. */
    private readonly offset: number,
    /** Length of the section in bytes. */
    readonly length: number,
    /** Where each chunk ends (checked: ascending, the last at `length`). */
    readonly ends: Int32Array,
    /** Each chunk's SHA-256, back to back (checked: one per chunk). */
    readonly digests: Uint8Array,
  ) {}

  /** Number of chunks. */
  get chunks(): number {
    return this.ends.length;
  }

  /** Where chunk `i` starts in the section. */
  start(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number);
  }

  /**
   * Chunk `i`'s bytes, read now and checked against its digest.
   * @throws Error when it cannot be read or was altered (a {@link DetachedError}).
   */
  chunk(i: number): Uint8Array {
    if (!Number.isInteger(i) || i < 0 || i >= this.chunks) {
      throw new DetachedError(`chunk ${i} outside a section of ${this.chunks}`);
    }
    const start = this.start(i);
    const bytes = this.source.read(this.offset + start, (this.ends[i] as number) - start);
    const digest = createHash("sha256").update(bytes).digest();
    const expected = this.digests.subarray(DIGEST_BYTES * i, DIGEST_BYTES * (i + 1));
    if (!timingSafeEqual(digest, expected)) {
      throw new DetachedError(`chunk ${i} does not match its digest (altered on disk)`);
    }
    return bytes;
  }

  /** The whole section as stored, unchecked (to copy it into another container). */
  raw(): Uint8Array {
    return this.source.read(this.offset, this.length);
  }
}

/** A detached chunk that cannot be used: altered, truncated, or asked for out of range. */
export class DetachedError extends ContainerError {
  override readonly name = "DetachedError";
}
