import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  CitationIndex,
  loadArticles,
  type ArticleError,
  type RankingOptions,
} from "./core/index.ts";

/** The project's root: the nearest folder above this module with a package.json (from src/ or dist/src/). */
function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "package.json")) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

/** The project's root folder. */
export const PROJECT_ROOT = projectRoot();

/** The bundled articles: the folder `data/` at the project's root. */
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, "data");

/** A searchable set of articles and the files that could not be loaded. */
export interface Corpus {
  readonly dir: string;
  readonly index: CitationIndex;
  readonly problems: readonly ArticleError[];
}

/** Options of {@link openCorpus}. */
export interface OpenCorpusOptions {
  readonly strict?: boolean;
  readonly ranking?: Partial<RankingOptions>;
}

/**
 * Loads a folder of articles and indexes them: the one entry point that the
 * command line, the console and the bot share.
 *
 * @throws LibraryError when the folder cannot give any article.
 */
export async function openCorpus(dir: string, options: OpenCorpusOptions = {}): Promise<Corpus> {
  const resolved = path.resolve(dir);
  const { articles, problems } = await loadArticles(resolved, { strict: options.strict ?? false });
  return { dir: resolved, index: new CitationIndex(articles, options.ranking), problems };
}
