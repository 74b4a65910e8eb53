import type { SignedPart } from "./binary.ts";
import { CacheRefusal, checkPrivate, type CacheFolder } from "./cache-dir.ts";
import { FileSource } from "./detached.ts";
import { startWorker } from "./start-worker.ts";
import { MAX_SAVED_INDEX_BYTES } from "./store.ts";

/** How the signed part of a saved index is read when a folder is opened. */
export const SIGNED_READ = Object.freeze({
  /**
   * From this many bytes of file on, the saved index's header and signed part are read and
   * their HMAC worked out in a worker thread (`signed-read-worker.ts`) while this thread lists
   * the articles folder; below it, here, after the listing. A worker costs 20–40 ms to start;
   * the archive's 96 MB signed part takes 0.4–0.9 s to read and hash (most of it the first
   * touch of its memory on a virtual machine), about what listing its 14,397 files takes.
   */
  workerFromBytes: 8_000_000,
});

/** What the calling thread asks the worker: the open file (shared by the process's threads) and the key. */
export interface SignedReadRequest {
  readonly fd: number;
  readonly key: Uint8Array;
}

/** What the worker sends back: the signed part and its HMAC, or "none" (read it here). */
export type SignedReadReply =
  | {
      readonly kind: "read";
      readonly bytes: Uint8Array;
      readonly mac: Uint8Array;
      /** The worker thread's CPU time, start included (0 where it cannot be read). */
      readonly cpuMs: number;
    }
  | { readonly kind: "none" };

/** A signed part read in a worker, and what the worker cost. */
export interface SignedRead {
  readonly part: SignedPart;
  /** CPU time spent in the worker thread, in ms: not this thread's, yet not other work's. */
  readonly cpuMs: number;
}

/**
 * Starts reading a saved index's header and signed part, and their HMAC, in a worker thread,
 * from `source`'s open file: undefined when the file is smaller than `workerFromBytes` (then
 * `ContainerReader` reads it here). The promise gives undefined when the worker could not read
 * it whole (the reader here then finds why); it never rejects. `source` must stay open until it
 * settles. The HMAC is only worked out there: whether it matches is decided by the reader, before
 * anything in the bytes is used.
 */
export function readSignedInWorker(
  source: FileSource,
  key: Uint8Array,
  workerFromBytes: number = SIGNED_READ.workerFromBytes,
): Promise<SignedRead | undefined> | undefined {
  if (source.length < workerFromBytes) return undefined;
  const request: SignedReadRequest = { fd: source.fd, key: new Uint8Array(key) };
  return new Promise((resolve) => {
    let worker;
    try {
      worker = startWorker("signed-read-worker", request);
    } catch {
      resolve(undefined);
      return;
    }
    worker.once("message", (reply: SignedReadReply) =>
      resolve(
        reply.kind === "read"
          ? { part: { bytes: reply.bytes, mac: reply.mac }, cpuMs: reply.cpuMs }
          : undefined,
      ),
    );
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
}

/**
 * A saved index opened: private to the user and not too large, its file open (and its signed
 * part perhaps being read in a worker thread meanwhile: `signed-read.ts`); or nothing usable,
 * or a refusal to report.
 */
export type SavedIndexOpening =
  | {
      readonly kind: "open";
      readonly file: string;
      readonly source: FileSource;
      /** The signed part read in a worker, when it is (see {@link readSignedInWorker}). */
      readonly signed: Promise<SignedRead | undefined> | undefined;
    }
  | { readonly kind: "none" }
  | { readonly kind: "refused"; readonly reason: string };

/**
 * Opens a saved index if it is there and private to the user, and starts reading its signed
 * part in a worker thread when it is large (`workerFromBytes`, default
 * {@link SIGNED_READ}'s): the caller lists the folder meanwhile, then hands the opening to
 * {@link readSavedIndex}, which uses nothing in it before its HMAC is checked.
 */
export async function openSavedIndex(
  file: string,
  cache: CacheFolder,
  workerFromBytes: number = SIGNED_READ.workerFromBytes,
): Promise<SavedIndexOpening> {
  let source: FileSource | undefined;
  try {
    await checkPrivate(file, "file");
    source = FileSource.open(file);
    if (source.length > MAX_SAVED_INDEX_BYTES) {
      source.close();
      return { kind: "refused", reason: `${file} is larger than any index citebot writes` };
    }
    const signed = readSignedInWorker(source, cache.key, workerFromBytes);
    return { kind: "open", file, source, signed };
  } catch (error) {
    source?.close();
    if (error instanceof CacheRefusal) return { kind: "refused", reason: error.message };
    return { kind: "none" }; // missing or unreadable: rebuild
  }
}

/** Closes an opened saved index that will not be read (once its worker, if any, is done). */
export async function closeSavedIndex(opening: SavedIndexOpening): Promise<void> {
  if (opening.kind !== "open") return;
  await opening.signed;
  opening.source.close();
}
