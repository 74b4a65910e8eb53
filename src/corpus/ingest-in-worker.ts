import { IngestRefused, type IngestInput, type Ingested } from "./ingest.ts";
import { startWorker } from "./start-worker.ts";

/** Tuning of reading an added article in a worker thread. */
export const INGEST_WORKER = Object.freeze({
  /**
   * Longest a page may take to read, in milliseconds: an article's page takes well under a
   * second, a flat 2 MB page of hostile markup 15 to 20 s of Readability.
   */
  timeoutMs: 10_000,
});

/** What the worker sends back: the article, or why it was refused, or what went wrong. */
export type IngestReply =
  | { readonly ok: true; readonly ingested: Ingested }
  | { readonly ok: false; readonly refused: string }
  | { readonly ok: false; readonly failed: string };

/**
 * {@link ingestArticle} in a worker thread of its own, so that the bot's thread keeps
 * answering while a page is read; a page that takes longer than `timeoutMs` is refused and
 * its worker stopped.
 *
 * @throws IngestRefused when the article is refused or takes too long to read.
 */
export async function ingestInWorker(
  input: IngestInput,
  timeoutMs: number = INGEST_WORKER.timeoutMs,
): Promise<Ingested> {
  const worker = startWorker("ingest-worker", { ...input, bytes: Uint8Array.from(input.bytes) });
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await new Promise<IngestReply>((resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new IngestRefused(
            `That ${input.fileName === undefined ? "page" : "file"} took more than ${Math.round(timeoutMs / 1000)} s to read: an article's page takes far less, so it was not added.`,
          ),
        );
      }, timeoutMs);
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the article reader stopped (exit ${code})`)));
    });
    if (reply.ok) return reply.ingested;
    if ("refused" in reply) throw new IngestRefused(reply.refused);
    throw new Error(reply.failed);
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
