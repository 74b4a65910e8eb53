import { isUtf8 } from "node:buffer";
import { LRUCache } from "lru-cache";
import {
  CACHE_SIZES,
  type Article,
  type Paragraph,
  type Sentence,
  type SentenceTexts,
} from "../core/index.ts";
import { ContainerError } from "./binary.ts";
import { ChunkRing } from "./chunk-ring.ts";
import type { DetachedBytes } from "./detached.ts";

/**
 * What to do when an article's text chunk is refused when read (altered on disk after the
 * index was opened or checked): the article's paragraphs from elsewhere, or throw.
 */
export type TextRecovery = (article: Article, problem: ContainerError) => Paragraph[];

/** Where a saved index's paragraph texts and sentence bounds are (checked by the caller). */
export interface TextLayout {
  /** The texts, a detached chunk an article. */
  readonly texts: DetachedBytes;
  /** Where each paragraph's text starts in the texts (and the end). */
  readonly textOffsets: Int32Array;
  /** Each article's first paragraph (and the end). */
  readonly articleFirst: Int32Array;
  /** Each paragraph's first sentence (and the end). */
  readonly sentenceFirst: Int32Array;
  /** Each sentence's start and end in its paragraph's text, in UTF-16 units. */
  readonly bounds: Int32Array;
  /** Each paragraph's text length in UTF-16 units. */
  readonly textLength: Int32Array;
  /** Each paragraph's context, an index into `contexts`, or -1. */
  readonly contextOf: Int32Array;
  readonly contexts: readonly string[];
  /** Each paragraph's speaker, an index into `speakers`, or -1. */
  readonly speakerOf: Int32Array;
  readonly speakers: readonly string[];
  /** Each sentence's article and paragraph key. */
  readonly sentenceArticle: Int32Array;
  readonly sentenceParagraph: Int32Array;
}

/** The sizes of {@link ArticleTexts}'s caches (see {@link CACHE_SIZES}). */
export type TextCacheSizes = Pick<
  typeof CACHE_SIZES,
  "sentenceChars" | "articleBytes" | "articleChars"
>;

/**
 * The texts of a saved index's articles, read from the index file when asked for and
 * checked against their digests: a text altered on disk after the open is never served.
 * Three LRUs bound what a long-running bot keeps (every article it ever read, kept decoded,
 * held 320 MB after 1,000 questions on a 14,000-article archive): the sentences read last
 * ({@link CACHE_SIZES}.sentenceChars), which is what a question reads of most articles it
 * looks at; the checked UTF-8 of the articles read last (`articleBytes`, one buffer written
 * around, see {@link ChunkRing}), from which a sentence is decoded alone; and the articles decoded whole, paragraphs and sentences, for
 * quoting and an article's card (`articleChars`). An article that left them is read from
 * the file and checked again.
 */
export class ArticleTexts implements SentenceTexts {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  /** Undefined when the texts are in memory (then a chunk is a view of them). */
  private readonly bytes: ChunkRing<number> | undefined;
  private readonly sentences: LRUCache<number, string>;
  private readonly decoded: LRUCache<number, Paragraph[]>;

  constructor(
    private readonly layout: TextLayout,
    /** The article at a position, for recovery. */
    private readonly articleAt: (a: number) => Article,
    private readonly recover?: TextRecovery,
    sizes: TextCacheSizes = CACHE_SIZES,
  ) {
    // No larger than the texts: a small folder's index does not hold the whole size.
    this.bytes = layout.texts.inMemory
      ? undefined
      : new ChunkRing(Math.min(sizes.articleBytes, layout.texts.length));
    this.sentences = new LRUCache({
      maxSize: sizes.sentenceChars,
      sizeCalculation: (text) => Math.max(1, text.length),
    });
    this.decoded = new LRUCache({
      maxSize: sizes.articleChars,
      sizeCalculation: (paragraphs) =>
        Math.max(
          1,
          paragraphs.reduce((sum, p) => sum + p.text.length, 0),
        ),
    });
  }

  /** Article `a`'s paragraphs, decoded whole. */
  paragraphs(a: number): Paragraph[] {
    let paragraphs = this.decoded.get(a);
    if (!paragraphs) {
      try {
        const chunk = this.chunk(a);
        const first = this.layout.articleFirst[a] as number;
        const base = this.layout.textOffsets[first] as number;
        paragraphs = Array.from(
          { length: (this.layout.articleFirst[a + 1] as number) - first },
          (_, i) => this.paragraph(chunk, base, first + i, i + 1),
        );
      } catch (error) {
        if (!this.recover || !(error instanceof ContainerError)) throw error;
        paragraphs = this.recover(this.articleAt(a), error);
      }
      this.decoded.set(a, paragraphs);
    }
    return paragraphs;
  }

  /**
   * The text of sentence `s` (its id in the index): decoded from its paragraph's bytes alone,
   * or read from the article's paragraphs when its text is refused (then recovered).
   */
  sentence(s: number): string {
    let text = this.sentences.get(s);
    if (text === undefined) {
      const a = this.layout.sentenceArticle[s] as number;
      const chunk = this.decoded.has(a) ? undefined : this.checkedChunk(a);
      text = chunk ? this.sentenceIn(chunk, a, s) : this.fromParagraphs(a, s);
      this.sentences.set(s, text);
    }
    return text;
  }

