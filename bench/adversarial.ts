// `npm run bench:adversarial`: time to load (parse and index) one article made of an
// adversarial pattern, at 1× and 4× its size, against ordinary prose of the same sizes in
// the same run. Linear loading shows as a 4× / 1× ratio near 4 (quadratic: near 16).
// `npm test` checks the same property by counting work (tests/core/linear-loading.test.ts).

import { readFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArticle } from "../src/core/article/parse.ts";
import { buildIndexData } from "../src/core/index/build.ts";
import { quantile } from "./measure.ts";

/** Size of the smaller article in characters (the larger is 4×); `--size N` changes it. */
const sizeArgument = process.argv.indexOf("--size");
const SIZE = sizeArgument > 0 ? Number(process.argv[sizeArgument + 1]) : 150_000;
/** Timed loads per case and size (the median is reported). */
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

const prose = readFileSync(
  fileURLToPath(new URL("../tests/fixtures/seed.txt", import.meta.url)),
  "utf8",
)
  .split("\n\n")
  .slice(2)
  .join(" ");

/** Each case: a body of about `size` characters, and whether it is Markdown. */
const CASES: Record<string, { markdown: boolean; body: (size: number) => string }> = {
  "ordinary prose (baseline)": { markdown: false, body: (size) => repeat(prose + " ", size) },
  "ordinary prose, Markdown (baseline)": {
    markdown: true,
    body: (size) => repeat(prose + " ", size),
  },
  // A letter in each unit: a body of punctuation alone has no passage and is refused.
  "`!?` and quotes": { markdown: false, body: (size) => repeat("a!?\"”'’ !?", size) },
  "one paragraph of spaces": { markdown: false, body: (size) => `a${" ".repeat(size)}b` },
  '"Mr. " repeated (all one sentence)': { markdown: false, body: (size) => repeat("Mr. ", size) },
  initials: { markdown: true, body: (size) => repeat("J. ", size) },
  "soft hyphens in words": { markdown: false, body: (size) => repeat("tar\u00adiff ", size) },
  "one long word": { markdown: false, body: (size) => "x".repeat(size) },
  "HTML comments then text": { markdown: true, body: (size) => repeat("<!-- a -->", size) + "x" },
  "nested emphasis": {
    markdown: true,
    body: (size) => repeat("**_", size / 2) + "x" + repeat("_**", size / 2),
  },
  "nested lists": {
    markdown: true,
    body: (size) =>
      repeat(
        Array.from({ length: 30 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n") + "\n\n",
        size,
      ),
  },
};

function repeat(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length)));
}

function loadMs(markdown: boolean, body: string): number {
  const text = markdown ? `---\ntitle: T\n---\n\n${body}\n` : `T\n\n${body}\n`;
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  buildIndexData([parseArticle(markdown ? "a.md" : "a.txt", bytes)]);
  return performance.now() - started;
}

function median(markdown: boolean, body: string): number {
  const times = Array.from({ length: REPEATS }, () => loadMs(markdown, body));
  return quantile(
    [...times].sort((a, b) => a - b),
    0.5,
  );
}

console.log(
  `load of one article, median of ${REPEATS}, ${SIZE.toLocaleString("en")} and ${(4 * SIZE).toLocaleString("en")} characters; load average ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")}\n`,
);
console.log("| case | 1× ms | 4× ms | 4× / 1× |");
console.log("| --- | ---: | ---: | ---: |");
for (const [name, { markdown, body }] of Object.entries(CASES)) {
  try {
    const small = median(markdown, body(SIZE));
    const large = median(markdown, body(4 * SIZE));
    console.log(
      `| ${name} | ${small.toFixed(1)} | ${large.toFixed(1)} | ${(large / small).toFixed(2)} |`,
    );
  } catch (error) {
    // A case the loader refuses is reported, not the end of the run.
    console.log(`| ${name} | refused: ${error instanceof Error ? error.message : error} | | |`);
  }
}
