import type { Article, IndexData, Paragraph, Posting, Sentence } from "../core/index.ts";
import type { FileStamp } from "./listing.ts";
import {
  checkOffsets,
  checkRange,
  ContainerError,
  ContainerReader,
  ContainerWriter,
  type StringTable,
} from "./binary.ts";

/**
 * The saved index as sections of a checked container (`binary.ts`): articles, their
 * paragraphs and sentence bounds, the files that did not load, and the index's typed
 * arrays. Section tags (strings take two: UTF-8 at the tag, offsets at tag + 1):
 *
 * | tags  | what                                                                    |
 * | ----- | ----------------------------------------------------------------------- |
 * | 1     | fingerprint of the folder (strings)                                     |
 * | 3–6   | per file read: name (strings), stamp (i64 × 5: dev, inode, size, mtime, |
 * |       | ctime in ns; all -1 when not to be trusted), SHA-256 of its bytes (u8)  |
 * | 10–23 | per article: id, title, source, url, published, author, file (strings)  |
 * | 24    | per article: which optional fields are present (u8 bit set)             |
 * | 30    | first paragraph of each article, plus the end (i32)                     |
 * | 31    | paragraph texts (strings)                                               |
 * | 38    | per paragraph: its text's length in UTF-16 code units (i32)             |
 * | 33    | per paragraph: its context's index in 34, or -1 (i32)                   |
 * | 34    | distinct contexts (strings)                                             |
 * | 36    | first sentence of each paragraph, plus the end (i32)                    |
 * | 37    | per sentence: start and end in its paragraph's text (i32 pairs)         |
 * | 40–43 | broken files: path and problem (strings)                                |
 * | 50–55 | sentence columns: article, paragraph, sentence, paragraph key, length   |
 * |       | (i32) and flags (u8)                                                    |
 * | 60–64 | postings: terms (strings), first entry of each term plus the end (i32), |
 * |       | sentence ids ascending per term (i32), counts (u8)                      |
 * | 70–73 | vocabulary: words and their terms (strings)                             |
 * | 80–82 | title terms: first of each article plus the end (i32), terms (strings)  |
 * | 83    | per paragraph: its context's position in 84–86, or -1 (i32)             |
 * | 84–86 | context terms: first of each context plus the end (i32), terms (strings)|
 * | 90    | average sentence length (f64)                                           |
 */
export interface SavedContent {
  readonly fingerprint: string;
  /** The files the index was built from (none: every file is hashed again at open). */
  readonly files?: readonly SavedFile[];
  readonly articles: readonly Article[];
  readonly problems: readonly { readonly file: string; readonly problem: string }[];
  readonly data: IndexData;
}

/** A file the index was built from: its stamp when read, and the SHA-256 of its bytes. */
export interface SavedFile {
  readonly name: string;
  /** Undefined when the stamp cannot vouch for the bytes (written too close to the read). */
  readonly stamp: FileStamp | undefined;
  readonly digest: Uint8Array;
}

/** Bytes of a SHA-256 digest. */
const DIGEST_BYTES = 32;

/** Fields of a stamp as saved. */
const STAMP_FIELDS = 5;

const OPTIONAL = ["source", "url", "published", "author"] as const;

