import { constants, type Stats } from "node:fs";
import { open, readdir, realpath, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ArticleError, parseArticle, type Article } from "../core/index.ts";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./limits.ts";

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

const ARTICLE_EXTENSIONS = new Set([".md", ".txt", ".html", ".htm"]);

/** Article files read at the same time (each holds a file handle and its bytes). */
const READ_CONCURRENCY = 64;

/**
 * Opened without following a last link (the path is already resolved) and
 * without blocking: opening a FIFO for reading would otherwise wait for a writer.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/** Characters that would act on a terminal (ANSI escapes, bidi overrides) rather than show. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;
const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source, "u");

/** A file name fit to print: control characters shown as `\u{…}` escapes. */
export function printableName(name: string): string {
  return name.replace(UNPRINTABLE, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** One article file's bytes, read safely. */
export interface ArticleFile {
  /** The file name as the id comes from it: valid UTF-8, NFC-normalised. */
  readonly name: string;
  readonly bytes: Buffer;
}

/** What a folder gave: the files read, and those skipped with the reason. */
export interface FolderRead {
  readonly dir: string;
  /** In name order. */
  readonly files: readonly ArticleFile[];
  readonly skipped: readonly ArticleError[];
}

/** A candidate after its checks: readable at `real`, `size` bytes, or skipped. */
type Checked =
  | { readonly name: string; readonly real: string; readonly size: number }
  | { readonly skip: ArticleError };

function describeKind(info: Stats): string {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isDirectory()) return "a folder";
  return "not a regular file";
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString("en-GB")} MB`;

/** Resolves one entry and checks it: inside the folder, a regular file, within the size limit. */
async function check(realDir: string, raw: Buffer, limits: LoadLimits): Promise<Checked> {
  const shown = path.join(realDir, printableName(raw.toString("utf8")));
  let decoded: string;
  try {
    decoded = strictUtf8.decode(raw);
  } catch {
    return { skip: new ArticleError(shown, "the file name is not valid UTF-8: rename the file") };
  }
  if (HAS_UNPRINTABLE.test(decoded)) {
    return { skip: new ArticleError(shown, "the file name holds control characters: rename it") };
  }
  const name = decoded.normalize("NFC");
  let real: string;
  try {
    real = await realpath(Buffer.concat([Buffer.from(`${realDir}${path.sep}`), raw]), "utf8");
  } catch {
    return { skip: new ArticleError(shown, "is a link to nothing (a broken link)") };
  }
  const relative = path.relative(realDir, real);
  if (relative === "" || relative.split(path.sep)[0] === ".." || path.isAbsolute(relative)) {
    return { skip: new ArticleError(shown, "is a link to a file outside the articles folder") };
  }
  let info: Stats;
  try {
    info = await stat(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { skip: new ArticleError(shown, `cannot be read (${code})`) };
  }
  if (!info.isFile()) return { skip: new ArticleError(shown, `is ${describeKind(info)}`) };
  if (info.size > limits.maxFileBytes) {
    return {
      skip: new ArticleError(
        shown,
        `is ${megabytes(info.size)}, over the limit of ${megabytes(limits.maxFileBytes)} per article (MAX_ARTICLE_MB)`,
      ),
    };
  }
  return { name, real, size: info.size };
}

/**
 * Reads at most `limit` bytes; undefined when the file holds more (it grew
 * after it was measured) or is no longer a regular file.
 */
async function readBounded(handle: FileHandle, limit: number): Promise<Buffer | undefined> {
  const info = await handle.stat();
  if (!info.isFile() || info.size > limit) return undefined;
  const chunks: Buffer[] = [];
  let total = 0;
  let buffer = Buffer.allocUnsafe(info.size + 1);
  for (;;) {
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) return undefined;
    buffer = Buffer.allocUnsafe(Math.min(65_536, limit + 1 - total));
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

/** Runs `work` on every item, `READ_CONCURRENCY` at a time. */
async function eachLimited<T>(items: readonly T[], work: (item: T, i: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, items.length) }, worker));
}

/**
 * Reads the `*.md`, `*.txt` and `*.html` files of a folder, and nothing else: no file
 * outside the folder (links are resolved and refused when they lead out), no
 * FIFO, device or socket (checked before reading, opened without blocking),
 * no file over `maxFileBytes`, and no more than `maxFolderBytes` in all. Each
 * file left out is reported with the reason. Hidden files and other
 * extensions are ignored without a report.
 *
 * @throws LibraryError when the folder is missing, holds no article file, or
 *   two file names give the same id (also in two Unicode forms).
 */
export async function readArticleFolder(
  dir: string,
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): Promise<FolderRead> {
  let realDir: string;
  let raws: Buffer[];
  try {
    realDir = await realpath(dir);
    if (!(await stat(realDir)).isDirectory())
      throw new LibraryError(`${dir} is not a folder of articles`);
    raws = await readdir(realDir, { encoding: "buffer" });
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    throw new LibraryError(`the articles folder ${dir} does not exist or cannot be read`);
  }
  const candidates = raws
    .filter((raw) => {
      const name = raw.toString("utf8");
      return ARTICLE_EXTENSIONS.has(path.extname(name).toLowerCase()) && !name.startsWith(".");
    })
    .sort(Buffer.compare);
  if (candidates.length === 0) {
    throw new LibraryError(`the articles folder ${dir} holds no article (*.md, *.txt or *.html)`);
  }
  const checked: Checked[] = new Array(candidates.length);
  await eachLimited(candidates, async (raw, i) => {
    checked[i] = await check(realDir, raw, limits);
  });
  const skipped: ArticleError[] = [];
  const planned: { name: string; real: string }[] = [];
  const byId = new Map<string, string>();
  let budget = limits.maxFolderBytes;
  for (const item of checked) {
    if ("skip" in item) {
      skipped.push(item.skip);
      continue;
    }
    const id = path.basename(item.name, path.extname(item.name));
    const other = byId.get(id);
    if (other !== undefined) {
      const forms = other === item.name ? " (the same name in two Unicode forms)" : "";
      throw new LibraryError(`two files have the id "${id}": ${other} and ${item.name}${forms}`);
    }
    byId.set(id, item.name);
    if (item.size > budget) {
      skipped.push(
        new ArticleError(
          path.join(realDir, item.name),
          `not read: the folder is over its limit of ${megabytes(limits.maxFolderBytes)} (MAX_DATA_MB)`,
        ),
      );
      continue;
    }
    budget -= item.size;
    planned.push(item);
  }
  const read: (ArticleFile | undefined)[] = new Array(planned.length);
  await eachLimited(planned, async ({ name, real }, i) => {
    let handle: FileHandle | undefined;
    try {
      handle = await open(real, OPEN_FLAGS);
      const bytes = await readBounded(handle, limits.maxFileBytes);
      if (bytes) read[i] = { name, bytes };
      else skipped.push(new ArticleError(path.join(realDir, name), "changed while it was read"));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      skipped.push(new ArticleError(path.join(realDir, name), `cannot be read (${code})`));
    } finally {
      await handle?.close();
    }
  });
  skipped.sort((a, b) => a.file.localeCompare(b.file));
  return { dir: realDir, files: read.filter((file) => file !== undefined), skipped };
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
  problems.sort((a, b) => a.file.localeCompare(b.file));
  if (options.strict && problems.length > 0) {
    throw new LibraryError(`${problems.length} broken article file(s) in strict mode`, problems);
  }
  if (articles.length === 0) {
    throw new LibraryError(`no article in ${read.dir} could be loaded`, problems);
  }
  return { articles, problems };
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
