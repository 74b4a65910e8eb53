// `npm run bench:memory`: the memory of a long-running citebot. Opens a folder from its saved
// index, as the bot does at start, and asks thousands of distinct real questions in one process,
// sampling resident memory, V8's heap and the memory outside it every K questions, so that the
// curve shows whether it levels off. With --baseline, another checkout's engine runs the same
// questions in turn (alternating --repeats times): its curve, the CPU time of each question
// (median, p99: ratios this / baseline) and whether every answer is the same (full JSON).
//
//   npm run build && npm run bench:memory -- --data DIR [--cache DIR] [--questions 5000]
//     [--every 250] [--baseline ../other-checkout] [--repeats 1] [--live] [--worker]
//
// Questions: every dev set's (bench/dev-questions.ts), in turn, each pass in another typed form
// so that the texts stay distinct. --live: a full garbage collection after each sample and a
// second sample (what is still reachable), to tell live data from garbage not yet collected.
// --worker: the index opened as the bot opens it (a worker thread reads it and hands its bytes
// over), not from the file. --across-articles: each question asked of one article of the folder,
// a different one each time in file order (members asking of many channels' articles): every
// question makes an index of its article alone (RankingOptions.articleAlone).

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../src/paths.ts";
import { devQuestions, retypedQuestions } from "./dev-questions.ts";
import { quantile } from "./measure.ts";
import type { MemoryProbeResult, MemorySample } from "./memory-probe.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    cache: { type: "string" },
    questions: { type: "string", default: "5000" },
    every: { type: "string", default: "250" },
    baseline: { type: "string" },
    repeats: { type: "string", default: "1" },
    live: { type: "boolean", default: false },
    worker: { type: "boolean", default: false },
    "across-articles": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(
    [
      "npm run bench:memory -- --data DIR [options]",
      "  --data DIR        folder of articles (default: data/)",
      "  --cache DIR       folder for the saved indexes, one folder per engine inside (default: a new temporary one)",
      "  --questions N     distinct questions asked in one process (default 5000)",
      "  --every K         memory sampled every K questions (default 250)",
      "  --baseline DIR    another checkout of citebot, built: its engine runs the same questions in turn",
      "  --repeats N       runs of each engine, alternating (default 1)",
      "  --live            also sample after a full garbage collection (what is still reachable)",
      "  --worker          open the index as the bot does (in a worker thread, its bytes handed over)",
      "  --across-articles ask each question of another article of the folder, in file order",
    ].join("\n"),
  );
  process.exit(0);
}
const engines = [
  ...(values.baseline ? [{ name: "baseline", dir: path.resolve(values.baseline) }] : []),
  { name: "this", dir: PROJECT_ROOT },
];
for (const engine of engines) {
  if (!existsSync(path.join(engine.dir, "dist", "src", "corpus", "open.js"))) {
    console.error(`bench:memory: ${engine.dir} is not built (run npm run build there)`);
    process.exit(2);
  }
}
const count = Number(values.questions);
const every = Number(values.every);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(every) || every < 1) {
  console.error("bench:memory: --questions and --every take whole numbers of at least 1");
  process.exit(2);
}
const dataDir = path.resolve(values.data ?? DEFAULT_DATA_DIR);
const cacheDir = path.resolve(values.cache ?? mkdtempSync(path.join(os.tmpdir(), "citebot-mem-")));
/** The folder's article ids (file names without their extension), in file order. */
function articleIds(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => /^[^.].*\.(?:md|txt|html?)$/iu.test(name))
    .sort()
    .map((name) => name.replace(/\.[^.]+$/u, ""));
}
const asked = retypedQuestions(devQuestions(), count);
const ids = values["across-articles"] ? articleIds(dataDir) : [];
const questions =
  ids.length > 0 ? asked.map(({ q }, i) => ({ q, article: ids[i % ids.length] as string })) : asked;
const distinct = new Set(questions.map(({ q, article }) => `${article ?? ""}\n${q}`)).size;
const probe = path.join(PROJECT_ROOT, "dist", "bench", "memory-probe.js");
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");

function run(engine: { name: string; dir: string }): MemoryProbeResult {
  const args = [
    ...(values.live ? ["--expose-gc"] : []),
    probe,
    engine.dir,
    dataDir,
    // A folder each: two engines of different index formats would rebuild each other's.
    path.join(cacheDir, engine.name),
    String(every),
    [values.live ? "live" : "", values.worker ? "worker" : ""].filter(Boolean).join(","),
  ];
  const output = execFileSync(process.execPath, args, {
    input: JSON.stringify(questions),
    maxBuffer: 1024 ** 3,
  });
  return JSON.parse(output.toString("utf8")) as MemoryProbeResult;
}

