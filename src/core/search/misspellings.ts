import editDistance from "damerau-levenshtein";
import Fuse from "fuse.js";
import type { IndexView } from "../index/view.ts";
import { ABBREVIATIONS, TYPO_MATCHING } from "../fixed-tuning.ts";
import type { RankingOptions } from "../options.ts";
import { termOf } from "../text/tokenize.ts";

/** The letters a one-letter edit may add or change. */
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Scratch counts for {@link lettersApart}, all zero between calls. */
const LETTER_COUNTS = new Int32Array(0x10000);

/**
 * How many letters one word has that the other lacks, counted as bags of letters (the larger
 * of the two counts): never more than the edit distance between them, since an edit adds,
 * drops or changes one letter and a transposition none.
 */
export function lettersApart(a: string, b: string): number {
  // Counted by UTF-16 code unit in one table kept between calls and cleared after each: the
  // pool of a misspelt word is thousands of words, and a Map per pair cost 7 ms of them.
  for (let i = 0; i < a.length; i += 1) {
    const code = a.charCodeAt(i);
    LETTER_COUNTS[code] = (LETTER_COUNTS[code] as number) + 1;
  }
  let onlyInB = 0;
  for (let i = 0; i < b.length; i += 1) {
    const code = b.charCodeAt(i);
    const left = LETTER_COUNTS[code] as number;
    if (left > 0) LETTER_COUNTS[code] = left - 1;
    else onlyInB += 1;
  }
  let onlyInA = 0;
  for (let i = 0; i < a.length; i += 1) {
    const code = a.charCodeAt(i);
    onlyInA += LETTER_COUNTS[code] as number;
    LETTER_COUNTS[code] = 0;
  }
  return Math.max(onlyInA, onlyInB);
}

/**
 * The word meant by a question word the articles lack: their words spelt closely, the word it
 * abbreviates, or the common English word one edit away. The articles' words are grouped by
 * length and by first letter on first use, so that each look-up scans a small part of them.
 */
export class Misspellings {
  private vocabularyByLength: Map<number, (readonly [string, string])[]> | undefined;
  private vocabularyByInitial: Map<string, [string, string][]> | undefined;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /**
   * The term of the commonest article word that `word` abbreviates: a word longer by
   * {@link ABBREVIATIONS.minDroppedLetters} at least, with the same first letter and all of
   * `word`'s letters in order ("regs" → "regulations", "govt" → "government").
   */
  expansionsOf(word: string): string[] {
    return this.commonestOf(word, (known) => {
      let matched = 1;
      for (let i = 1; i < known.length && matched < word.length; i += 1) {
        if (known[i] === word[matched]) matched += 1;
      }
      return matched >= word.length;
    });
  }

  /** Like {@link expansionsOf}, but only article words that `word` begins ("collab" → "collaboration"). */
  clippingsOf(word: string): string[] {
    return this.commonestOf(word, (known) => known.startsWith(word));
  }

