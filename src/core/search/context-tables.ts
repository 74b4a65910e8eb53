import { lowerBound } from "../index/postings.ts";
import type { IndexView } from "../index/view.ts";
import { variantBits } from "./posting-bits.ts";
import { qualitiesInRanges, type BitsOf } from "./ranges.ts";
import type { ResolvedVariant, Shortlister } from "./shortlist.ts";
import type { ArticleCounts } from "./article-relevance.ts";

/** Per paragraph or article of the shortlisted sentences, each question word's best match there. */
export interface BestIn {
  /** The row of each shortlisted sentence's paragraph or article, by its place in the shortlist. */
  readonly rowOfCandidate: Int32Array;
  /** qualities[row * words + word]: the best match of question word `word` (0: none). */
  readonly qualities: Float64Array;
}

/**
 * Each shortlisted sentence's row of the shortlist's tables, and the rows of its neighbours in
 * its paragraph (-1: not found, or no such neighbour), by its place in the shortlist.
 */
export interface NeighbourRows {
  readonly here: Int32Array;
  readonly previous: Int32Array;
  readonly next: Int32Array;
}

/**
 * The rows of the shortlisted sentences and their neighbours ({@link NeighbourRows}), each
 * looked up once for the context tables and the scores alike: a look-up is a binary search
 * of every sentence the question found.
 */
export function neighbourRows(
  shortlist: readonly number[],
  view: IndexView,
  shortlister: Shortlister,
): NeighbourRows {
  const { paragraphKey } = view.data.sentences;
  const count = shortlist.length;
  const here = new Int32Array(count);
  const previous = new Int32Array(count);
  const next = new Int32Array(count);
  for (let k = 0; k < count; k += 1) {
    const sentenceId = shortlist[k] as number;
    const key = paragraphKey[sentenceId] as number;
    here[k] = shortlister.rowOfSentence(sentenceId);
    previous[k] =
      paragraphKey[sentenceId - 1] === key ? shortlister.rowOfSentence(sentenceId - 1) : -1;
    next[k] = paragraphKey[sentenceId + 1] === key ? shortlister.rowOfSentence(sentenceId + 1) : -1;
  }
  return { here, previous, next };
}

/**
 * Each question word's best match (the quality of its best variant there, 0: none) in the
 * paragraph and in the article of every shortlisted sentence. What the shortlist found in a
 * sentence and its neighbours is a floor for its paragraph, and a paragraph's best a floor for
 * its article: only the variants better than the floor are looked for in the postings, by one
 * forward walk of each list over the ranges in order (see {@link qualitiesInRanges}), or in
 * the bits of a long list.
 */
export function bestInParagraphsAndArticles(
  shortlist: readonly number[],
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
  shortlister: Shortlister,
  rows: NeighbourRows,
  counted?: ArticleCounts,
): { paragraphs: BestIn; articles: BestIn } {
  const { paragraphKey, article } = view.data.sentences;
  const terms = resolved.length;
  const paragraphKeys = ascendingUnique(shortlist, paragraphKey);
  // Rows are places among the sorted distinct keys, found by binary search (no map a question).
  const paragraphRows = rowsAmong(paragraphKeys, shortlist, paragraphKey);
  const paragraphFloors = new Float64Array(paragraphKeys.length * terms);
  const articleOfParagraph = new Int32Array(paragraphKeys.length);
  const exact = resolved.map(exactQualities);
  const bitsOf: BitsOf = (variant) => variantBits(view, variant);
  shortlist.forEach((sentenceId, k) => {
    const row = paragraphRows[k] as number;
    articleOfParagraph[row] = article[sentenceId] as number;
    const hereRow = rows.here[k] as number;
    const previousRow = rows.previous[k] as number;
    const nextRow = rows.next[k] as number;
    for (let term = 0; term < terms; term += 1) {
      const found = Math.max(
        shortlister.qualityInRow(hereRow, term),
        shortlister.qualityInRow(previousRow, term),
        shortlister.qualityInRow(nextRow, term),
      );
      const floor = found > 0 ? (exact[term]?.get(found) ?? 0) : 0;
      const at = row * terms + term;
      if (floor > (paragraphFloors[at] as number)) paragraphFloors[at] = floor;
    }
  });
  // The articles' counts, where made, are of these same articles (ascending).
  const articleKeys = counted?.positions ?? ascendingUnique(shortlist, article);
  // Loops, not from() or map() with a function: those take a slow generic path on typed arrays.
  const articleOfRow = new Int32Array(paragraphKeys.length);
  for (let k = 0; k < paragraphKeys.length; k += 1) {
    articleOfRow[k] = lowerBound(articleKeys, articleOfParagraph[k] as number);
  }
  const paragraphQualities = qualitiesInRanges(
    resolved,
    ...rangesOf(paragraphKeys, view.paragraphFirst),
    paragraphFloors,
    bitsOf,
  );
  const articleRows = rowsAmong(articleKeys, shortlist, article);
  // The best counted variant in each article is a floor too; and with every variant of at least
  // the least quality counted, only the lesser ones are left to look for (none of them can
  // beat a variant counted there, and where none was, the best of them is the answer).
  const articleFloors = counted
    ? counted.best.slice()
    : new Float64Array(articleKeys.length * terms);
  const articleVariants = counted
    ? resolved.map((variants) => variants.filter((variant) => variant.quality < counted.least))
    : resolved;
  for (let k = 0; k < paragraphKeys.length; k += 1) {
    const row = articleOfRow[k] as number;
    for (let term = 0; term < terms; term += 1) {
      const at = row * terms + term;
      const found = paragraphQualities[k * terms + term] as number;
      if (found > (articleFloors[at] as number)) articleFloors[at] = found;
    }
  }
  const articleQualities = qualitiesInRanges(
    articleVariants,
    ...rangesOf(articleKeys, view.articleFirst),
    articleFloors,
    bitsOf,
  );
  return {
    paragraphs: { rowOfCandidate: paragraphRows, qualities: paragraphQualities },
    articles: { rowOfCandidate: articleRows, qualities: articleQualities },
  };
}

