/**
 * The worker thread of `readSignedInWorker` (`signed-read.ts`): reads a saved index's header
 * and signed part from the file the calling thread opened (its descriptor, shared by the
 * process's threads), works out their HMAC and sends both back, the bytes handed over without
 * a copy, with the CPU time this thread spent. Nothing here decides whether the file is used:
 * the calling thread compares the HMAC with the signature the bytes carry (`ContainerReader`).
 * Anything unexpected (a header whose lengths do not fit the file, a short read) is sent back
 * as "none", and the calling thread reads the file itself, which gives the reason.
 */
import { fstatSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { HEADER_BYTES, signatureOfPieces } from "./binary.ts";
import { threadCpuMs } from "./build-threads.ts";
import { readFullySync, readPieces } from "./detached.ts";
import type { SignedReadReply, SignedReadRequest } from "./signed-read.ts";

const { fd, key } = workerData as SignedReadRequest;

function read(): SignedReadReply {
  const total = fstatSync(fd).size;
  const header = Buffer.alloc(HEADER_BYTES);
  if (total < HEADER_BYTES) return { kind: "none" };
  readFullySync(fd, header, 0); // a short read throws: "none" below
  const length = HEADER_BYTES + header.readDoubleLE(16);
  // Nothing is allocated from a size field before it is checked against the file's length.
  if (!Number.isSafeInteger(length) || length < HEADER_BYTES || length > total) {
    return { kind: "none" };
  }
  const signing = signatureOfPieces(key);
  const bytes = readPieces(fd, 0, length, (piece, at) => signing.update(piece, at));
  return { kind: "read", bytes, mac: new Uint8Array(signing.digest()), cpuMs: threadCpuMs() ?? 0 };
}

try {
  const reply = read();
  parentPort?.postMessage(reply, reply.kind === "read" ? [reply.bytes.buffer as ArrayBuffer] : []);
} catch {
  parentPort?.postMessage({ kind: "none" } satisfies SignedReadReply);
}
