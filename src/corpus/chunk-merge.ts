import type { IndexData } from "../core/index.ts";
import { copyTexts, sentencePositions, type SentencePositions } from "./article-codec.ts";
import type { ContainerReader, ContainerWriter } from "./binary.ts";
import type { SavedContent } from "./index-codec.ts";
import { MergedPostings } from "./merged-postings.ts";

/**
 * Joins the indexes made of consecutive chunks of a folder's files (`parallel-build.ts`: one
 * built in the calling thread, the others in workers) into the index one build of all the
 * files makes: the same arrays, in the same order, down to the saved file's bytes. A worker's
 * chunk arrives in the saved index's format; its articles stay encoded (decoded when first
 * read, as from a saved index).
 */

/** One chunk's index: what it holds, its articles' layout, and its container for saving. */
export interface Chunk {
  readonly content: Pick<SavedContent, "articles" | "problems" | "data">;
  /** Its distinct paragraph contexts in the order first met (its container's section 34). */
  readonly contexts: readonly string[];
  /** First paragraph of each article, plus the end (section 30). */
  readonly articleFirst: Int32Array;
  /** First sentence of each paragraph, plus the end (section 36). */
  readonly sentenceFirst: Int32Array;
  /** Its articles' sections (10–38) in a checked container: made when first asked for one built here. */
  container(): ContainerReader;
}

/** A chunk that a worker sent, checked: what its container decodes to. */
export function receivedChunk(reader: ContainerReader, content: Chunk["content"]): Chunk {
  return {
    content,
    contexts: reader.strings(34).all(),
    articleFirst: reader.int32(30),
    sentenceFirst: reader.int32(36),
    container: () => reader,
  };
}

function concatInt32(arrays: readonly Int32Array[]): Int32Array {
  const joined = new Int32Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let at = 0;
  for (const array of arrays) {
    joined.set(array, at);
    at += array.length;
  }
  return joined;
}

function concatUint8(arrays: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let at = 0;
  for (const array of arrays) {
    joined.set(array, at);
    at += array.length;
  }
  return joined;
}

/** Offsets (each from 0 to its end) of consecutive runs, as one list of offsets. */
function concatOffsets(lists: readonly Int32Array[]): Int32Array {
  const joined = new Int32Array(1 + lists.reduce((sum, l) => sum + l.length - 1, 0));
  let at = 0;
  let base = 0;
  for (const list of lists) {
    for (let k = 1; k < list.length; k += 1) joined[at + k] = (list[k] as number) + base;
    at += list.length - 1;
    base = joined[at] as number;
  }
  return joined;
}

/** The same string section of every chunk, as one table. */
function concatStrings(chunks: readonly Chunk[], tag: number) {
  const tables = chunks.map((chunk) => chunk.container().strings(tag));
  return {
    bytes: concatUint8(tables.map((t) => t.bytes)),
    offsets: concatOffsets(tables.map((t) => t.offsets)),
  };
}

/** Each chunk's distinct strings (in the order first met) as one list, and their merged positions. */
function mergeFirstMet(lists: readonly (readonly string[])[]): {
  readonly values: string[];
  readonly positions: Int32Array[];
} {
  const position = new Map<string, number>();
  const values: string[] = [];
  const positions = lists.map((list) =>
    Int32Array.from(list, (value) => {
      let at = position.get(value);
      if (at === undefined) {
        at = values.length;
        position.set(value, at);
        values.push(value);
      }
      return at;
    }),
  );
  return { values, positions };
}

/** Each chunk's distinct paragraph contexts (in the order first met), and their merged positions. */
export function mergeContexts(chunks: readonly Chunk[]): {
  readonly contexts: string[];
  readonly positions: Int32Array[];
} {
  const { values, positions } = mergeFirstMet(chunks.map((chunk) => chunk.contexts));
  return { contexts: values, positions };
}

/** A chunk's per-paragraph context (or speaker) indexes moved to the merged positions. */
function remapped(values: Int32Array, positions: Int32Array): Int32Array {
  // A loop, not Int32Array.from with a mapping function: V8 calls that per element.
  const moved = new Int32Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    moved[i] = value < 0 ? -1 : (positions[value] as number);
  }
  return moved;
}

/**
 * Writes the articles' sections (tags 10–38) of the chunks joined: what `encodeArticles`
 * writes for all their articles, without decoding a paragraph.
 */
