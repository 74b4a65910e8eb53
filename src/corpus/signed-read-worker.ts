/**
 * The worker thread of `readSignedInWorker` (`signed-read.ts`): reads a saved index's header
 * and signed part from the file the calling thread opened (its descriptor, shared by the
 * process's threads), works out their HMAC and sends both back, the bytes handed over without
 * a copy, with the CPU time this thread spent. Nothing here decides whether the file is used:
 * the calling thread compares the HMAC with the signature the bytes carry (`ContainerReader`).
 * Anything unexpected (a header whose lengths do not fit the file, a short read) is sent back
 * as "none", and the calling thread reads the file itself, which gives the reason.
 */
import { readFileSync, fstatSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { HEADER_BYTES, signatureOfPieces } from "./binary.ts";
import { readPieces } from "./detached.ts";
import type { SignedReadReply, SignedReadRequest } from "./signed-read.ts";

const { fd, key } = workerData as SignedReadRequest;

/** This thread's CPU time in ms (Linux), 0 where it cannot be read. */
function threadCpuMs(): number {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : 0;
  } catch {
    return 0;
  }
}

function readFully(target: Uint8Array, at: number): boolean {
  let done = 0;
  while (done < target.length) {
    const got = readSync(fd, target, done, target.length - done, at + done);
    if (got === 0) return false;
    done += got;
  }
  return true;
}

function read(): SignedReadReply {
  const total = fstatSync(fd).size;
  const header = Buffer.alloc(HEADER_BYTES);
  if (total < HEADER_BYTES || !readFully(header, 0)) return { kind: "none" };
  const length = HEADER_BYTES + header.readDoubleLE(16);
  // Nothing is allocated from a size field before it is checked against the file's length.
  if (!Number.isSafeInteger(length) || length < HEADER_BYTES || length > total) {
    return { kind: "none" };
  }
  const signing = signatureOfPieces(key);
  const bytes = readPieces(fd, 0, length, (piece, at) => signing.update(piece, at));
  return { kind: "read", bytes, mac: new Uint8Array(signing.digest()), cpuMs: threadCpuMs() };
}

try {
  const reply = read();
  parentPort?.postMessage(reply, reply.kind === "read" ? [reply.bytes.buffer as ArrayBuffer] : []);
} catch {
  parentPort?.postMessage({ kind: "none" } satisfies SignedReadReply);
}
