import { createHash, createHmac } from "node:crypto";
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  ArticleError,
  parseArticle,
  type Article,
  type IndexData,
  type Paragraph,
} from "../core/index.ts";
import { checkAllTexts } from "./article-codec.ts";
import type { TextRecovery } from "./article-texts.ts";
import { ContainerError, ContainerReader, StaleContainer } from "./binary.ts";
import type { CacheFolder } from "./cache-dir.ts";
import { decodeContent, decodeHead, encodeIndex, type SavedFile } from "./index-codec.ts";
import type { FileStamp } from "./listing.ts";
import type { FolderRead } from "./load.ts";
import type { RestampTarget } from "./restamp.ts";
import type { SavedIndexOpening } from "./signed-read.ts";

/**
 * Bumped whenever tokenising, stemming, parsing or the file layout changes, so that an
 * index saved by an older citebot is rebuilt rather than misread.
 */
export const INDEX_FORMAT = 32;

/** A saved index larger than this is not read (no article folder citebot serves comes near it). */
export const MAX_SAVED_INDEX_BYTES = 4 * 1024 ** 3;

/**
 * A file whose change time is this close to (or after) the moment its folder was listed
 * for a build is saved without its stamp and hashed at the next open rather than trusted by
 * it: file-system clocks tick coarsely (a jiffy, up to 10 ms; 2 s on FAT), so a write in the
 * same tick right after the read would leave the stamp unchanged. The first open that hashes
 * it after the margin has passed writes its stamp into the saved index (`restamp.ts`).
 * Generous, because it costs only re-reading files that were just written.
 */
export const RACY_MARGIN_MS = 5_000;

/** A file's name and the SHA-256 of its bytes. */
export interface FileDigest {
  readonly name: string;
  readonly digest: Uint8Array;
}

/** SHA-256 of a file's bytes. */
export function digestOf(bytes: Uint8Array): Buffer {
  return createHash("sha256").update(bytes).digest();
}

/**
 * Identifies the exact contents of an articles folder as read (by the listing and
 * reading of `listing.ts`, which read nothing outside the folder and no special file):
 * a SHA-256 over each article file's name and the SHA-256 of its bytes, and over each
 * file left out with its reason. Any edit (even one that keeps size and time),
 * addition, removal or newly skipped file changes it.
 */
export function fingerprintOf(
  files: readonly FileDigest[],
  skipped: readonly ArticleError[],
): string {
  const hash = createHash("sha256").update(`format ${INDEX_FORMAT}\n`);
  for (const file of files) hash.update(`${file.name}\0`).update(file.digest);
  const sorted = [...skipped].sort((a, b) => a.file.localeCompare(b.file));
  for (const skip of sorted) hash.update(`skipped\0${skip.message}\0`);
  return hash.digest("hex");
}

/**
 * The files of a build as they are saved: each with its stamp, unless the stamp cannot
 * vouch for the bytes because the file changed within {@link RACY_MARGIN_MS} of
 * `listedAt` (ms since the epoch, taken before the folder was listed).
 */
export function savedFilesOf(
  read: FolderRead,
  digests: readonly FileDigest[],
  listedAt: number,
): SavedFile[] {
  return read.files.map((file, i) => ({
    name: file.name,
    stamp: vouchesFor(file.stamp, listedAt) ? file.stamp : undefined,
    digest: (digests[i] as FileDigest).digest,
  }));
}

/**
 * True when a stamp taken as a file was read vouches for the bytes read: its change time is
 * more than {@link RACY_MARGIN_MS} before `listedAt` (ms since the epoch, taken before the
 * folder was listed), so any later write shows as another change time.
 */
