import { randomBytes } from "node:crypto";
import path from "node:path";
import { ArticleError, CitationIndex } from "../core/index.ts";
import { DEFAULT_CACHE_DIR } from "../paths.ts";
import { decodeIndex } from "./index-codec.ts";
import { LibraryError } from "./load.ts";
import { rankingOf, type Corpus, type OpenCorpusOptions } from "./open.ts";
import { INDEX_FORMAT } from "./store.ts";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.ts";
import { crashError, workerOutcome } from "./worker-outcome.ts";
import { startWorker } from "./start-worker.ts";
import { PARALLEL_BUILD } from "./build-threads.ts";

/**
 * The encoded form of corpora opened in a worker (their saved index's format and the key it
 * is signed with), kept while the corpus lives: a server's index is built in a worker over
 * exactly these articles (`server-index-in-worker.ts`) by handing over a copy of the bytes.
 */
const encodedCorpora = new WeakMap<Corpus, { bytes: Uint8Array; key: Uint8Array }>();

/** The encoded form of a corpus opened by {@link openCorpusInWorker}; undefined for others. */
export function encodedOf(corpus: Corpus): { bytes: Uint8Array; key: Uint8Array } | undefined {
  return encodedCorpora.get(corpus);
}

/**
 * {@link openCorpus} in a worker thread: reading the folder, parsing, indexing and saving
 * the index happen there; this thread only decodes the result (the saved index's format,
 * handed over without a copy) and builds the ranker over it. Meanwhile this thread keeps
 * answering from whatever corpus it holds.
 *
 * @throws LibraryError as openCorpus does; any other failure of the worker as an Error.
 */
export function openCorpusInWorker(
  dir: string,
  options: Omit<OpenCorpusOptions, "onProgress" | "clock"> = {},
): Promise<Corpus> {
  const key = new Uint8Array(randomBytes(32));
  const request: WorkerRequest = {
    dir,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
    key,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.strict === undefined ? {} : { strict: options.strict }),
    ...(options.buildWorkers === undefined ? {} : { buildWorkers: options.buildWorkers }),
  };
  // It builds the index when the folder changed, as the calling thread of a parallel build.
  const worker = startWorker("reload-worker", request, [], {
    maxYoungGenerationSizeMb: PARALLEL_BUILD.workerYoungGenerationMb,
  });
  // A reload in progress never keeps the process from exiting on a signal.
  worker.unref();
  let resolveSaved: (failure: string | undefined) => void = () => undefined;
  const saved = new Promise<string | undefined>((resolve) => (resolveSaved = resolve));
  // A worker gone before its "saved" news (or failed before "ready") saved nothing to report.
  worker.on("exit", () => resolveSaved(undefined));
  return workerOutcome(worker, "the loading worker", (reply: WorkerReply): Corpus | undefined => {
    switch (reply.kind) {
      case "ready": {
        const bytes = new Uint8Array(reply.encoded);
        const content = decodeIndex(bytes, INDEX_FORMAT, reply.key);
        const index = new CitationIndex(content.articles, rankingOf(options), content.data);
        const corpus: Corpus = {
          dir: path.resolve(dir),
          index,
          problems: content.problems.map(({ file, problem }) => new ArticleError(file, problem)),
          fromSavedIndex: reply.fromSavedIndex,
          saved,
          warnings: reply.warnings,
          filesRead: reply.filesRead,
        };
        encodedCorpora.set(corpus, { bytes, key: reply.key });
        return corpus;
      }
      case "saved":
        resolveSaved(reply.failure);
        return undefined;
      case "library-error":
        throw new LibraryError(
          reply.message,
          reply.problems.map(({ file, problem }) => new ArticleError(file, problem)),
        );
      case "crashed":
        throw crashError("loading the articles", reply);
    }
  });
}
