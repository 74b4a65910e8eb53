import { randomBytes } from "node:crypto";
import { ArticleError, CitationIndex } from "../core/index.ts";
import { decodeIndex } from "./index-codec.ts";
import { LibraryError } from "./load.ts";
import type { Corpus } from "./open.ts";
import { encodedOf } from "./open-in-worker.ts";
import { startWorker } from "./start-worker.ts";
import {
  buildServerCorpus,
  serverCorpus,
  type ServerBuildRequest,
  type ServerBuildResult,
} from "./server-corpus.ts";
import { INDEX_FORMAT } from "./store.ts";
import type { ProblemRecord } from "./worker-protocol.ts";
import { crashError, workerOutcome } from "./worker-outcome.ts";

/** What the bot's thread sends the server-index worker (structured-cloned as its `workerData`). */
export interface ServerWorkerRequest {
  /** The shared corpus exactly as this thread holds it, encoded (a copy of its bytes). */
  readonly shared: Uint8Array;
  /** The key those bytes are signed with. */
  readonly sharedKey: Uint8Array;
  readonly build: ServerBuildRequest;
  /** Signs the server's encoded index on its way back: a key made for this one transfer. */
  readonly key: Uint8Array;
}

/** What the worker sends back: one of these. */
export type ServerWorkerReply =
  | {
      readonly kind: "built";
      /** The server's corpus (shared and own articles) in the saved index's format. */
      readonly encoded: ArrayBuffer;
      /** The server's own files that were skipped. */
      readonly problems: readonly ProblemRecord[];
    }
  | { readonly kind: "unreadable"; readonly message: string }
  | { readonly kind: "crashed"; readonly message: string; readonly stack: string | undefined };

const toErrors = (records: readonly ProblemRecord[]): ArticleError[] =>
  records.map(({ file, problem }) => new ArticleError(file, problem));

/**
 * {@link buildServerCorpus} in a worker thread: reading the server's files and building the
 * index over the shared articles and them (as long as building the shared index) happen there,
 * over the very shared articles this thread holds (handed over in their encoded form); this
 * thread only decodes the result and builds the ranker over it, answering meanwhile. A shared
 * corpus that was not opened in a worker has no encoded form: it is built here then.
 */
export function buildServerCorpusInWorker(
  shared: Corpus,
  request: ServerBuildRequest,
): Promise<ServerBuildResult> {
  const encoded = encodedOf(shared);
  if (!encoded) return buildServerCorpus(shared, request);
  const key = new Uint8Array(randomBytes(32));
  const message: ServerWorkerRequest = {
    shared: encoded.bytes,
    sharedKey: encoded.key,
    build: request,
    key,
  };
  const worker = startWorker("server-index-worker", message);
  // A build in progress never keeps the process from exiting on a signal.
  worker.unref();
  return workerOutcome(
    worker,
    "the server-index worker",
    (reply: ServerWorkerReply): ServerBuildResult => {
      switch (reply.kind) {
        case "built": {
          const content = decodeIndex(new Uint8Array(reply.encoded), INDEX_FORMAT, key);
          const index = new CitationIndex(content.articles, shared.index.options, content.data);
          return {
            kind: "built",
            corpus: serverCorpus(request, index, toErrors(content.problems)),
            problems: toErrors(reply.problems),
          };
        }
        case "unreadable":
          return { kind: "unreadable", error: new LibraryError(reply.message) };
        case "crashed":
          throw crashError("building a server's index", reply);
      }
    },
  );
}
