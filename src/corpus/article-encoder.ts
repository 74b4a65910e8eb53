import { ownCopy, type Article } from "../core/index.ts";
import { OPTIONAL_FIELDS, writeTexts } from "./article-codec.ts";
import type { ContainerWriter } from "./binary.ts";

/** Numbers appended one at a time, in a typed array doubled when full. */
class Int32Column {
  private values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const longer = new Int32Array(2 * this.length);
      longer.set(this.values);
      this.values = longer;
    }
    this.values[this.length++] = value;
  }

  /** The values pushed, at their length (a view). */
  view(): Int32Array {
    return this.values.subarray(0, this.length);
  }
}

/** A value's position among those first met before it (added when new), or -1 for none. */
function positionOf(positions: Map<string, number>, value: string | undefined): number {
  if (value === undefined) return -1;
  let at = positions.get(value);
  if (at === undefined) {
    at = positions.size;
    positions.set(ownCopy(value), at);
  }
  return at;
}

/**
 * The articles' sections of a saved index (tags 10–38, see `index-codec.ts`), gathered one
 * article at a time: a build may let each article go once it is indexed and added here, and
 * write the sections at the end ({@link ArticleEncoder.write}), the same bytes as `encodeArticles` writes
 * for the whole list. Paragraph texts are encoded as they come, into one growing buffer.
 */
export class ArticleEncoder {
  private readonly ids: string[] = [];
  private readonly titles: string[] = [];
  private readonly optional: string[][] = OPTIONAL_FIELDS.map(() => []);
  private readonly files: string[] = [];
  private readonly present: number[] = [];
  /** First paragraph of each article, plus the end. */
  private readonly articleFirst = new Int32Column();
  /** The paragraph texts' UTF-8, back to back, and where each starts, plus the end. */
  private textBytes: Buffer;
  private readonly textOffsets = new Int32Column();
  private readonly textLengths = new Int32Column();
  private readonly contextOf = new Int32Column();
  private readonly contexts = new Map<string, number>();
  private readonly speakerOf = new Int32Column();
  private readonly speakers = new Map<string, number>();
  /** First sentence of each paragraph, plus the end. */
  private readonly sentenceFirst = new Int32Column();
  private readonly bounds = new Int32Column();

  /**
   * @param textBytes - room for the paragraph texts' UTF-8 at first (doubled when full): the
   *   bytes of the files they come from, which hold them with their markup, leave it untouched
   *   where it is not used and spare the copies of a buffer that doubles.
   */
  constructor(textBytes = 1 << 16) {
    // Never a slice of the shared pool: a worker hands this buffer over to the calling thread.
    this.textBytes = Buffer.allocUnsafeSlow(Math.max(textBytes, 16));
    this.articleFirst.push(0);
    this.textOffsets.push(0);
    this.sentenceFirst.push(0);
  }

  /** Adds the next article. */
  add(article: Article): void {
    // Kept until the chunk is written: each its own string, not a view of its file's text.
    this.ids.push(ownCopy(article.id));
    this.titles.push(ownCopy(article.title));
    let bits = 0;
    OPTIONAL_FIELDS.forEach((field, i) => {
      const value = article[field];
      (this.optional[i] as string[]).push(value === undefined ? "" : ownCopy(value));
      if (value !== undefined) bits |= 1 << i;
    });
    this.present.push(bits);
    this.files.push(ownCopy(article.file));
    let paragraphs = this.textLengths.length;
    let sentences = this.bounds.length / 2;
    for (const paragraph of article.paragraphs) {
      this.addText(paragraph.text);
      this.textLengths.push(paragraph.text.length);
      this.contextOf.push(positionOf(this.contexts, paragraph.context));
      this.speakerOf.push(positionOf(this.speakers, paragraph.speaker));
      for (const sentence of paragraph.sentences) {
        this.bounds.push(sentence.start);
        this.bounds.push(sentence.end);
      }
      sentences += paragraph.sentences.length;
      this.sentenceFirst.push(sentences);
      paragraphs += 1;
    }
    this.articleFirst.push(paragraphs);
  }

  /** Appends a paragraph's text as UTF-8 (a lone surrogate as U+FFFD, as `encodeStrings` writes it). */
  private addText(text: string): void {
    const at = this.textOffsets.view()[this.textOffsets.length - 1] as number;
    const bytes = Buffer.byteLength(text, "utf8");
    if (at + bytes > this.textBytes.length) {
      let length = 2 * this.textBytes.length;
      while (length < at + bytes) length *= 2;
      const longer = Buffer.allocUnsafeSlow(length);
      this.textBytes.copy(longer, 0, 0, at);
      this.textBytes = longer;
    }
    if (this.textBytes.write(text, at, "utf8") !== bytes) {
      throw new Error(`paragraph ${this.textLengths.length} did not encode to its length`);
    }
    this.textOffsets.push(at + bytes);
  }

  /** First paragraph of each article added, plus the end. */
  get paragraphStarts(): Int32Array {
    return this.articleFirst.view();
  }

  /** First sentence of each paragraph added, plus the end. */
  get sentenceStarts(): Int32Array {
    return this.sentenceFirst.view();
  }

  /** Writes the articles' sections, as `encodeArticles` writes them. */
  write(writer: ContainerWriter): void {
    writer.strings(10, this.ids);
    writer.strings(12, this.titles);
    this.optional.forEach((values, i) => writer.strings(14 + 2 * i, values));
    writer.strings(22, this.files);
    writer.uint8(24, Uint8Array.from(this.present));
    const articleFirst = this.articleFirst.view();
    writer.int32(30, articleFirst);
    const offsets = this.textOffsets.view();
    const end = offsets[offsets.length - 1] as number;
    writeTexts(writer, { bytes: this.textBytes.subarray(0, end), offsets }, articleFirst);
    writer.int32(38, this.textLengths.view());
    writer.int32(33, this.contextOf.view());
    writer.strings(34, [...this.contexts.keys()]);
    writer.int32(27, this.speakerOf.view());
    writer.strings(28, [...this.speakers.keys()]);
    writer.int32(36, this.sentenceFirst.view());
    writer.int32(37, this.bounds.view());
  }
}

/** Writes the articles' sections (tags 10–38) of a list of articles. */
export function encodeArticles(writer: ContainerWriter, articles: readonly Article[]): void {
  const encoder = new ArticleEncoder();
  for (const article of articles) encoder.add(article);
  encoder.write(writer);
}