  /**
   * Sentence `s` of article `a`, decoded from the article's checked UTF-8 alone: its bounds
   * (UTF-16 units in its paragraph) found as bytes by reading the paragraph's bytes up to it.
   */
  private sentenceIn(chunk: Buffer, a: number, s: number): string {
    const { textOffsets, articleFirst, bounds, sentenceParagraph } = this.layout;
    const p = sentenceParagraph[s] as number;
    const base = textOffsets[articleFirst[a] as number] as number;
    const start = (textOffsets[p] as number) - base;
    const end = (textOffsets[p + 1] as number) - base;
    const from = bounds[2 * s] as number;
    const to = bounds[2 * s + 1] as number;
    let byte = start;
    let unit = 0;
    let fromByte = -1;
    // UTF-16 units before each byte that starts a character: one, two from a 4-byte one.
    while (byte < end && unit < to) {
      if (unit === from) fromByte = byte;
      const lead = chunk[byte] as number;
      const size = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
      unit += size === 4 ? 2 : 1;
      byte += size;
    }
    if (unit === from) fromByte = byte;
    const text = fromByte < 0 || unit !== to ? "" : chunk.toString("utf8", fromByte, byte);
    if (text.length !== to - from || byte > end) {
      throw new ContainerError(`sentence ${s} does not fit its paragraph's text`);
    }
    return text;
  }

  /** Sentence `s` from article `a`'s paragraphs decoded whole (or recovered). */
  private fromParagraphs(a: number, s: number): string {
    const { articleFirst, sentenceFirst, sentenceParagraph } = this.layout;
    const p = sentenceParagraph[s] as number;
    const paragraph = this.paragraphs(a)[p - (articleFirst[a] as number)];
    return paragraph?.sentences[s - (sentenceFirst[p] as number)]?.text ?? "";
  }

  /** How many articles each cache holds now, and their accounted sizes. */
  get cached(): {
    articles: number;
    bytes: number;
    sentences: number;
    sentenceChars: number;
    decoded: number;
    chars: number;
  } {
    return {
      articles: this.bytes?.kept.chunks ?? 0,
      bytes: this.bytes?.kept.bytes ?? 0,
      sentences: this.sentences.size,
      sentenceChars: this.sentences.calculatedSize,
      decoded: this.decoded.size,
      chars: this.decoded.calculatedSize,
    };
  }

  /** Article `a`'s checked UTF-8, or undefined when it is refused. */
  private checkedChunk(a: number): Buffer | undefined {
    try {
      return this.chunk(a);
    } catch (error) {
      if (error instanceof ContainerError) return undefined;
      throw error;
    }
  }

  /**
   * Article `a`'s checked UTF-8, from the ring or read into it now: a view valid until the
   * next article is read.
   */
  private chunk(a: number): Buffer {
    const { texts } = this.layout;
    const checked = (read: Uint8Array) => {
      if (!isUtf8(read)) throw new ContainerError(`article ${a}'s texts are not UTF-8`);
      return read;
    };
    if (!this.bytes) {
      const read = checked(texts.chunk(a));
      return Buffer.from(read.buffer, read.byteOffset, read.length);
    }
    return (
      this.bytes.get(a) ??
      this.bytes.put(a, texts.size(a), (target) => checked(texts.chunkInto(a, target)))
    );
  }

  /** Paragraph `p`'s text, bytes `[start, end)` of its article's chunk, checked. */
  private text(chunk: Uint8Array, start: number, end: number, p: number): string {
    let text: string;
    try {
      text = this.decoder.decode(chunk.subarray(start, end));
    } catch {
      throw new ContainerError(`paragraph ${p} is not UTF-8`);
    }
    if (text.length !== this.layout.textLength[p]) {
      throw new ContainerError(`paragraph ${p} changed length`);
    }
    return text;
  }

  /** Paragraph `p`, numbered `number` in its article, decoded whole. */
  private paragraph(chunk: Uint8Array, base: number, p: number, number: number): Paragraph {
    const { textOffsets, sentenceFirst, bounds, contextOf, contexts, speakerOf, speakers } =
      this.layout;
    const text = this.text(
      chunk,
      (textOffsets[p] as number) - base,
      (textOffsets[p + 1] as number) - base,
      p,
    );
    const sentences: Sentence[] = [];
    for (let s = sentenceFirst[p] as number; s < (sentenceFirst[p + 1] as number); s += 1) {
      const start = bounds[2 * s] as number;
      const end = bounds[2 * s + 1] as number;
      sentences.push({ index: sentences.length, text: text.slice(start, end), start, end });
    }
    const context = contextOf[p] as number;
    const paragraph: Paragraph =
      context >= 0
        ? { number, text, sentences, context: contexts[context] as string }
        : { number, text, sentences };
    const speaker = speakerOf[p] as number;
    return speaker >= 0 ? { ...paragraph, speaker: speakers[speaker] as string } : paragraph;
  }
}
