/**
 * How much citebot reads from an articles folder. A module without imports, so
 * that the configuration can name these defaults without loading the core.
 */
export interface LoadLimits {
  /** Largest article file read; a larger one is skipped and reported. */
  readonly maxFileBytes: number;
  /** Most bytes read from the whole folder; files past it (in name order) are skipped and reported. */
  readonly maxFolderBytes: number;
}

/**
 * The defaults (MAX_ARTICLE_MB and MAX_DATA_MB override them). A long news
 * article is about 100 KB; 5 MB leaves room for a report or a book chapter
 * while keeping one file's parse short. 500 MB of text is ~20 times the
 * 5,000-article benchmark and about what fits in the bot's memory once indexed.
 */
export const DEFAULT_LOAD_LIMITS: LoadLimits = Object.freeze({
  maxFileBytes: 5_000_000,
  maxFolderBytes: 500_000_000,
});
