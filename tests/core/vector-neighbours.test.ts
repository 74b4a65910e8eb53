import { describe, expect, it } from "vitest";
import { DEFAULT_RANKING, termOf, type WordVectors } from "../../src/core/index.ts";
import type { IndexView } from "../../src/core/index/view.ts";
import { VectorNeighbours } from "../../src/core/search/vector-neighbours.ts";
import { prng } from "../../bench/seeded-random.ts";

const unit = (values: number[]): number[] => {
  const length = Math.hypot(...values);
  return values.map((value) => value / length);
};

describe("a word's neighbours in the word-vector space", () => {
  it("GIVEN thousands of words, some near the asked word's similarity threshold THEN the scan that leaves hopeless rows early finds exactly the neighbours and similarities of a full scan", () => {
    const random = prng(7);
    const dimensions = 64;
    const gaussian = () =>
      Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const asked = unit(Array.from({ length: dimensions }, gaussian));
    const table = new Map<string, Float32Array>();
    // Words at chosen similarities to the asked word (many close to the 0.6 threshold), and
    // random words, nearly all far from it.
    for (let i = 0; i < 3000; i += 1) {
      const noise = unit(Array.from({ length: dimensions }, gaussian));
      const along = noise.reduce((sum, value, j) => sum + value * (asked[j] as number), 0);
      const across = unit(noise.map((value, j) => value - along * (asked[j] as number)));
      const similarity = i < 300 ? 0.59 + (i % 30) * 0.001 : i < 400 ? 0.3 + random() * 0.69 : 0;
      const vector =
        similarity === 0
          ? noise
          : asked.map(
              (value, j) =>
                similarity * value + Math.sqrt(1 - similarity ** 2) * (across[j] as number),
            );
      table.set(`w${i}`, Float32Array.from(vector));
    }
    table.set("asked", Float32Array.from(asked));
    const words = [...table.keys()];
    const vectors: WordVectors = {
      dimensions,
      vector: (word) => table.get(word),
      rank: (word) => words.indexOf(word),
    };
    // Each word its own term, but two words share one (the best of the two counts); the asked
    // word's own term is no neighbour of it.
    const vocabulary = new Map(
      words.map((word) => [word, word === "asked" ? termOf(word) : word === "w1" ? "w0" : word]),
    );
    const view = { data: { vocabulary } } as unknown as IndexView;
    const options = {
      ...DEFAULT_RANKING,
      wordVectors: vectors,
      vectorCommonWords: 0,
      vectorNeighbours: 10_000,
    };

    const own = table.get("asked") as Float32Array;
    const best = new Map<string, number>();
    for (const [word, vector] of table) {
      if (word === "asked") continue;
      let dot = 0;
      for (let j = 0; j < dimensions; j += 1) dot += (own[j] as number) * (vector[j] as number);
      const term = vocabulary.get(word) as string;
      if (dot >= options.vectorThreshold && (best.get(term) ?? 0) < dot) best.set(term, dot);
    }
    const expected = [...best].sort((a, b) => b[1] - a[1]);

    expect(new VectorNeighbours(view, options).of("asked")).toEqual(expected);
    // The comparison covers neighbours just over the threshold, and rows just under it.
    expect(expected.length).toBeGreaterThan(200);
    expect(expected.some(([, dot]) => dot - options.vectorThreshold < 0.001)).toBe(true);
  });
});
