/**
 * A build worker of `parallel-build.ts`: takes the files of its region of a folder's listing
 * one at a time (`build-claims.ts`: the calling thread may take the region's last files
 * meanwhile), reads each into its slot of the shared buffer, parses and indexes them; then
 * takes runs of files from the back of the others' regions while that pays (`work-split.ts`),
 * each a chunk of its own. It sends its chunks back in the saved index's format, signed with
 * the build's key, each part in a buffer handed over without a copy, and what it read.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ContainerWriter } from "./binary.ts";
import { ClaimTable, FileSlots, sharedNow, takenFiles, type TakenReads } from "./build-claims.ts";
import { buildStreamed } from "./chunk-build.ts";
import { checkLayout, encodeHead, encodeIndexData, encodeProblems } from "./index-codec.ts";
import type { FileRead } from "./file-read.ts";
import { INDEX_FORMAT } from "./store.ts";
import type { BuildReply, BuildRequest, ChunkFiles, SentChunk } from "./parallel-build.ts";
import { paceOf, run, takeFromOthers } from "./work-split.ts";

const request = workerData as BuildRequest;

function send(reply: BuildReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(reply, transfer);
}

/** What the calling thread needs of the files read: where each lies, or its bytes when not in its slot. */
function chunkFiles(reads: TakenReads, slots: FileSlots): ChunkFiles {
  return {
    files: reads.files.map(({ index, name, stamp, bytes }) =>
      slots.holds(index, bytes)
        ? { index, name, stamp, length: bytes.length }
        : { index, name, stamp, length: bytes.length, bytes: new Uint8Array(bytes) },
    ),
    skipped: reads.skipped.map(({ file, problem }) => ({ file, problem })),
  };
}

try {
  const { dir, files, limits, region, regions, tuning } = request;
  const claims = new ClaimTable(request.claims);
  const slots = new FileSlots(request.starts, request.slots);
  const known = new Map<string, FileRead>(
    request.known.map(({ name, bytes, stamp }) => [
      name,
      { bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), stamp },
    ]),
  );
  let builtBytes = 0;
  let began = 0;
  /** Builds the files `take` gives, from `start` of the listing, into a chunk ready to send. */
  const chunk = (start: number, take: () => number, expectedBytes: number): SentChunk => {
    const reads: TakenReads = { files: [], skipped: [] };
    const taken = takenFiles(
      () => {
        const index = take();
        if (index >= 0) builtBytes += slots.bytes(index, index + 1);
        if (began === 0) began = sharedNow();
        return index;
      },
      (index) => files[index] as (typeof files)[number],
      (file, index) => slots.read(dir, file, index, limits.maxFileBytes, known),
      reads,
    );
    const built = buildStreamed(dir, taken, expectedBytes);
    // What encodeIndex writes for the chunk's articles, problems and index.
    const writer = new ContainerWriter(INDEX_FORMAT);
    encodeHead(writer, "", []);
    built.encoder.write(writer);
    encodeProblems(writer, built.problems);
    checkLayout(built.encoder.paragraphStarts, built.encoder.sentenceStarts, built.data.sentences);
    encodeIndexData(writer, built.data);
    // The container in parts, not copied into one buffer: the signed part (a buffer of its
    // own) and the texts where the encoder wrote them (a buffer of its own too).
    const { signed, detached } = writer.finishParts(request.key);
    return { start, signed, detached, files: chunkFiles(reads, slots) };
  };
  const [first, end] = regions[region] as readonly [number, number];
  const chunks = [chunk(first, () => claims.takeNext(region), slots.bytes(first, end))];
  for (;;) {
    const pace = paceOf(builtBytes, began > 0 ? sharedNow() - began : 0, true, tuning);
    const taken = takeFromOthers(claims, regions, slots, region, pace, tuning);
    if (!taken) break;
    chunks.push(chunk(taken[0], run(taken[0], taken[1]), slots.bytes(taken[0], taken[1])));
  }
  const parts = chunks.flatMap(({ signed, detached }) =>
    [signed, ...detached].map((part) => part.buffer as ArrayBuffer),
  );
  send({ kind: "built", chunks }, parts);
} catch (error) {
  send({
    kind: "crashed",
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