  /** The terms of the commonest article words of `word`'s initial, longer by minDroppedLetters, that `fits`. */
  private commonestOf(word: string, fits: (known: string) => boolean): string[] {
    if (!this.vocabularyByInitial) {
      this.vocabularyByInitial = new Map();
      for (const entry of this.view.data.vocabulary) {
        const initial = entry[0][0] as string;
        const bucket = this.vocabularyByInitial.get(initial) ?? [];
        bucket.push(entry);
        this.vocabularyByInitial.set(initial, bucket);
      }
    }
    const found = new Map<string, number>();
    for (const [known, term] of this.vocabularyByInitial.get(word[0] as string) ?? []) {
      if (known.length < word.length + ABBREVIATIONS.minDroppedLetters) continue;
      if (!fits(known)) continue;
      found.set(term, this.view.frequency(term));
    }
    return [...found]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, ABBREVIATIONS.expansions)
      .map(([term]) => term);
  }

  /**
   * The commonest word of the word-vector table (common English) one edit from `word`
   * (a letter dropped, added, changed, or two swapped), if any: what a misspelling of a
   * word the articles lack most likely meant.
   */
  commonWordOneEditFrom(word: string): string | undefined {
    const vectors = this.options.wordVectors;
    // A word of the table is common English as typed ("mostly"), not a misspelling.
    if (!vectors || vectors.rank(word) !== undefined) return undefined;
    let best: string | undefined;
    let bestRank = Infinity;
    const consider = (candidate: string) => {
      const rank = vectors.rank(candidate);
      if (rank !== undefined && rank < bestRank) {
        best = candidate;
        bestRank = rank;
      }
    };
    for (let i = 0; i <= word.length; i += 1) {
      const [head, tail] = [word.slice(0, i), word.slice(i)];
      if (tail) consider(head + tail.slice(1));
      if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
      for (const letter of LETTERS) {
        if (tail && letter !== tail[0]) consider(head + letter + tail.slice(1));
        consider(head + letter + tail);
      }
    }
    return best;
  }

  /**
   * Corpus words that may be a misspelling of `word`. Fuse.js runs over words of
   * about the same length that share its first or second letter, not the whole
   * vocabulary, so typo tolerance stays cheap on large archives.
   */
  closeSpellings(word: string): { word: string; quality: number }[] {
    const { vocabulary } = this.view.data;
    if (!this.vocabularyByLength) {
      this.vocabularyByLength = new Map();
      // With its stem: looking the stems up again for every pool cost 10 ms a misspelt word.
      for (const entry of vocabulary) {
        const bucket = this.vocabularyByLength.get(entry[0].length) ?? [];
        bucket.push(entry);
        this.vocabularyByLength.set(entry[0].length, bucket);
      }
    }
    const { lengthWindow } = TYPO_MATCHING;
    const pool: (readonly [string, string])[] = [];
    // Nearest lengths first, so that the work budget keeps the likeliest candidates.
    for (
      let offset = 0;
      offset <= lengthWindow && pool.length < TYPO_MATCHING.maxPool;
      offset += 1
    ) {
      for (const length of offset === 0
        ? [word.length]
        : [word.length - offset, word.length + offset]) {
        for (const entry of this.vocabularyByLength.get(length) ?? []) {
          const known = entry[0];
          if (known[0] === word[0] || known[1] === word[1]) pool.push(entry);
        }
      }
    }
    pool.length = Math.min(pool.length, TYPO_MATCHING.maxPool);
    if (pool.length === 0) return [];
    // Fuse.js proposes; an edit distance (transpositions count once) disposes, since
    // Fuse's score also rewards mere overlap ("stock" ~ "sticker").
    const allowed =
      word.length <= TYPO_MATCHING.shortWord
        ? TYPO_MATCHING.shortWordEdits
        : TYPO_MATCHING.longWordEdits;
    // Only words the edit distance could let through go to Fuse.js: as many letters differ
    // (as a bag, in any order) as a few edits may change, as written or as stems. Most of the
    // pool does not, and Fuse.js's time grows with the pool: 3,000 words took 20–30 ms.
    const stem = termOf(word);
    const possible = pool.filter(
      ([known, term]) =>
        lettersApart(word, known) <= allowed || lettersApart(stem, term) <= allowed,
    );
    if (possible.length === 0) return [];
    const fuse = new Fuse(
      possible.map(([known]) => known),
      {
        includeScore: true,
        threshold: TYPO_MATCHING.fuseThreshold,
        ignoreLocation: true,
      },
    );
    return fuse
      .search(word, { limit: TYPO_MATCHING.fuseLimit })
      .map((result) => ({
        word: result.item,
        // Compared as written and as stems: "tarrif" is 3 edits from "tariffs", 2 from "tariff".
        steps: Math.min(
          editDistance(word, result.item).steps,
          editDistance(stem, possible[result.refIndex]?.[1] ?? result.item).steps,
        ),
      }))
      .filter((match) => match.steps <= allowed)
      .map((match) => ({ word: match.word, quality: 1 - match.steps / (word.length + 1) }));
  }
}
