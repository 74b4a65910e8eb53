/**
 * A build worker of `parallel-build.ts`: takes the files of its region of a folder's listing
 * one at a time (`build-claims.ts`: the calling thread may take the region's last files
 * meanwhile), reads each into its slot of the shared buffer, parses and indexes them; then
 * takes runs of files from the back of the others' regions while that pays (`work-split.ts`),
 * each a chunk of its own. It sends each chunk back once built, on the request's `chunkPort`, in
 * the saved index's format, signed with the build's key, each part in a buffer handed over
 * without a copy, with what it read; then how many it sent.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ContainerWriter } from "./binary.ts";
import { ClaimTable, FileSlots, sharedNow, takenFiles, type TakenReads } from "./build-claims.ts";
import { buildStreamed } from "./chunk-build.ts";
import { checkLayout, encodeHead, encodeIndexData, encodeProblems } from "./index-codec.ts";
import type { FileRead } from "./file-read.ts";
import { INDEX_FORMAT } from "./store.ts";
import type { BuildReply, BuildRequest, ChunkFiles, SentChunk } from "./parallel-build.ts";
import { rateOf, run, takeFromOthers } from "./work-split.ts";

const request = workerData as BuildRequest;

function send(reply: BuildReply): void {
  parentPort?.postMessage(reply);
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
  // Each chunk goes back as soon as it is built: the calling thread reads it between its own
  // files, not after them.
  let sent = 0;
  const post = (built: SentChunk) => {
    const parts = [built.signed, ...built.detached].map((part) => part.buffer as ArrayBuffer);
    request.chunkPort.postMessage(built, parts);
    sent += 1;
  };
  const [first, end] = regions[region] as readonly [number, number];
  post(chunk(first, () => claims.takeNext(region), slots.bytes(first, end)));
  for (;;) {
    const rate = rateOf(builtBytes, began > 0 ? sharedNow() - began : 0);
    const taken = takeFromOthers(claims, regions, slots, region, rate, tuning);
    if (!taken) break;
    post(chunk(taken[0], run(taken[0], taken[1]), slots.bytes(taken[0], taken[1])));
  }
  send({ kind: "built", chunks: sent });
} catch (error) {
  send({
    kind: "crashed",
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
