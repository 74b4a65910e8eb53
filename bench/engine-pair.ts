// Both engines of `npm run bench:engines -- --paired` in one process (bench/engines.ts): each
// question asked by one engine and then the other, in turn first, so that a machine busy with
// other work slows both alike. Prints the per-question CPU and wall times (each question's median
// over the rounds) of each, the ratios this / baseline and whether every answer is the same.
//
//   node dist/bench/engine-pair.js BASELINE_DIR THIS_DIR DATA_DIR CACHE_DIR ROUNDS < questions

import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { quantile } from "./measure.ts";

interface Index {
  ask: (q: string, o: { article?: string }) => unknown;
}

const [baselineDir = ".", thisDir = ".", dataDir = ".", cacheDir = ".", roundsArg = "3"] =
  process.argv.slice(2);
const open = async (dir: string, name: string): Promise<Index> => {
  const url = pathToFileURL(path.join(dir, "dist", "src", "corpus", "open.js")).href;
  const { openCorpus } = (await import(url)) as {
    openCorpus: (
      d: string,
      o: { cacheDir: string },
    ) => Promise<{ index: Index; saved?: Promise<unknown> }>;
  };
  // A folder each: two engines of different index formats would rebuild each other's.
  const corpus = await openCorpus(dataDir, { cacheDir: path.join(cacheDir, name) });
  // After a build, the index is in its final form (its saved form read back) once saved.
  await corpus.saved;
  return corpus.index;
};
const engines = [await open(baselineDir, "baseline"), await open(thisDir, "this")];
const questions = JSON.parse(readFileSync(0, "utf8")) as { q: string; article?: string }[];
const ask = (index: Index, { q, article }: { q: string; article?: string }) =>
  index.ask(q, article === undefined ? {} : { article });
// First answers compared (and every question asked once by each before timing).
const same = questions.filter(
  (question) =>
    JSON.stringify(ask(engines[0] as Index, question)) ===
    JSON.stringify(ask(engines[1] as Index, question)),
).length;
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
console.log(`paired in one process; load average ${load()}`);
const cpu = engines.map(() => questions.map((): number[] => []));
const wall = engines.map(() => questions.map((): number[] => []));
for (let round = 0; round < Number(roundsArg); round += 1) {
  questions.forEach((question, i) => {
    const order = (round + i) % 2 === 0 ? [0, 1] : [1, 0];
    for (const e of order) {
      const cpuStart = cpuMs();
      const wallStart = performance.now();
      ask(engines[e] as Index, question);
      wall[e]?.[i]?.push(performance.now() - wallStart);
      cpu[e]?.[i]?.push(cpuMs() - cpuStart);
    }
  });
}
const median = (list: number[]) =>
  quantile(
    [...list].sort((a, b) => a - b),
    0.5,
  );
for (const [clock, times] of [
  ["CPU", cpu],
  ["wall", wall],
] as const) {
  const perQuestion = times.map((engine) => engine.map(median));
  const [base = [], mine = []] = perQuestion;
  const summary = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const total = list.reduce((sum, t) => sum + t, 0);
    return `median ${quantile(sorted, 0.5).toFixed(2)} p90 ${quantile(sorted, 0.9).toFixed(2)} p99 ${quantile(sorted, 0.99).toFixed(2)} max ${(sorted.at(-1) ?? Number.NaN).toFixed(2)} total ${total.toFixed(0)} ms`;
  };
  const ratios = mine.map((t, i) => t / (base[i] as number)).filter(Number.isFinite);
  const sum = (list: number[]) => list.reduce((s, t) => s + t, 0);
  console.log(`${clock} baseline: ${summary(base)}`);
  console.log(`${clock} this:     ${summary(mine)}`);
  console.log(
    `${clock}: total this / baseline = ${(sum(mine) / sum(base)).toFixed(3)}×, median of the per-question ratios ${quantile(
      ratios.sort((a, b) => a - b),
      0.5,
    ).toFixed(3)}`,
  );
}
console.log(
  same === questions.length
    ? `answers: all ${same} identical (full JSON)`
    : `answers: DIFFER, ${questions.length - same} of ${questions.length}`,
);
console.log(`load average at the end ${load()}`);
