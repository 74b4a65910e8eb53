import { rm } from "node:fs/promises";
import path from "node:path";
import { ArticleError, CitationIndex, type RankingOptions } from "../core/index.ts";
import { sampleCpu, withHelperCpu, type BuildWorkers } from "./build-threads.ts";
import { buildCorpus } from "./build-corpus.ts";
import { readListedFile, type FileRead } from "./file-read.ts";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./limits.ts";
import { listArticleFolder, sameStamp, type FolderListing } from "./listing.ts";
import {
  digestOf,
  fingerprintOf,
  readSavedIndex,
  savedIndexPath,
  type CurrentCheck,
  type FileDigest,
} from "./store.ts";
import { restampLater } from "./restamp.ts";
import { defaultSynonyms } from "./wordnet.ts";
import { defaultWordVectors } from "./word-vectors.ts";
import { openCacheFolder, type CacheFolder } from "./cache-dir.ts";
import { closeSavedIndex, openSavedIndex } from "./signed-read.ts";
import { ContainerError } from "./binary.ts";
import { DEFAULT_CACHE_DIR } from "../paths.ts";

/** A searchable set of articles and the files that could not be loaded. */
export interface Corpus {
  readonly dir: string;
  /**
   * The index to answer from. After a build it is the build's own until the saved index's
   * bytes are read back (before `saved` settles; `build-corpus.ts`), then that form, which
   * answers alike and faster: read it at each question rather than keeping it.
   */
  readonly index: CitationIndex;
  readonly problems: readonly ArticleError[];
  /** True when the index came from the saved copy rather than being built. */
  readonly fromSavedIndex: boolean;
  /**
   * Settles once a newly built index is saved and `index` is in its final form, or once a
   * served one is written again with the stamps of files this open hashed that now vouch for
   * them (`restamp.ts`): undefined, or why saving failed (which only costs the next start its
   * speed; front ends log it). Never rejects.
   */
  readonly saved: Promise<string | undefined>;
  /**
   * Why the saved index was not used or cannot be kept (a cache folder others can write,
   * a file another user planted, a damaged file): for the admin, in words. The articles
   * still load.
   */
  readonly warnings: readonly string[];
  /**
   * Article files whose bytes were read: all of them for a build; for a saved index only
   * those whose stamp changed since it was built or was not saved (see `checkCurrent`).
   */
  readonly filesRead: number;
  /** Worker threads that built the index besides the calling thread (0 for a saved index). */
  readonly buildWorkers?: number;
  /**
   * True when a worker thread handed back the saved index's header and signed part, read and
   * hashed (asked for a file of `signedReadWorkerFrom` bytes or more), whether the index was
   * then served or rebuilt. False when there was no saved index, when it was smaller, and when
   * the worker gave nothing back (a file too short for its header, a failed read or start:
   * this thread then read what there was).
   */
  readonly signedReadInWorker?: boolean;
}

