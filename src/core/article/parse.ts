import path from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { parsePublished } from "../text/dates.ts";
import { MONTH_PATTERN } from "../text/lexicon.ts";
import { splitSentences } from "../text/sentences.ts";
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
      MONTH_PATTERN.test(candidate) &&
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