export function encodeChunkArticles(writer: ContainerWriter, chunks: readonly Chunk[]): void {
  for (const tag of [10, 12, 14, 16, 18, 20, 22])
    writer.stringTable(tag, concatStrings(chunks, tag));
  const readers = chunks.map((c) => c.container());
  writer.uint8(24, concatUint8(readers.map((r) => r.uint8(24))));
  writer.int32(30, concatOffsets(readers.map((r) => r.int32(30))));
  copyTexts(writer, readers);
  writer.int32(38, concatInt32(readers.map((r) => r.int32(38))));
  const { contexts, positions } = mergeContexts(chunks);
  writer.int32(
    33,
    concatInt32(readers.map((r, i) => remapped(r.int32(33), positions[i] as Int32Array))),
  );
  writer.strings(34, contexts);
  const speakers = mergeFirstMet(readers.map((r) => r.strings(28).all()));
  writer.int32(
    27,
    concatInt32(readers.map((r, i) => remapped(r.int32(27), speakers.positions[i] as Int32Array))),
  );
  writer.strings(28, speakers.values);
  writer.int32(36, concatOffsets(readers.map((r) => r.int32(36))));
  writer.int32(37, concatInt32(readers.map((r) => r.int32(37))));
}

/**
 * The index of all the chunks' articles, as `buildIndexData` makes it over them in order:
 * sentence, article and paragraph numbers moved past the earlier chunks'; terms, vocabulary
 * words, contexts and speakers in the order first met (a word's term is that of its latest
 * occurrence, as within a chunk); postings joined term by term, each when first asked for
 * ({@link MergedPostings}).
 */
export function mergeIndexData(chunks: readonly Chunk[]): IndexData {
  const datas = chunks.map((chunk) => chunk.content.data);
  const sentenceShifts: number[] = [];
  const articleShifts: number[] = [];
  const paragraphShifts: number[] = [];
  let sentences = 0;
  let articles = 0;
  let paragraphs = 0;
  for (const data of datas) {
    sentenceShifts.push(sentences);
    articleShifts.push(articles);
    paragraphShifts.push(paragraphs);
    sentences += data.sentences.length.length;
    articles += data.titleTerms.length;
    paragraphs += data.contextOf.length;
  }
  const length = concatInt32(datas.map((d) => d.sentences.length));
  let totalLength = 0;
  for (let i = 0; i < length.length; i += 1) totalLength += length[i] as number;
  // The position columns as the joined articles' layout gives them (as a saved index's are
  // read back), each chunk's own checked against them rather than copied.
  const positions = sentencePositions(
    concatOffsets(chunks.map((c) => c.articleFirst)),
    concatOffsets(chunks.map((c) => c.sentenceFirst)),
  );
  if (positions.article.length !== sentences) {
    throw new Error("the merged sentence table's article column does not follow the articles");
  }
  datas.forEach((data, c) =>
    checkShifted(data.sentences, positions, sentenceShifts[c] as number, {
      article: articleShifts[c] as number,
      paragraph: 0,
      sentence: 0,
      paragraphKey: paragraphShifts[c] as number,
    }),
  );

  const vocabulary = new Map<string, string>();
  for (const data of datas) for (const [word, term] of data.vocabulary) vocabulary.set(word, term);

  // A chunk lists its contexts' terms in the order of its contexts (both first met in it).
  const merged = mergeContexts(chunks);
  const contextTerms = new Array<string[]>(merged.contexts.length);
  datas.forEach((data, c) =>
    data.contextTerms.forEach((terms, i) => {
      contextTerms[(merged.positions[c] as Int32Array)[i] as number] ??= terms;
    }),
  );

  const speakers = mergeFirstMet(datas.map((data) => data.speakers));

  return {
    sentences: {
      ...positions,
      length,
      flags: concatUint8(datas.map((d) => d.sentences.flags)),
    },
    postings: new MergedPostings(
      datas.map((data) => data.postings),
      sentenceShifts,
    ),
    vocabulary,
    titleTerms: datas.flatMap((d) => d.titleTerms),
    contextOf: concatInt32(
      datas.map((d, c) => remapped(d.contextOf, merged.positions[c] as Int32Array)),
    ),
    contextTerms,
    speakerOf: concatInt32(
      datas.map((d, c) => remapped(d.speakerOf, speakers.positions[c] as Int32Array)),
    ),
    // Distances back within an article: a chunk's are the joined index's as they are.
    questionDistance: concatInt32(datas.map((d) => d.questionDistance)),
    speakers: speakers.values,
    // As a one-thread build: sentences of stop words alone have no length (see build.ts).
    averageLength: sentences > 0 && totalLength > 0 ? totalLength / sentences : 1,
  };
}

/**
 * Checks that a chunk's sentence position columns are the joined layout's from `at`, each
 * moved by its shift (as `checkDerivable` checks a one-thread build's against its articles).
 */
function checkShifted(
  chunk: SentencePositions,
  joined: SentencePositions,
  at: number,
  shifts: Readonly<Record<keyof SentencePositions, number>>,
): void {
  for (const column of ["article", "paragraph", "sentence", "paragraphKey"] as const) {
    const own = chunk[column];
    const expected = joined[column];
    const shift = shifts[column];
    let same = at + own.length <= expected.length;
    for (let i = 0; same && i < own.length; i += 1) {
      same = (own[i] as number) + shift === expected[at + i];
    }
    if (!same) {
      throw new Error(`the merged sentence table's ${column} column does not follow the articles`);
    }
  }
}
