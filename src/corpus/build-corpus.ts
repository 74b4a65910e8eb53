import { randomBytes } from "node:crypto";
import {
  buildIndexData,
  CitationIndex,
  type Article,
  type ArticleError,
  type IndexData,
  type RankingOptions,
} from "../core/index.ts";
import { checkLoaded, parseArticleFiles, readListing, type FolderRead } from "./load.ts";
import { buildInWorkers, type ParallelBuild } from "./parallel-build.ts";
import {
  buildWorkersFor,
  busyCoresSince,
  type BuildWorkers,
  type CpuSample,
} from "./build-threads.ts";
import type { CacheFolder } from "./cache-dir.ts";
import type { FileRead } from "./file-read.ts";
import { decodeIndex, encodeIndex } from "./index-codec.ts";
import type { LoadLimits } from "./limits.ts";
import type { FolderListing } from "./listing.ts";
import { digestOf, fingerprintOf, INDEX_FORMAT, savedFilesOf, writeSavedBytes } from "./store.ts";

/** How {@link buildCorpus} builds, hands back and saves a folder's index (`openCorpus`'s options). */
export interface BuildSettings {
  readonly strict: boolean;
  readonly buildWorkers: BuildWorkers;
  readonly ranking: Partial<RankingOptions>;
  /** Where the saved index goes (none: nothing is written). */
  readonly cache: CacheFolder | undefined;
  readonly file: string | undefined;
  /** When the folder was listed, ms since the epoch (for the files' stamps, `savedFilesOf`). */
  readonly listedAt: number;
  /** See `OpenCorpusOptions.keepBuilt`. */
  readonly keepBuilt: boolean;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  readonly onSavedBytes?: ((bytes: Uint8Array, key: Uint8Array) => void) | undefined;
}

/**
 * The index a corpus answers from, read at each question: a build's own at first, then (unless
 * `keepBuilt`) the saved form's once its bytes are decoded (see {@link buildCorpus}).
 */
export interface HeldIndex {
  readonly index: CitationIndex;
}

/** A folder's index built, and its saving. */
export interface BuiltCorpus {
  readonly held: HeldIndex;
  readonly problems: ArticleError[];
  readonly filesRead: number;
  readonly workers: number;
  /**
   * Settles once the index is saved and `held` holds its final form: undefined, or why
   * encoding, reading back or writing the saved index failed (`held` then keeps the build's
   * own index, which answers alike). Never rejects.
   */
  readonly saved: Promise<string | undefined>;
}

/** What a build made: what one build in one thread makes, and its saved bytes when asked. */
interface Built {
  readonly read: FolderRead;
  readonly articles: Article[];
  readonly problems: ArticleError[];
  readonly data: IndexData;
  readonly encode?: ParallelBuild["encode"];
  readonly workers: number;
}

/**
 * Reads, parses and indexes the listed files (see {@link build}) and hands the build's own
 * index back at once (in `held`). On a later turn of the event loop it encodes the saved
 * index (hashing the files; a parallel build's postings are joined as encoding asks for them,
 * `merged-postings.ts`), reads those bytes back with `decodeIndex` (postings, vocabulary and
 * terms in typed arrays over the bytes, articles whose texts are decoded when read), puts that
 * index in `held` in place of the build's, and only then writes the bytes. The build's own
 * objects (a `Map` of every term's postings, the parsed vocabulary, every chunk's tables: about
 * 800 MB of heap for the archive, and slower to answer from) are then garbage. Encoding costs
 * seconds for an archive: done before the hand-back, it delayed the corpus by as much. Without
 * a cache folder the bytes are signed with a key of their own and not written. If encoding or
 * reading back fails, the build's index stays in `held`, nothing is written, and `saved` says
 * why. With `keepBuilt`, the build's index stays in `held` and is only encoded and saved.
 *
 * @throws LibraryError as {@link parseArticleFiles}.
 */
