import { randomBytes } from "node:crypto";
import type { MessagePort } from "node:worker_threads";
import type { IndexData } from "../core/index.ts";
import { ArticleError, type Article } from "../core/index.ts";
import { buildStreamed, streamedChunk } from "./chunk-build.ts";
import { ContainerWriter } from "./binary.ts";
import { encodeChunkArticles, mergeIndexData } from "./chunk-merge.ts";
import { encodeHead, encodeIndexData, encodeProblems, type SavedFile } from "./index-codec.ts";
import { PARALLEL_BUILD } from "./build-threads.ts";
import { rateOf, regionsOf, run, takeFromOthers, type BuildTuning } from "./work-split.ts";
import type { LoadLimits } from "./limits.ts";
import type { FileRead } from "./file-read.ts";
import type { FileStamp, FolderListing, ListedFile } from "./listing.ts";
import type { FolderRead } from "./load.ts";
import { ClaimTable, FileSlots, sharedNow, takenFiles, type TakenReads } from "./build-claims.ts";
import type { ProblemRecord } from "./worker-protocol.ts";
import { INDEX_FORMAT } from "./store.ts";
import { startBuildWorker, type BuiltChunk } from "./worker-chunks.ts";

/** What the calling thread sends a build worker (`build-worker.ts`) as its `workerData`. */
export interface BuildRequest {
  readonly dir: string;
  /** The listed files, in order: the worker builds its region's and may take others' last. */
  readonly files: readonly ListedFile[];
  /** Every thread's region of the listing, `[start, end)` (the calling thread's first). */
  readonly regions: readonly (readonly [number, number])[];
  /** The worker's region, its row in the claims (`ClaimTable`, shared). */
  readonly region: number;
  readonly claims: SharedArrayBuffer;
  /** How the threads share the work out. */
  readonly tuning: BuildTuning;
  /** The files' slots (`FileSlots`, shared): where each starts, and the buffer. */
  readonly starts: Float64Array;
  readonly slots: SharedArrayBuffer;
  /** Files of the region already read (while a saved index was checked): not read again. */
  readonly known: readonly KnownFile[];
  /** How much a file may hold (`readListing`'s limits). */
  readonly limits: LoadLimits;
  /** Signs the chunk on its way back: a key made for this one build. */
  readonly key: Uint8Array;
  /** Where each chunk goes back as soon as it is built (a {@link SentChunk} a message). */
  readonly chunkPort: MessagePort;
}

/** A file read before the build, as it crosses threads. */
export interface KnownFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly stamp: FileStamp;
}

/** The files a worker took, for the saved index's digests and stamps. */
export interface ChunkFiles {
  /**
   * The files read, in order: their place in the listing and length, their bytes in their slot
   * of the shared buffer or, for a file read elsewhere (known, or grown), a copy here.
   */
  readonly files: readonly {
    readonly index: number;
    readonly name: string;
    readonly stamp: FileStamp;
    readonly length: number;
    readonly bytes?: Uint8Array;
  }[];
  /** Files left out while reading (changed, unreadable). */
  readonly skipped: readonly ProblemRecord[];
}

/** A chunk a worker built, in the saved index's format, where it starts in the listing and its files. */
export interface SentChunk {
  readonly start: number;
  /** Its container in parts (`ContainerWriter.finishParts`), each in a buffer handed over. */
  readonly signed: Uint8Array;
  readonly detached: readonly Uint8Array[];
  readonly files: ChunkFiles;
}

/**
 * What a build worker sends back when done: how many chunks it sent on its `chunkPort` (its
 * region's, then runs it took), or why it failed.
 */
export type BuildReply =
  | { readonly kind: "built"; readonly chunks: number }
  | { readonly kind: "crashed"; readonly message: string; readonly stack: string | undefined };

/** A folder built in workers: what one build makes, and its saved index's bytes when asked. */
export interface ParallelBuild {
  /** The folder's files as read (by this thread and the workers), as `readListing` gives them. */
  readonly read: FolderRead;
  readonly articles: Article[];
  /** Files that did not parse, unsorted (the caller adds those skipped while reading). */
  readonly problems: ArticleError[];
  readonly data: IndexData;
  /** The saved index of this build, signed with `key`: the bytes one build's `encodeIndex` writes. */
  encode(
    fingerprint: string,
    files: readonly SavedFile[],
    problems: readonly ArticleError[],
    key: Uint8Array,
  ): Buffer;
}

/**
 * Files built in this thread, as a build worker builds its own (`build-worker.ts`): no worker
 * to start, and no index data encoded or decoded to join it. Its articles are encoded as they
 * are built (`chunk-build.ts`) and read back as a worker's are, their texts decoded when first
 * read. `take` gives the next file's index in the listing, -1 when done.
 */