/** Options of {@link openCorpus}. */
export interface OpenCorpusOptions {
  readonly strict?: boolean;
  /** Ranking options over the core's defaults; synonyms come from WordNet unless given. */
  readonly ranking?: Partial<RankingOptions>;
  /**
   * Folder for the saved index (built once, reused while no article changes);
   * `false` neither reads nor writes one. Default: {@link DEFAULT_CACHE_DIR}; the front
   * ends pass the configured one (CITEBOT_CACHE_DIR, read in `src/config.ts`).
   */
  readonly cacheDir?: string | false;
  /** How much may be read from the folder (MAX_ARTICLE_MB, MAX_DATA_MB); default `DEFAULT_LOAD_LIMITS` (limits.ts). */
  readonly limits?: LoadLimits;
  /** Called while a new index is built: articles indexed so far, of how many. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads that parse and index a folder that is built, alongside this thread, which
   * builds the first chunk itself (`parallel-build.ts`): 1 builds in two threads, 0 in this
   * thread alone. Default "auto": one thread per idle core when the folder is large enough to
   * pay for the workers' start (`buildWorkersFor`, `build-threads.ts`); the front ends pass the
   * configured BUILD_WORKERS. Workers cost CPU (each its own module load, its chunk's encoding
   * and the join): on cores busy with other work they take it from that work.
   */
  readonly buildWorkers?: BuildWorkers;
  /**
   * Told the corpus's saved index (its bytes and the key that signs them): a newly built one
   * once it is encoded (after the corpus is handed back), before it is read back and written;
   * one that is served, read whole from the file opened. The reload worker hands these very
   * bytes to the bot's thread rather than encoding the corpus again. The bytes must stay as
   * they are until `saved` settles.
   */
  readonly onSavedBytes?: (bytes: Uint8Array, key: Uint8Array) => void;
  /**
   * From this many bytes of saved index on, its signed part is read and hashed in a worker
   * thread while the folder is listed (tests pass 0 to take that path). Default
   * `SIGNED_READ.workerFromBytes` (`signed-read.ts`).
   */
  readonly signedReadWorkerFrom?: number;
  /**
   * True keeps a newly built index as built (the build's own objects) rather than replacing it
   * with its saved index's bytes read back once encoded: for a caller that only sends the saved
   * bytes on (`reload-worker.ts`), which would otherwise decode them for nothing. Default false.
   */
  readonly keepBuilt?: boolean;
  /** The wall clock, ms since the epoch (tests move it to age files). Default `Date.now`. */
  readonly clock?: () => number;
  /**
   * Told a warning found once the corpus is handed back, too late for `warnings` to show it
   * to a front end that printed them: a saved index whose article text is found altered when
   * first read (the articles are then read from their files and the index rebuilt at the
   * next start). Such a warning is added to `warnings` too.
   */
  readonly onLaterWarning?: (message: string) => void;
}

/**
 * Loads a folder of articles and indexes them, or loads the saved index when
 * no article changed since it was built: the one entry point that the command
 * line, the console and the bot share. A missing, corrupt or stale saved index
 * is rebuilt; failing to save one only costs the next start its speed.
 *
 * @throws LibraryError when the folder cannot give any article.
 */
export async function openCorpus(dir: string, options: OpenCorpusOptions = {}): Promise<Corpus> {
  const resolved = path.resolve(dir);
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const limits = options.limits ?? DEFAULT_LOAD_LIMITS;
  const warnings: string[] = [];
  let cache: CacheFolder | undefined;
  if (cacheDir !== false) {
    try {
      cache = await openCacheFolder(cacheDir);
    } catch (error) {
      warnings.push(`the saved index is off: ${error instanceof Error ? error.message : error}`);
    }
  }
  // How busy the machine is while the folder is listed (and a saved index checked) tells
  // "auto" how many threads to build it in.
  let cpuAtStart = sampleCpu();
  const file = cache ? savedIndexPath(cache, resolved) : undefined;
  // A large saved index's signed part is read and hashed in a worker while the folder is listed.
  const opening =
    cache && file ? await openSavedIndex(file, cache, options.signedReadWorkerFrom) : undefined;
  const listedAt = (options.clock ?? Date.now)();
  let listing: FolderListing;
  try {
    listing = listArticleFolder(resolved, limits);
  } catch (error) {
    if (opening) void closeSavedIndex(opening);
    throw error;
  }
  let signedReadInWorker = false;
  // Files read while checking the saved index: a rebuild reuses their bytes.
  const fresh = new Map<string, FileRead>();
  if (cache && opening) {
    const found = await readSavedIndex(opening, cache, checkCurrent(listing, limits, fresh), {
      maxFileBytes: limits.maxFileBytes,
      warn: (message) => {
        warnings.push(message);
        options.onLaterWarning?.(message);
      },
    });
    // The worker's CPU is this open's, not other work's: it started after `cpuAtStart` and is
    // done now, so all of it lies in the window `build` measures with `busyCoresSince`.
    const signed = opening.kind === "open" ? await opening.signed : undefined;
    signedReadInWorker = signed !== undefined;
    cpuAtStart = withHelperCpu(cpuAtStart, signed?.cpuMs ?? 0);
    if (found.kind === "refused") warnings.push(found.reason);
    if (found.kind === "saved" && !(options.strict && found.saved.problems.length > 0)) {
      const { articles, problems, data } = found.saved;
      const handedOn = options.onSavedBytes ? savedBytesOrDamage(found) : undefined;
      if (typeof handedOn === "string") {
        // Served anyway, a text altered in the bytes handed on would fail every question that
        // reads it, at every start: rebuilt instead (below), as a damaged signed part is.
        warnings.push(handedOn);
        await rm(found.restamp.file, { force: true }).catch(() => undefined);
      } else {
        if (handedOn) options.onSavedBytes?.(handedOn, cache.key);
        return {
          dir: resolved,
          index: new CitationIndex(articles, rankingOf(options), data),
          problems,
          fromSavedIndex: true,
          // Files hashed because their stamps could not vouch for them at the build may now.
          saved: restampLater(found.restamp, found.files, fresh, listedAt),
          warnings,
          filesRead: fresh.size,
          signedReadInWorker,
        };
      }
    }
  }
  const built = await buildCorpus(listing, limits, fresh, cpuAtStart, {
    strict: options.strict ?? false,
    buildWorkers: options.buildWorkers ?? "auto",
    ranking: rankingOf(options),
    cache,
    file,
    listedAt,
    keepBuilt: options.keepBuilt ?? false,
    onProgress: options.onProgress,
    onSavedBytes: options.onSavedBytes,
  });
  const { held } = built;
  return {
    dir: resolved,
    get index() {
      return held.index;
    },
    problems: built.problems,
    fromSavedIndex: false,
    saved: built.saved,
    warnings,
    filesRead: built.filesRead,
    buildWorkers: built.workers,
    signedReadInWorker,
  };
}

