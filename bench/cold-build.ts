// `npm run bench:build`: the cold build of a folder (no saved index: read, parse, index) by this
// checkout's engine and by another's, alternating, each in a child process of its own: wall
// time, CPU time (all threads) and peak resident memory, and whether both built the same
// number of sentences. For changes meant to make the build faster without changing the index.
//
//   npm run build && npm run bench:build -- --baseline ../other-checkout --data DIR
//     [--repeats N] [--workers N] [--save]
//
// --baseline: another checkout of citebot, built. --workers: openCorpus's buildWorkers for this
// checkout (worker threads besides the calling one, which builds a chunk too; the baseline may
// not have them). --save: with a saved index, as a front end opens a folder (a fresh cache
// folder each run): the time until openCorpus hands the corpus back, and until the saved index
// is written. CPU time moves far less than wall time on
// a shared machine: quote it, with the load average printed.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { PROJECT_ROOT } from "../src/paths.ts";

interface BuildResult {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakMb: number;
  readonly sentences: number;
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
  workers: number,
  save: boolean,
): Promise<void> {
  const url = pathToFileURL(path.join(engineDir, "dist", "src", "corpus", "open.js")).href;
  const { openCorpus } = (await import(url)) as {
    openCorpus: (
      dir: string,
      options: { cacheDir: string | false; buildWorkers?: number },
    ) => Promise<{ index: { size: number }; saved: Promise<string | undefined> }>;
  };
  const cacheDir = save ? mkdtempSync(path.join(os.tmpdir(), "citebot-cold-build-")) : false;
  try {
    const started = performance.now();
    const corpus = await openCorpus(dataDir, {
      cacheDir,
      ...(workers > 0 ? { buildWorkers: workers } : {}),
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
      ...saved,
    };
    process.stdout.write(JSON.stringify(result));
  } finally {
    if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    probe: { type: "string" },
    baseline: { type: "string" },
    data: { type: "string" },
    repeats: { type: "string", default: "2" },
    workers: { type: "string", default: "0" },
    save: { type: "boolean", default: false },
  },
});
const dataDir = path.resolve(values.data ?? path.join(PROJECT_ROOT, "data"));
if (values.probe) {
  await probe(values.probe, dataDir, Number(values.workers), values.save);
} else {
  if (!values.baseline) {
    console.error("bench:build: --baseline DIR (another checkout of citebot, built) is required");
    process.exit(2);
  }
  const engines = [
    { name: "baseline", dir: path.resolve(values.baseline), workers: "0" },
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
      ? "\n| engine | ready wall s | ready CPU s | saved wall s | saved CPU s | peak MB | sentences | load at start |"
      : "\n| engine | wall s | CPU s | peak MB | sentences | load at start |",
  );
  console.log(
    values.save
      ? "| ------ | -----------: | ----------: | -----------: | ----------: | ------: | --------: | ------------- |"
      : "| ------ | -----: | ----: | ------: | --------: | ------------- |",
  );
  const cpu: Record<string, number[]> = { baseline: [], this: [] };
  for (let repeat = 0; repeat < Number(values.repeats); repeat += 1) {
    for (const engine of engines) {
      const startLoad = load();
      const output = execFileSync(
        process.execPath,
        [self, "--probe", engine.dir, "--data", dataDir, "--workers", engine.workers, ...save],
        { maxBuffer: 1024 ** 2 },
      );
      const result = JSON.parse(output.toString("utf8")) as BuildResult;
      cpu[engine.name]?.push(result.cpuMs);
      const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(1);
      const savedColumns = values.save
        ? ` ${seconds(result.savedWallMs)} | ${seconds(result.savedCpuMs)} |`
        : "";
      console.log(
        `| ${engine.name} | ${seconds(result.wallMs)} | ${seconds(result.cpuMs)} |${savedColumns} ${Math.round(result.peakMb)} | ${result.sentences} | ${startLoad} |`,
      );
    }
  }
  const mean = (list: number[] = []) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  console.log(`\nCPU: this / baseline = ${(mean(cpu.this) / mean(cpu.baseline)).toFixed(2)}×`);
  console.log(`load average at the end ${load()}`);
}
