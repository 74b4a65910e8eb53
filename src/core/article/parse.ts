import path from "node:path";
import { parse as parseYaml } from "yaml";
import { parsePublished } from "../text/dates.ts";
import { MONTH_PATTERN } from "../text/lexicon.ts";
import { INVISIBLE } from "../text/normalize.ts";
import { splitSentences } from "../text/sentences.ts";
import type { WorkMeter } from "../text/work.ts";
import type { TextBlock } from "./blocks.ts";
import { withSectionHeadings } from "./sections.ts";
import { withSpeakers } from "./speakers.ts";
import { readFrontMatter } from "./front-matter.ts";
import { parseSimpleYaml } from "./simple-yaml.ts";
import { PageTooDeep, parseHtmlPage } from "./html.ts";
import { markdownBlocks } from "./markdown.ts";
import type { Article, Paragraph } from "./types.ts";

/** Something wrong with one article file; the message names the file and the problem. */
export class ArticleError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${path.basename(file)}: ${problem}`);
    this.name = "ArticleError";
  }
}

/**
 * Joins the wrapped lines of a paragraph with one space, the white space around each line
 * break dropped. Line by line rather than with a `\s*\n\s*` pattern, which re-read a long
 * run of spaces from each of its characters (200,000 spaces took 22 s).
 */
function joinLines(block: string): string {
  return block
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}

/** Splits a plain-text body into paragraphs at blank lines; wrapped lines inside one are joined. */
function toParagraphs(body: string, meter?: WorkMeter): Paragraph[] {
  if (meter) meter.steps += body.length;
  return toNumbered(
    body.split(/\n[ \t]*\n/u).map((block) => ({ text: joinLines(block) })),
    meter,
  );
}

/** A character invisible inside a word, the test for {@link INVISIBLE} (which replaces). */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source, "u");

/**
 * A block without the characters invisible inside a word ("Gua&shy;temalan"): read, they
 * would split the word in two, and a question typed without them would not find it.
 */
function visibleOnly(block: TextBlock): TextBlock {
  if (!HAS_INVISIBLE.test(block.text) && !HAS_INVISIBLE.test(block.context ?? "")) return block;
  const text = block.text.replace(INVISIBLE, "");
  return block.context === undefined
    ? { ...block, text }
    : { ...block, text, context: block.context.replace(INVISIBLE, "") };
}

/** A letter or a digit: a block without one ("###", "* * *", "—") says nothing. */
const WORDY = /[\p{L}\p{N}]/u;

/**
 * Numbers passages from 1 in body order and splits them into sentences. A block of marks
 * alone (the "###" that ends a press release, a "* * *" scene break) is no passage: it
 * could never answer, and a reader would not count it.
 */
function toNumbered(blocks: readonly TextBlock[], meter?: WorkMeter): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const block of withSpeakers(withSectionHeadings(blocks.map(visibleOnly)))) {
    if (!WORDY.test(block.text)) continue;
    // The passages handed on count too: context repeated under every block could grow faster than the input.
    if (meter) meter.steps += block.text.length + (block.context?.length ?? 0);
    const number = paragraphs.length + 1;
    const { text, context, speaker } = block;
    const sentences = splitSentences(text, meter);
    if (speaker === undefined) {
      paragraphs.push(
        context === undefined ? { number, text, sentences } : { number, text, sentences, context },
      );
    } else {
      paragraphs.push(
        context === undefined
          ? { number, text, sentences, speaker }
          : { number, text, sentences, context, speaker },
      );
    }
  }
  return paragraphs;
}

function parseMarkdown(file: string, text: string, meter?: WorkMeter): Omit<Article, "id"> {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/u.exec(text);
  if (!match) {
    throw new ArticleError(
      file,
      "no front matter: start the file with a '---' block holding title:",
    );
  }
  const source = match[1] ?? "";
  // Most front matter is plain key: text lines, read without building a YAML document.
  let raw: unknown = parseSimpleYaml(source);
  try {
    raw ??= parseYaml(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ArticleError(file, `front matter is not valid YAML (${reason})`);
  }
  const meta = readFrontMatter(raw);
  if (!meta.ok) throw new ArticleError(file, meta.problem);
  const paragraphs = toNumbered(markdownBlocks(text.slice(match[0].length), meter), meter);
  return { ...withoutUndefined(meta.value), file, paragraphs };
}

/** A web page: its article as Readability finds it, its metadata from its own tags. */
function parseHtml(file: string, text: string, meter?: WorkMeter): Omit<Article, "id"> {
  const page = parseHtmlPage(text);
  const meta = readFrontMatter(
    {
      title: page.title,
      source: page.siteName,
      url: page.url,
      published: page.publishedTime,
      author: page.byline,
    },
    { lenient: true },
  );
  if (!meta.ok) throw new ArticleError(file, `${meta.problem} (the page has no <title>)`);
  return { ...withoutUndefined(meta.value), file, paragraphs: toNumbered(page.blocks, meter) };
}

/** The fields that have a value (an absent field is left out, as the plain layout does). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function parsePlainText(file: string, text: string, meter?: WorkMeter): Omit<Article, "id"> {
  const blocks = text.split(/\n[ \t]*\n/u);
  const title = (blocks[0] ?? "").trim();
  if (title === "")
    throw new ArticleError(file, "the title is missing: the first line must be the title");
  if (title.includes("\n")) {
    throw new ArticleError(file, "the title must be one line followed by a blank line");
  }
  let rest = blocks.slice(1);
  let published: string | undefined;
  const candidate = (rest[0] ?? "").trim();
  if (candidate !== "" && !candidate.includes("\n") && candidate.length <= 80) {
    published = parsePublished(candidate);
    if (published !== undefined) rest = rest.slice(1);
    else if (
      MONTH_PATTERN.test(candidate) &&
      /\b\d{4}\b/u.test(candidate) &&
      !/[.!?]$/u.test(candidate)
    ) {
      throw new ArticleError(file, `the date line "${candidate}" does not parse as a date`);
    }
  }
  return { title, published, file, paragraphs: toParagraphs(rest.join("\n\n"), meter) };
}

/** True for the error a recursion too deep for the stack throws. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/u.test(error.message);
}

/** Refuses bytes that are not UTF-8; one for every file (a decode without `stream` starts afresh). */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Parses one article file's content.
 *
 * @param file - the file's path; its name without extension becomes the id.
 * @param bytes - the raw content, which must be UTF-8.
 * @param options - `meter` counts the characters the passes read, for tests that loading stays linear.
 * @throws ArticleError naming the file and what is wrong.
 */
export function parseArticle(
  file: string,
  bytes: Uint8Array,
  options: { readonly meter?: WorkMeter } = {},
): Article {
  const { meter } = options;
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new ArticleError(file, "the file is not UTF-8 text (unreadable bytes)");
  }
  if (text.includes("\u0000"))
    throw new ArticleError(file, "the file holds binary data (NUL bytes)");
  // Most files have no CR: checked first, the pattern would copy every one of them.
  if (text.includes("\r")) text = text.replace(/\r\n?/gu, "\n");
  text = text.normalize("NFC");
  // A line of no-break spaces (a scraped "<p>&nbsp;</p>" spacer) is blank to a reader, not
  // to CommonMark: left so, it glued a whole transcript into one paragraph.
  // (Matched from the line break before it: a multiline ^…$ tried at every character cost
  // twice the time over the archive.)
  if (text.includes("\u00A0")) text = text.replace(/\n[\p{Zs}\t]+(?=\n)/gu, "\n");
  const extension = path.extname(file).toLowerCase();
  let parsed: Omit<Article, "id">;
  try {
    parsed =
      extension === ".md"
        ? parseMarkdown(file, text, meter)
        : extension === ".html" || extension === ".htm"
          ? parseHtml(file, text, meter)
          : parsePlainText(file, text, meter);
  } catch (error) {
    // Markup nested thousands of levels deep overflows the parsers' recursion (linkedom's,
    // the HTML walk's): that file's problem, not the folder's.
    if (error instanceof PageTooDeep || isStackOverflow(error)) {
      throw new ArticleError(
        file,
        `the markup nests too deeply to read as an article (${error instanceof PageTooDeep ? error.message : "thousands of levels"})`,
      );
    }
    throw error;
  }
  if (parsed.paragraphs.length === 0)
    throw new ArticleError(file, "the body is empty: no paragraphs");
  // The title is indexed too: "Gua&shy;temalan" there is one word, as in the passages.
  const title = parsed.title.replace(INVISIBLE, "");
  return { id: path.basename(file, path.extname(file)), ...parsed, title };
}