export async function buildCorpus(
  listing: FolderListing,
  limits: LoadLimits,
  fresh: ReadonlyMap<string, FileRead>,
  cpuAtStart: CpuSample,
  settings: BuildSettings,
): Promise<BuiltCorpus> {
  const built = await build(listing, limits, fresh, cpuAtStart, settings);
  const held = { index: new CitationIndex(built.articles, settings.ranking, built.data) };
  const { file } = settings;
  const later = new Promise((resolve) => setImmediate(resolve));
  // These arrows alone hold `built` past the hand-back (nothing `held` reaches does): once the
  // write has started, the build's objects are garbage unless `held` still holds its index.
  const saved = settled(
    later
      .then(() => handOver(built, settings, held))
      .then((bytes) => (bytes && file ? writeSavedBytes(file, bytes) : undefined)),
  );
  return {
    held,
    problems: built.problems,
    filesRead: built.read.files.length,
    workers: built.workers,
    saved,
  };
}

/**
 * The saving of a build handed back (see {@link buildCorpus}): its saved index encoded, handed
 * to `onSavedBytes` (with a cache folder), then read back into `held` (unless `keepBuilt`).
 *
 * @returns The bytes to write, or undefined when there is no cache folder to write them to.
 * @throws Error saying which step failed; `held` is only replaced once reading back worked.
 */
function handOver(
  built: Built,
  settings: BuildSettings,
  held: { index: CitationIndex },
): Buffer | undefined {
  const { cache, file, keepBuilt } = settings;
  if (keepBuilt && !(cache && file)) return undefined;
  const key = cache?.key ?? new Uint8Array(randomBytes(32));
  const bytes = step("encoding the saved index", () => encodeBuilt(built, settings.listedAt, key));
  const saving = cache && file ? bytes : undefined;
  if (saving) settings.onSavedBytes?.(saving, key);
  if (!keepBuilt) {
    // Read back before anything is written: bytes that cannot be read are not saved either.
    held.index = step("reading the saved index back", () => {
      const content = decodeIndex(bytes, INDEX_FORMAT, key);
      return new CitationIndex([...content.articles], settings.ranking, content.data);
    });
  }
  return saving;
}

/** Runs one step of saving; a failure's message says which step it was. */
function step<T>(name: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new Error(`${name} failed: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
}

/** Settles with undefined once `saving` is done, or with why it failed; never rejects. */
function settled(saving: Promise<unknown>): Promise<string | undefined> {
  return saving.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
}

/** The saved index of a build, signed with `key`: its files hashed, then its sections encoded. */
function encodeBuilt(built: Built, listedAt: number, key: Uint8Array): Buffer {
  const { read, problems } = built;
  const digests = read.files.map((f) => ({ name: f.name, digest: digestOf(f.bytes) }));
  const fingerprint = fingerprintOf(digests, read.skipped);
  const files = savedFilesOf(read, digests, listedAt);
  if (built.encode) return built.encode(fingerprint, files, problems, key);
  return encodeIndex(
    {
      fingerprint,
      files,
      articles: built.articles,
      problems: problems.map(({ file, problem }) => ({ file, problem })),
      data: built.data,
    },
    INDEX_FORMAT,
    key,
  );
}

/**
 * Reads, parses and indexes the listed files: in worker threads when asked or when "auto"
 * finds idle cores (`parallel-build.ts`; the same files read, the same index, and its saved
 * bytes made from the workers' own), else here. `fresh` holds files already read.
 *
 * @throws LibraryError as {@link parseArticleFiles}.
 */
async function build(
  listing: FolderListing,
  limits: LoadLimits,
  fresh: ReadonlyMap<string, FileRead>,
  cpuAtStart: CpuSample,
  settings: BuildSettings,
): Promise<Built> {
  const { strict, buildWorkers: setting, onProgress } = settings;
  const bytes = listing.files.reduce((sum, file) => sum + Number(file.stamp.size), 0);
  // Decided before the files are read, so that the workers read theirs while this thread
  // reads its own: the window measured is the listing's (and the saved index's check).
  const busy = setting === "auto" ? busyCoresSince(cpuAtStart) : undefined;
  const workers = buildWorkersFor(setting, bytes, undefined, busy);
  if (workers > 0) {
    const built = await buildInWorkers(listing, limits, fresh, workers, (done) =>
      onProgress?.(done, listing.files.length),
    );
    const problems = [...built.read.skipped, ...built.problems];
    checkLoaded(listing.dir, built.articles.length, problems, { strict });
    return { ...built, problems, workers };
  }
  const read = readListing(listing, limits, fresh);
  const { articles, problems } = parseArticleFiles(read, { strict });
  const data = buildIndexData(articles, (done) => onProgress?.(done, articles.length));
  return { read, articles, problems, data, workers };
}
