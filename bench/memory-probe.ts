// One engine's long run for `npm run bench:memory` (bench/memory.ts): opens a folder with the
// engine of a given checkout (its compiled dist) from its saved index, asks the questions read from
// stdin (JSON) once each, in order, and samples the process's memory every `every` questions.
//
//   node --expose-gc dist/bench/memory-probe.js ENGINE_DIR DATA_DIR CACHE_DIR EVERY [live][,worker] < questions
//
// `live`: after each sample, a full garbage collection and a second sample (what is still
// reachable); needs --expose-gc. Without it, the samples are what the running process holds.
// `worker`: the index is opened as the bot opens it (openCorpusInWorker: in a worker thread,
// the saved index's bytes handed over to this thread), not from the file (openCorpus).

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** Memory of the process at one point, MB. */
export interface MemorySample {
  /** Questions asked so far. */
  readonly asked: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
  /** After a full garbage collection (with `live`). */
  readonly live?: { rss: number; heapUsed: number; external: number; arrayBuffers: number };
}

/** What one engine's run measured. */
export interface MemoryProbeResult {
  readonly fromSavedIndex: boolean;
  readonly samples: MemorySample[];
  /** Per question, its CPU time, ms (refused questions left out). */
  readonly questionCpuMs: number[];
  /** Per question, a digest of the full JSON of its answer (or its refusal). */
  readonly answers: string[];
  /** The process's resident high-water mark, MB. */
  readonly peakRss: number;
}

interface OpenedCorpus {
  fromSavedIndex: boolean;
  saved: Promise<unknown>;
  index: { ask: (q: string, o: { article?: string }) => unknown };
}

interface Engine {
  openCorpus: (dir: string, options: { cacheDir: string }) => Promise<OpenedCorpus>;
  openCorpusInWorker: (dir: string, options: { cacheDir: string }) => Promise<OpenedCorpus>;
  checkQuestion: (raw: string) => { ok: true; question: string } | { ok: false; problem: unknown };
}

const MB = 1024 * 1024;
const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const megabytes = () => {
  const m = process.memoryUsage();
  return {
    rss: m.rss / MB,
    heapUsed: m.heapUsed / MB,
    heapTotal: m.heapTotal / MB,
    external: m.external / MB,
    arrayBuffers: m.arrayBuffers / MB,
  };
};

async function main(): Promise<void> {
  const [engineDir = ".", dataDir = ".", cacheDir = ".", everyArg = "250", mode = ""] =
    process.argv.slice(2);
  const every = Math.max(1, Number(everyArg));
  const collect = (globalThis as { gc?: () => void }).gc;
  const modes = mode.split(",");
  const live = modes.includes("live");
  if (live && !collect) throw new Error("live samples need node --expose-gc");
  const engineModule = (file: string) =>
    import(pathToFileURL(path.join(engineDir, "dist", "src", file)).href);
  const open = modes.includes("worker")
    ? ((await engineModule("corpus/open-in-worker.js")) as Engine).openCorpusInWorker
    : ((await engineModule("corpus/open.js")) as Engine).openCorpus;
  const { checkQuestion } = (await engineModule("core/index.js")) as Engine;
  const questions = JSON.parse(readFileSync(0, "utf8")) as { q: string; article?: string }[];
  const corpus = await open(dataDir, { cacheDir });
  await corpus.saved;
  const samples: MemorySample[] = [];
  const sample = (asked: number) => {
    const now = megabytes();
    if (!live || !collect) {
      samples.push({ asked, ...now });
      return;
    }
    collect();
    const { rss, heapUsed, external, arrayBuffers } = megabytes();
    samples.push({ asked, ...now, live: { rss, heapUsed, external, arrayBuffers } });
  };
  sample(0);
  const questionCpuMs: number[] = [];
  const answers: string[] = [];
  questions.forEach(({ q, article }, i) => {
    const checked = checkQuestion(q);
    let answer: unknown;
    if (checked.ok) {
      const asked = process.cpuUsage();
      answer = corpus.index.ask(checked.question, article === undefined ? {} : { article });
      questionCpuMs.push(cpuMs(asked));
    } else {
      answer = { refused: checked.problem };
    }
    // A digest, not the JSON: thousands of answers kept whole would be memory of the probe's own.
    answers.push(createHash("sha256").update(JSON.stringify(answer)).digest("base64").slice(0, 16));
    if ((i + 1) % every === 0 || i + 1 === questions.length) sample(i + 1);
  });
  const result: MemoryProbeResult = {
    fromSavedIndex: corpus.fromSavedIndex,
    samples,
    questionCpuMs,
    answers,
    peakRss: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(result));
}

await main();
