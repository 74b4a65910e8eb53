/**
 * A build worker of `parallel-build.ts`: reads its chunk of a folder's files, parses and
 * indexes them, then sends the chunk back in the saved index's format, signed with the build's
 * key, and the files' bytes, each in a buffer handed over without a copy.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ContainerWriter } from "./binary.ts";
import { buildStreamed } from "./chunk-build.ts";
import { checkLayout, encodeHead, encodeIndexData, encodeProblems } from "./index-codec.ts";
import type { FileRead } from "./file-read.ts";
import { readListing, type ArticleFile } from "./load.ts";
import { INDEX_FORMAT } from "./store.ts";
import type { BuildReply, BuildRequest, ChunkFiles } from "./parallel-build.ts";

const request = workerData as BuildRequest;

function send(reply: BuildReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(reply, transfer);
}

/**
 * The files' bytes back to back in one buffer: the buffer `readListing` read them into when
 * they lie there in order (files already known or that grew since listed are not), else a copy.
 */
function packed(files: readonly ArticleFile[]): Pick<ChunkFiles, "bytes" | "offsets"> {
  const offsets = new Int32Array(files.length + 1);
  const first = files[0]?.bytes;
  let inPlace = first !== undefined && first.buffer instanceof ArrayBuffer;
  files.forEach((file, i) => {
    const at = offsets[i] as number;
    offsets[i + 1] = at + file.bytes.length;
    inPlace &&=
      file.bytes.buffer === first?.buffer && file.bytes.byteOffset === first.byteOffset + at;
  });
  const length = offsets[files.length] as number;
  if (inPlace && first?.buffer instanceof ArrayBuffer) {
    return { bytes: new Uint8Array(first.buffer, first.byteOffset, length), offsets };
  }
  const bytes = new Uint8Array(length);
  files.forEach((file, i) => bytes.set(file.bytes, offsets[i]));
  return { bytes, offsets };
}

/** Reads the chunk's files as `readListing` does, into one buffer, back to back. */
function readChunk(): ChunkFiles {
  const known = new Map<string, FileRead>(
    request.known.map(({ name, bytes, stamp }) => [
      name,
      { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), stamp },
    ]),
  );
  const read = readListing(
    { dir: request.dir, files: request.files, skipped: [] },
    request.limits,
    known,
  );
  return {
    names: read.files.map((file) => file.name),
    stamps: read.files.map((file) => file.stamp),
    ...packed(read.files),
    skipped: read.skipped.map(({ file, problem }) => ({ file, problem })),
  };
}

try {
  const files = readChunk();
  const { names, bytes, offsets } = files;
  const built = buildStreamed(
    request.dir,
    names.map((name, i) => ({ name, bytes: bytes.subarray(offsets[i], offsets[i + 1]) })),
  );
  // What encodeIndex writes for the chunk's articles, problems and index.
  const writer = new ContainerWriter(INDEX_FORMAT);
  encodeHead(writer, "", []);
  built.encoder.write(writer);
  encodeProblems(writer, built.problems);
  checkLayout(built.encoder.paragraphStarts, built.encoder.sentenceStarts, built.data.sentences);
  encodeIndexData(writer, built.data);
  // The container in parts, not copied into one buffer: the signed part (a buffer of its own)
  // and the texts where the encoder wrote them (a buffer of its own too), both handed over.
  const { signed, detached } = writer.finishParts(request.key);
  const parts = [signed, ...detached].map((part) => part.buffer as ArrayBuffer);
  send({ kind: "built", signed, detached, files }, [...parts, bytes.buffer, offsets.buffer]);
} catch (error) {
  send({
    kind: "crashed",
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
