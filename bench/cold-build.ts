// `npm run bench:build`: the cold build of a folder (no saved index: read, parse, index) by this
// checkout's engine and by another's, alternating, each in a child process of its own: wall
// time, CPU time (all threads) and peak resident memory, and whether both built the same
// number of sentences. For changes meant to make the build faster without changing the index.
//
//   npm run build && npm run bench:build -- --baseline ../other-checkout --data DIR
//     [--repeats N] [--workers N|auto] [--baseline-workers N|auto] [--save]
//
// --baseline: another checkout of citebot, built. --workers: openCorpus's buildWorkers for this
// checkout (worker threads besides the calling one, which builds a chunk too); unset, the
// engine's default (BUILD_WORKERS's: auto, one thread per core for a large folder). The
// workers column says how many each run used. --baseline-workers: the same for the baseline
// (which may not have them). --save: with a saved index, as a front end opens a folder (a fresh cache
// folder each run): the time until openCorpus hands the corpus back, and until the saved index
// is written. CPU time moves far less than wall time on
// a shared machine: quote it, with the load average printed.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { BuildWorkers } from "../src/corpus/build-threads.ts";
import { PROJECT_ROOT } from "../src/paths.ts";

interface BuildResult {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakMb: number;
  readonly sentences: number;
  /** Build workers the engine used (its `buildWorkersFor`), or "-" when it has none. */
  readonly workers: number | string;
  /** With --save: wall and CPU time until the saved index was written. */
  readonly savedWallMs?: number;
  readonly savedCpuMs?: number;
}

/** CPU time of all the process's threads so far, in ms. */
function cpuMs(): number {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1000;
}

/** The child: opens the folder with an engine, without a saved index, and prints what it cost. */
async function probe(
  engineDir: string,
  dataDir: string,
  setting: BuildWorkers | undefined,
  save: boolean,
): Promise<void> {
  const module = (name: string) =>
    pathToFileURL(path.join(engineDir, "dist", "src", "corpus", `${name}.js`)).href;
  const { openCorpus } = (await import(module("open"))) as {
    openCorpus: (
      dir: string,
      options: { cacheDir: string | false; buildWorkers?: BuildWorkers },
    ) => Promise<{
      index: { size: number };
      saved: Promise<string | undefined>;
      buildWorkers?: number;
    }>;
  };
  const planned = await workersUsed(module("build-threads"), dataDir, setting);
  const cacheDir = save ? mkdtempSync(path.join(os.tmpdir(), "citebot-cold-build-")) : false;
  try {
    const started = performance.now();
    const corpus = await openCorpus(dataDir, {
      cacheDir,
      ...(setting === undefined ? {} : { buildWorkers: setting }),
    });
    const wallMs = performance.now() - started;
    const readyCpuMs = cpuMs();
    let saved: Pick<BuildResult, "savedWallMs" | "savedCpuMs"> = {};
    if (save) {
      const failure = await corpus.saved;
      if (failure) throw new Error(`saving the index failed: ${failure}`);
      saved = { savedWallMs: performance.now() - started, savedCpuMs: cpuMs() };
    }
    const result: BuildResult = {
      wallMs,
      cpuMs: readyCpuMs,
      peakMb: process.resourceUsage().maxRSS / 1024,
      sentences: corpus.index.size,
      // The engine says what it used ("auto" measures the machine as it reads the folder).
      workers: corpus.buildWorkers ?? planned,
      ...saved,
    };
    process.stdout.write(JSON.stringify(result));
  } finally {
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  }
}

/**
 * The workers an engine would build the folder with, as its own `buildWorkersFor` decides from
 * the bytes of the folder's article files and the load average (for an engine whose corpus does
 * not say what it used); without that module, the number asked for or "-".
 */
async function workersUsed(
  url: string,
  dataDir: string,
  setting: BuildWorkers | undefined,
): Promise<number | string> {
  let buildWorkersFor: ((setting: BuildWorkers, bytes: number) => number) | undefined;
  try {
    ({ buildWorkersFor } = (await import(url)) as { buildWorkersFor: typeof buildWorkersFor });
  } catch {
    return setting ?? "-";
  }
  const bytes = readdirSync(dataDir)
    .filter((name) => /\.(?:md|txt|html?)$/iu.test(name))
    .reduce((sum, name) => sum + statSync(path.join(dataDir, name)).size, 0);
  return buildWorkersFor?.(setting ?? "auto", bytes) ?? "-";
}

/** A --workers value: "auto", a number, or unset (the engine's default). */
function workersSetting(value: string | undefined): BuildWorkers | undefined {
  if (value === undefined || value === "") return undefined;
  if (value === "auto") return "auto";
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 0) {
    console.error(`bench:build: --workers takes auto or a whole number, not "${value}"`);
    process.exit(2);
  }
  return workers;
}

