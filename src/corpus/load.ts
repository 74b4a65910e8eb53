import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { ArticleError, parseArticle, type Article } from "../core/index.ts";

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