/** Encodes articles, problems and index data, signed with the install's key. */
export function encodeIndex(content: SavedContent, version: number, key: Uint8Array): Buffer {
  const { articles, problems, data } = content;
  const writer = new ContainerWriter(version).strings(1, [content.fingerprint]);
  const files = content.files ?? [];
  const stamps = new BigInt64Array(STAMP_FIELDS * files.length).fill(-1n);
  const digests = new Uint8Array(DIGEST_BYTES * files.length);
  files.forEach((file, i) => {
    digests.set(file.digest, DIGEST_BYTES * i);
    if (!file.stamp) return;
    const { dev, ino, size, mtimeNs, ctimeNs } = file.stamp;
    stamps.set([dev, ino, size, mtimeNs, ctimeNs], STAMP_FIELDS * i);
  });
  writer.strings(
    3,
    files.map((file) => file.name),
  );
  writer.int64(5, stamps).uint8(6, digests);
  writer.strings(
    10,
    articles.map((a) => a.id),
  );
  writer.strings(
    12,
    articles.map((a) => a.title),
  );
  OPTIONAL.forEach((field, i) =>
    writer.strings(
      14 + 2 * i,
      articles.map((a) => a[field] ?? ""),
    ),
  );
  writer.strings(
    22,
    articles.map((a) => a.file),
  );
  writer.uint8(
    24,
    Uint8Array.from(articles, (a) =>
      OPTIONAL.reduce((bits, field, i) => bits | (a[field] === undefined ? 0 : 1 << i), 0),
    ),
  );
  const paragraphs = articles.flatMap((a) => a.paragraphs);
  const articleFirst = new Int32Array(articles.length + 1);
  articles.forEach(
    (a, i) => (articleFirst[i + 1] = (articleFirst[i] as number) + a.paragraphs.length),
  );
  writer.int32(30, articleFirst);
  writer.strings(
    31,
    paragraphs.map((p) => p.text),
  );
  writer.int32(
    38,
    Int32Array.from(paragraphs, (p) => p.text.length),
  );
  const contexts = new Map<string, number>();
  writer.int32(
    33,
    Int32Array.from(paragraphs, (p) => {
      if (p.context === undefined) return -1;
      if (!contexts.has(p.context)) contexts.set(p.context, contexts.size);
      return contexts.get(p.context) as number;
    }),
  );
  writer.strings(34, [...contexts.keys()]);
  const sentenceFirst = new Int32Array(paragraphs.length + 1);
  paragraphs.forEach(
    (p, i) => (sentenceFirst[i + 1] = (sentenceFirst[i] as number) + p.sentences.length),
  );
  writer.int32(36, sentenceFirst);
  const bounds = new Int32Array(2 * (sentenceFirst[paragraphs.length] as number));
  let at = 0;
  for (const p of paragraphs) {
    for (const s of p.sentences) {
      bounds[at++] = s.start;
      bounds[at++] = s.end;
    }
  }
  writer.int32(37, bounds);
  writer.strings(
    40,
    problems.map((p) => p.file),
  );
  writer.strings(
    42,
    problems.map((p) => p.problem),
  );

  const { sentences } = data;
  writer
    .int32(50, sentences.article)
    .int32(51, sentences.paragraph)
    .int32(52, sentences.sentence)
    .int32(53, sentences.paragraphKey)
    .int32(54, sentences.length)
    .uint8(55, sentences.flags);
  const terms = [...data.postings.keys()];
  const postingFirst = new Int32Array(terms.length + 1);
  terms.forEach((term, i) => {
    postingFirst[i + 1] =
      (postingFirst[i] as number) + (data.postings.get(term)?.sentenceIds.length ?? 0);
  });
  const units = new Int32Array(postingFirst[terms.length] as number);
  const counts = new Uint8Array(units.length);
  terms.forEach((term, i) => {
    const posting = data.postings.get(term);
    if (!posting) return;
    units.set(posting.sentenceIds, postingFirst[i]);
    counts.set(posting.counts, postingFirst[i]);
  });
  writer.strings(60, terms).int32(62, postingFirst).int32(63, units).uint8(64, counts);
  writer.strings(70, [...data.vocabulary.keys()]).strings(72, [...data.vocabulary.values()]);
  const titleFirst = new Int32Array(data.titleTerms.length + 1);
  data.titleTerms.forEach(
    (list, i) => (titleFirst[i + 1] = (titleFirst[i] as number) + list.length),
  );
  writer.int32(80, titleFirst).strings(81, data.titleTerms.flat());
  const contextFirst = new Int32Array(data.contextTerms.length + 1);
  data.contextTerms.forEach(
    (list, i) => (contextFirst[i + 1] = (contextFirst[i] as number) + list.length),
  );
  writer.int32(83, data.contextOf).int32(84, contextFirst).strings(85, data.contextTerms.flat());
  writer.float64(90, Float64Array.of(data.averageLength));
  return writer.finish(key);
}

/**
 * Decodes and checks a saved index: the container's signature first, then every array's
 * length, every offset and every index into another array, so that a file that passes
 * cannot make the engine read out of bounds.
 *
 * @throws ContainerError naming the first thing wrong.
 */
export function decodeIndex(file: Uint8Array, version: number, key: Uint8Array): SavedContent {
  return decodeContent(new ContainerReader(file, version, key));
}

