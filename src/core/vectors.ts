/**
 * Word vectors of general English. The core only asks; the corpus layer answers
 * from a reduced GloVe table (`src/corpus/word-vectors.ts`), and tests may answer
 * from a table of their own.
 */
export interface WordVectors {
  /** Dimensions of every vector. */
  readonly dimensions: number;
  /** The unit-length vector of a lower-case word; undefined when the table lacks it. */
  vector(word: string): Float32Array | undefined;
  /** The word's place in the table's frequency order (0: the most common word); undefined when absent. */
  rank(word: string): number | undefined;
}
