/**
 * The calling thread's side of a build worker (`build-worker.ts`): starts it, and reads back
 * each chunk it sends, as soon as it is sent, between the calling thread's own files
 * (`receiveMessageOnPort` does not wait for the event loop, which a build never yields to), so
 * that decoding and checking the workers' chunks is not left until every file is built.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import { ArticleError } from "../core/index.ts";
import type { TakenReads } from "./build-claims.ts";
import type { FileSlots } from "./build-claims.ts";
import { PARALLEL_BUILD } from "./build-threads.ts";
import { receivedChunk, type Chunk } from "./chunk-merge.ts";
import { partsSource } from "./detached.ts";
import { ContainerReader } from "./binary.ts";
import type { FileRead } from "./file-read.ts";
import { decodeContent } from "./index-codec.ts";
import type { BuildReply, BuildRequest, ChunkFiles, SentChunk } from "./parallel-build.ts";
import { startWorker } from "./start-worker.ts";
import { INDEX_FORMAT } from "./store.ts";
import { crashError, workerOutcome } from "./worker-outcome.ts";

/** A chunk built, where it starts in the listing, and the files it read. */
export interface BuiltChunk {
  readonly start: number;
  readonly chunk: Chunk;
  readonly reads: TakenReads;
}

/** A build worker at work, its chunks read back as they come. */
export interface WorkerChunks {
  /** Reads back the chunks sent so far, without waiting: call it between files. */
  receive(): void;
  /** Every chunk the worker built, read back and checked, once it is done. */
  readonly done: Promise<BuiltChunk[]>;
}

/** A worker's files as the calling thread holds read files: views of their slots, or their copies. */
function readsOf(files: ChunkFiles, slots: FileSlots): TakenReads {
  return {
    files: files.files.map(({ index, name, stamp, length, bytes }) => ({
      index,
      name,
      stamp,
      bytes: bytes
        ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : Buffer.from(slots.buffer, slots.starts[index] as number, length),
    })),
    skipped: files.skipped.map(({ file, problem }) => new ArticleError(file, problem)),
  };
}

/** The next message on a port that has not been started: at once when one is queued. */
function nextMessage(port: MessagePort): Promise<unknown> {
  const queued = receiveMessageOnPort(port);
  if (queued) return Promise.resolve(queued.message);
  return new Promise((resolve) => port.once("message", resolve));
}

/**
 * Starts a build worker on its region of the listing (and any runs it takes) and reads its
 * chunks back: each checked against the build's key and decoded, its texts left encoded until
 * read; `onChunk` sees each.
 */
export function startBuildWorker(
  request: Omit<BuildRequest, "known" | "chunkPort">,
  known: ReadonlyMap<string, FileRead>,
  slots: FileSlots,
  onChunk: (built: BuiltChunk) => void,
): WorkerChunks {
  const [first, end] = request.regions[request.region] as readonly [number, number];
  const { port1: chunks, port2: chunkPort } = new MessageChannel();
  const worker = startWorker(
    "build-worker",
    {
      ...request,
      chunkPort,
      known: request.files.slice(first, end).flatMap((file) => {
        const read = known.get(file.name);
        return read ? [{ name: file.name, bytes: read.bytes, stamp: read.stamp }] : [];
      }),
    } satisfies BuildRequest,
    [chunkPort],
    { maxYoungGenerationSizeMb: PARALLEL_BUILD.workerYoungGenerationMb },
  );
  const received: BuiltChunk[] = [];
  const readBack = ({ start, signed, detached, files }: SentChunk) => {
    const reader = new ContainerReader(partsSource(signed, detached), INDEX_FORMAT, request.key);
    const built = {
      start,
      chunk: receivedChunk(reader, decodeContent(reader)),
      reads: readsOf(files, slots),
    };
    received.push(built);
    onChunk(built);
  };
  const receive = () => {
    for (
      let message = receiveMessageOnPort(chunks);
      message;
      message = receiveMessageOnPort(chunks)
    ) {
      readBack(message.message as SentChunk);
    }
  };
  const sent = workerOutcome(worker, "a build worker", (reply: BuildReply) => {
    if (reply.kind === "crashed") throw crashError("building the index", reply);
    return reply.chunks;
  });
  const done = (async () => {
    try {
      const count = await sent;
      // Posted before the worker's last word, so queued by now; waited for should it not be.
      while (received.length < count) readBack((await nextMessage(chunks)) as SentChunk);
      return received;
    } finally {
      chunks.close();
    }
  })();
  return { receive, done };
}
