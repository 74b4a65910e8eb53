import type { Article, SentenceTable } from "../core/index.ts";
import { ArticleTexts, type TextCacheSizes, type TextRecovery } from "./article-texts.ts";
import { bytesSource } from "./detached.ts";
import {
  checkOffsets,
  checkRange,
  ContainerError,
  type ContainerReader,
  type ContainerWriter,
} from "./binary.ts";

/**
 * The articles of a saved index: metadata, paragraph texts, contexts and speakers, and sentence bounds (tags
 * 10–38 of the layout in `index-codec.ts`). The texts are a detached section (`binary.ts`),
 * one chunk an article: an article's chunk is read from the file, checked against its
 * digest and decoded when the article is first read; the sentence table's position columns
 * are derived from the paragraph and sentence offsets rather than stored.
 */

/** The optional metadata fields, in the order of their sections (14–21) and presence bits (24). */
export const OPTIONAL_FIELDS = ["source", "url", "published", "author"] as const;

/** Where the text chunks' ends and digests are (the texts at 31, their offsets at 32). */
const TEXT_TAGS = { ends: 25, digests: 26 } as const;

/**
 * Checks every article's text chunk in `bytes`, the whole container `reader` reads, against its
 * digest: for bytes handed whole to another thread, whose reader has no file to recover an
 * article from when its text turns out altered.
 *
 * @throws ContainerError naming the first chunk that does not match.
 */
export function checkAllTexts(reader: ContainerReader, bytes: Uint8Array): void {
  const texts = reader.detached(31, TEXT_TAGS).over(bytesSource(bytes));
  for (let i = 0; i < texts.chunks; i += 1) texts.chunk(i);
}

/** Writes the paragraph texts (31, detached, one chunk an article) and their offsets (32). */
export function writeTexts(
  writer: ContainerWriter,
  texts: { readonly bytes: Uint8Array; readonly offsets: Int32Array },
  articleFirst: Int32Array,
  digests?: Uint8Array,
): void {
  const ends = Int32Array.from(articleFirst.subarray(1), (p) => texts.offsets[p] as number);
  writer.detached(31, texts.bytes, ends, TEXT_TAGS, digests).int32(32, texts.offsets);
}

/**
 * Writes the paragraph texts of several containers' articles joined, in order (the chunks
 * of a build in workers), as `encodeArticles` (article-encoder.ts) writes them for all their articles:
 * copied as stored, digests included, without decoding or hashing a text.
 */
export function copyTexts(writer: ContainerWriter, readers: readonly ContainerReader[]): void {
  const parts = readers.map((reader) => ({
    texts: reader.detached(31, TEXT_TAGS),
    offsets: reader.int32(32),
    articleFirst: reader.int32(30),
  }));
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.texts.length, 0));
  const offsets = new Int32Array(1 + parts.reduce((sum, part) => sum + part.offsets.length - 1, 0));
  const articleFirst = new Int32Array(
    1 + parts.reduce((sum, part) => sum + part.articleFirst.length - 1, 0),
  );
  const digests = new Uint8Array(parts.reduce((sum, part) => sum + part.texts.digests.length, 0));
  let byte = 0;
  let paragraph = 0;
  let article = 0;
  let digest = 0;
  for (const part of parts) {
    bytes.set(part.texts.raw(), byte);
    digests.set(part.texts.digests, digest);
    for (let p = 1; p < part.offsets.length; p += 1) {
      offsets[paragraph + p] = (part.offsets[p] as number) + byte;
    }
    for (let a = 1; a < part.articleFirst.length; a += 1) {
      articleFirst[article + a] = (part.articleFirst[a] as number) + paragraph;
    }
    byte += part.texts.length;
    paragraph += part.offsets.length - 1;
    article += part.articleFirst.length - 1;
    digest += part.texts.digests.length;
  }
  writeTexts(writer, { bytes, offsets }, articleFirst, digests);
}

/** Where each sentence sits: the sentence table's columns that the articles determine. */
export type SentencePositions = Pick<
  SentenceTable,
  "article" | "paragraph" | "sentence" | "paragraphKey"
>;

/**
 * The position columns of the sentence table, from where each article's paragraphs and
 * each paragraph's sentences start: paragraphs numbered from 1 in each article,
 * sentences from 0 in each paragraph, paragraph keys across the corpus.
 */
export function sentencePositions(
  articleFirst: Int32Array,
  sentenceFirst: Int32Array,
): SentencePositions {
  const count = sentenceFirst[sentenceFirst.length - 1] as number;
  const columns = {
    article: new Int32Array(count),
    paragraph: new Int32Array(count),
    sentence: new Int32Array(count),
    paragraphKey: new Int32Array(count),
  };
  for (let a = 0; a + 1 < articleFirst.length; a += 1) {
    const firstParagraph = articleFirst[a] as number;
    for (let p = firstParagraph; p < (articleFirst[a + 1] as number); p += 1) {
      const firstSentence = sentenceFirst[p] as number;
      for (let s = firstSentence; s < (sentenceFirst[p + 1] as number); s += 1) {
        columns.article[s] = a;
        columns.paragraph[s] = p - firstParagraph + 1;
        columns.sentence[s] = s - firstSentence;
        columns.paragraphKey[s] = p;
      }
    }
  }
  return columns;
}