export function vouchesFor(stamp: FileStamp, listedAt: number): boolean {
  return stamp.ctimeNs < BigInt(Math.floor(listedAt - RACY_MARGIN_MS)) * 1_000_000n;
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
  | {
      readonly kind: "saved";
      readonly saved: SavedIndex;
      /**
       * The whole file as opened (read from the same open file, when asked), every article's
       * text checked against its digest: whoever reads these bytes cannot recover from an
       * altered text as the articles here do (from their files).
       * @throws ContainerError when an article's text does not match its digest.
       */
      readonly bytes: () => Uint8Array;
      /** The files it was built from, by name (their stamps and digests as saved). */
      readonly files: ReadonlyMap<string, SavedFile>;
      /** What writing it again with new stamps needs (`restamp.ts`). */
      readonly restamp: RestampTarget;
    }
  | { readonly kind: "none" }
  | { readonly kind: "refused"; readonly reason: string };

/**
 * Whether a saved index is current: given the fingerprint it was built for and the files
 * it was built from, true when the folder still gives that fingerprint.
 */
export type CurrentCheck = (fingerprint: string, files: ReadonlyMap<string, SavedFile>) => boolean;

/**
 * Reads a saved index opened by `openSavedIndex` (`signed-read.ts`) if it is signed with this install's
 * key, whole, consistent and, by `isCurrent`, built from exactly the folder's contents.
 * The file stays open while its articles live: their texts are read from it, each
 * article's checked against its digest, when first needed (`article-codec.ts`).
 */
export async function readSavedIndex(
  opening: SavedIndexOpening,
  cache: CacheFolder,
  isCurrent: CurrentCheck,
  later: LaterDamage = { maxFileBytes: Number.MAX_SAFE_INTEGER, warn: () => undefined },
): Promise<SavedIndexResult> {
  if (opening.kind !== "open") return opening;
  const { file, source } = opening;
  try {
    // Read and hashed in a worker, or here a piece at a time (`FILE_READ`, synchronous: the
    // promise API reads in many chunks); either way the HMAC is compared here before anything
    // in the bytes is used.
    const signed = await opening.signed;
    const reader = new ContainerReader(source, INDEX_FORMAT, cache.key, signed?.part);
    const head = decodeHead(reader);
    if (!isCurrent(head.fingerprint, head.files)) {
      source.close();
      return { kind: "none" }; // articles changed
    }
    const saved = decodeContent(reader, recoverFromSource(file, head.files, later));
    return {
      kind: "saved",
      bytes: () => {
        const whole = source.read(0, source.length);
        checkAllTexts(reader, whole);
        return whole;
      },
      files: head.files,
      restamp: {
        file,
        source,
        signed: reader.signedPart,
        stamps: head.stamps,
        names: head.names,
        key: cache.key,
      },
      saved: {
        articles: [...saved.articles],
        problems: saved.problems.map(({ file: name, problem }) => new ArticleError(name, problem)),
        data: saved.data,
      },
    };
  } catch (error) {
    source.close();
    if (error instanceof ContainerError && !(error instanceof StaleContainer)) {
      return { kind: "refused", reason: `${file} was not used (${error.message}); rebuilding it` };
    }
    return { kind: "none" }; // unreadable: rebuild
  }
}

/** A saved index's bytes, signed with the install's key (written by {@link writeSavedBytes}). */
export function encodeSavedIndex(
  fingerprint: string,
  cache: CacheFolder,
  files: readonly SavedFile[],
  articles: readonly Article[],
  problems: readonly ArticleError[],
  data: IndexData,
): Buffer {
  return encodeIndex(
    {
      fingerprint,
      files,
      articles,
      problems: problems.map((problem) => ({ file: problem.file, problem: problem.problem })),
      data,
    },
    INDEX_FORMAT,
    cache.key,
  );
}

/** Saves an index atomically (a whole file or none), owner-only, signed with the install's key. */
export async function writeSavedIndex(
  file: string,
  fingerprint: string,
  cache: CacheFolder,
  files: readonly SavedFile[],
  articles: readonly Article[],
  problems: readonly ArticleError[],
  data: IndexData,
): Promise<void> {
  await writeSavedBytes(
    file,
    encodeSavedIndex(fingerprint, cache, files, articles, problems, data),
  );
}

/** Writes an encoded index atomically (a whole file or none), owner-only. */
export async function writeSavedBytes(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, bytes, { mode: 0o600, flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** What {@link readSavedIndex} needs to survive an index damaged after it was opened. */
export interface LaterDamage {
  /** The per-article size limit (an article's file is read again under it). */
  readonly maxFileBytes: number;
  /** Told once, in an admin's words, when the damage is found. */
  readonly warn: (message: string) => void;
}

/**
 * What an article whose saved text is refused when first read (the index altered on disk
 * after it was opened) gets instead: its own file read again, used only when its SHA-256 is
 * the one the index was built from (then its paragraphs are the ones the index holds); and
 * the damaged index is removed so that the next open rebuilds it. Else the refusal stands.
 */
function recoverFromSource(
  indexFile: string,
  files: ReadonlyMap<string, SavedFile>,
  later: LaterDamage,
): TextRecovery {
  let reported = false;
  return (article, problem): Paragraph[] => {
    if (!reported) {
      reported = true;
      later.warn(
        `${indexFile} was altered after it was opened (${problem.message}): articles are read from their files and the index is rebuilt at the next start`,
      );
      try {
        rmSync(indexFile, { force: true });
      } catch {
        // a folder that refuses it: the next open finds the damage itself
      }
    }
    const saved = files.get(path.basename(article.file));
    let fd: number | undefined;
    try {
      fd = openSync(
        realpathSync(article.file),
        constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK,
      );
      const info = fstatSync(fd);
      if (saved && info.isFile() && info.size <= later.maxFileBytes) {
        const bytes = readFileSync(fd);
        if (digestOf(bytes).equals(saved.digest))
          return [...parseArticle(article.file, bytes).paragraphs];
      }
    } catch {
      // unreadable now: the refusal stands
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    throw problem;
  };
}
