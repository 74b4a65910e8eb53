// One run of `npm run bench:built-or-saved` (bench/built-or-saved.ts): opens a folder with a
// checkout's compiled engine, the way a mode asks, and times the archive's 182 real questions
// (REAL_QUESTION_FILES), asked three times: the first round warms, rounds 2–3 are timed. Prints
// one JSON line ({@link ProbeRun}).
//
//   node dist/bench/built-or-saved-probe.js CHECKOUT_DIR DATA_DIR MODE CACHE_DIR [BUILD_WORKERS]
//
// MODE: "built" opens with CACHE_DIR empty (the index is built in this process, as `chat`, `ask`
// and `npm run bench` do on a first start); "saved" opens with CACHE_DIR holding the index a
// "built" run saved; "bot" opens as the bot does (`openCorpusInWorker`: built or read in a
// worker thread, decoded here). BUILD_WORKERS: `openCorpus`'s buildWorkers (default "auto", which
// builds in one thread on a busy machine and in two on an idle 2-core one).

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REAL_QUESTION_FILES } from "./archive.ts";
import { quantile } from "./measure.ts";

/** What one run measured. */
export interface ProbeRun {
  readonly checkout: string;
  readonly mode: string;
  readonly fromSavedIndex: boolean;
  /** Article files read to build or check the index (`Corpus.filesRead`). */
  readonly filesRead: number;
  /** Worker threads that built the index besides this one (undefined: not built here). */
  readonly buildWorkers: number | undefined;
  /** From the call to the corpus handed back (able to answer): wall and this process's CPU, ms. */
  readonly answeringMs: number;
  readonly answeringCpuMs: number;
  /** From the call to the index saved (or served): wall and this process's CPU, ms. */
  readonly readyMs: number;
  readonly readyCpuMs: number;
  /**
   * Resident memory once ready, and after the questions and a full collection (when
   * `--expose-gc`; never before the questions, which then pay what the build left), MB.
   */
  readonly rssReadyMb: number;
  readonly rssCollectedMb: number | undefined;
  readonly heapUsedReadyMb: number;
  /** After a full collection (when `--expose-gc`): V8's heap in use, and memory outside it (buffers). */
  readonly heapUsedCollectedMb: number | undefined;
  readonly externalCollectedMb: number | undefined;
  /** Peak resident memory before the timed loop, MB. */
  readonly peakMb: number;
  /** Per timed question: the process's CPU time (all its threads, the collector's too), ms. */
  readonly cpu: Quantiles;
  readonly wall: Quantiles;
  /** Every question's answer in round 1, hashed: equal across checkouts means the same answers. */
  readonly answersDigest: string;
  readonly load: number;
}

export interface Quantiles {
  readonly median: number;
  readonly p99: number;
  readonly max: number;
  readonly total: number;
}

interface Opened {
  readonly fromSavedIndex: boolean;
  readonly filesRead: number;
  readonly buildWorkers?: number;
  readonly saved: Promise<unknown>;
  readonly index: { ask: (q: string) => unknown };
}
type Opener = (
  dir: string,
  options: { cacheDir: string; buildWorkers: number | "auto" },
) => Promise<Opened>;

const cpuMsSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

function quantiles(times: number[]): Quantiles {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    total: sorted.reduce((sum, t) => sum + t, 0),
  };
}

/**
 * Starts V8's profiler when `file` is given; the function returned stops it and writes the
 * profile there (the questions' loop alone, unlike `--cpu-prof`).
 */
async function profiler(file: string | undefined): Promise<() => Promise<void>> {
  if (!file) return async () => undefined;
  const { Session } = await import("node:inspector/promises");
  const { writeFileSync } = await import("node:fs");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function main(): Promise<void> {
  const [checkout = ".", dataDir = ".", mode = "built", cacheDir = "", workers = "auto"] =
    process.argv.slice(2);
  const load = async (file: string) =>
    (await import(pathToFileURL(path.join(checkout, "dist", "src", "corpus", file)).href)) as {
      openCorpus?: Opener;
      openCorpusInWorker?: Opener;
    };
  const open =
    mode === "bot"
      ? (await load("open-in-worker.js")).openCorpusInWorker
      : (await load("open.js")).openCorpus;
  if (!open) throw new Error(`${checkout} has no opener for mode ${mode}`);
  const { createHash } = await import("node:crypto");
  const questions = REAL_QUESTION_FILES.flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const buildWorkers = workers === "auto" ? workers : Number(workers);
  const corpus = await open(dataDir, { cacheDir, buildWorkers });
  const answeringMs = performance.now() - started;
  const answeringCpuMs = cpuMsSince(cpuStart);
  await corpus.saved;
  const readyMs = performance.now() - started;
  const readyCpuMs = cpuMsSince(cpuStart);
  const memory = process.memoryUsage();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const profile = await profiler(process.env["PROBE_CPU_PROFILE"]);
  const cpu: number[] = [];
  const wall: number[] = [];
  const digest = createHash("sha256");
  for (let round = 0; round < 3; round += 1) {
    for (const question of questions) {
      const cpuAsked = process.cpuUsage();
      const asked = performance.now();
      const answer = corpus.index.ask(question);
      const wallMs = performance.now() - asked;
      const cpuMs = cpuMsSince(cpuAsked);
      if (round === 0) digest.update(JSON.stringify(answer));
      else {
        cpu.push(cpuMs);
        wall.push(wallMs);
      }
    }
  }
  await profile();
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect) {
    // Twice, a moment apart: buffers outside the heap are freed after the collection found them dead.
    collect();
    await new Promise((resolve) => setTimeout(resolve, 200));
    collect();
  }
  const collected = collect ? process.memoryUsage() : undefined;
  const rssCollectedMb = collected && collected.rss / 2 ** 20;
  const heapUsedCollectedMb = collected && collected.heapUsed / 2 ** 20;
  const externalCollectedMb = collected && collected.external / 2 ** 20;
  const run: ProbeRun = {
    checkout: path.basename(path.resolve(checkout)),
    mode,
    fromSavedIndex: corpus.fromSavedIndex,
    filesRead: corpus.filesRead,
    buildWorkers: corpus.buildWorkers,
    answeringMs,
    answeringCpuMs,
    readyMs,
    readyCpuMs,
    rssReadyMb: memory.rss / 2 ** 20,
    rssCollectedMb,
    heapUsedReadyMb: memory.heapUsed / 2 ** 20,
    heapUsedCollectedMb,
    externalCollectedMb,
    peakMb,
    cpu: quantiles(cpu),
    wall: quantiles(wall),
    answersDigest: digest.digest("hex").slice(0, 16),
    load: (await import("node:os")).loadavg()[0] ?? Number.NaN,
  };
  console.log(JSON.stringify(run));
  // A bot's worker thread may still be winding down.
  process.exit(0);
}

await main();
