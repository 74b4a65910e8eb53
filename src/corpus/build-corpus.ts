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

/** A folder's index built, and its saving. */
export interface BuiltCorpus {
  readonly index: CitationIndex;
  readonly problems: ArticleError[];
  readonly filesRead: number;
  readonly workers: number;
  /** Settles once the index is saved: undefined, or why saving failed. Never rejects. */
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
 * Reads, parses and indexes the listed files (see {@link build}) and hands the index back in
 * the form a saved index is read in: the saved index's bytes, encoded for saving anyway,
 * decoded (`decodeIndex`: postings, vocabulary and terms in typed arrays over those bytes,
 * articles whose texts are decoded when read), so that the build's own objects (a `Map` of
 * every term's postings, the parsed vocabulary, every chunk's tables: about 800 MB of heap
 * that stayed alive for an archive) are garbage once it returns. The bytes are written in
 * the background (`saved`). With `keepBuilt`, the index is the build's own and is encoded and
 * saved after it is handed back.
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
  const { read, problems, workers } = built;
  const { cache, file } = settings;
  const made = { problems, filesRead: read.files.length, workers };
  if (settings.keepBuilt) {
    // Hashed, encoded and written on a later turn of the event loop: a caller that sends the
    // saved bytes on (`reload-worker.ts`) waits for `saved` anyway, and one without a cache
    // folder encodes nothing.
    const save = async () => {
      if (!cache || !file) return;
      const bytes = encodeBuilt(built, settings.listedAt, cache.key);
      settings.onSavedBytes?.(bytes, cache.key);
      await writeSavedBytes(file, bytes);
    };
    const waited = new Promise((resolve) => setImmediate(resolve)).then(save);
    const index = new CitationIndex(built.articles, settings.ranking, built.data);
    return { ...made, index, saved: settled(waited) };
  }
  const key = cache?.key ?? new Uint8Array(randomBytes(32));
  const bytes = encodeBuilt(built, settings.listedAt, key);
  let saved: Promise<string | undefined> = Promise.resolve(undefined);
  if (cache && file) {
    settings.onSavedBytes?.(bytes, key);
    saved = settled(writeSavedBytes(file, bytes));
  }
  const content = decodeIndex(bytes, INDEX_FORMAT, key);
  const index = new CitationIndex([...content.articles], settings.ranking, content.data);
  return { ...made, index, saved };
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