function buildHere(
  listing: FolderListing,
  start: number,
  take: () => number,
  expectedBytes: number,
  read: (file: ListedFile, index: number) => FileRead | ArticleError,
  key: Uint8Array,
): BuiltChunk {
  const reads: TakenReads = { files: [], skipped: [] };
  const files = takenFiles(take, (i) => listing.files[i] as ListedFile, read, reads);
  const chunk = streamedChunk(buildStreamed(listing.dir, files, expectedBytes), key);
  return { start, chunk, reads };
}

/**
 * Reads, parses and indexes a folder's listed files in `workers` worker threads and this one,
 * each a consecutive region (this thread the first, {@link PARALLEL_BUILD}'s `ownChunkWeight`
 * times a worker's), and joins the chunks: the same files read, articles, problems and index
 * as one build in this thread (`readListing`, then `chunk-merge.ts`), with the articles' texts
 * of the workers' chunks decoded only when read. Each thread takes its region's files one at
 * a time and reads them into their slots of one shared buffer (`build-claims.ts`); once its own
 * region is built, each takes runs of files from the back of another's region, each run a
 * chunk of its own, sized so that both finish together at the rates seen so far
 * (`work-split.ts`), while that pays: no thread waits for another because it was given too
 * little, whatever else runs on the cores. A worker sends each chunk back once built, and this
 * thread reads it back between its own files (`worker-chunks.ts`), not after them. `known` holds files already read (by name), which
 * are not read again (a worker that takes files of this thread's region reads them);
 * `tuning` is {@link PARALLEL_BUILD} but in tests.
 */
export async function buildInWorkers(
  listing: FolderListing,
  limits: LoadLimits,
  known: ReadonlyMap<string, FileRead>,
  workers: number,
  onProgress?: (done: number) => void,
  tuning: BuildTuning = PARALLEL_BUILD,
): Promise<ParallelBuild> {
  const key = new Uint8Array(randomBytes(32));
  let done = 0;
  const counted = (built: BuiltChunk) => {
    done += built.chunk.content.articles.length;
    onProgress?.(done);
    return built;
  };
  const threads = Math.min(workers, tuning.maxWorkers) + 1;
  const regions = regionsOf(listing.files, threads, tuning.ownChunkWeight);
  const claims = ClaimTable.create(regions);
  const slots = FileSlots.of(listing.files);
  const workerChunks = regions.slice(1).map((_, w) =>
    startBuildWorker(
      {
        dir: listing.dir,
        files: listing.files,
        regions,
        region: w + 1,
        claims: claims.buffer,
        tuning,
        starts: slots.starts,
        slots: slots.buffer,
        limits,
        key,
      },
      known,
      slots,
      counted,
    ),
  );
  const built = Promise.all(workerChunks.map(({ done }) => done));
  // Should this thread's chunk fail, a worker's later failure is not left unhandled.
  built.catch(() => undefined);
  const read = (file: ListedFile, index: number) =>
    slots.read(listing.dir, file, index, limits.maxFileBytes, known);
  // This thread's region from the front, then runs from the back of the workers' regions.
  let builtBytes = 0;
  const counting = (take: () => number) => () => {
    for (const worker of workerChunks) worker.receive();
    const index = take();
    if (index >= 0) builtBytes += slots.bytes(index, index + 1);
    return index;
  };
  const [ownStart, ownEnd] = regions[0] as readonly [number, number];
  const began = sharedNow();
  const here = [
    counted(
      buildHere(
        listing,
        ownStart,
        counting(() => claims.takeNext(0)),
        slots.bytes(ownStart, ownEnd),
        read,
        key,
      ),
    ),
  ];
  for (;;) {
    const rate = rateOf(builtBytes, sharedNow() - began);
    const taken = takeFromOthers(claims, regions, slots, 0, rate, tuning);
    if (!taken) break;
    const [from, to] = taken;
    here.push(
      counted(buildHere(listing, from, counting(run(from, to)), slots.bytes(from, to), read, key)),
    );
  }
  const received = await built;
  const ordered = [...here, ...received.flat()]
    .filter((b) => b.reads.files.length + b.reads.skipped.length > 0)
    .sort((a, b) => a.start - b.start);
  const chunks = ordered.map((b) => b.chunk);
  const data = mergeIndexData(chunks);
  const skipped = [...listing.skipped, ...ordered.flatMap((b) => b.reads.skipped)];
  // As readListing orders them.
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  const folder: FolderRead = {
    dir: listing.dir,
    files: ordered.flatMap((b) =>
      b.reads.files.map(({ name, bytes, stamp }) => ({ name, bytes, stamp })),
    ),
    skipped,
  };
  return {
    read: folder,
    articles: chunks.flatMap((chunk) => chunk.content.articles),
    problems: chunks.flatMap((chunk) =>
      chunk.content.problems.map(({ file, problem }) => new ArticleError(file, problem)),
    ),
    data,
    encode(fingerprint, files, problems, saveKey) {
      const writer = new ContainerWriter(INDEX_FORMAT);
      encodeHead(writer, fingerprint, files);
      encodeChunkArticles(writer, chunks);
      encodeProblems(writer, problems);
      encodeIndexData(writer, data);
      return writer.finish(saveKey);
    },
  };
}
