import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { splitSentences } from "./sentences.ts";
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

/** Something wrong with the articles folder as a whole (missing, empty, duplicate ids, strict failure). */
export class LibraryError extends Error {
  constructor(
    message: string,
    readonly problems: readonly ArticleError[] = [],
  ) {
    super(message);
    this.name = "LibraryError";
  }
}

const ARTICLE_EXTENSIONS = new Set([".md", ".txt"]);

/** Article files read at the same time. */
const READ_CONCURRENCY = 64;

const MONTH_NAMES =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;

/**
 * Parses a publication date as people write it ("April 27, 2017, 6:11 AM UTC",
 * "2024-09-23", ISO date-times) into ISO 8601: a date when no time is given,
 * else a UTC date-time. Returns undefined when it is not a date.
 */
export function parsePublished(input: string): string | undefined {
  const text = input.trim();
  if (text.length > 80 || !/\b\d{4}\b/u.test(text)) return undefined;
  const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (isoDate) {
    const [, y, m, d] = isoDate;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1
      ? text
      : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/u.test(text) && !MONTH_NAMES.test(text)) return undefined;
  // V8 reads "April 27, 2017 6:11 AM UTC" but not with a comma before the time.
  const millis = Date.parse(text.replace(/,\s*(\d{1,2}:\d{2})/u, " $1"));
  if (Number.isNaN(millis)) return undefined;
  const hasTime = /\d{1,2}:\d{2}/u.test(text);
  if (hasTime) return new Date(millis).toISOString();
  const local = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const frontMatterSchema = z.object({
  title: z.string({ error: "the title is missing" }).trim().min(1, "the title is empty"),
  source: optionalText,
  url: z.url({ error: "url is not a valid web address" }).optional(),
  published: z
    .union([z.string(), z.date()], { error: "published must be a date such as 2024-09-23" })
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const iso = value instanceof Date ? value.toISOString() : parsePublished(value);
      if (iso === undefined) {
        context.addIssue({
          code: "custom",
          message: `published date "${String(value)}" does not parse (use 2024-09-23 or 2024-09-23T10:00:00Z)`,
        });
        return z.NEVER;
      }
      return iso;
    }),
  author: optionalText,
});

/** Splits a body into paragraphs at blank lines; wrapped lines inside a paragraph are joined. */
function toParagraphs(body: string): Paragraph[] {
  return body
    .split(/\n[ \t]*\n/u)
    .map((block) => block.replace(/\s*\n\s*/gu, " ").trim())
    .filter((text) => text !== "")
    .map((text, index) => ({ number: index + 1, text, sentences: splitSentences(text) }));
}

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      return field && !issue.message.includes(field) ? `${field}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

function parseMarkdown(file: string, text: string): Omit<Article, "id"> {
  const match = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/u.exec(text);
  if (!match) {
    throw new ArticleError(
      file,
      "no front matter: start the file with a '---' block holding title:",
    );
  }
  let raw: unknown;
  try {
    raw = parseYaml(match[1] ?? "");
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new ArticleError(file, `front matter is not valid YAML (${reason})`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ArticleError(file, "front matter must be 'key: value' lines, with a title");
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) throw new ArticleError(file, describeZodError(parsed.error));
  const paragraphs = toParagraphs(text.slice(match[0].length));
  return { ...parsed.data, file, paragraphs };
}

function parsePlainText(file: string, text: string): Omit<Article, "id"> {
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
      MONTH_NAMES.test(candidate) &&
      /\b\d{4}\b/u.test(candidate) &&
      !/[.!?]$/u.test(candidate)
    ) {
      throw new ArticleError(file, `the date line "${candidate}" does not parse as a date`);
    }
  }
  return { title, published, file, paragraphs: toParagraphs(rest.join("\n\n")) };
}

/**
 * Parses one article file's content.
 *
 * @param file - the file's path; its name without extension becomes the id.
 * @param bytes - the raw content, which must be UTF-8.
 * @throws ArticleError naming the file and what is wrong.
 */
export function parseArticle(file: string, bytes: Uint8Array): Article {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError(file, "the file is not UTF-8 text (unreadable bytes)");
  }
  if (text.includes("\u0000"))
    throw new ArticleError(file, "the file holds binary data (NUL bytes)");
  text = text.replace(/\r\n?/gu, "\n").normalize("NFC");
  const extension = path.extname(file).toLowerCase();
  const parsed = extension === ".md" ? parseMarkdown(file, text) : parsePlainText(file, text);
  if (parsed.paragraphs.length === 0)
    throw new ArticleError(file, "the body is empty: no paragraphs");
  return { id: path.basename(file, path.extname(file)), ...parsed };
}

/** Options of {@link loadArticles}. */
export interface LoadOptions {
  /** Make any broken file fatal instead of skipping it. */
  readonly strict?: boolean;
}

/** The articles that loaded and the files that did not. */
export interface LoadResult {
  readonly articles: Article[];
  readonly problems: ArticleError[];
}

/**
 * Loads every `*.md` and `*.txt` article of a folder (other files are ignored),
 * in file-name order.
 *
 * @throws LibraryError when the folder is missing or holds no article, when two
 *   files share an id, when no file loads, or (strict) when any file is broken.
 */
export async function loadArticles(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new LibraryError(`${dir} is not a folder of articles`);
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    throw new LibraryError(`the articles folder ${dir} does not exist or cannot be read`);
  }
  const files = names
    .filter(
      (name) => ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith("."),
    )
    .sort();
  if (files.length === 0) {
    throw new LibraryError(`the articles folder ${dir} holds no article (*.md or *.txt)`);
  }
  const byId = new Map<string, string>();
  for (const name of files) {
    const id = path.basename(name, path.extname(name));
    const other = byId.get(id);
    if (other) throw new LibraryError(`two files have the id "${id}": ${other} and ${name}`);
    byId.set(id, name);
  }
  const articles: Article[] = [];
  const problems: ArticleError[] = [];
  // A few files in flight at a time: thousands at once would hold every buffer in memory together.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const position = next;
      next += 1;
      const file = path.join(dir, files[position] as string);
      try {
        articles[position] = parseArticle(file, await readFile(file));
      } catch (error) {
        problems.push(
          error instanceof ArticleError
            ? error
            : new ArticleError(file, `cannot be read (${String(error)})`),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  problems.sort((a, b) => a.file.localeCompare(b.file));
  const loaded = articles.filter(Boolean);
  if (options.strict && problems.length > 0) {
    throw new LibraryError(`${problems.length} broken article file(s) in strict mode`, problems);
  }
  if (loaded.length === 0) {
    throw new LibraryError(`no article in ${dir} could be loaded`, problems);
  }
  return { articles: loaded, problems };
}
