/**
 * The worker thread of {@link openCorpusInWorker} (`open-in-worker.ts`): opens a corpus with
 * the public {@link openCorpus} (reading the folder, using or building and saving the index)
 * and sends it back encoded with the saved index's codec, in a buffer handed over without a
 * copy. The bot's own thread only decodes it, so answers keep flowing while this works. With
 * a cache folder the corpus is sent as its saved index itself (the file served, read whole,
 * or the one built, once written): encoding the archive's index costs seconds of CPU, and it
 * used to be done here again for the bot's thread (twice for a corpus built here).
 */
import { parentPort, workerData } from "node:worker_threads";
import { INDEX_FORMAT } from "./store.ts";
import { encodeIndex } from "./index-codec.ts";
import { LibraryError } from "./load.ts";
import { openCorpus } from "./open.ts";
import type { WorkerReply, WorkerRequest } from "./worker-protocol.ts";

const request = workerData as WorkerRequest;
const port = parentPort;

function send(reply: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(reply, transfer);
}

/** The bytes of a buffer as an ArrayBuffer of their own (transferable without taking others' memory). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return bytes.buffer as ArrayBuffer;
  }
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

try {
  // The corpus is not encoded here when there is a saved index: what is sent is the saved
  // index itself (read whole from the file opened, or the bytes of the one built, once written).
  let savedIndex: { readonly bytes: Uint8Array; readonly key: Uint8Array } | undefined;
  const corpus = await openCorpus(request.dir, {
    onSavedBytes: (bytes, key) => (savedIndex = { bytes, key }),
    // Only the bytes are sent: the index built is not decoded here (the bot's thread does).
    keepBuilt: true,
    cacheDir: request.cacheDir,
    ...(request.limits ? { limits: request.limits } : {}),
    ...(request.strict === undefined ? {} : { strict: request.strict }),
    ...(request.buildWorkers === undefined ? {} : { buildWorkers: request.buildWorkers }),
    // The bot's thread ranks; no synonyms are read here.
    ranking: { synonyms: null },
  });
  // A built index's bytes are handed over (their buffer moved) only once they are written; a
  // served one's at once: its `saved` only writes its files' stamps into the file, from the
  // bytes it checked, not these (`restamp.ts`), and ready waits for no write.
  const failure = corpus.fromSavedIndex ? undefined : await corpus.saved;
  const sent = (savedIndex as typeof savedIndex) ?? {
    bytes: encodeIndex(
      {
        fingerprint: "",
        articles: corpus.index.articles,
        problems: corpus.problems.map(({ file, problem }) => ({ file, problem })),
        data: corpus.index.indexData,
      },
      INDEX_FORMAT,
      request.key,
    ),
    key: request.key,
  };
  const encoded = ownBuffer(sent.bytes);
  send(
    {
      kind: "ready",
      encoded,
      key: sent.key,
      fromSavedIndex: corpus.fromSavedIndex,
      warnings: [...corpus.warnings],
      filesRead: corpus.filesRead,
    },
    [encoded],
  );
  send({ kind: "saved", failure: corpus.fromSavedIndex ? await corpus.saved : failure });
} catch (error) {
  send(
    error instanceof LibraryError
      ? {
          kind: "library-error",
          message: error.message,
          problems: error.problems.map(({ file, problem }) => ({ file, problem })),
        }
      : {
          kind: "crashed",
          message: error instanceof Error ? error.message : String(error),
          stack: error instanceof Error ? error.stack : undefined,
        },
  );
}
