import { randomBytes } from "node:crypto";
import type { IndexData } from "../core/index.ts";
import { ArticleError, type Article } from "../core/index.ts";
import { buildStreamed, streamedChunk } from "./chunk-build.ts";
import { partsSource } from "./detached.ts";
import { ContainerWriter, ContainerReader } from "./binary.ts";
import { encodeChunkArticles, mergeIndexData, receivedChunk, type Chunk } from "./chunk-merge.ts";
import {
  decodeContent,
  encodeHead,
  encodeIndexData,
  encodeProblems,
  type SavedFile,
} from "./index-codec.ts";
import { PARALLEL_BUILD } from "./build-threads.ts";
import type { LoadLimits } from "./limits.ts";
import type { FileRead } from "./file-read.ts";
import type { FileStamp, FolderListing, ListedFile } from "./listing.ts";
import { readListing, type ArticleFile, type FolderRead } from "./load.ts";
import type { ProblemRecord } from "./worker-protocol.ts";
import { startWorker } from "./open-in-worker.ts";
import { INDEX_FORMAT } from "./store.ts";
import { crashError, workerOutcome } from "./worker-outcome.ts";

/** What the calling thread sends a build worker (`build-worker.ts`) as its `workerData`. */
export interface BuildRequest {
  readonly dir: string;
  /** The chunk's files as listed, in order: the worker reads them itself. */
  readonly files: readonly ListedFile[];
  /** Files of the chunk already read (while a saved index was checked): not read again. */
  readonly known: readonly KnownFile[];
  /** How much a file may hold (`readListing`'s limits). */
  readonly limits: LoadLimits;
  /** Signs the chunk on its way back: a key made for this one build. */
  readonly key: Uint8Array;
}

/** A file read before the build, as it crosses threads. */
export interface KnownFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly stamp: FileStamp;
}

/** The files a worker read, handed back for the saved index's digests and stamps. */
export interface ChunkFiles {
  /** The files read, in order. */
  readonly names: readonly string[];
  readonly stamps: readonly FileStamp[];
  /** Their bytes back to back (one buffer, handed over without a copy) ... */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** ... and where each file's start, plus the end. */
  readonly offsets: Int32Array<ArrayBuffer>;
  /** Files left out while reading (changed, unreadable). */
  readonly skipped: readonly ProblemRecord[];
}