/** The articles read back, and the sentence columns their layout gives. */
export interface DecodedArticles {
  readonly articles: Article[];
  /** Their texts, read from the index file when asked for. */
  readonly texts: ArticleTexts;
  readonly positions: SentencePositions;
  readonly paragraphCount: number;
  /** Each paragraph's speaker, an index into `speakers`, or -1 (the index's `speakerOf`). */
  readonly speakerOf: Int32Array;
  readonly speakers: readonly string[];
}

/**
 * Reads the articles' sections and checks them: offsets, sentence bounds against the
 * stored text lengths, context indexes, unique ids. Texts are decoded lazily (each length
 * checked again once decoded).
 */
export function decodeArticles(
  reader: ContainerReader,
  recover?: TextRecovery,
  sizes?: TextCacheSizes,
): DecodedArticles {
  const ids = reader.strings(10).all();
  const count = ids.length;
  // Checked now, each string decoded when read: a question reads the cited articles' only.
  const titles = reader.strings(12, count).checked();
  const optional = OPTIONAL_FIELDS.map((_, i) => reader.strings(14 + 2 * i, count).checked());
  const files = reader.strings(22, count).checked();
  const present = reader.uint8(24, count);
  const articleFirst = reader.int32(30, count + 1);
  const detached = reader.detached(31, TEXT_TAGS);
  const textOffsets = reader.int32(32);
  const paragraphCount = textOffsets.length - 1;
  checkOffsets(textOffsets, detached.length, "paragraph texts");
  checkOffsets(articleFirst, paragraphCount, "paragraphs");
  // Chunk a holds exactly article a's paragraphs.
  if (detached.chunks !== count) throw new ContainerError("one text chunk an article");
  for (let a = 0; a < count; a += 1) {
    if (detached.ends[a] !== textOffsets[articleFirst[a + 1] as number]) {
      throw new ContainerError(`article ${a}'s text chunk is not its paragraphs`);
    }
  }
  const contextOf = reader.int32(33, paragraphCount);
  const contexts = reader.strings(34).all();
  checkRange(contextOf, -1, contexts.length, "contexts");
  const speakerOf = reader.int32(27, paragraphCount);
  const speakers = reader.strings(28).all();
  checkRange(speakerOf, -1, speakers.length, "speakers");
  const sentenceFirst = reader.int32(36, paragraphCount + 1);
  const bounds = reader.int32(37);
  const sentenceCount = bounds.length / 2;
  if (!Number.isInteger(sentenceCount)) throw new ContainerError("odd sentence bounds");
  checkOffsets(sentenceFirst, sentenceCount, "sentences");
  // Texts are read and decoded when an article is first read (most never are): their
  // bounds are checked now against the stored lengths, and each length again once decoded.
  const textLength = reader.int32(38, paragraphCount);
  checkBounds(textLength, sentenceFirst, bounds);
  const positions = sentencePositions(articleFirst, sentenceFirst);
  const articles: Article[] = new Array<Article>(count);
  const texts = new ArticleTexts(
    {
      texts: detached,
      textOffsets,
      articleFirst,
      sentenceFirst,
      bounds,
      textLength,
      contextOf,
      contexts,
      speakerOf,
      speakers,
      sentenceArticle: positions.article,
      sentenceParagraph: positions.paragraphKey,
    },
    (a) => articles[a] as Article,
    recover,
    sizes,
  );
  // Each article's fields are getters (enumerable, as the parser's plain objects have them),
  // the same seven functions for every article, which find the article's position in
  // `positionOf`: opening an index of thousands of articles decodes none of their texts,
  // titles, links or file names, and makes no closure an article.
  const positionOf = new WeakMap<object, number>();
  const at = (article: object) => positionOf.get(article) as number;
  const field = (i: number) =>
    function (this: object): string | undefined {
      const a = at(this);
      return ((present[a] as number) >> i) & 1 ? optional[i]?.get(a) : undefined;
    };
  const getters: PropertyDescriptorMap = {};
  getters["title"] = {
    enumerable: true,
    get(this: object) {
      return titles.get(at(this));
    },
  };
  OPTIONAL_FIELDS.forEach((name, i) => (getters[name] = { enumerable: true, get: field(i) }));
  getters["file"] = {
    enumerable: true,
    get(this: object) {
      return files.get(at(this));
    },
  };
  getters["paragraphs"] = {
    enumerable: true,
    get(this: object) {
      return texts.paragraphs(at(this));
    },
  };
  const seen = new Set<string>();
  for (let a = 0; a < count; a += 1) {
    const id = ids[a] as string;
    if (seen.has(id)) throw new ContainerError(`article id ${id} twice`);
    seen.add(id);
    const article = Object.defineProperties({ id }, getters) as unknown as Article;
    positionOf.set(article, a);
    articles[a] = article;
  }
  return { articles, positions, paragraphCount, texts, speakerOf, speakers };
}

/** Checks that every sentence lies inside its paragraph's text. */
function checkBounds(textLength: Int32Array, sentenceFirst: Int32Array, bounds: Int32Array) {
  for (let p = 0; p < textLength.length; p += 1) {
    const length = textLength[p] as number;
    for (let s = sentenceFirst[p] as number; s < (sentenceFirst[p + 1] as number); s += 1) {
      const start = bounds[2 * s] as number;
      const end = bounds[2 * s + 1] as number;
      if (start < 0 || start > end || end > length) {
        throw new ContainerError(`sentence ${s} outside its paragraph`);
      }
    }
  }
}
