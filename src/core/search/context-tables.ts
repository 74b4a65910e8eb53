import type { IndexView } from "../index/view.ts";
import { qualitiesInRanges } from "./ranges.ts";
import type { ResolvedVariant, Shortlister } from "./shortlist.ts";

/** Per paragraph key or article position, each question word's best match there. */
export interface BestIn {
  /** The row of a paragraph key or article position. */
  readonly rowOf: ReadonlyMap<number, number>;
  /** qualities[row * words + word]: the best match of question word `word` (0: none). */
  readonly qualities: Float64Array;
}

/**
 * Each question word's best match (the quality of its best variant there, 0: none) in the
 * paragraph and in the article of every shortlisted sentence. What the shortlist found in a
 * sentence and its neighbours is a floor for its paragraph, and a paragraph's best a floor for
 * its article: only the variants better than the floor are looked for in the postings, by one
 * forward walk of each list over the ranges in order (see {@link qualitiesInRanges}).
 */
export function bestInParagraphsAndArticles(
  shortlist: readonly number[],
  resolved: readonly ResolvedVariant[][],
  view: IndexView,
  shortlister: Shortlister,
): { paragraphs: BestIn; articles: BestIn } {
  const { paragraphKey, article } = view.data.sentences;
  const terms = resolved.length;
  const paragraphKeys = ascendingUnique(shortlist.map((id) => paragraphKey[id] as number));
  const paragraphRow = rowsOf(paragraphKeys);
  const paragraphFloors = new Float64Array(paragraphKeys.length * terms);
  const articleOfParagraph = new Map<number, number>();
  const exact = resolved.map(exactQualities);
  for (const sentenceId of shortlist) {
    const key = paragraphKey[sentenceId] as number;
    articleOfParagraph.set(key, article[sentenceId] as number);
    const row = paragraphRow.get(key) as number;
    const hasPrevious = paragraphKey[sentenceId - 1] === key;
    const hasNext = paragraphKey[sentenceId + 1] === key;
    const hereRow = shortlister.rowOfSentence(sentenceId);
    const previousRow = hasPrevious ? shortlister.rowOfSentence(sentenceId - 1) : -1;
    const nextRow = hasNext ? shortlister.rowOfSentence(sentenceId + 1) : -1;
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
  }
  const paragraphQualities = qualitiesInRanges(
    resolved,
    paragraphKeys.map((key) => view.paragraphFirst[key] as number),
    paragraphKeys.map((key) => (view.paragraphFirst[key + 1] as number) - 1),
    paragraphFloors,
  );
  const articleKeys = ascendingUnique(shortlist.map((id) => article[id] as number));
  const articleRow = rowsOf(articleKeys);
  const articleFloors = new Float64Array(articleKeys.length * terms);
  paragraphKeys.forEach((key, k) => {
    const row = articleRow.get(articleOfParagraph.get(key) as number) as number;
    for (let term = 0; term < terms; term += 1) {
      const at = row * terms + term;
      const found = paragraphQualities[k * terms + term] as number;
      if (found > (articleFloors[at] as number)) articleFloors[at] = found;
    }
  });
  const articleQualities = qualitiesInRanges(
    resolved,
    articleKeys.map((key) => view.articleFirst[key] as number),
    articleKeys.map((key) => (view.articleFirst[key + 1] as number) - 1),
    articleFloors,
  );
  return {
    paragraphs: { rowOf: paragraphRow, qualities: paragraphQualities },
    articles: { rowOf: articleRow, qualities: articleQualities },
  };
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

/** The distinct keys, ascending (a sort of a typed copy: no set, no iterator). */
function ascendingUnique(keys: readonly number[]): Int32Array {
  const sorted = Int32Array.from(keys).sort();
  let count = 0;
  for (let k = 0; k < sorted.length; k += 1) {
    if (count === 0 || sorted[k] !== sorted[count - 1]) sorted[count++] = sorted[k] as number;
  }
  return sorted.subarray(0, count);
}

function rowsOf(keys: Int32Array): Map<number, number> {
  const rows = new Map<number, number>();
  keys.forEach((key, row) => rows.set(key, row));
  return rows;
}
