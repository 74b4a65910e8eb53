// How fast a checkout's index answers when the process built it and when it opened it from its
// saved file: the archive's 182 real questions (REAL_QUESTION_FILES), asked three times; the
// first round warms, rounds 2–3 are timed. Run once per checkout and mode, alternating, to
// compare two commits (each row a process of its own).
//
//   node dist/bench/built-or-saved.js CHECKOUT_DIR DATA_DIR built|saved CACHE_DIR
//
// "built" opens with an empty cache folder of its own (the index is built in this process);
// "saved" opens with CACHE_DIR, so the second run of a checkout reads the index the first saved.

import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REAL_QUESTION_FILES } from "./archive.ts";
import { quantile } from "./measure.ts";

interface Opened {
  readonly fromSavedIndex: boolean;
  readonly saved: Promise<unknown>;
  readonly index: { ask: (q: string) => unknown };
}

const [checkout = ".", dataDir = ".", mode = "built", cacheArg = ""] = process.argv.slice(2);
const url = pathToFileURL(path.join(checkout, "dist", "src", "corpus", "open.js")).href;
const { openCorpus } = (await import(url)) as {
  openCorpus: (dir: string, options: { cacheDir: string }) => Promise<Opened>;
};
const cacheDir =
  mode === "saved" && cacheArg !== ""
    ? cacheArg
    : mkdtempSync(path.join(os.tmpdir(), "citebot-built-"));
const started = performance.now();
const corpus = await openCorpus(dataDir, { cacheDir });
await corpus.saved;
const readyMs = performance.now() - started;
const questions = REAL_QUESTION_FILES.flatMap((file) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { q: string }).q),
);
const times: number[] = [];
for (let round = 0; round < 3; round += 1) {
  for (const question of questions) {
    const asked = performance.now();
    corpus.index.ask(question);
    if (round > 0) times.push(performance.now() - asked);
  }
}
times.sort((a, b) => a - b);
console.log(
  `${path.basename(path.resolve(checkout))} ${mode} (from saved index: ${String(corpus.fromSavedIndex)}): ready ${readyMs.toFixed(0)} ms; ${times.length} asks, median ${quantile(times, 0.5).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms, os load ${os.loadavg()[0]?.toFixed(1) ?? "?"}`,
);
