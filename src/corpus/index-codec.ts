import type { Article, IndexData, Posting, SentenceTable } from "../core/index.ts";
import { decodeArticles, sentencePositions } from "./article-codec.ts";
import { encodeArticles } from "./article-encoder.ts";
import type { TextRecovery } from "./article-texts.ts";
import { postingColumns, PostingTable } from "./posting-table.ts";
import { SavedVocabulary } from "./string-index.ts";
import type { FileStamp } from "./listing.ts";
import {
  checkOffsets,
  checkRange,
  ContainerError,
  ContainerReader,
  ContainerWriter,
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
 * | 25–26 | per article: where its texts' chunk ends in 31 (i32), its SHA-256 (u8)  |
 * | 27    | per paragraph: its speaker's index in 28, or -1 (i32); also the index's |
 * |       | speakerOf                                                               |
 * | 28–29 | distinct speakers of transcripts' turns (strings)                       |
 * | 30    | first paragraph of each article, plus the end (i32)                     |
 * | 31–32 | paragraph texts: UTF-8, detached (read and checked one article's chunk  |
 * |       | at a time when the article is first read), and offsets (i32)            |
 * | 38    | per paragraph: its text's length in UTF-16 code units (i32)             |
 * | 33    | per paragraph: its context's index in 34, or -1 (i32)                   |
 * | 34    | distinct contexts (strings)                                             |
 * | 36    | first sentence of each paragraph, plus the end (i32)                    |
 * | 37    | per sentence: start and end in its paragraph's text (i32 pairs)         |
 * | 40–43 | broken files: path and problem (strings)                                |
 * | 54–55 | sentence columns: length (i32) and flags (u8); the article, paragraph,  |
 * |       | sentence and paragraph-key columns follow from 30 and 36                |
 * | 60–64 | postings: terms (strings), first entry of each term plus the end (i32), |
 * |       | sentence ids ascending per term (i32), counts (u8)                      |
 * | 70–73 | vocabulary: words and their terms (strings)                             |
 * | 80–82 | title terms: first of each article plus the end (i32), terms (strings)  |
 * | 83    | per paragraph: its context's position in 84–85, or -1 (i32)             |
 * | 84–85 | context terms: first of each context plus the end (i32), terms (strings)|
 * | 87    | per paragraph: how many paragraphs back the reporter's question its     |
 * |       | turn answers begins, or 0 (i32)                                         |
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
export const STAMP_FIELDS = 5;

/** Encodes articles, problems and index data, signed with the install's key. */
export function encodeIndex(content: SavedContent, version: number, key: Uint8Array): Buffer {
  const { articles, problems, data } = content;
  const writer = new ContainerWriter(version);
  encodeHead(writer, content.fingerprint, content.files ?? []);
  encodeArticles(writer, articles);
  encodeProblems(writer, problems);
  checkDerivable(articles, data.sentences);
  encodeIndexData(writer, data);
  return writer.finish(key);
}

/** Writes the fingerprint and the files read (tags 1–6): the first sections of a saved index. */
export function encodeHead(
  writer: ContainerWriter,
  fingerprint: string,
  files: readonly SavedFile[],
): void {
  writer.strings(1, [fingerprint]);
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
}

/** Writes the files that did not load (tags 40–43), after the articles. */
export function encodeProblems(
  writer: ContainerWriter,
  problems: readonly { readonly file: string; readonly problem: string }[],
): void {
  writer.strings(
    40,
    problems.map((p) => p.file),
  );
  writer.strings(
    42,
    problems.map((p) => p.problem),
  );
}

/** Writes the index's arrays (tags 54–90), the last sections of a saved index. */
export function encodeIndexData(writer: ContainerWriter, data: IndexData): void {
  const { sentences } = data;
  writer.int32(54, sentences.length).uint8(55, sentences.flags);
  // Each term's postings read once, in order (a joined build's are made as they are read).
  const terms: string[] = [];
  const postings: Posting[] = [];
  for (const [term, posting] of data.postings) {
    terms.push(term);
    postings.push(posting);
  }
  const postingFirst = new Int32Array(terms.length + 1);
  postings.forEach((posting, i) => {
    postingFirst[i + 1] = (postingFirst[i] as number) + posting.sentenceIds.length;
  });
  const { units, counts } = postingColumns(postings, postingFirst);
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
  writer.int32(87, data.questionDistance);
  writer.float64(90, Float64Array.of(data.averageLength));
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
  /** The files' names in saved order (tag 3), and their stamps (tag 5, a view into the file). */
  readonly names: readonly string[];
  readonly stamps: BigInt64Array;
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
  return { fingerprint, files, names, stamps };
}

/** Decodes everything but the files of a checked container (see {@link decodeIndex}). */
export function decodeContent(reader: ContainerReader, recover?: TextRecovery): SavedContent {
  const fingerprint = reader.strings(1, 1).get(0);
  const { articles, positions, paragraphCount, texts, speakerOf, speakers } = decodeArticles(
    reader,
    recover,
  );
  const count = articles.length;
  const sentenceCount = positions.article.length;
  const problemFiles = reader.strings(40).all();
  const problems = reader
    .strings(42, problemFiles.length)
    .all()
    .map((problem, i) => ({ file: problemFiles[i] as string, problem }));
  const sentences = {
    ...positions,
    length: reader.int32(54, sentenceCount),
    flags: reader.uint8(55, sentenceCount),
  };
  checkRange(sentences.length, 0, 2 ** 31 - 1, "sentence lengths");
  const terms = reader.strings(60);
  const postingFirst = reader.int32(62, terms.length + 1);
  const units = reader.int32(63);
  const postings = new PostingTable(
    terms,
    postingFirst,
    units,
    reader.uint8(64, units.length),
    sentenceCount,
  );
  const words = reader.strings(70);
  const vocabulary = new SavedVocabulary(words, reader.strings(72, words.length));
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
  const contextOfParagraph = reader.int32(83, paragraphCount);
  checkRange(contextOfParagraph, -1, contextTerms.length, "paragraph contexts");
  const questionDistance = reader.int32(87, paragraphCount);
  // A question begins before the paragraph that answers it (never before the first).
  for (let p = 0; p < paragraphCount; p += 1) {
    const distance = questionDistance[p] as number;
    if (distance < 0 || distance > p) throw new ContainerError("question distances");
  }
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
      speakerOf,
      questionDistance,
      speakers,
      averageLength,
      texts,
    },
  };
}

