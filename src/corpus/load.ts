import path from "node:path";
import { ArticleError, parseArticle, type Article } from "../core/index.ts";
import { readListedFiles, type FileRead } from "./file-read.ts";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./limits.ts";
import { LibraryError, listArticleFolder, type FileStamp, type FolderListing } from "./listing.ts";

export { LibraryError, printableName } from "./listing.ts";

/** One article file's bytes, read safely. */
export interface ArticleFile {
  /** The file name as the id comes from it: valid UTF-8, NFC-normalised. */
  readonly name: string;
  readonly bytes: Buffer;
  /** Its stamp, taken before the bytes were read. */
  readonly stamp: FileStamp;
}

/** What a folder gave: the files read, and those skipped with the reason. */
export interface FolderRead {
  readonly dir: string;
  /** In name order. */
  readonly files: readonly ArticleFile[];
  readonly skipped: readonly ArticleError[];
}

/**
 * Reads the files of a listing (see {@link listArticleFolder}); `known` holds files
 * already read (by name), which are not read again.
 */
export function readListing(
  listing: FolderListing,
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
  known: ReadonlyMap<string, FileRead> = new Map(),
): FolderRead {
  const files: ArticleFile[] = [];
  const skipped = [...listing.skipped];
  const unread = listing.files.filter((file) => !known.has(file.name));
  const reads = readListedFiles(listing.dir, unread, limits.maxFileBytes);
  let next = 0;
  for (const file of listing.files) {
    const read = known.get(file.name) ?? (reads[next++] as FileRead | ArticleError);
    if (read instanceof ArticleError) skipped.push(read);
    else files.push({ name: file.name, bytes: read.bytes, stamp: read.stamp });
  }
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { dir: listing.dir, files, skipped };
}

/**
 * Reads the `*.md`, `*.txt` and `*.html` files of a folder, and nothing else: what
 * {@link listArticleFolder} lists, each file opened without following a link or blocking
 * and read up to its size limit.
 *
 * @throws LibraryError when the folder is missing, holds no article file, or
 *   two file names give the same id (also in two Unicode forms).
 */
export async function readArticleFolder(
  dir: string,
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): Promise<FolderRead> {
  return readListing(listArticleFolder(dir, limits), limits);
}

/** Options of {@link loadArticles}. */
export interface LoadOptions {
  /** Make any broken or skipped file fatal instead of leaving it out. */
  readonly strict?: boolean;
  /** Size limits; default {@link DEFAULT_LOAD_LIMITS}. */
  readonly limits?: LoadLimits;
}

/** The articles that loaded and the files that did not. */
export interface LoadResult {
  readonly articles: Article[];
  readonly problems: ArticleError[];
}

/**
 * Parses the files of a {@link FolderRead}: the articles that parse, and
 * every file left out (skipped while reading or broken) with its reason.
 *
 * @throws LibraryError when no file loads, or (strict) when any was left out.
 */
export function parseArticleFiles(read: FolderRead, options: LoadOptions = {}): LoadResult {
  const articles: Article[] = [];
  const problems: ArticleError[] = [...read.skipped];
  for (const file of read.files) {
    try {
      articles.push(parseArticle(path.join(read.dir, file.name), file.bytes));
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      problems.push(error);
    }
  }
  checkLoaded(read.dir, articles.length, problems, options);
  return { articles, problems };
}

/**
 * Sorts the files left out by name and refuses a load that gave no article or (strict) left
 * any file out.
 *
 * @throws LibraryError saying which.
 */
export function checkLoaded(
  dir: string,
  articleCount: number,
  problems: ArticleError[],
  options: LoadOptions,
): void {
  problems.sort((a, b) => a.file.localeCompare(b.file));
  if (options.strict && problems.length > 0) {
    throw new LibraryError(`${problems.length} broken article file(s) in strict mode`, problems);
  }
  if (articleCount === 0) {
    throw new LibraryError(`no article in ${dir} could be loaded`, problems);
  }
}

/**
 * Loads every `*.md`, `*.txt` and `*.html` article of a folder, in file-name order,
 * reading only what {@link readArticleFolder} allows.
 *
 * @throws LibraryError when the folder is missing or holds no article, when two
 *   files share an id, when no file loads, or (strict) when any file is left out.
 */
export async function loadArticles(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  return parseArticleFiles(await readArticleFolder(dir, options.limits), options);
}
