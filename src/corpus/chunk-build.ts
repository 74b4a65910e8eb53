import path from "node:path";
import { ArticleError, IndexBuilder, parseArticle, type IndexData } from "../core/index.ts";
import { decodeArticles } from "./article-codec.ts";
import { ArticleEncoder } from "./article-encoder.ts";
import { ContainerReader, ContainerWriter } from "./binary.ts";
import { partsSource } from "./detached.ts";
import { receivedChunk, type Chunk } from "./chunk-merge.ts";
import type { ProblemRecord } from "./worker-protocol.ts";
import { INDEX_FORMAT } from "./store.ts";

/**
 * What a chunk's files are expected to hold, to size its columns at first (they grow when
 * more come; a larger estimate costs address space, not memory): the archive's articles have
 * a sentence for every 143 bytes and a paragraph for every 320, counted with their markup.
 */
export const CHUNK_ESTIMATES = Object.freeze({ bytesPerSentence: 96, bytesPerParagraph: 192 });

/** A chunk of a folder's files parsed, indexed and encoded (`parallel-build.ts`, `build-worker.ts`). */
export interface StreamedChunk {
  /** Its articles' sections, ready to write. */
  readonly encoder: ArticleEncoder;
  readonly data: IndexData;
  /** Files that did not parse, in order. */
  readonly problems: ProblemRecord[];
}

/** The bytes of files given as an array; 0 for others (read as they are taken). */
function bytesOf(files: Iterable<{ readonly bytes: Uint8Array }>): number {
  return Array.isArray(files)
    ? (files as { readonly bytes: Uint8Array }[]).reduce((sum, file) => sum + file.bytes.length, 0)
    : 0;
}

/**
 * Parses, indexes and encodes files one article at a time: each article is let go once it is
 * indexed and encoded, so that the collector never holds more than one article's objects
 * alive (a chunk's articles kept until the end were most of its heap, and the collector
 * copied and marked them again and again: a fifth of a build's time). The same index and the
 * same sections as parsing every file, then `buildIndexData` and `encodeArticles`. `files` may
 * be read as they are taken (a generator): `bytes` then sizes the columns at first.
 */
export function buildStreamed(
  dir: string,
  files: Iterable<{ readonly name: string; readonly bytes: Uint8Array }>,
  bytes = bytesOf(files),
): StreamedChunk {
  const builder = new IndexBuilder({
    sentences: Math.ceil(bytes / CHUNK_ESTIMATES.bytesPerSentence),
    paragraphs: Math.ceil(bytes / CHUNK_ESTIMATES.bytesPerParagraph),
  });
  const encoder = new ArticleEncoder(bytes);
  const problems: ProblemRecord[] = [];
  for (const file of files) {
    try {
      const article = parseArticle(path.join(dir, file.name), file.bytes);
      builder.add(article);
      encoder.add(article);
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      problems.push({ file: error.file, problem: error.problem });
    }
  }
  return { encoder, data: builder.finish(), problems };
}

/**
 * A chunk built in this thread (`parallel-build.ts`), as a worker's is received: its
 * articles' sections written to a container signed with the build's key and read back, their
 * texts decoded when first read (read where the encoder wrote them, not copied); its index
 * data as built, not encoded.
 */
export function streamedChunk(built: StreamedChunk, key: Uint8Array): Chunk {
  const writer = new ContainerWriter(INDEX_FORMAT);
  built.encoder.write(writer);
  const { signed, detached } = writer.finishParts(key);
  const reader = new ContainerReader(partsSource(signed, detached), INDEX_FORMAT, key);
  const { articles } = decodeArticles(reader);
  return receivedChunk(reader, { articles, problems: built.problems, data: built.data });
}