/** What a build worker sends back: its chunk in the saved index's format and its files, or why it failed. */
export type BuildReply =
  | {
      readonly kind: "built";
      /** Its container in parts (`ContainerWriter.finishParts`), each in a buffer handed over. */
      readonly signed: Uint8Array;
      readonly detached: readonly Uint8Array[];
      readonly files: ChunkFiles;
    }
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
 * Consecutive runs of listed files, one a thread: the first (this thread's) `weight` times the
 * bytes of each of the others.
 */
function chunksOf(files: readonly ListedFile[], count: number, weight: number): ListedFile[][] {
  const sizes = files.map((file) => Number(file.stamp.size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  // Where each chunk ends, as a share of the bytes: weight, then 1 for each of the others.
  const shares = weight + count - 1;
  const chunks: ListedFile[][] = [];
  let start = 0;
  let bytes = 0;
  sizes.forEach((size, i) => {
    bytes += size;
    const end = (total * (weight + chunks.length)) / shares;
    if (bytes >= end && chunks.length < count - 1) {
      chunks.push(files.slice(start, i + 1));
      start = i + 1;
    }
  });
  chunks.push(files.slice(start));
  return chunks.filter((chunk) => chunk.length > 0);
}

/** A worker's files as the calling thread holds read files: views of the buffer it sent back. */
function readFilesOf(files: ChunkFiles): ArticleFile[] {
  const { buffer, byteOffset } = files.bytes;
  return files.names.map((name, i) => {
    const start = files.offsets[i] as number;
    const bytes = Buffer.from(buffer, byteOffset + start, (files.offsets[i + 1] as number) - start);
    return { name, bytes, stamp: files.stamps[i] as FileStamp };
  });
}

/** One chunk read and built in a worker, read back and checked. */
function buildChunk(
  dir: string,
  files: readonly ListedFile[],
  known: ReadonlyMap<string, FileRead>,
  limits: LoadLimits,
  key: Uint8Array,
): Promise<{ chunk: Chunk; files: ChunkFiles }> {
  const request: BuildRequest = {
    dir,
    files,
    known: files.flatMap((file) => {
      const read = known.get(file.name);
      return read ? [{ name: file.name, bytes: read.bytes, stamp: read.stamp }] : [];
    }),
    limits,
    key,
  };
  const worker = startWorker("build-worker", request);
  return workerOutcome(worker, "a build worker", (reply: BuildReply) => {
    if (reply.kind === "crashed") throw crashError("building the index", reply);
    const source = partsSource(reply.signed, reply.detached);
    const reader = new ContainerReader(source, INDEX_FORMAT, key);
    return { chunk: receivedChunk(reader, decodeContent(reader)), files: reply.files };
  });
}

/**
 * One chunk built in this thread, as a build worker builds its own (`build-worker.ts`), while
 * the workers build theirs: no worker to start, and no index data encoded or decoded to join
 * it. Its articles are encoded as they are built (`chunk-build.ts`) and read back as a
 * worker's are, their texts decoded when first read.
 */
function buildHere(read: FolderRead, key: Uint8Array): Chunk {
  return streamedChunk(buildStreamed(read.dir, read.files), key);
}

/**
 * Reads, parses and indexes a folder's listed files in `workers` worker threads and this one,
 * each a consecutive chunk (this thread the first, {@link PARALLEL_BUILD}'s `ownChunkWeight`
 * times a worker's), and joins the chunks: the same files read, articles, problems and index
 * as one build in this thread (`readListing`, then `chunk-merge.ts`), with the articles' texts
 * of the workers' chunks decoded only when read. The workers start before this thread reads
 * its own files, so that their start (loading the modules) and their reading overlap it.
 * `known` holds files already read (by name), which are not read again.
 */
export async function buildInWorkers(
  listing: FolderListing,
  limits: LoadLimits,
  known: ReadonlyMap<string, FileRead>,
  workers: number,
  onProgress?: (done: number) => void,
): Promise<ParallelBuild> {
  const key = new Uint8Array(randomBytes(32));
  let done = 0;
  const counted = (chunk: Chunk) => {
    done += chunk.content.articles.length;
    onProgress?.(done);
    return chunk;
  };
  const threads = Math.min(workers, PARALLEL_BUILD.maxWorkers) + 1;
  const [own = [], ...others] = chunksOf(listing.files, threads, PARALLEL_BUILD.ownChunkWeight);
  const built = Promise.all(
    others.map((files) =>
      buildChunk(listing.dir, files, known, limits, key).then((outcome) => {
        counted(outcome.chunk);
        return outcome;
      }),
    ),
  );
  // Should this thread's chunk fail, a worker's later failure is not left unhandled.
  built.catch(() => undefined);
  const ownRead = readListing({ dir: listing.dir, files: own, skipped: [] }, limits, known);
  const here = counted(buildHere(ownRead, key));
  const received = await built;
  const chunks = [here, ...received.map((outcome) => outcome.chunk)];
  const data = mergeIndexData(chunks);
  const skipped = [
    ...listing.skipped,
    ...ownRead.skipped,
    ...received.flatMap(({ files }) =>
      files.skipped.map(({ file, problem }) => new ArticleError(file, problem)),
    ),
  ];
  // As readListing orders them.
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  const read: FolderRead = {
    dir: listing.dir,
    files: [...ownRead.files, ...received.flatMap(({ files }) => readFilesOf(files))],
    skipped,
  };
  return {
    read,
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
