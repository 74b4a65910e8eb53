import { randomBytes } from "node:crypto";
import path from "node:path";
import type { IndexData } from "../core/index.ts";
import { ArticleError, buildIndexData, parseArticle, type Article } from "../core/index.ts";
import { encodeArticles } from "./article-codec.ts";
import { ContainerWriter, ContainerReader } from "./binary.ts";
import {
  checkMergedLayout,
  encodeChunkArticles,
  localChunk,
  mergeIndexData,
  receivedChunk,
  type Chunk,
} from "./chunk-merge.ts";
import {
  decodeContent,
  encodeHead,
  encodeIndexData,
  encodeProblems,
  type SavedFile,
} from "./index-codec.ts";
import { PARALLEL_BUILD } from "./build-threads.ts";
import type { FolderRead } from "./load.ts";
import { startWorker } from "./open-in-worker.ts";
import { INDEX_FORMAT } from "./store.ts";
import { crashError, workerOutcome } from "./worker-outcome.ts";

/** What the calling thread sends a build worker (`build-worker.ts`) as its `workerData`. */
export interface BuildRequest {
  readonly dir: string;
  /** The chunk's file names, in order. */
  readonly names: readonly string[];
  /** Their bytes back to back (one buffer, handed over without a copy) ... */
  readonly bytes: Uint8Array;
  /** ... and where each file's start, plus the end. */
  readonly offsets: Int32Array;
  /** Signs the chunk on its way back: a key made for this one build. */
  readonly key: Uint8Array;
}

/** What a build worker sends back: its chunk in the saved index's format, or why it failed. */
export type BuildReply =
  | { readonly kind: "built"; readonly encoded: ArrayBuffer }
  | { readonly kind: "crashed"; readonly message: string; readonly stack: string | undefined };

/** A folder built in workers: what one build makes, and its saved index's bytes when asked. */
export interface ParallelBuild {
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

/** Consecutive runs of files of about equal bytes, one a worker. */
function chunksOf(read: FolderRead, count: number): FolderRead["files"][] {
  const total = read.files.reduce((sum, file) => sum + file.bytes.length, 0);
  const chunks: FolderRead["files"][] = [];
  let start = 0;
  let bytes = 0;
  read.files.forEach((file, i) => {
    bytes += file.bytes.length;
    if (bytes >= (total * (chunks.length + 1)) / count && chunks.length < count - 1) {
      chunks.push(read.files.slice(start, i + 1));
      start = i + 1;
    }
  });
  chunks.push(read.files.slice(start));
  return chunks.filter((chunk) => chunk.length > 0);
}

/** One chunk built in a worker, read back and checked. */
function buildChunk(dir: string, files: FolderRead["files"], key: Uint8Array): Promise<Chunk> {
  const offsets = new Int32Array(files.length + 1);
  files.forEach((file, i) => (offsets[i + 1] = (offsets[i] as number) + file.bytes.length));
  const bytes = new Uint8Array(offsets[files.length] as number);
  files.forEach((file, i) => bytes.set(file.bytes, offsets[i]));
  const request: BuildRequest = {
    dir,
    names: files.map((file) => file.name),
    bytes,
    offsets,
    key,
  };
  const worker = startWorker("build-worker", request, [bytes.buffer, offsets.buffer]);
  return workerOutcome(worker, "a build worker", (reply: BuildReply) => {
    if (reply.kind === "crashed") throw crashError("building the index", reply);
    const reader = new ContainerReader(new Uint8Array(reply.encoded), INDEX_FORMAT, key);
    return receivedChunk(reader, decodeContent(reader));
  });
}

/**
 * One chunk built in this thread, as a build worker builds its own (`build-worker.ts`), while
 * the workers build theirs: no copy of its files, no worker to start, nothing encoded or
 * decoded to join it (its articles' sections are encoded only when the index is saved).
 */
function buildHere(dir: string, files: FolderRead["files"], key: Uint8Array): Chunk {
  const articles: Article[] = [];
  const problems: { file: string; problem: string }[] = [];
  for (const file of files) {
    try {
      articles.push(parseArticle(path.join(dir, file.name), file.bytes));
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      problems.push({ file: error.file, problem: error.problem });
    }
  }
  return localChunk({ articles, problems, data: buildIndexData(articles) }, (built) => {
    const writer = new ContainerWriter(INDEX_FORMAT);
    encodeArticles(writer, built);
    return new ContainerReader(writer.finish(key), INDEX_FORMAT, key);
  });
}

/**
 * Parses and indexes a folder's files in `workers` worker threads and this one, each a
 * consecutive chunk (this thread the first), and joins the chunks: the same articles,
 * problems and index as one build in this thread (`chunk-merge.ts`), with the articles' texts
 * of the workers' chunks decoded only when read.
 */
export async function buildInWorkers(
  read: FolderRead,
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
  const [own = [], ...others] = chunksOf(read, Math.min(workers, PARALLEL_BUILD.maxWorkers) + 1);
  // The workers start now and run while this thread builds the first chunk.
  const built = Promise.all(others.map((files) => buildChunk(read.dir, files, key).then(counted)));
  // Should this thread's chunk fail, a worker's later failure is not left unhandled.
  built.catch(() => undefined);
  const chunks = [counted(buildHere(read.dir, own, key)), ...(await built)];
  const data = mergeIndexData(chunks);
  checkMergedLayout(chunks, data);
  return {
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
