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
  /** Reads the same bytes into the start of `target` (without allocating), when it can. */
  readInto?(start: number, length: number, target: Uint8Array): void;
  /**
   * The same bytes as {@link read}, each piece shown to `seen` as it is read ({@link readPieces}),
   * when it can. `at` is the piece's offset from `start`, not from the file's start: a caller
   * that wants file offsets (`readSigned`, whose `signatureOfPieces` needs them) reads from 0.
   */
  readSeen?(
    start: number,
    length: number,
    seen: (piece: Uint8Array, at: number) => void,
  ): Uint8Array;
}

/** How a file source reads a large range. */
export const FILE_READ = Object.freeze({
  /**
   * A large range is read this many bytes at a time into one small buffer and copied on
   * ({@link readPieces}): on this virtual machine memory costs most when first touched, and a
   * range read straight into a new buffer is touched twice, by the kernel's copy and then by
   * the first reader (the archive's 96 MB signed part: 0.78–1.05 s read and hashed whole,
   * 0.59–1.07 s a MB at a time, medians 0.84 and 0.71 s, load 4–5).
   */
  pieceBytes: 1_048_576,
});

/**
 * Fills `target` from an open file, from byte `position` on, reading until it is full.
 *
 * @throws Error when the file ends first (a read gives 0 bytes).
 */
export function readFullySync(fd: number, target: Uint8Array, position: number): void {
  let done = 0;
  while (done < target.length) {
    const got = readSync(fd, target, done, target.length - done, position + done);
    if (got === 0) throw new Error("the saved index is shorter than when it was opened");
    done += got;
  }
}

/**
 * Reads `length` bytes of an open file from `start` into a new buffer, {@link FILE_READ}'s
 * `pieceBytes` at a time through one small buffer, each piece shown to `seen` (with its offset
 * from `start`) while it is in cache, then copied into place.
 *
 * @throws Error when the file ends before the range does.
 */
export function readPieces(
  fd: number,
  start: number,
  length: number,
  seen: (piece: Uint8Array, at: number) => void = () => undefined,
): Uint8Array {
  const bytes = new Uint8Array(length);
  const scratch = new Uint8Array(Math.min(length, FILE_READ.pieceBytes));
  for (let at = 0; at < length; at += scratch.length) {
    const piece = scratch.subarray(0, Math.min(scratch.length, length - at));
    readFullySync(fd, piece, start + at);
    seen(piece, at);
    bytes.set(piece, at);
  }
  return bytes;
}

/** A container held in memory. */
export function bytesSource(bytes: Uint8Array): ContainerSource {
  return { length: bytes.length, read: (start, length) => bytes.subarray(start, start + length) };
}

/**
 * A container held in memory in the parts `ContainerWriter.finishParts` gives: the signed
 * part, then each detached section at the next multiple of 8 bytes. A read inside one part is
 * a view; one across parts or into the padding between them (never asked by a reader) a copy.
 */
export function partsSource(signed: Uint8Array, detached: readonly Uint8Array[]): ContainerSource {
  const parts: { readonly start: number; readonly bytes: Uint8Array }[] = [
    { start: 0, bytes: signed },
  ];
  let length = signed.length;
  for (const bytes of detached) {
    parts.push({ start: length, bytes });
    length += (bytes.length + 7) & ~7;
  }
  return {
    length,
    read(start, size) {
      const end = start + size;
      for (const { start: at, bytes } of parts) {
        if (start >= at && end <= at + bytes.length) return bytes.subarray(start - at, end - at);
      }
      const copy = new Uint8Array(size);
      for (const { start: at, bytes } of parts) {
        const from = Math.max(start, at);
        const to = Math.min(end, at + bytes.length);
        if (from < to) copy.set(bytes.subarray(from - at, to - at), from - start);
      }
      return copy;
    },
  };
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
    /** The open file's descriptor (a worker thread of this process may read from it too). */
    readonly fd: number,
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
    const buffer = Buffer.allocUnsafe(length);
    this.readInto(start, length, buffer);
    return buffer;
  }

  readSeen(
    start: number,
    length: number,
    seen: (piece: Uint8Array, at: number) => void,
  ): Uint8Array {
    if (this.closed) throw new Error("the saved index was closed");
    return readPieces(this.fd, start, length, seen);
  }

  readInto(start: number, length: number, target: Uint8Array): void {
    if (this.closed) throw new Error("the saved index was closed");
    readFullySync(this.fd, target.subarray(0, length), start);
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
  /**
   * For a section held in memory: a byte a chunk, set once it matched its digest. Bytes in
   * this process's memory do not change under it, so a chunk is hashed once, not at every
   * read (a file may change on disk, so a file's chunks are checked at every read).
   */
  private readonly checkedOnce: Uint8Array | undefined;

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
  ) {
    this.checkedOnce = source.readInto ? undefined : new Uint8Array(ends.length);
  }

  /** True when the section is in memory (a chunk is a view, read without copying). */
  get inMemory(): boolean {
    return this.checkedOnce !== undefined;
  }

  /** Number of chunks. */
  get chunks(): number {
    return this.ends.length;
  }

  /** Where chunk `i` starts in the section. */
  start(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number);
  }

  /** Length of chunk `i` in bytes. */
  size(i: number): number {
    return (this.ends[i] as number) - this.start(i);
  }

  /**
   * Chunk `i`'s bytes, read now and checked against its digest.
   * @throws Error when it cannot be read or was altered (a {@link DetachedError}).
   */
  chunk(i: number): Uint8Array {
    this.checkIndex(i);
    const start = this.start(i);
    return this.checked(i, this.source.read(this.offset + start, this.size(i)));
  }

  /**
   * Chunk `i`'s bytes read into the start of `target` (at least {@link size} long) and
   * checked, without allocating: the part of `target` that holds them.
   * @throws Error as {@link chunk}.
   */
  chunkInto(i: number, target: Uint8Array): Uint8Array {
    this.checkIndex(i);
    const length = this.size(i);
    const into = target.subarray(0, length);
    if (into.length !== length) throw new RangeError(`chunk ${i} does not fit its target`);
    const at = this.offset + this.start(i);
    if (this.source.readInto) this.source.readInto(at, length, into);
    else into.set(this.source.read(at, length));
    return this.checked(i, into);
  }

  private checkIndex(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.chunks) {
      throw new DetachedError(`chunk ${i} outside a section of ${this.chunks}`);
    }
  }

  /** `bytes`, once they match chunk `i`'s digest. */
  private checked(i: number, bytes: Uint8Array): Uint8Array {
    if (this.checkedOnce?.[i] === 1) return bytes;
    const digest = createHash("sha256").update(bytes).digest();
    const expected = this.digests.subarray(DIGEST_BYTES * i, DIGEST_BYTES * (i + 1));
    if (!timingSafeEqual(digest, expected)) {
      throw new DetachedError(`chunk ${i} does not match its digest (altered on disk)`);
    }
    if (this.checkedOnce) this.checkedOnce[i] = 1;
    return bytes;
  }

  /** The same section read from `source`, another copy of the container's bytes (a file read whole). */
  over(source: ContainerSource): DetachedBytes {
    return new DetachedBytes(source, this.offset, this.length, this.ends, this.digests);
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
