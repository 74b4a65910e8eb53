// `npm run bench:build`: the cold build of a folder (no saved index: read, parse, index) by this
// checkout's engine and by another's, alternating, each in a child process of its own: wall
// time, CPU time (all threads) and peak resident memory, and whether both built the same
// number of sentences. For changes meant to make the build faster without changing the index.
//
//   npm run build && npm run bench:build -- --baseline ../other-checkout --data DIR
//     [--repeats N] [--workers N]
//
// --baseline: another checkout of citebot, built. --workers: openCorpus's buildWorkers for this
// checkout (worker threads; the baseline may not have them). CPU time moves far less than wall
// time on a shared machine: quote it, with the load average printed.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
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
}

/** The child: opens the folder with an engine, without a saved index, and prints what it cost. */
async function probe(engineDir: string, dataDir: string, workers: number): Promise<void> {
  const url = pathToFileURL(path.join(engineDir, "dist", "src", "corpus", "open.js")).href;
  const { openCorpus } = (await import(url)) as {
    openCorpus: (
      dir: string,
      options: { cacheDir: false; buildWorkers?: number },
    ) => Promise<{ index: { size: number } }>;
  };
  const started = performance.now();
  const corpus = await openCorpus(dataDir, {
    cacheDir: false,
    ...(workers > 0 ? { buildWorkers: workers } : {}),
  });
  const wallMs = performance.now() - started;
  const usage = process.resourceUsage();
  const result: BuildResult = {
    wallMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    peakMb: usage.maxRSS / 1024,
    sentences: corpus.index.size,
  };
  process.stdout.write(JSON.stringify(result));
}

const { values } = parseArgs({
  options: {
    probe: { type: "string" },
    baseline: { type: "string" },
    data: { type: "string" },
    repeats: { type: "string", default: "2" },
    workers: { type: "string", default: "0" },
  },
});
const dataDir = path.resolve(values.data ?? path.join(PROJECT_ROOT, "data"));
if (values.probe) {
  await probe(values.probe, dataDir, Number(values.workers));
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
  console.log("\n| engine | wall s | CPU s | peak MB | sentences | load at start |");
  console.log("| ------ | -----: | ----: | ------: | --------: | ------------- |");
  const cpu: Record<string, number[]> = { baseline: [], this: [] };
  for (let repeat = 0; repeat < Number(values.repeats); repeat += 1) {
    for (const engine of engines) {
      const startLoad = load();
      const output = execFileSync(
        process.execPath,
        [self, "--probe", engine.dir, "--data", dataDir, "--workers", engine.workers],
        { maxBuffer: 1024 ** 2 },
      );
      const result = JSON.parse(output.toString("utf8")) as BuildResult;
      cpu[engine.name]?.push(result.cpuMs);
      console.log(
        `| ${engine.name} | ${(result.wallMs / 1000).toFixed(1)} | ${(result.cpuMs / 1000).toFixed(1)} | ${Math.round(result.peakMb)} | ${result.sentences} | ${startLoad} |`,
      );
    }
  }
  const mean = (list: number[] = []) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  console.log(`\nCPU: this / baseline = ${(mean(cpu.this) / mean(cpu.baseline)).toFixed(2)}×`);
  console.log(`load average at the end ${load()}`);
}
