import path from "node:path";
import {
  buildIndexData,
  CitationIndex,
  type ArticleError,
  type RankingOptions,
} from "../core/index.ts";
import { parseArticleFiles, readArticleFolder } from "./load.ts";
import type { LoadLimits } from "./limits.ts";
import { fingerprintRead, readSavedIndex, savedIndexPath, writeSavedIndex } from "./store.ts";
import { defaultSynonyms } from "./wordnet.ts";
import { openCacheFolder, type CacheFolder } from "./cache-dir.ts";
import { DEFAULT_CACHE_DIR } from "../paths.ts";

/** A searchable set of articles and the files that could not be loaded. */
export interface Corpus {
  readonly dir: string;
  readonly index: CitationIndex;
  readonly problems: readonly ArticleError[];
  /** True when the index came from the saved copy rather than being built. */
  readonly fromSavedIndex: boolean;
  /**
   * Settles once a newly built index is saved: undefined, or why saving failed (which
   * only costs the next start its speed; front ends log it). Never rejects.
   */
  readonly saved: Promise<string | undefined>;
  /**
   * Why the saved index was not used or cannot be kept (a cache folder others can write,
   * a file another user planted, a damaged file): for the admin, in words. The articles
   * still load.
   */
  readonly warnings: readonly string[];
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
  const warnings: string[] = [];
  let cache: CacheFolder | undefined;
  let fingerprint: string | undefined;
  let file: string | undefined;
  if (cacheDir !== false) {
    try {
      cache = await openCacheFolder(cacheDir);
    } catch (error) {
      warnings.push(`the saved index is off: ${error instanceof Error ? error.message : error}`);
    }
  }
  // Read once, safely: the fingerprint and, when no saved index serves, the parse use these bytes.
  const read = await readArticleFolder(resolved, options.limits);
  if (cache) {
    fingerprint = fingerprintRead(read);
    file = savedIndexPath(cache, resolved);
  }
  if (cache && file && fingerprint) {
    const found = await readSavedIndex(file, fingerprint, cache);
    if (found.kind === "refused") warnings.push(found.reason);
    if (found.kind === "saved" && !(options.strict && found.saved.problems.length > 0)) {
      const { articles, problems, data } = found.saved;
      return {
        dir: resolved,
        index: new CitationIndex(articles, rankingOf(options), data),
        problems,
        fromSavedIndex: true,
        saved: Promise.resolve(undefined),
        warnings,
      };
    }
  }
  const { articles, problems } = parseArticleFiles(read, { strict: options.strict ?? false });
  const data = buildIndexData(articles, (done) => options.onProgress?.(done, articles.length));
  // Saved after the corpus is handed back: answering need not wait for the disk.
  const saved =
    cache && file && fingerprint
      ? writeSavedIndex(file, fingerprint, cache, articles, problems, data).then(
          () => undefined,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        )
      : Promise.resolve(undefined);
  return {
    dir: resolved,
    index: new CitationIndex(articles, rankingOf(options), data),
    problems,
    fromSavedIndex: false,
    saved,
    warnings,
  };
}

/** The ranking options of a corpus: WordNet's synonyms unless the caller chose others (or none). */
function rankingOf(options: OpenCorpusOptions): Partial<RankingOptions> {
  return { synonyms: defaultSynonyms, ...options.ranking };
}