/** A reporter's question longer than this many paragraphs is read up to here. */
const QUESTION_PARAGRAPHS_MAX = 8;

/**
 * Each question word's best match in the reporter's question that each shortlisted
 * sentence's turn answers (`IndexData.questionDistance`): its rows are the distinct
 * questions, -1 for a sentence that answers none. A question runs from its "Q" paragraph to
 * the paragraph before the answer's label, the first after it with a speaker.
 */
export function bestInQuestions(
  shortlist: readonly number[],
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
): BestIn {
  const { paragraphKey } = view.data.sentences;
  const { questionDistance, speakerOf } = view.data;
  const questionOf = (sentenceId: number) => {
    const key = paragraphKey[sentenceId] as number;
    const distance = questionDistance[key] as number;
    return distance > 0 ? key - distance : -1;
  };
  const asked = new Set<number>();
  for (const sentenceId of shortlist) {
    const key = questionOf(sentenceId);
    if (key >= 0) asked.add(key);
  }
  const starts = new Int32Array(asked.size);
  let at = 0;
  for (const key of asked) starts[at++] = key;
  starts.sort();
  const rowOfCandidate = new Int32Array(shortlist.length);
  for (let k = 0; k < shortlist.length; k += 1) {
    const key = questionOf(shortlist[k] as number);
    rowOfCandidate[k] = key < 0 ? -1 : lowerBound(starts, key);
  }
  if (starts.length === 0) return { rowOfCandidate, qualities: new Float64Array(0) };
  const firsts = new Int32Array(starts.length);
  const lasts = new Int32Array(starts.length);
  for (let k = 0; k < starts.length; k += 1) {
    const key = starts[k] as number;
    let end = key + 1;
    const limit = Math.min(key + QUESTION_PARAGRAPHS_MAX, speakerOf.length);
    while (end < limit && (speakerOf[end] as number) < 0) end += 1;
    firsts[k] = view.paragraphFirst[key] as number;
    lasts[k] = (view.paragraphFirst[end] as number) - 1;
  }
  const qualities = qualitiesInRanges(resolved, firsts, lasts, undefined, (variant) =>
    variantBits(view, variant),
  );
  return { rowOfCandidate, qualities };
}

/**
 * A word's variants' qualities by the single-precision value the shortlist keeps of them:
 * the least of the variants that round to it (the found one is at least that good).
 */
function exactQualities(variants: readonly ResolvedVariant[]): Map<number, number> {
  const exact = new Map<number, number>();
  for (const { quality } of variants) {
    const kept = Math.fround(quality);
    const known = exact.get(kept);
    if (known === undefined || quality < known) exact.set(kept, quality);
  }
  return exact;
}

/** The first and last sentences of each paragraph or article (by key), given the first of each. */
function rangesOf(keys: Int32Array, firstOf: Int32Array): [Int32Array, Int32Array] {
  const firsts = new Int32Array(keys.length);
  const lasts = new Int32Array(keys.length);
  for (let k = 0; k < keys.length; k += 1) {
    const key = keys[k] as number;
    firsts[k] = firstOf[key] as number;
    lasts[k] = (firstOf[key + 1] as number) - 1;
  }
  return [firsts, lasts];
}

/** The distinct keys of the sentences (`keyOf[id]`), ascending. */
export function ascendingUnique(ids: readonly number[], keyOf: Int32Array): Int32Array {
  const sorted = new Int32Array(ids.length);
  for (let k = 0; k < ids.length; k += 1) sorted[k] = keyOf[ids[k] as number] as number;
  sorted.sort();
  let count = 0;
  for (let k = 0; k < sorted.length; k += 1) {
    if (count === 0 || sorted[k] !== sorted[count - 1]) sorted[count++] = sorted[k] as number;
  }
  return sorted.subarray(0, count);
}

/** Each sentence's key's place among the distinct keys (`keys`, ascending). */
function rowsAmong(keys: Int32Array, ids: readonly number[], keyOf: Int32Array): Int32Array {
  const rows = new Int32Array(ids.length);
  for (let k = 0; k < ids.length; k += 1) {
    rows[k] = lowerBound(keys, keyOf[ids[k] as number] as number);
  }
  return rows;
}
