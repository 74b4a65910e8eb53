import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import type { WordVectors } from "../vectors.ts";
import { termOf } from "../text/tokenize.ts";
import { VECTOR_SCAN } from "../speed-tuning.ts";

/** The articles' words that have vectors, as one matrix (a row a word). */
interface CorpusVectors {
  readonly terms: string[];
  readonly matrix: Float32Array;
  /**
   * Each row's length over its dimensions from {@link VECTOR_SCAN}.pruneAt on: a bound on what
   * they can add to its dot product with a unit vector.
   */
  readonly tails: Float64Array;
}

/**
 * The articles' words near a word in the word-vector space ("atomic" ~ "nuclear", "jets" ~
 * "aircraft"): the words of the articles that have vectors are laid out as one matrix on first
 * use, and a word's neighbours are the rows whose dot product with its vector is high enough.
 */
export class VectorNeighbours {
  private corpusTable: CorpusVectors | undefined;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /**
   * Index terms whose words lie near `word` in the word-vector space, most similar first, with
   * their similarity: at most `vectorNeighbours`, each at least `vectorThreshold`.
   */
  of(word: string): [string, number][] {
    const vectors = this.options.wordVectors;
    const own = vectors?.vector(word);
    if (!vectors || !own) return [];
    const table = this.corpusVectors(vectors);
    const best = new Map<string, number>();
    const ownTerm = termOf(word);
    forEachSimilar(own, table, vectors.dimensions, this.options.vectorThreshold, (i, dot) => {
      const term = table.terms[i] as string;
      if (term === ownTerm) return;
      if ((best.get(term) ?? 0) < dot) best.set(term, dot);
    });
    return [...best].sort((a, b) => b[1] - a[1]).slice(0, this.options.vectorNeighbours);
  }

  /** Builds now what the first question would build: the articles' words as a vector matrix. */
  warm(): void {
    const vectors = this.options.wordVectors;
    if (vectors) this.corpusVectors(vectors);
  }

  /** The articles' words that have vectors, as one matrix (built on first use). */
  private corpusVectors(vectors: WordVectors): CorpusVectors {
    if (this.corpusTable) return this.corpusTable;
    const terms: string[] = [];
    const rows: Float32Array[] = [];
    for (const [word, term] of this.view.data.vocabulary) {
      const vector = vectors.vector(word);
      // The commonest words ("first", "new", "year") lie near everything: they stand for nothing.
      if (!vector || (vectors.rank(word) ?? 0) < this.options.vectorCommonWords) continue;
      terms.push(term);
      rows.push(vector);
    }
    const { dimensions } = vectors;
    const matrix = new Float32Array(rows.length * dimensions);
    rows.forEach((row, i) => matrix.set(row, i * dimensions));
    const tails = new Float64Array(rows.length);
    rows.forEach((row, i) => (tails[i] = tailLength(row, pruneAt(dimensions))));
    this.corpusTable = { terms, matrix, tails };
    return this.corpusTable;
  }
}

/** Where the dimensions a pruned row is left at begin. */
function pruneAt(dimensions: number): number {
  return Math.floor(dimensions * VECTOR_SCAN.pruneAt);
}

/** A vector's length over its dimensions from `from` on. */
function tailLength(vector: Float32Array, from: number): number {
  let sum = 0;
  for (let j = from; j < vector.length; j += 1) sum += (vector[j] as number) ** 2;
  return Math.sqrt(sum);
}

/**
 * Calls `found(row, dot)` for each row of the table whose dot product with `own` is at least
 * `threshold`, in row order. Four rows are summed side by side up to
 * {@link VECTOR_SCAN}.pruneAt of the dimensions: a row whose sum so far, plus the most its
 * other dimensions can add (the two lengths over them, multiplied), falls short is left; the
 * others are summed on, one at a time. Each row's sum is taken in dimension order either way:
 * the same floating-point value as one row at a time without pruning.
 */
function forEachSimilar(
  own: Float32Array,
  table: CorpusVectors,
  dimensions: number,
  threshold: number,
  found: (row: number, dot: number) => void,
): void {
  const { matrix, tails } = table;
  const middle = pruneAt(dimensions);
  const ownTail = tailLength(own, middle);
  const cut = threshold - VECTOR_SCAN.pruneMargin;
  /** The row's sum from `partial` on, when its tail can still bring it to the threshold. */
  const finish = (row: number, partial: number) => {
    const base = row * dimensions;
    let dot = partial;
    for (let j = middle; j < dimensions; j += 1) {
      dot += (own[j] as number) * (matrix[base + j] as number);
    }
    if (dot >= threshold) found(row, dot);
  };
  const rows = Math.floor(matrix.length / dimensions);
  let row = 0;
  for (; row + 4 <= rows; row += 4) {
    const base = row * dimensions;
    let dot0 = 0;
    let dot1 = 0;
    let dot2 = 0;
    let dot3 = 0;
    for (let j = 0; j < middle; j += 1) {
      const value = own[j] as number;
      dot0 += value * (matrix[base + j] as number);
      dot1 += value * (matrix[base + dimensions + j] as number);
      dot2 += value * (matrix[base + 2 * dimensions + j] as number);
      dot3 += value * (matrix[base + 3 * dimensions + j] as number);
    }
    if (dot0 + ownTail * (tails[row] as number) >= cut) finish(row, dot0);
    if (dot1 + ownTail * (tails[row + 1] as number) >= cut) finish(row + 1, dot1);
    if (dot2 + ownTail * (tails[row + 2] as number) >= cut) finish(row + 2, dot2);
    if (dot3 + ownTail * (tails[row + 3] as number) >= cut) finish(row + 3, dot3);
  }
  for (; row < rows; row += 1) {
    const base = row * dimensions;
    let dot = 0;
    for (let j = 0; j < middle; j += 1) dot += (own[j] as number) * (matrix[base + j] as number);
    if (dot + ownTail * (tails[row] as number) >= cut) finish(row, dot);
  }
}
