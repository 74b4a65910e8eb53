// `npm run bench:engines`: two builds of citebot's engine on the same folder and questions, in one
// run: the CPU time of opening the saved index, the CPU and wall time of each question, and
// whether every answer is the same. For changes meant to make citebot faster without changing
// what it answers.
//
//   npm run build && npm run bench:engines -- --baseline ../other-checkout [--data DIR]
//     [--cache DIR] [--rounds N] [--repeats N] [--explain] [--real] [--paired]
//
// --baseline: another checkout of citebot, built (`npm run build` there). Each engine runs in a
// child process of its own (bench/engine-probe.ts), the two alternating --repeats times. The
// questions are every dev set's: tests/fixtures/eval/*.jsonl and ../shared/eval's seed and
// discord-style sets, each asked as written and, where the set names one, within its article
// (--real: only the 182 real questions npm run bench times on the archive). --paired: both
// engines in one process instead, each question asked by one and then the other.
// CPU time first: on a shared machine the CPU time of a question moves far less than its wall
// time, printed after it. Between them, the CPU time of each question's first ask alone; last,
// the wall time of each first ask (what a member waits for a question new to the process).

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../src/paths.ts";
import { realQuestions } from "./archive.ts";
import { devQuestions } from "./dev-questions.ts";
import { quantile } from "./measure.ts";
import type { ProbeResult } from "./engine-probe.ts";

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    data: { type: "string" },
    cache: { type: "string" },
    rounds: { type: "string", default: "3" },
    repeats: { type: "string", default: "2" },
    explain: { type: "boolean", default: false },
    real: { type: "boolean", default: false },
    paired: { type: "boolean", default: false },
  },
});
if (!values.baseline) {
  console.error("bench:engines: --baseline DIR (another checkout of citebot, built) is required");
  process.exit(2);
}
const engines = [
  { name: "baseline", dir: path.resolve(values.baseline) },
  { name: "this", dir: PROJECT_ROOT },
];
for (const engine of engines) {
  if (!existsSync(path.join(engine.dir, "dist", "src", "corpus", "open.js"))) {
    console.error(`bench:engines: ${engine.dir} is not built (run npm run build there)`);
    process.exit(2);
  }
}
const dataDir = path.resolve(values.data ?? DEFAULT_DATA_DIR);
const cacheDir = path.resolve(
  values.cache ?? mkdtempSync(path.join(os.tmpdir(), "citebot-engines-")),
);

// --real: only the real questions `npm run bench` times on the archive (as written, all articles).
const questions = values.real
  ? realQuestions(console.error).map(({ q }) => ({ q }))
  : devQuestions();
const rounds = Number(values.rounds);
const probe = path.join(PROJECT_ROOT, "dist", "bench", "engine-probe.js");
const runs: { engine: string; result: ProbeResult }[] = [];
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
console.log(`${questions.length} questions, ${rounds} rounds; ${dataDir}; load average ${load()}`);
if (values.paired) {
  // Both engines in one process, each question asked by one and then the other
  // (bench/engine-pair.ts): less moved by the machine's other work than runs minutes apart.
  const pair = path.join(PROJECT_ROOT, "dist", "bench", "engine-pair.js");
  const output = execFileSync(
    process.execPath,
    [pair, engines[0]?.dir ?? "", PROJECT_ROOT, dataDir, cacheDir, String(rounds)],
    { input: JSON.stringify(questions), maxBuffer: 1024 ** 3 },
  );
  process.stdout.write(output);
  process.exit(0);
}
// The first open builds and saves the index (not timed as a saved-index open).
for (let repeat = 0; repeat <= Number(values.repeats); repeat += 1) {
  for (const engine of engines) {
    const output = execFileSync(
      process.execPath,
      [
        probe,
        engine.dir,
        dataDir,
        // A folder each: two engines of different index formats would rebuild each other's.
        path.join(cacheDir, engine.name),
        String(rounds),
        values.explain ? "explain" : "ask",
      ],
      { input: JSON.stringify(questions), maxBuffer: 1024 ** 3 },
    );
    const result = JSON.parse(output.toString("utf8")) as ProbeResult;
    if (repeat > 0 || result.fromSavedIndex) runs.push({ engine: engine.name, result });
  }
}

// CPU time first; then the CPU time of each question's first ask (the round that first meets
// its words, from a fresh process: what a new question costs a running bot), then wall time
// (what a member waits, inflated on a shared machine), warm and at the first ask.
const timesOf = {
  CPU: (result: ProbeResult) => result.questionCpuMs,
  "first-ask CPU": (result: ProbeResult) => result.firstQuestionCpuMs,
  wall: (result: ProbeResult) => result.questionWallMs,
  "first-ask wall": (result: ProbeResult) => result.firstQuestionWallMs,
} as const;
for (const clock of ["CPU", "first-ask CPU", "wall", "first-ask wall"] as const) {
  const rows = runs.map(({ engine, result }) => {
    const times = timesOf[clock](result);
    const sorted = [...times].sort((a, b) => a - b);
    return {
      engine,
      open: result.openCpuMs,
      median: quantile(sorted, 0.5),
      p90: quantile(sorted, 0.9),
      p99: quantile(sorted, 0.99),
      max: sorted.at(-1) ?? Number.NaN,
    };
  });
  console.log(`\n${clock} time a question:`);
  console.log("| engine | open CPU ms | median ms | p90 ms | p99 ms | max ms |");
  console.log("| ------ | ----------: | --------: | -----: | -----: | -----: |");
  for (const row of rows) {
    const cells = [row.open, row.median, row.p90, row.p99, row.max].map((n) => n.toFixed(2));
    console.log(`| ${row.engine} | ${cells.join(" | ")} |`);
  }
  const mean = (engine: string, key: "median" | "p99" | "open") => {
    const mine = rows.filter((row) => row.engine === engine);
    return mine.reduce((sum, row) => sum + row[key], 0) / Math.max(1, mine.length);
  };
  for (const key of clock === "CPU"
    ? (["median", "p99", "open"] as const)
    : (["median", "p99"] as const)) {
    console.log(
      `${clock} ${key}: this / baseline = ${(mean("this", key) / mean("baseline", key)).toFixed(2)}×`,
    );
  }
}
const answers = (engine: string) => runs.find((run) => run.engine === engine)?.result.answers ?? [];
const [before, after] = [answers("baseline"), answers("this")];
const differ = before.findIndex((answer, i) => answer !== after[i]);
console.log(
  differ < 0 && before.length === after.length
    ? `answers: all ${after.length} identical (full JSON${values.explain ? " of explain" : ""})`
    : `answers: DIFFER, first at question ${differ + 1}: ${JSON.stringify(questions[differ])}`,
);
console.log(`load average at the end ${load()}`);