const { values } = parseArgs({
  options: {
    probe: { type: "string" },
    baseline: { type: "string" },
    data: { type: "string" },
    repeats: { type: "string", default: "2" },
    workers: { type: "string" },
    "baseline-workers": { type: "string" },
    save: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(`npm run bench:build -- --baseline DIR [--data DIR] [--repeats N] [--workers N|auto]
    [--baseline-workers N|auto] [--save]

The cold build of a folder (no saved index) by this checkout's engine and another's (DIR, built),
alternating, each in a child process: wall time, CPU time of all threads, peak memory, workers.
  --data DIR               the folder of articles (default: data/)
  --repeats N              alternations (default 2)
  --workers N|auto         this checkout's build workers (default: its own, BUILD_WORKERS's auto)
  --baseline-workers N|auto  the same for the baseline
  --save                   write a saved index too (a fresh cache folder): times until saved`);
  process.exit(0);
}
const dataDir = path.resolve(values.data ?? path.join(PROJECT_ROOT, "data"));
if (values.probe) {
  await probe(values.probe, dataDir, workersSetting(values.workers), values.save);
} else {
  if (!values.baseline) {
    console.error("bench:build: --baseline DIR (another checkout of citebot, built) is required");
    process.exit(2);
  }
  const engines = [
    { name: "baseline", dir: path.resolve(values.baseline), workers: values["baseline-workers"] },
    { name: "this", dir: PROJECT_ROOT, workers: values.workers },
  ];
  for (const engine of engines) {
    if (!existsSync(path.join(engine.dir, "dist", "src", "corpus", "open.js"))) {
      console.error(`bench:build: ${engine.dir} is not built (run npm run build there)`);
      process.exit(2);
    }
  }
  const load = () =>
    os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" ");
  const self = path.join(PROJECT_ROOT, "dist", "bench", "cold-build.js");
  console.log(`cold build of ${dataDir}; load average ${load()}`);
  const save = values.save ? ["--save"] : [];
  console.log(
    values.save
      ? "\n| engine | workers | ready wall s | ready CPU s | saved wall s | saved CPU s | peak MB | sentences | load at start |"
      : "\n| engine | workers | wall s | CPU s | peak MB | sentences | load at start |",
  );
  console.log(
    values.save
      ? "| ------ | ------: | -----------: | ----------: | -----------: | ----------: | ------: | --------: | ------------- |"
      : "| ------ | ------: | -----: | ----: | ------: | --------: | ------------- |",
  );
  const cpu: Record<string, number[]> = { baseline: [], this: [] };
  const wall: Record<string, number[]> = { baseline: [], this: [] };
  // With --save, until the corpus was handed back (`cpu` and `wall` are until saved).
  const readyCpu: Record<string, number[]> = { baseline: [], this: [] };
  const readyWall: Record<string, number[]> = { baseline: [], this: [] };
  for (let repeat = 0; repeat < Number(values.repeats); repeat += 1) {
    for (const engine of engines) {
      const startLoad = load();
      const output = execFileSync(
        process.execPath,
        [
          self,
          ...["--probe", engine.dir, "--data", dataDir],
          ...(engine.workers === undefined ? [] : ["--workers", engine.workers]),
          ...save,
        ],
        { maxBuffer: 1024 ** 2 },
      );
      const result = JSON.parse(output.toString("utf8")) as BuildResult;
      cpu[engine.name]?.push(result.savedCpuMs ?? result.cpuMs);
      wall[engine.name]?.push(result.savedWallMs ?? result.wallMs);
      readyCpu[engine.name]?.push(result.cpuMs);
      readyWall[engine.name]?.push(result.wallMs);
      const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1);
      const savedColumns = values.save
        ? ` ${seconds(result.savedWallMs)} | ${seconds(result.savedCpuMs)} |`
        : "";
      console.log(
        `| ${engine.name} | ${result.workers} | ${seconds(result.wallMs)} | ${seconds(result.cpuMs)} |${savedColumns} ${Math.round(result.peakMb)} | ${result.sentences} | ${startLoad} |`,
      );
    }
  }
  const median = (list: number[] = []) => {
    const sorted = [...list].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  };
  const ratio = (runs: Record<string, number[]>) =>
    `${(median(runs.this) / median(runs.baseline)).toFixed(2)}× (medians ${(median(runs.this) / 1000).toFixed(1)} / ${(median(runs.baseline) / 1000).toFixed(1)} s)`;
  const until = values.save ? " until saved" : "";
  if (values.save) {
    console.log(`\nCPU until handed back: this / baseline = ${ratio(readyCpu)}`);
    console.log(`wall until handed back: this / baseline = ${ratio(readyWall)}`);
  }
  console.log(`\nCPU${until}: this / baseline = ${ratio(cpu)}`);
  console.log(`wall${until}: this / baseline = ${ratio(wall)}`);
  console.log(`load average at the end ${load()}`);
}
