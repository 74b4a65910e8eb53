/**
 * One measurement in a process of its own (forked by bench.ts), so that each
 * system's peak memory (the RSS high-water mark) is its own. Receives a job
 * over IPC, sends back one result, exits.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadArticles } from "../src/corpus/load.ts";
import { openCorpus, type OpenCorpusOptions } from "../src/corpus/open.ts";
import { PROJECT_ROOT } from "../src/paths.ts";
import { peakRssMb, timeQuestions, type LoopLimits, type TimingResult } from "./measure.ts";
import { buildFuse, buildMiniSearch, sentenceDocs, type Peer, type Top } from "./peers.ts";

const SRC_DIR = path.join(PROJECT_ROOT, "src");

export type SystemName = "citebot" | "citebot-load" | "fuse" | "minisearch" | "noop";

export interface Job {
  readonly system: SystemName;
  readonly dir: string;
  /** The timed question set. */
  readonly questions: readonly string[];
  /** Questions whose top-1 is reported (quality checks); not timed. */
  readonly checkQuestions: readonly string[];
  /** Saved-index folder for citebot (used when the engine supports it); false: none. */
  readonly cacheDir?: string | false;
  readonly limits: LoopLimits;
  /** Untimed warm-up: at most this many questions, within this budget. */
  readonly warmup: LoopLimits;
  /** Skip the timed loop (only build or load, and the checks). */
  readonly noTiming?: boolean;
}

export interface JobResult {
  readonly system: SystemName;
  readonly articles: number;
  readonly sentences: number;
  /** Reading and parsing the article files (peers only: citebot's build includes it). */
  readonly parseMs?: number;
  /** From nothing to ready to answer: read, parse, index (or load the saved index). */
  readonly readyMs: number;
  /** CPU time (user + system) of this process while getting ready: less inflated by load. */
  readonly readyCpuMs: number;
  /** Resident memory right after ready (process.memoryUsage().rss), MB. */
  readonly rssAfterReadyMb: number;
  readonly peakAfterReadyMb: number;
  /** RSS high-water mark once the top-1s are asked, before the timed loop (MB). */
  readonly peakBeforeTimingMb: number;
  /** RSS high-water mark at the end, the timed loop included (MB). */
  readonly peakMb: number;
  readonly timing?: TimingResult;
  /** Top-1 of each timed question, then of each check question (null: no result). */
  readonly top1: readonly (Top | null)[];
  readonly checkTop1: readonly (Top | null)[];
  /** citebot: from the start until the background save of a new index settled. */
  readonly savedMs?: number;
  /** citebot: whether openCorpus reported the index as loaded from its saved copy. */
  readonly fromSavedIndex?: boolean;
  /** citebot: worker threads that built the index besides the calling one (BUILD_WORKERS's auto). */
  readonly buildWorkers?: number;
  /** Hash of src/ as this child found it: a change mid-run shows as two hashes. */
  readonly engineHash: string;
}

interface Searcher {
  readonly fromSavedIndex?: boolean;
  readonly buildWorkers?: number;
  /** Settles when a newly built index is written (the engine saves after handing back). */
  readonly saved?: Promise<unknown>;
  readonly articles: number;
  readonly sentences: number;
  readonly parseMs?: number;
  top1(question: string): Top | null;
  ask(question: string): unknown;
}

/** Hash of every file under src/ (paths and contents). */
function engineHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile()) hash.update(`${file}\0`).update(readFileSync(file));
    }
  };
  walk(SRC_DIR);
  return hash.digest("hex").slice(0, 12);
}