/** The fingerprint and files of a checked container: enough to tell whether it is still current. */
export function decodeHead(reader: ContainerReader): {
  readonly fingerprint: string;
  readonly files: ReadonlyMap<string, SavedFile>;
} {
  const fingerprint = reader.strings(1, 1).get(0);
  const names = reader.strings(3).all();
  const stamps = reader.int64(5, STAMP_FIELDS * names.length);
  const digests = reader.uint8(6, DIGEST_BYTES * names.length);
  const files = new Map<string, SavedFile>();
  names.forEach((name, i) => {
    const at = STAMP_FIELDS * i;
    const trusted = (stamps[at + 4] as bigint) >= 0n;
    files.set(name, {
      name,
      stamp: trusted
        ? {
            dev: stamps[at] as bigint,
            ino: stamps[at + 1] as bigint,
            size: stamps[at + 2] as bigint,
            mtimeNs: stamps[at + 3] as bigint,
            ctimeNs: stamps[at + 4] as bigint,
          }
        : undefined,
      digest: digests.subarray(DIGEST_BYTES * i, DIGEST_BYTES * (i + 1)),
    });
  });
  return { fingerprint, files };
}

/** Decodes everything but the files of a checked container (see {@link decodeIndex}). */
export function decodeContent(reader: ContainerReader): SavedContent {
  const fingerprint = reader.strings(1, 1).get(0);
  const ids = reader.strings(10);
  const count = ids.length;
  const titles = reader.strings(12, count).all();
  const optional = OPTIONAL.map((_, i) => reader.strings(14 + 2 * i, count));
  const files = reader.strings(22, count).all();
  const present = reader.uint8(24, count);
  const articleFirst = reader.int32(30, count + 1);
  const texts = reader.strings(31);
  checkOffsets(articleFirst, texts.length, "paragraphs");
  const contextOf = reader.int32(33, texts.length);
  const contexts = reader.strings(34).all();
  checkRange(contextOf, -1, contexts.length, "contexts");
  const sentenceFirst = reader.int32(36, texts.length + 1);
  const bounds = reader.int32(37);
  const sentenceCount = bounds.length / 2;
  if (!Number.isInteger(sentenceCount)) throw new ContainerError("odd sentence bounds");
  checkOffsets(sentenceFirst, sentenceCount, "sentences");
  // Texts are decoded when an article is first read (most never are): their bounds are
  // checked now against the stored lengths, and each length again once decoded.
  if (!texts.isUtf8()) throw new ContainerError("paragraph texts are not UTF-8");
  const textLength = reader.int32(38, texts.length);
  for (let p = 0; p < texts.length; p += 1) {
    const length = textLength[p] as number;
    for (let s = sentenceFirst[p] as number; s < (sentenceFirst[p + 1] as number); s += 1) {
      const start = bounds[2 * s] as number;
      const end = bounds[2 * s + 1] as number;
      if (start < 0 || start > end || end > length) {
        throw new ContainerError(`sentence ${s} outside its paragraph`);
      }
    }
  }

  const articles: Article[] = [];
  const seen = new Set<string>();
  for (let a = 0; a < count; a += 1) {
    const id = ids.get(a);
    if (seen.has(id)) throw new ContainerError(`article id ${id} twice`);
    seen.add(id);
    const first = articleFirst[a] as number;
    const last = articleFirst[a + 1] as number;
    const meta: Record<string, string | undefined> = {};
    OPTIONAL.forEach((field, i) => {
      meta[field] =
        ((present[a] as number) >> i) & 1 ? (optional[i] as StringTable).get(a) : undefined;
    });
    const meta2 = { id, title: titles[a] as string, ...meta, file: files[a] as string };
    articles.push(
      withLazyParagraphs(meta2, () =>
        Array.from({ length: last - first }, (_, i) => readParagraph(first + i, i + 1)),
      ),
    );
  }

  function readParagraph(p: number, number: number): Paragraph {
    const text = texts.get(p);
    if (text.length !== textLength[p]) throw new ContainerError(`paragraph ${p} changed length`);
    const sentences: Sentence[] = [];
    for (let s = sentenceFirst[p] as number; s < (sentenceFirst[p + 1] as number); s += 1) {
      const start = bounds[2 * s] as number;
      const end = bounds[2 * s + 1] as number;
      sentences.push({ index: sentences.length, text: text.slice(start, end), start, end });
    }
    const context = contextOf[p] as number;
    return context >= 0
      ? { number, text, sentences, context: contexts[context] as string }
      : { number, text, sentences };
  }

  const problemFiles = reader.strings(40).all();
  const problems = reader
    .strings(42, problemFiles.length)
    .all()
    .map((problem, i) => ({ file: problemFiles[i] as string, problem }));
  const sentences = {
    article: reader.int32(50, sentenceCount),
    paragraph: reader.int32(51, sentenceCount),
    sentence: reader.int32(52, sentenceCount),
    paragraphKey: reader.int32(53, sentenceCount),
    length: reader.int32(54, sentenceCount),
    flags: reader.uint8(55, sentenceCount),
  };
  // The sentence columns must say exactly what the articles say.
  let unit = 0;
  for (let a = 0; a < count; a += 1) {
    for (let p = articleFirst[a] as number; p < (articleFirst[a + 1] as number); p += 1) {
      for (let s = sentenceFirst[p] as number; s < (sentenceFirst[p + 1] as number); s += 1) {
        if (
          sentences.article[unit] !== a ||
          sentences.paragraph[unit] !== p - (articleFirst[a] as number) + 1 ||
          sentences.sentence[unit] !== s - (sentenceFirst[p] as number) ||
          sentences.paragraphKey[unit] !== p ||
          (sentences.length[unit] as number) < 0
        ) {
          throw new ContainerError(`sentence ${unit} does not match its article`);
        }
        unit += 1;
      }
    }
  }

  const terms = reader.strings(60);
  const postingFirst = reader.int32(62, terms.length + 1);
  const units = reader.int32(63);
  const counts = reader.uint8(64, units.length);
  checkOffsets(postingFirst, units.length, "postings");
  const postings = new Map<string, Posting>();
  for (let t = 0; t < terms.length; t += 1) {
    const first = postingFirst[t] as number;
    const last = postingFirst[t + 1] as number;
    let previous = -1;
    for (let i = first; i < last; i += 1) {
      const id = units[i] as number;
      if (id <= previous || id >= sentenceCount) throw new ContainerError(`posting ${t} unsorted`);
      previous = id;
    }
    postings.set(terms.get(t), {
      sentenceIds: units.subarray(first, last),
      counts: counts.subarray(first, last),
    });
  }
  const words = reader.strings(70).all();
  const wordTerms = reader.strings(72, words.length).all();
  const vocabulary = new Map(words.map((word, i) => [word, wordTerms[i] as string]));
  const titleFirst = reader.int32(80, count + 1);
  const titleTermList = reader.strings(81).all();
  checkOffsets(titleFirst, titleTermList.length, "title terms");
  const titleTerms = Array.from({ length: count }, (_, a) =>
    titleTermList.slice(titleFirst[a], titleFirst[a + 1]),
  );
  const contextFirst = reader.int32(84);
  const contextTermList = reader.strings(85).all();
  checkOffsets(contextFirst, contextTermList.length, "context terms");
  const contextTerms = Array.from({ length: contextFirst.length - 1 }, (_, c) =>
    contextTermList.slice(contextFirst[c], contextFirst[c + 1]),
  );
  const contextOfParagraph = reader.int32(83, texts.length);
  checkRange(contextOfParagraph, -1, contextTerms.length, "paragraph contexts");
  const averageLength = reader.float64(90, 1)[0] as number;
  if (!Number.isFinite(averageLength) || averageLength <= 0) {
    throw new ContainerError("average sentence length");
  }
  return {
    fingerprint,
    articles,
    problems,
    data: {
      sentences,
      postings,
      vocabulary,
      titleTerms,
      contextOf: contextOfParagraph,
      contextTerms,
      averageLength,
    },
  };
}

/**
 * An article whose paragraphs are decoded from the saved file when first read, then
 * kept: opening an index of thousands of articles decodes none of their texts.
 */
function withLazyParagraphs(meta: Omit<Article, "paragraphs">, read: () => Paragraph[]): Article {
  let paragraphs: Paragraph[] | undefined;
  return Object.defineProperty({ ...meta } as Article, "paragraphs", {
    enumerable: true,
    get: () => (paragraphs ??= read()),
  });
}
