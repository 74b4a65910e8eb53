import { createHash } from "node:crypto";
import path from "node:path";
import { stringify as toYaml } from "yaml";
import { ArticleError, parseArticle, type Article } from "../core/index.ts";

/** Tuning of what a moderator may add as an article. */
export const INGEST = Object.freeze({
  /** Largest uploaded file, in bytes (the same limit as a fetched page). */
  maxFileBytes: 2_000_000,
  /**
   * Fewest characters of body text an added article has: below that, the file or page is a
   * stub, a login wall or a link list rather than something to discuss.
   */
  minTextChars: 200,
  /** Longest part of an article id taken from its title (the id ends with a short hash). */
  maxSlugChars: 60,
});

/** File kinds that can be added, by extension. */
const KINDS: Record<string, "md" | "txt" | "html"> = {
  ".md": "md",
  ".markdown": "md",
  ".txt": "txt",
  ".html": "html",
  ".htm": "html",
};

/** Bad input for an added article; the message says what in a moderator's words. */
export class IngestRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IngestRefused";
  }
}

/** What was received: an upload (named) or a fetched page (with its type and address). */
export interface IngestInput {
  readonly bytes: Uint8Array;
  /** The uploaded file's name; its extension says how it is read. */
  readonly fileName?: string;
  /** A fetched page's Content-Type. */
  readonly contentType?: string;
  /** The page's address after redirects: the article's link unless the page names its own. */
  readonly url?: string;
}

/** An article ready to store: parsed, with its id, and its `.md` file. */
export interface Ingested {
  readonly article: Article;
  readonly markdown: string;
}

function kindOf(input: IngestInput): "md" | "txt" | "html" {
  if (input.fileName !== undefined) {
    const kind = KINDS[path.extname(input.fileName).toLowerCase()];
    if (!kind) {
      throw new IngestRefused(
        "Only .md, .txt and .html files can be added as articles: that file is none of them.",
      );
    }
    return kind;
  }
  const type = (input.contentType ?? "").toLowerCase();
  if (type.startsWith("text/markdown")) return "md";
  if (type.startsWith("text/plain")) {
    const name = input.url ? new URL(input.url).pathname : "";
    return /\.(?:md|markdown)$/iu.test(name) ? "md" : "txt";
  }
  return "html";
}

/** A Markdown file without front matter gets its first `# heading` as its title. */
function withTitle(text: string): string {
  if (/^---[ \t]*\r?\n/u.test(text)) return text;
  const heading = /^#[ \t]+(.+)\r?\n/u.exec(text.replace(/^\uFEFF/u, ""));
  if (!heading) return text;
  return `---\n${toYaml({ title: heading[1]!.trim() })}---\n${text.replace(/^\uFEFF?#[ \t]+.+\r?\n/u, "")}`;
}

/** The words of an article's problem, for a moderator (the file name is not theirs). */
function problemOf(error: ArticleError, kind: "md" | "txt" | "html"): string {
  if (/binary|UTF-8/u.test(error.problem)) {
    return "That is not a text article: it holds binary data. Add a .md, .txt or .html file, or a link to a web page.";
  }
  if (/body is empty/u.test(error.problem)) {
    return kind === "html"
      ? "I found no article text on that page (it may be a home page, a login page or built by scripts)."
      : "That file has a title but no article text.";
  }
  if (kind === "md" && /front matter/u.test(error.problem)) {
    return `That Markdown file cannot be read as an article: ${error.problem}. Start it with a "# Title" line or a front-matter block holding title:.`;
  }
  return `That cannot be read as an article: ${error.problem}.`;
}

/** Lower-case ASCII words of a title joined by "-", for a readable id. */
function slug(title: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  return words.slice(0, INGEST.maxSlugChars).replace(/-+$/u, "") || "article";
}

/** Markdown's inline and line-start markers escaped, so a passage reads back as the same text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>&|~]/gu, (c) => `\\${c}`)
    .replace(/^([#>+=-]|\d+[.)])/u, (m) => m.replace(/^(\d*)(.)/u, "$1\\$2"));
}

/**
 * Writes an article as a `.md` file: its metadata as front matter, each passage a paragraph.
 * A passage's context (its headings and lead-ins, searched with it) is written as one heading
 * where it changes, which reads back as the same context; a passage without context after
 * one with it keeps the one before (Markdown cannot close a heading).
 */
export function articleMarkdown(article: Article): string {
  const meta: Record<string, string> = { title: article.title };
  if (article.source) meta.source = article.source;
  if (article.author) meta.author = article.author;
  if (article.published) meta.published = article.published;
  if (article.url) meta.url = article.url;
  const blocks: string[] = [];
  let context: string | undefined;
  for (const paragraph of article.paragraphs) {
    if (paragraph.context !== undefined && paragraph.context !== context) {
      // A trailing "#" would close the heading: escaped, it stays text.
      blocks.push(`## ${escapeMarkdown(paragraph.context).replace(/#$/u, "\\#")}`);
    }
    context = paragraph.context ?? context;
    blocks.push(escapeMarkdown(paragraph.text));
  }
  return `---\n${toYaml(meta, { lineWidth: 0 })}---\n\n${blocks.join("\n\n")}\n`;
}

/**
 * Reads an uploaded file or a fetched page as an article: Markdown, plain text or HTML (whose
 * main text Readability finds, with title, site, author, date and link from the page's
 * metadata). The page's address stands in for a link the page does not give, its host for a
 * missing source. The id is the title's words and a hash of the text, so adding the same
 * article twice gives the same id.
 *
 * @throws IngestRefused when it is binary, too large, not an article or has no main text.
 */
export function ingestArticle(input: IngestInput): Ingested {
  if (input.bytes.length > INGEST.maxFileBytes) {
    throw new IngestRefused(
      `That file is larger than ${INGEST.maxFileBytes / 1_000_000} MB: articles are smaller.`,
    );
  }
  const kind = kindOf(input);
  let bytes = input.bytes;
  if (kind === "md") bytes = Buffer.from(withTitle(Buffer.from(bytes).toString("utf8")), "utf8");
  let parsed: Article;
  try {
    parsed = parseArticle(`added.${kind}`, bytes);
  } catch (error) {
    if (error instanceof ArticleError) throw new IngestRefused(problemOf(error, kind));
    throw error;
  }
  const chars = parsed.paragraphs.reduce((sum, paragraph) => sum + paragraph.text.length, 0);
  if (chars < INGEST.minTextChars) {
    throw new IngestRefused(
      `That ${input.fileName === undefined ? "page" : "file"} has too little text to be an article (${chars} characters; an article has at least ${INGEST.minTextChars}).`,
    );
  }
  const link = safeLink(parsed.url) ?? safeLink(input.url);
  const source =
    parsed.source ?? (link ? new URL(link).hostname.replace(/^www\./u, "") : undefined);
  const hash = createHash("sha256")
    .update(parsed.paragraphs.map((p) => p.text).join("\n"))
    .digest("hex")
    .slice(0, 8);
  const id = `${slug(parsed.title)}-${hash}`;
  const article: Article = {
    ...parsed,
    id,
    file: `${id}.md`,
    ...(link ? { url: link } : {}),
    ...(source ? { source } : {}),
  };
  return { article, markdown: articleMarkdown(article) };
}

/** An http(s) address, or undefined (a page may name a `javascript:` or relative one). */
function safeLink(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