async function openCitebot(job: Job): Promise<Searcher> {
  // Built as a variable, not a literal: compiles whether or not the engine
  // declares the saved-index option yet; an engine without it ignores it.
  const options: Record<string, unknown> = {};
  if (job.cacheDir !== undefined) options["cacheDir"] = job.cacheDir;
  const corpus = await openCorpus(job.dir, options as OpenCorpusOptions);
  // Read at each question, not kept: after a build, the index answered from is replaced by its
  // saved form once that is read back (before `saved` settles).
  const index = () => corpus.index;
  const { fromSavedIndex, saved, buildWorkers } = corpus as {
    fromSavedIndex?: unknown;
    saved?: unknown;
    buildWorkers?: unknown;
  };
  const articles = index().articles.length;
  // The index's own count: walking every paragraph would decode every text that a saved
  // index leaves on disk, inside the measured ready time.
  const sentences = index().size;
  return {
    ...(typeof fromSavedIndex === "boolean" ? { fromSavedIndex } : {}),
    ...(typeof buildWorkers === "number" ? { buildWorkers } : {}),
    ...(saved instanceof Promise ? { saved } : {}),
    articles,
    sentences,
    ask: (question) => index().ask(question, { limit: 3 }),
    top1: (question) => {
      const answer = index().ask(question, { limit: 3 });
      const top = answer.citations[0];
      return top
        ? { article: top.article, paragraph: top.paragraph, answered: answer.answered }
        : null;
    },
  };
}

async function openPeer(job: Job, build: (docs: ReturnType<typeof sentenceDocs>) => Peer) {
  const t0 = performance.now();
  const { articles } = await loadArticles(job.dir);
  const docs = sentenceDocs(articles);
  const parseMs = performance.now() - t0;
  const peer = build(docs);
  return {
    articles: articles.length,
    sentences: docs.length,
    parseMs,
    ask: (question: string) => peer.search(question),
    top1: (question: string) => peer.search(question)[0] ?? null,
  } satisfies Searcher;
}

async function run(job: Job): Promise<JobResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let searcher: Searcher;
  switch (job.system) {
    case "citebot":
    case "citebot-load":
      searcher = await openCitebot(job);
      break;
    case "fuse":
      searcher = await openPeer(job, buildFuse);
      break;
    case "minisearch":
      searcher = await openPeer(job, buildMiniSearch);
      break;
    case "noop":
      return {
        system: job.system,
        articles: 0,
        sentences: 0,
        readyMs: 0,
        readyCpuMs: 0,
        rssAfterReadyMb: process.memoryUsage.rss() / 1024 ** 2,
        peakAfterReadyMb: peakRssMb(),
        peakBeforeTimingMb: peakRssMb(),
        peakMb: peakRssMb(),
        top1: [],
        checkTop1: [],
        engineHash: engineHash(),
      };
  }
  const readyMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const readyCpuMs = (cpu.user + cpu.system) / 1000;
  const rssAfterReadyMb = process.memoryUsage.rss() / 1024 ** 2;
  const peakAfterReadyMb = peakRssMb();
  // Let the background save finish before anything is timed (and before the next child reads it).
  let savedMs: number | undefined;
  if (searcher.saved) {
    await searcher.saved;
    savedMs = performance.now() - t0;
  }
  // Top-1s first, on a fresh index, so that every child asks them with the same history.
  // fuse.js costs seconds a question on large corpora: its top-1s are not worth the wait.
  const withTop1 = job.system !== "fuse";
  const top1 = withTop1 ? job.questions.map((q) => searcher.top1(q)) : [];
  const checkTop1 = withTop1 ? job.checkQuestions.map((q) => searcher.top1(q)) : [];
  const peakBeforeTimingMb = peakRssMb();
  let timing: TimingResult | undefined;
  if (!job.noTiming && job.questions.length > 0) {
    timeQuestions(job.questions, searcher.ask, job.warmup);
    timing = timeQuestions(job.questions, searcher.ask, job.limits);
  }
  const peakMb = peakRssMb();
  return {
    system: job.system,
    articles: searcher.articles,
    sentences: searcher.sentences,
    ...(searcher.parseMs === undefined ? {} : { parseMs: searcher.parseMs }),
    readyMs,
    readyCpuMs,
    rssAfterReadyMb,
    ...(savedMs === undefined ? {} : { savedMs }),
    peakAfterReadyMb,
    peakBeforeTimingMb,
    peakMb,
    ...(timing ? { timing } : {}),
    top1,
    checkTop1,
    engineHash: engineHash(),
    ...(searcher.fromSavedIndex === undefined ? {} : { fromSavedIndex: searcher.fromSavedIndex }),
    ...(searcher.buildWorkers === undefined ? {} : { buildWorkers: searcher.buildWorkers }),
  };
}

process.once("message", (message) => {
  run(message as Job).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.(
        { ok: false, error: error instanceof Error ? error.stack : String(error) },
        () => process.exit(1),
      ),
  );
});
