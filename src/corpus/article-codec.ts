import type { Article, Paragraph, Sentence, SentenceTable } from "../core/index.ts";
import {
  checkOffsets,
  checkRange,
  ContainerError,
  type ContainerReader,
  type ContainerWriter,
} from "./binary.ts";

/**
 * The articles of a saved index: metadata, paragraph texts and sentence bounds (tags
 * 10–38 of the layout in `index-codec.ts`). Texts are decoded when an article is first
 * read; the sentence table's position columns are derived from the paragraph and
 * sentence offsets rather than stored.
 */

const OPTIONAL = ["source", "url", "published", "author"] as const;

/** Writes the articles' sections. */
export function encodeArticles(writer: ContainerWriter, articles: readonly Article[]): void {
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
  readonly positions: SentencePositions;
  readonly paragraphCount: number;
}

/**
 * Reads the articles' sections and checks them: offsets, sentence bounds against the
 * stored text lengths, context indexes, unique ids. Texts are decoded lazily (each length
 * checked again once decoded).
 */
export function decodeArticles(reader: ContainerReader): DecodedArticles {
  const ids = reader.strings(10).all();
  const count = ids.length;
  const titles = reader.strings(12, count).all();
  const optional = OPTIONAL.map((_, i) => reader.strings(14 + 2 * i, count).all());
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
  checkBounds(textLength, sentenceFirst, bounds);

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

  const articles: Article[] = new Array<Article>(count);
  const seen = new Set<string>();
  for (let a = 0; a < count; a += 1) {
    const id = ids[a] as string;
    if (seen.has(id)) throw new ContainerError(`article id ${id} twice`);
    seen.add(id);
    const bits = present[a] as number;
    const field = (i: number) => ((bits >> i) & 1 ? optional[i]?.[a] : undefined);
    const first = articleFirst[a] as number;
    const last = articleFirst[a + 1] as number;
    let paragraphs: Paragraph[] | undefined;
    // A getter of its own (enumerable, as the parser's plain objects have the field):
    // opening an index of thousands of articles decodes none of their texts.
    articles[a] = {
      id,
      title: titles[a] as string,
      source: field(0),
      url: field(1),
      published: field(2),
      author: field(3),
      file: files[a] as string,
      get paragraphs(): Paragraph[] {
        paragraphs ??= Array.from({ length: last - first }, (_, i) =>
          readParagraph(first + i, i + 1),
        );
        return paragraphs;
      },
    };
  }
  return {
    articles,
    positions: sentencePositions(articleFirst, sentenceFirst),
    paragraphCount: texts.length,
  };
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