console.log(
  `${questions.length} questions (${distinct} distinct), memory every ${every}; ${dataDir}; load average ${load()}`,
);
const runs: { engine: string; result: MemoryProbeResult }[] = [];
for (let repeat = 0; repeat < Number(values.repeats); repeat += 1) {
  for (const engine of engines) {
    let result = run(engine);
    // The first open may build and save the index: its memory is the build's, run it again.
    if (!result.fromSavedIndex) result = run(engine);
    runs.push({ engine: engine.name, result });
    console.log(`${engine.name} done, load average ${load()}`);
  }
}

const f0 = (n: number | undefined) => (n === undefined ? "" : n.toFixed(0));
for (const [i, { engine, result }] of runs.entries()) {
  console.log(`\n### run ${i + 1}: ${engine} (peak resident ${f0(result.peakRss)} MB)\n`);
  const live = values.live ? " live RSS | live heap | live external |" : "";
  console.log(`| asked | RSS MB | heap used | heap total | external | array buffers |${live}`);
  console.log(
    `| ----: | -----: | --------: | ---------: | -------: | ------------: |${live ? " ---: | ---: | ---: |" : ""}`,
  );
  for (const s of result.samples) {
    const cells = [s.asked, s.rss, s.heapUsed, s.heapTotal, s.external, s.arrayBuffers].map(f0);
    if (s.live) cells.push(f0(s.live.rss), f0(s.live.heapUsed), f0(s.live.external));
    console.log(`| ${cells.join(" | ")} |`);
  }
}

/** Resident memory's growth over the run's second half, MB per 1,000 questions. */
function slope(samples: readonly MemorySample[]): number {
  const last = samples.at(-1);
  const middle = samples.find((s) => last && s.asked >= last.asked / 2);
  if (!last || !middle || last.asked === middle.asked) return Number.NaN;
  return ((last.rss - middle.rss) / (last.asked - middle.asked)) * 1000;
}

const summary = runs.map(({ engine, result }) => {
  const sorted = [...result.questionCpuMs].sort((a, b) => a - b);
  const later = result.questionCpuMs.slice(result.questionCpuMs.length / 2).sort((a, b) => a - b);
  const rss = result.samples.map((s) => s.rss);
  return {
    engine,
    ready: rss[0] ?? Number.NaN,
    end: rss.at(-1) ?? Number.NaN,
    most: Math.max(...rss),
    slope: slope(result.samples),
    peak: result.peakRss,
    median: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    laterMedian: quantile(later, 0.5),
    laterP99: quantile(later, 0.99),
  };
});
console.log(
  "\n| engine | RSS after ready MB | RSS at the end | most RSS sampled | MB / 1,000 questions (2nd half) | peak MB | median CPU ms | p99 ms | max ms | 2nd half median | 2nd half p99 |",
);
console.log("| ------ | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of summary) {
  const cells = [row.ready, row.end, row.most, row.peak].map(f0);
  cells.splice(3, 0, row.slope.toFixed(1));
  cells.push(
    ...[row.median, row.p99, row.max, row.laterMedian, row.laterP99].map((n) => n.toFixed(2)),
  );
  console.log(`| ${row.engine} | ${cells.join(" | ")} |`);
}
if (values.baseline) {
  type Key = "median" | "p99" | "laterMedian" | "laterP99" | "end" | "most";
  const mean = (engine: string, key: Key) => {
    const mine = summary.filter((row) => row.engine === engine);
    return mine.reduce((sum, row) => sum + row[key], 0) / Math.max(1, mine.length);
  };
  const names: Record<Key, string> = {
    median: "median",
    p99: "p99",
    laterMedian: "2nd half median",
    laterP99: "2nd half p99",
    end: "RSS at the end",
    most: "most RSS sampled",
  };
  for (const key of Object.keys(names) as Key[]) {
    const ratio = mean("this", key) / mean("baseline", key);
    console.log(`${names[key]}: this / baseline = ${ratio.toFixed(2)}×`);
  }
  const answers = (engine: string) => runs.find((r) => r.engine === engine)?.result.answers ?? [];
  const [before, after] = [answers("baseline"), answers("this")];
  const differ = before.findIndex((answer, i) => answer !== after[i]);
  console.log(
    differ < 0 && before.length === after.length
      ? `answers: all ${after.length} identical (full JSON)`
      : `answers: DIFFER, first at question ${differ + 1}: ${JSON.stringify(questions[differ])}`,
  );
}
console.log(`load average at the end ${load()}`);
