/**
 * A build worker of `parallel-build.ts`: parses its chunk of a folder's files and indexes
 * them, then sends the chunk back in the saved index's format, signed with the build's key,
 * in a buffer handed over without a copy.
 */
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { ArticleError, buildIndexData, parseArticle, type Article } from "../core/index.ts";
import { encodeIndex } from "./index-codec.ts";
import { INDEX_FORMAT } from "./store.ts";
import type { BuildReply, BuildRequest } from "./parallel-build.ts";

const request = workerData as BuildRequest;

function send(reply: BuildReply, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(reply, transfer);
}

try {
  const articles: Article[] = [];
  const problems: { file: string; problem: string }[] = [];
  const { names, bytes, offsets } = request;
  for (let i = 0; i < names.length; i += 1) {
    const file = bytes.subarray(offsets[i], offsets[i + 1]);
    try {
      articles.push(parseArticle(path.join(request.dir, names[i] as string), file));
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      problems.push({ file: error.file, problem: error.problem });
    }
  }
  const encodedBytes = encodeIndex(
    { fingerprint: "", articles, problems, data: buildIndexData(articles) },
    INDEX_FORMAT,
    request.key,
  );
  // A buffer this large is one of its own: handed over whole, without a copy.
  const whole =
    encodedBytes.byteOffset === 0 && encodedBytes.byteLength === encodedBytes.buffer.byteLength;
  const encoded = (
    whole
      ? encodedBytes.buffer
      : encodedBytes.buffer.slice(
          encodedBytes.byteOffset,
          encodedBytes.byteOffset + encodedBytes.byteLength,
        )
  ) as ArrayBuffer;
  send({ kind: "built", encoded }, [encoded]);
} catch (error) {
  send({
    kind: "crashed",
    message: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
}
