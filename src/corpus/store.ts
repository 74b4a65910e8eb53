import { createHash, createHmac } from "node:crypto";
import { lstat, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { ArticleError, type Article, type IndexData } from "../core/index.ts";
import { ContainerError, StaleContainer } from "./binary.ts";
import { CacheRefusal, checkPrivate, type CacheFolder } from "./cache-dir.ts";
import { decodeIndex, encodeIndex } from "./index-codec.ts";
import type { FolderRead } from "./load.ts";

/**
 * Bumped whenever tokenising, stemming, parsing or the file layout changes, so that an
 * index saved by an older citebot is rebuilt rather than misread.
 */
export const INDEX_FORMAT = 9;

/** A saved index larger than this is not read (no article folder citebot serves comes near it). */
export const MAX_SAVED_INDEX_BYTES = 4 * 1024 ** 3;

/**
 * Identifies the exact contents of an articles folder as read (by
 * `readArticleFolder`, which reads nothing outside the folder and no special
 * file): a SHA-256 over each article file's name and bytes, and over each file
 * left out with its reason. Any edit (even one that keeps size and time),
 * addition, removal or newly skipped file changes it.
 */
export function fingerprintRead(read: FolderRead): string {
  const hash = createHash("sha256").update(`format ${INDEX_FORMAT}\n`);
  for (const file of read.files) {
    hash.update(`${file.name}\0`).update(createHash("sha256").update(file.bytes).digest());
  }
  for (const skipped of read.skipped) hash.update(`skipped\0${skipped.message}\0`);
  return hash.digest("hex");
}

/**
 * Where the saved index of a folder lives: named by an HMAC of the folder's path under
 * the install's key, so another user cannot tell (or plant) the name.
 */
export function savedIndexPath(cache: CacheFolder, dir: string): string {
  const name = createHmac("sha256", cache.key).update(path.resolve(dir)).digest("hex");
  return path.join(cache.dir, `index-${name.slice(0, 32)}.bin`);
}

/** A saved index read back: served only when `fingerprint` matched. */
export interface SavedIndex {
  readonly articles: Article[];
  readonly problems: ArticleError[];
  readonly data: IndexData;
}

/** What reading a saved index found: the index, nothing usable (rebuild), or a refusal to report. */
export type SavedIndexResult =
  | { readonly kind: "saved"; readonly saved: SavedIndex }
  | { readonly kind: "none" }
  | { readonly kind: "refused"; readonly reason: string };

/**
 * Reads a saved index if it is there, private to the user, signed with this install's
 * key, whole, consistent and written for exactly these file contents.
 */
export async function readSavedIndex(
  file: string,
  fingerprint: string,
  cache: CacheFolder,
): Promise<SavedIndexResult> {
  try {
    await checkPrivate(file, "file");
    if ((await lstat(file)).size > MAX_SAVED_INDEX_BYTES) {
      return { kind: "refused", reason: `${file} is larger than any index citebot writes` };
    }
    const saved = decodeIndex(await readFile(file), INDEX_FORMAT, cache.key);
    if (saved.fingerprint !== fingerprint) return { kind: "none" }; // articles changed
    return {
      kind: "saved",
      saved: {
        articles: [...saved.articles],
        problems: saved.problems.map(({ file: name, problem }) => new ArticleError(name, problem)),
        data: saved.data,
      },
    };
  } catch (error) {
    if (error instanceof CacheRefusal) return { kind: "refused", reason: error.message };
    if (error instanceof ContainerError && !(error instanceof StaleContainer)) {
      return { kind: "refused", reason: `${file} was not used (${error.message}); rebuilding it` };
    }
    return { kind: "none" }; // missing or unreadable: rebuild
  }
}

/** Saves an index atomically (a whole file or none), owner-only, signed with the install's key. */
export async function writeSavedIndex(
  file: string,
  fingerprint: string,
  cache: CacheFolder,
  articles: readonly Article[],
  problems: readonly ArticleError[],
  data: IndexData,
): Promise<void> {
  const bytes = encodeIndex(
    {
      fingerprint,
      articles,
      problems: problems.map((problem) => ({ file: problem.file, problem: problem.problem })),
      data,
    },
    INDEX_FORMAT,
    cache.key,
  );
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, bytes, { mode: 0o600, flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