/**
 * Refuses to save a sentence table whose position columns are not the ones the articles'
 * layout gives (a change to the index builder that the format must follow first).
 */
export function checkDerivable(articles: readonly Article[], sentences: SentenceTable): void {
  const articleFirst = new Int32Array(articles.length + 1);
  const counts: number[] = [];
  articles.forEach((article, a) => {
    articleFirst[a + 1] = (articleFirst[a] as number) + article.paragraphs.length;
    for (const paragraph of article.paragraphs) counts.push(paragraph.sentences.length);
  });
  const sentenceFirst = new Int32Array(counts.length + 1);
  counts.forEach((n, p) => (sentenceFirst[p + 1] = (sentenceFirst[p] as number) + n));
  checkLayout(articleFirst, sentenceFirst, sentences);
}

/**
 * {@link checkDerivable} of the articles' layout: the first paragraph of each article and the
 * first sentence of each paragraph, each plus the end.
 */
export function checkLayout(
  articleFirst: Int32Array,
  sentenceFirst: Int32Array,
  sentences: SentenceTable,
): void {
  const derived = sentencePositions(articleFirst, sentenceFirst);
  for (const column of ["article", "paragraph", "sentence", "paragraphKey"] as const) {
    const built = sentences[column];
    const expected = derived[column];
    // A loop, not `some` with a function: V8 calls that per element (a million sentences).
    let same = built.length === expected.length;
    for (let i = 0; same && i < built.length; i += 1) same = built[i] === expected[i];
    if (!same) {
      throw new Error(`the sentence table's ${column} column does not follow the articles`);
    }
  }
}
