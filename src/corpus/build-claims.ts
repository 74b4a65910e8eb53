/**
 * What the threads of a parallel build (`parallel-build.ts`) share while they work: which of
 * the listed files each has taken, and the files' bytes, each read into its own slot of one
 * shared buffer by whichever thread takes it. Each thread owns a consecutive region of the
 * listing and takes its files from the front, one at a time; once its own region is built, a
 * thread takes runs of files from the back of another's (and builds each as a chunk of its
 * own: `work-split.ts` says how many), so that no thread waits for another while files are left.
 */
import { ArticleError } from "../core/index.ts";
import { readListedFile, readListedFileInto, type FileRead } from "./file-read.ts";
import type { FileStamp, ListedFile } from "./listing.ts";

/** Numbers a region takes in the shared table: a lock, the next file, the end (and a spare). */
const REGION_INTS = 4;
const LOCK = 0;
const NEXT = 1;
const END = 2;
/** Bytes a region takes: its row, and when its first file was taken (a double). */
const REGION_BYTES = 4 * REGION_INTS + 8;

/** The clock all threads share: ms since the epoch, to the microsecond. */
export function sharedNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Which files of each region are taken: a table in shared memory, one row a region. */
export class ClaimTable {
  private readonly table: Int32Array;
  private readonly firstTaken: Float64Array;

  /** Over a buffer made by {@link ClaimTable.create} (in this thread or another). */
  constructor(readonly buffer: SharedArrayBuffer) {
    const regions = buffer.byteLength / REGION_BYTES;
    this.table = new Int32Array(buffer, 0, REGION_INTS * regions);
    this.firstTaken = new Float64Array(buffer, 4 * REGION_INTS * regions, regions);
  }

  /** A table of consecutive regions, each `[start, end)` of the listing, none taken yet. */
  static create(regions: readonly (readonly [number, number])[]): ClaimTable {
    const claims = new ClaimTable(new SharedArrayBuffer(REGION_BYTES * regions.length));
    regions.forEach(([start, end], r) => {
      claims.table[REGION_INTS * r + NEXT] = start;
      claims.table[REGION_INTS * r + END] = end;
    });
    return claims;
  }

  /** Runs `update` on a region's next and end while holding its lock (held for a few loads). */
  private locked<T>(
    region: number,
    update: (next: number, end: number, startedAt: number) => T,
  ): T {
    const row = REGION_INTS * region;
    while (Atomics.compareExchange(this.table, row + LOCK, 0, 1) !== 0) {
      // Another thread holds it for a few instructions: try again.
    }
    try {
      const next = Atomics.load(this.table, row + NEXT);
      const end = Atomics.load(this.table, row + END);
      return update(next, end, this.firstTaken[region] as number);
    } finally {
      Atomics.store(this.table, row + LOCK, 0);
    }
  }

  /** Takes the next file of a region from its front: its index in the listing, or -1 when none is left. */
  takeNext(region: number): number {
    return this.locked(region, (next, end) => {
      if (next >= end) return -1;
      if (this.firstTaken[region] === 0) this.firstTaken[region] = sharedNow();
      Atomics.store(this.table, REGION_INTS * region + NEXT, next + 1);
      return next;
    });
  }

  /**
   * Takes the files of a region from `split(next, end, startedAt)` to its end: `split` says
   * where, given the files still left, `[next, end)`, and when the region's owner took its
   * first file ({@link sharedNow}; 0 before). Returns the run taken, or undefined when `split`
   * leaves none (it gets no say outside `[next, end]`).
   */
  takeBack(
    region: number,
    split: (next: number, end: number, startedAt: number) => number,
  ): readonly [number, number] | undefined {
    return this.locked(region, (next, end, startedAt) => {
      const from = Math.min(end, Math.max(next, split(next, end, startedAt)));
      if (from >= end) return undefined;
      Atomics.store(this.table, REGION_INTS * region + END, from);
      return [from, end] as const;
    });
  }

  /** The files of a region still left, `[next, end)`, at this moment. */
  left(region: number): readonly [number, number] {
    return this.locked(region, (next, end) => [next, end] as const);
  }
}

/**
 * The listed files' bytes in one shared buffer, a slot each: the size listed and one byte
 * more (which tells a file that grew, read into a buffer of its own instead).
 */
export class FileSlots {
  /**
   * @param starts - where each file's slot starts, plus the end (see {@link FileSlots.of})
   * @param buffer - the slots, shared by the threads
   */
  constructor(
    readonly starts: Float64Array,
    readonly buffer: SharedArrayBuffer,
  ) {}

  /** Empty slots for listed files. */
  static of(files: readonly ListedFile[]): FileSlots {
    const starts = new Float64Array(files.length + 1);
    files.forEach((file, i) => {
      starts[i + 1] = (starts[i] as number) + Number(file.stamp.size) + 1;
    });
    return new FileSlots(starts, new SharedArrayBuffer(starts[files.length] as number));
  }

  /** Bytes listed (with a byte a file) from file `from` to file `to` (excluded). */
  bytes(from: number, to: number): number {
    return (this.starts[to] as number) - (this.starts[from] as number);
  }

  /**
   * Reads listed file `i` into its slot (or into a buffer of its own when it grew), as
   * `readListedFile` reads it; a file in `known` (read already) is not read again.
   */
  read(
    dir: string,
    file: ListedFile,
    i: number,
    maxFileBytes: number,
    known: ReadonlyMap<string, FileRead>,
  ): FileRead | ArticleError {
    const read = known.get(file.name);
    if (read) return read;
    const at = this.starts[i] as number;
    const room = Buffer.from(this.buffer, at, (this.starts[i + 1] as number) - at);
    return (
      readListedFileInto(dir, file, maxFileBytes, room) ?? readListedFile(dir, file, maxFileBytes)
    );
  }

  /** Whether `bytes` lie in slot `i` (else they were read elsewhere). */
  holds(i: number, bytes: Uint8Array): boolean {
    return bytes.buffer === this.buffer && bytes.byteOffset === this.starts[i];
  }
}

/** A file a thread took and read: its place in the listing, name, stamp and bytes. */
export interface TakenFile {
  readonly index: number;
  readonly name: string;
  readonly bytes: Buffer;
  readonly stamp: FileStamp;
}

/** What a thread read of the files it took, in order: those read, and those left out. */
export interface TakenReads {
  readonly files: TakenFile[];
  readonly skipped: ArticleError[];
}

/**
 * The files a thread takes, read one at a time as the build asks for the next: `take` gives
 * the next file's index in the listing (-1 when done) and `fileAt` the listed file there.
 * What was read, or left out and why, is added to `reads`.
 */
export function* takenFiles(
  take: () => number,
  fileAt: (index: number) => ListedFile,
  read: (file: ListedFile, index: number) => FileRead | ArticleError,
  reads: TakenReads,
): Generator<TakenFile> {
  for (let index = take(); index >= 0; index = take()) {
    const file = fileAt(index);
    const result = read(file, index);
    if (result instanceof ArticleError) {
      reads.skipped.push(result);
      continue;
    }
    const taken = { index, name: file.name, bytes: result.bytes, stamp: result.stamp };
    reads.files.push(taken);
    yield taken;
  }
}
