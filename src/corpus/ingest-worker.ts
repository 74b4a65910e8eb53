/**
 * The worker thread of {@link ingestInWorker} (`ingest-in-worker.ts`): reads one uploaded file
 * or fetched page as an article with {@link ingestArticle}, off the bot's thread, since
 * Readability may take seconds over a hostile page.
 */
import { parentPort, workerData } from "node:worker_threads";
import { IngestRefused, ingestArticle, type IngestInput } from "./ingest.ts";
import type { IngestReply } from "./ingest-in-worker.ts";

const port = parentPort;
let reply: IngestReply;
try {
  reply = { ok: true, ingested: ingestArticle(workerData as IngestInput) };
} catch (error) {
  reply =
    error instanceof IngestRefused
      ? { ok: false, refused: error.message }
      : { ok: false, failed: error instanceof Error ? error.message : String(error) };
}
port?.postMessage(reply);
