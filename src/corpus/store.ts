import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { ArticleError, type Article, type IndexData } from "../core/index.ts";

/**
 * Bumped whenever tokenising, stemming or the index layout changes, so that an
 * index saved by an older citebot is rebuilt rather than misread.
 */
export const INDEX_FORMAT = 6;

/** What a saved index holds. Sentences are stored as offsets into their paragraph. */
interface SavedIndex {
  readonly format: number;
  readonly fingerprint: string;
  readonly articles: readonly SavedArticle[];
  readonly problems: readonly { file: string; problem: string }[];
  readonly data: IndexData;
}

interface SavedArticle {
  readonly meta: Omit<Article, "paragraphs">;
  readonly paragraphs: readonly string[];
  /** Per paragraph: start, end of each sentence, flattened. */
  readonly bounds: readonly Int32Array[];
}

/**
 * Identifies the state of an articles folder: each article file's name, size
 * and modification time. Any edit, addition or removal changes it.
 */
export async function fingerprintFolder(dir: string): Promise<string> {
  const names = (await readdir(dir))
    .filter((name) => /\.(?:md|txt)$/iu.test(name) && !name.startsWith("."))
    .sort();
  const hash = createHash("sha256").update(`format ${INDEX_FORMAT}\n`);
  const stats = await Promise.all(names.map((name) => stat(path.join(dir, name))));
  names.forEach((name, i) => {
    const info = stats[i];
    hash.update(`${name}\t${info?.size}\t${info?.mtimeMs}\n`);
  });
  return hash.digest("hex");
}

/** Where the saved index of a folder lives inside the cache folder. */
export function savedIndexPath(cacheDir: string, dir: string): string {
  const key = createHash("sha256").update(path.resolve(dir)).digest("hex").slice(0, 16);
  return path.join(cacheDir, `index-${key}.v8`);
}

/** The articles, problems and index data that were saved, if the file is there, whole and current. */
export async function readSavedIndex(
  file: string,
  fingerprint: string,
): Promise<{ articles: Article[]; problems: ArticleError[]; data: IndexData } | undefined> {
  let saved: SavedIndex;
  try {
    saved = deserialize(await readFile(file)) as SavedIndex;
  } catch {
    return undefined; // missing or corrupt: rebuild
  }
  if (
    saved === null ||
    typeof saved !== "object" ||
    saved.format !== INDEX_FORMAT ||
    saved.fingerprint !== fingerprint ||
    !Array.isArray(saved.articles) ||
    !(saved.data?.postings instanceof Map)
  ) {
    return undefined;
  }
  try {
    const articles = saved.articles.map(restoreArticle);
    const sentenceCount = articles.reduce(
      (sum, article) => sum + article.paragraphs.reduce((n, p) => n + p.sentences.length, 0),
      0,
    );
    if (sentenceCount !== saved.data.sentences.article.length) return undefined;
    const problems = saved.problems.map(
      ({ file: name, problem }) => new ArticleError(name, problem),
    );
    return { articles, problems, data: saved.data };
  } catch {
    return undefined;
  }
}

function restoreArticle(saved: SavedArticle): Article {
  return {
    ...saved.meta,
    paragraphs: saved.paragraphs.map((text, index) => {
      const bounds = saved.bounds[index] ?? new Int32Array(0);
      const sentences = [];
      for (let i = 0; i + 1 < bounds.length; i += 2) {
        const start = bounds[i] as number;
        const end = bounds[i + 1] as number;
        sentences.push({ index: i / 2, text: text.slice(start, end), start, end });
      }
      return { number: index + 1, text, sentences };
    }),
  };
}

/** Saves an index atomically (a whole file or none), creating the cache folder. */
export async function writeSavedIndex(
  file: string,
  fingerprint: string,
  articles: readonly Article[],
  problems: readonly ArticleError[],
  data: IndexData,
): Promise<void> {
  const saved: SavedIndex = {
    format: INDEX_FORMAT,
    fingerprint,
    articles: articles.map(({ paragraphs, ...meta }) => ({
      meta,
      paragraphs: paragraphs.map((paragraph) => paragraph.text),
      bounds: paragraphs.map((paragraph) =>
        Int32Array.from(paragraph.sentences.flatMap((sentence) => [sentence.start, sentence.end])),
      ),
    })),
    problems: problems.map((problem) => ({ file: problem.file, problem: problem.problem })),
    data,
  };
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, serialize(saved));
  await rename(temporary, file);
}