/** A served index's whole bytes, checked; or, when an article's text in them is altered, why not. */
function savedBytesOrDamage(found: {
  readonly bytes: () => Uint8Array;
  readonly restamp: { readonly file: string; readonly source: { close(): void } };
}): Uint8Array | string {
  try {
    return found.bytes();
  } catch (error) {
    if (!(error instanceof ContainerError)) throw error;
    found.restamp.source.close();
    return `${found.restamp.file} was not used (${error.message}); rebuilding it`;
  }
}

/**
 * Tells whether a saved index is current by the folder's fingerprint (see `fingerprintOf`):
 * a file whose stamp (device, inode, size, mtime and ctime) is the one saved is not read,
 * its saved digest stands for its bytes; any other file is read and hashed (and kept in
 * `fresh`). Sound because a write always moves the ctime, which no user can set back, and
 * a file written close to its build's listing is saved without a stamp (`savedFilesOf`) until
 * an open that hashed it finds it older than the margin (`restamp.ts`).
 */
function checkCurrent(
  listing: FolderListing,
  limits: LoadLimits,
  fresh: Map<string, FileRead>,
): CurrentCheck {
  return (fingerprint, saved) => {
    const digests: FileDigest[] = [];
    const skipped = [...listing.skipped];
    for (const file of listing.files) {
      const known = saved.get(file.name);
      if (known?.stamp && sameStamp(known.stamp, file.stamp)) {
        digests.push({ name: file.name, digest: known.digest });
        continue;
      }
      const read = readListedFile(listing.dir, file, limits.maxFileBytes);
      if (read instanceof ArticleError) {
        skipped.push(read);
        continue;
      }
      fresh.set(file.name, read);
      digests.push({ name: file.name, digest: digestOf(read.bytes) });
    }
    return fingerprintOf(digests, skipped) === fingerprint;
  };
}

/**
 * The ranking options of a corpus: WordNet's synonyms and the GloVe word vectors unless
 * the caller chose others (or none).
 */
export function rankingOf(options: OpenCorpusOptions): Partial<RankingOptions> {
  return { synonyms: defaultSynonyms, wordVectors: defaultWordVectors, ...options.ranking };
}
