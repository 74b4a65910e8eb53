// `npx tsx bench/normalize-hostile.ts`: time to normalise one long message made of a hostile
// pattern (runs of blanks the chat rules look back over), at 1× and 4× its size, against
// ordinary chat text of the same sizes in the same run. Linear work shows as a 4× / 1× ratio
// near 4 (quadratic: near 16). Messages this long are refused before a question is read
// (MAX_QUESTION_LENGTH); CitationIndex.ask normalises whatever it is given.

import { normalizeDiscordText } from "../src/core/text/normalize.ts";
import { quantile } from "./measure.ts";

/** Size of the smaller message in characters (the larger is 4×); `--size N` changes it. */
const sizeArgument = process.argv.indexOf("--size");
const SIZE = sizeArgument > 0 ? Number(process.argv[sizeArgument + 1]) : 20_000;
/** Timed runs per case and size (the median is reported). */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

const CASES: Record<string, (size: number) => string> = {
  "ordinary chat (baseline)": (size) =>
    "lol who did biden n xi meet w at woodside fr ".repeat(size / 46),
  "blanks between two words": (size) => `x${" ".repeat(size)}y`,
  "an article, blanks, then 'cant'": (size) => `the${" ".repeat(size)}cant do`,
  "one-letter words": (size) => "a ".repeat(size / 2),
};

/** Median milliseconds of normalising `text`. */
function time(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const start = performance.now();
    normalizeDiscordText(text);
    runs.push(performance.now() - start);
  }
  return quantile(
    runs.sort((a, b) => a - b),
    0.5,
  );
}

console.log(`size ${SIZE} and ${4 * SIZE} characters, median of ${REPEATS}`);
for (const [name, body] of Object.entries(CASES)) {
  const small = time(body(SIZE));
  const large = time(body(4 * SIZE));
  console.log(
    `${name.padEnd(34)} ${small.toFixed(2).padStart(8)} ms ${large.toFixed(2).padStart(9)} ms  ratio ${(large / small).toFixed(1)}`,
  );
}
