/**
 * The worker thread of `buildServerCorpusInWorker` (`server-index-in-worker.ts`): decodes the
 * shared articles the bot's thread holds, reads the server's added articles, builds the index
 * over both and sends it back encoded with the saved index's codec, in a buffer handed over
 * without a copy.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildIndexData } from "../core/index.ts";
import { decodeIndex, encodeIndex } from "./index-codec.ts";
import { LibraryError } from "./load.ts";
import { readServerArticles } from "./server-corpus.ts";
import type { ServerWorkerReply, ServerWorkerRequest } from "./server-index-in-worker.ts";
import { INDEX_FORMAT } from "./store.ts";

const request = workerData as ServerWorkerRequest;

function send(reply: ServerWorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(reply, transfer);
}

try {
  const shared = decodeIndex(request.shared, INDEX_FORMAT, request.sharedKey);
  const sharedIds = new Set(shared.articles.map((article) => article.id));
  const { own, problems } = await readServerArticles((id) => sharedIds.has(id), request.build);
  const articles = [...shared.articles, ...own];
  const bytes = encodeIndex(
    {
      fingerprint: "",
      articles,
      problems: [...shared.problems, ...problems.map(({ file, problem }) => ({ file, problem }))],
      data: buildIndexData(articles),
    },
    INDEX_FORMAT,
    request.key,
  );
  const encoded = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  send(
    { kind: "built", encoded, problems: problems.map(({ file, problem }) => ({ file, problem })) },
    [encoded],
  );
} catch (error) {
  send(
    error instanceof LibraryError
      ? { kind: "unreadable", message: error.message }
      : {
          kind: "crashed",
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        },
  );
}
