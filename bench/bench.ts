/**
 * `npm run bench`: citebot against naive fuse.js and MiniSearch on synthetic
 * corpora of growing size. Each system is measured in a child process of its
 * own (bench/worker.ts); this parent generates the corpora, hands out the jobs
 * and prints the tables.
 *
 *   npm run bench
 *   npm run bench -- --sizes 1,100 --questions my-questions.jsonl --json
 */
import { execFileSync, fork } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readQuestions, syntheticQuestions, type BenchQuestion } from "./bench-questions.ts";
import { DEFAULT_CACHE_ROOT, generateCorpus } from "./corpus.ts";
import { harvestPool } from "./sentence-pool.ts";
import { archiveCorpus, missing, realQuestions, SHARED_DIR } from "./archive.ts";
import type { LoopLimits, TimingResult } from "./measure.ts";
import type { Top } from "./peers.ts";
import { PROJECT_ROOT } from "../src/paths.ts";
import type { Job, JobResult } from "./worker.ts";

const ROOT = PROJECT_ROOT;
// `npm run bench` runs the compiled build (as `ask` and the bot do); under tsx, the sources.
const WORKER = fileURLToPath(
  new URL(import.meta.url.endsWith(".js") ? "./worker.js" : "./worker.ts", import.meta.url),
);
const SEED_QUESTIONS = path.join(SHARED_DIR, "eval", "seed-questions.jsonl");
const CORPORA = ["synthetic", "archive"] as const;
const ARCHIVE_SIZES = "1,100,1000,5000,14396";
const SYSTEMS = ["citebot", "minisearch", "fuse"] as const;
type Measured = (typeof SYSTEMS)[number];

const USAGE = `Usage: npm run bench -- [options]

Measures citebot, MiniSearch and naive fuse.js on synthetic corpora of N
articles plus the seed (cached in ${DEFAULT_CACHE_ROOT}).

Options:
  --corpus LIST        synthetic (default), archive (evenly spaced subsets of the
                       briefing-room archive, ../shared/eval/archive, unpacked into the
                       cache folder once, plus the seed) or both: synthetic,archive
  --sizes LIST         corpus sizes (default 1,100,1000,5000; archive: ${ARCHIVE_SIZES})
  --archive-sizes LIST the archive's sizes when both corpora run (default: as above)
  --questions FILE     JSONL question set ({"q": ...} a line); default: the seed's
                       visible questions + 20 questions about synthetic articles
                       (archive: ../shared/eval's seed and discord-style sets)
  --seed-questions F   seed questions for the quality check (default ${SEED_QUESTIONS})
  --systems LIST       which systems (default citebot,minisearch,fuse)
  --seed N             generator seed (default 1)
  --samples N          timed questions per system and size (default: >= 200, whole rounds)
  --budget S           time budget of a timed loop, seconds (default 30)
  --fuse-budget S      time budget of fuse.js's loop, seconds (default 30; at most 32 questions)
  --cpu-prof           write V8 CPU profiles of the citebot children (see --cpu-prof-dir)
  --cpu-prof-dir DIR   where (default: a folder in the system's temporary directory)
  --json               print the results as JSON instead of tables
  -h, --help           show this help`;

type CorpusName = (typeof CORPORA)[number];

interface Options {
  /** Measured in this order, each with its own sizes and questions. */
  corpora: CorpusName[];
  sizes: Record<CorpusName, number[]>;
  questionsFile: string | undefined;
  seedQuestionsFile: string;
  systems: Measured[];
  seed: number;
  samples: number | undefined;
  budgetMs: number;
  fuseBudgetMs: number;
  cpuProfDir: string | undefined;
  json: boolean;
}

function positiveNumber(value: string, name: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new Error(`${name} must be a positive number`);
  return number;
}

function readOptions(argv: string[]): Options | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: "string" },
      sizes: { type: "string" },
      "archive-sizes": { type: "string" },
      questions: { type: "string" },
      "seed-questions": { type: "string" },
      systems: { type: "string" },
      seed: { type: "string" },
      samples: { type: "string" },
      budget: { type: "string" },
      "fuse-budget": { type: "string" },
      "cpu-prof": { type: "boolean" },
      "cpu-prof-dir": { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help) return "help";
  const corpora = (values.corpus ?? "synthetic").split(",").map((name) => {
    const corpus = CORPORA.find((known) => known === name.trim());
    if (!corpus) throw new Error(`--corpus: "${name}" is not one of ${CORPORA.join(", ")}`);
    return corpus;
  });
  const sizeList = (list: string, flag: string) =>
    list.split(",").map((size) => {
      const n = Number(size.trim());
      if (!Number.isInteger(n) || n < 0 || n > 100_000) {
        throw new Error(`${flag}: "${size}" is not a size from 0 to 100000`);
      }
      return n;
    });
  const sizes = {
    synthetic: sizeList(values.sizes ?? "1,100,1000,5000", "--sizes"),
    archive: sizeList(values["archive-sizes"] ?? values.sizes ?? ARCHIVE_SIZES, "--archive-sizes"),
  };
  const systems = (values.systems ?? SYSTEMS.join(",")).split(",").map((name) => {
    const system = SYSTEMS.find((known) => known === name.trim());
    if (!system) throw new Error(`--systems: unknown system "${name}" (${SYSTEMS.join(", ")})`);
    return system;
  });
  const cpuProfDir = values["cpu-prof-dir"]
    ? path.resolve(values["cpu-prof-dir"])
    : values["cpu-prof"]
      ? path.join(os.tmpdir(), `citebot-bench-prof-${Date.now()}`)
      : undefined;
  return {
    corpora,
    sizes,
    questionsFile: values.questions,
    seedQuestionsFile: values["seed-questions"] ?? SEED_QUESTIONS,
    systems,
    seed: values.seed === undefined ? 1 : Math.floor(positiveNumber(values.seed, "--seed")),
    samples:
      values.samples === undefined
        ? undefined
        : Math.ceil(positiveNumber(values.samples, "--samples")),
    budgetMs: 1000 * positiveNumber(values.budget ?? "30", "--budget"),
    fuseBudgetMs: 1000 * positiveNumber(values["fuse-budget"] ?? "30", "--fuse-budget"),
    cpuProfDir,
    json: values.json ?? false,
  };
}

// ---------------------------------------------------------------------------
// Children

const CHILD_TIMEOUT_MS = 20 * 60_000;

function runJob(job: Job, extraExecArgv: readonly string[] = []): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], {
      cwd: ROOT,
      execArgv: [...process.execArgv, ...extraExecArgv],
      // The child's stdout is not a terminal: no progress bars; its output is kept for errors.
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let output = "";
    child.stdout?.on(
      "data",
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)),
    );
    child.stderr?.on(
      "data",
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)),
    );
    let settled = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      if (!settled) reject(new Error(`${job.system}: no result after ${CHILD_TIMEOUT_MS} ms`));
      settled = true;
    }, CHILD_TIMEOUT_MS);
    child.on("message", (message: { ok: boolean; result?: JobResult; error?: string }) => {
      if (settled) return;
      settled = true;
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(`${job.system} failed in its child process:\n${message.error ?? ""}`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(
        new Error(`${job.system}: child exited (${signal ?? code}) without a result\n${output}`),
      );
    });
    child.send(job);
  });
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "";
  }
}

/** Peak RSS of an idle plain Node process, MB. */
function plainNodeMb(): number {
  return Number(runNode("console.log(process.resourceUsage().maxRSS / 1024)")) || Number.NaN;
}

function runNode(code: string): string {
  try {
    return execFileSync(process.execPath, ["-e", code], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

async function hasFiles(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir, { recursive: true })).length > 0;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Results

interface SystemRow {
  readonly system: Measured;
  readonly result: JobResult;
  /** Ready time of a fresh process opening the saved index (citebot only, when supported). */
  readonly savedLoadMs?: number;
  readonly savedLoadCpuMs?: number;
  /** Resident memory of the saved-load process right after ready. */
  readonly savedLoadRssMb?: number;
  /**
   * RSS high-water mark of the saved-load process once its top-1s are asked, before its timed
   * loop: what it was before 2da89f3 timed the questions there too (then it had no timed loop).
   */
  readonly savedLoadPeakMb?: number;
  /**
   * The same questions timed in the saved-load process, on the index opened from its file: the
   * way a bot answers on every start but the first (the built index's figures are `result`'s).
   */
  readonly savedTiming?: TimingResult;
  /** The saved index answered the timed questions with the same top-1s as the fresh build. */
  readonly savedSameTop1?: string;
  /** Questions whose top-1 differs between the saved index and the fresh build. */
  readonly savedMismatches?: { q: string; built: Top | null; saved: Top | null }[];
  /** False when the second open did not report using the saved index (it rebuilt). */
  readonly savedUsed?: boolean;
  readonly savedEngineHash?: string;
}

interface SizeResult {
  readonly size: number;
  readonly articles: number;
  readonly sentences: number;
  readonly corpusDir: string;
  readonly systems: SystemRow[];
  /** Seed questions whose citebot top-1 is the same as with the seed alone. */
  readonly sameTop1?: { same: number; total: number };
  /** Seed questions whose top-1 moved: the question, top-1 alone, top-1 among N. */
  readonly moved?: { q: string; alone: Top | null; among: Top | null }[];
  /** Answerable seed questions answered with the top-1 in an accepted paragraph (and with the seed alone). */
  readonly correctTop1?: { correct: number; total: number; alone: number };
  /** Unanswerable seed questions citebot abstains on (answered: false), and with the seed alone. */
  readonly abstains?: { abstained: number; total: number; alone: number };
}

interface SeedQuestion {
  readonly q: string;
  readonly paragraphs?: readonly number[];
  readonly unanswerable?: boolean;
}

function readSeedQuestions(file: string): SeedQuestion[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as SeedQuestion);
}

const sameTop = (a: Top | null | undefined, b: Top | null | undefined) =>
  (a ?? null) === null
    ? (b ?? null) === null
    : b != null && a?.article === b.article && a?.paragraph === b.paragraph;

function fmt(value: number | undefined, digits = 1): string {
  if (value === undefined || Number.isNaN(value)) return "n/a";
  if (value >= 100) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(value < 1 ? Math.max(digits, 2) : digits);
}

/** A Markdown table, aligned as Prettier aligns it (so it pastes into the README as is). */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${widths.map((width, i) => (cells[i] ?? "").padEnd(width)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}

/** The per-question figures of the saved-load process (citebot), or "" for others. */
function savedTimes(row: SystemRow): string {
  const t = row.savedTiming;
  if (!t) return row.system === "citebot" ? "n/a" : "";
  const mark = t.capped ? "*" : "";
  return `${fmt(t.medianMs, 2)} / ${fmt(t.p99Ms, 2)} / ${fmt(t.maxMs, 1)}${mark}`;
}

function report(results: SizeResult[], questionTexts: string[], notes: string[]): string {
  const out: string[] = [];
  const rows: string[][] = [];
  for (const size of results) {
    for (const row of size.systems) {
      const t = row.result.timing;
      const mark = t?.capped ? "*" : "";
      rows.push([
        size.articles.toLocaleString("en-US"),
        size.sentences.toLocaleString("en-US"),
        row.system === "fuse"
          ? "fuse.js (naive)"
          : row.system === "minisearch"
            ? "MiniSearch"
            : "citebot",
        `${fmt(row.result.readyMs, 0)}${row.result.buildWorkers ? ` (${row.result.buildWorkers + 1} threads)` : ""}`,
        row.result.parseMs === undefined ? "(incl.)" : fmt(row.result.parseMs, 0),
        row.system !== "citebot"
          ? ""
          : row.savedLoadMs === undefined
            ? "n/a"
            : `${fmt(row.savedLoadMs, 0)} (cpu ${fmt(row.savedLoadCpuMs, 0)}; ${fmt(row.savedLoadRssMb, 0)} MB)${row.savedUsed === false ? " rebuilt!" : ""}`,
        fmt(row.result.peakMb, 0),
        t ? `${fmt(t.medianMs, 2)}${mark}` : "n/a",
        t ? `${fmt(t.p99Ms, 2)}${mark}` : "n/a",
        t ? `${fmt(t.maxMs, 1)}${mark}` : "n/a",
        t ? `${t.samples}${mark}` : "0",
        savedTimes(row),
      ]);
    }
  }
  out.push(
    table(
      [
        "articles",
        "sentences",
        "system",
        "build ms",
        "parse ms",
        "saved-load ms (cpu ms; RSS MB after ready)",
        "peak MB",
        "median ms (built)",
        "p99 ms (built)",
        "max ms (built)",
        "samples",
        "saved index: median / p99 / max ms",
      ],
      rows,
    ),
  );
  out.push("");
  const median = (size: SizeResult, system: Measured) =>
    size.systems.find((row) => row.system === system)?.result.timing?.medianMs;
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || b === 0 ? "n/a" : `${fmt(a / b, 1)}×`;
  out.push(
    table(
      ["articles", "citebot median ms", "MiniSearch / citebot", "fuse.js / citebot"],
      results.map((size) => [
        size.articles.toLocaleString("en-US"),
        fmt(median(size, "citebot"), 2),
        ratio(median(size, "minisearch"), median(size, "citebot")),
        ratio(median(size, "fuse"), median(size, "citebot")),
      ]),
    ),
  );
  out.push("");
  // The curve: cost of a question against corpus size, with the local growth exponent
  // (log of the cost ratio over log of the size ratio: 1 = linear in the corpus).
  const curveRows: string[][] = [];
  let previous: SizeResult | undefined;
  for (const size of results) {
    const cells = [size.articles.toLocaleString("en-US"), size.sentences.toLocaleString("en-US")];
    for (const system of SYSTEMS) {
      const now = median(size, system);
      const before = previous ? median(previous, system) : undefined;
      const exponent =
        now !== undefined && before !== undefined && previous && previous.sentences > 0
          ? Math.log(now / before) / Math.log(size.sentences / previous.sentences)
          : undefined;
      cells.push(
        now === undefined
          ? "n/a"
          : `${fmt(now * 1000, 0)} µs${exponent === undefined ? "" : ` (^${exponent.toFixed(2)})`}`,
      );
    }
    curveRows.push(cells);
    previous = size;
  }
  out.push(
    "Per-question median against corpus size (^k: cost grows as sentences^k since the previous size):",
  );
  out.push("");
  out.push(table(["articles", "sentences", "citebot", "MiniSearch", "fuse.js"], curveRows));
  out.push("");
  for (const size of results) {
    if (size.sameTop1) {
      const correct = size.correctTop1
        ? `; answered with the top-1 in an accepted paragraph: ${size.correctTop1.correct}/${size.correctTop1.total} (alone ${size.correctTop1.alone})`
        : "";
      const abstain = size.abstains
        ? `; abstains on ${size.abstains.abstained}/${size.abstains.total} unanswerable (alone ${size.abstains.alone})`
        : "";
      out.push(
        `Quality, seed among ${size.articles.toLocaleString("en-US")} articles: same top-1 (article + paragraph) as the seed alone for ${size.sameTop1.same}/${size.sameTop1.total} seed questions${correct}${abstain}.`,
      );
    }
  }
  const largest = results[results.length - 1];
  if (largest?.moved && largest.moved.length > 0) {
    const where = (top: Top | null) => (top ? `${top.article} ¶${top.paragraph}` : "nothing");
    out.push(`Top-1 moved among ${largest.articles.toLocaleString("en-US")} articles:`);
    for (const { q, alone, among } of largest.moved) {
      out.push(`- "${q}": ${where(alone)} → ${where(among)}`);
    }
  }
  const biggest = results[results.length - 1];
  const perQuestion = biggest?.systems.find((row) => row.system === "citebot")?.result.timing
    ?.perQuestionMs;
  if (biggest && perQuestion && questionTexts.length === perQuestion.length) {
    const slowest = perQuestion
      .map((ms, i) => ({ ms, q: questionTexts[i] as string }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    out.push(
      `Slowest questions for citebot among ${biggest.articles.toLocaleString("en-US")} articles (median): ${slowest
        .map(({ ms, q }) => `"${q}" ${fmt(ms, 1)} ms`)
        .join(", ")}.`,
    );
  }
  for (const size of results) {
    for (const row of size.systems) {
      if (!row.savedMismatches || row.savedMismatches.length === 0) continue;
      const where = (top: Top | null) => (top ? `${top.article} ¶${top.paragraph}` : "nothing");
      out.push(
        `Saved index ≠ fresh build among ${size.articles.toLocaleString("en-US")} articles (top-1):`,
      );
      for (const { q, built, saved } of row.savedMismatches) {
        out.push(`- "${q}": built ${where(built)}, saved ${where(saved)}`);
      }
    }
  }
  out.push(...notes);
  return out.join("\n");
}

// ---------------------------------------------------------------------------

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<number> {
  let options: Options | "help";
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (options === "help") {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const loadBefore = os.loadavg()[0] ?? 0;
  const pool = harvestPool();
  log(`sentence pool: ${pool.sentences.length} sentences, ${pool.topics.length} topical files`);

  const seedQuestions = readSeedQuestions(options.seedQuestionsFile);
  if (seedQuestions.length === 0) {
    log(`seed questions not found, no quality check: ${missing(options.seedQuestionsFile)}`);
  }
  /** The timed questions of a corpus, and the loops' limits for them. */
  const plan = (corpus: CorpusName) => {
    let questions: BenchQuestion[];
    if (options.questionsFile) {
      questions = readQuestions(options.questionsFile);
    } else if (corpus === "archive") {
      questions = realQuestions(log);
    } else {
      questions = [
        ...seedQuestions.map((question) => ({ q: question.q, origin: "seed" })),
        ...syntheticQuestions(options.seed, 20),
      ];
    }
    if (questions.length === 0) throw new Error("no questions to time");
    const texts = questions.map((question) => question.q);
    const roundSamples = Math.ceil(200 / texts.length) * texts.length;
    const limits: LoopLimits = {
      samples: options.samples ?? roundSamples,
      budgetMs: options.budgetMs,
    };
    const warmup: LoopLimits = { samples: texts.length, budgetMs: 5000 };
    log(
      `${corpus}: ${texts.length} questions; ${limits.samples} timed asks per system and size (fuse.js: ${fuseLimits.samples})`,
    );
    return { questions, texts, limits, warmup };
  };
  const checkTexts = seedQuestions.map((question) => question.q);
  const fuseLimits: LoopLimits = {
    samples: Math.min(options.samples ?? 32, 32),
    budgetMs: options.fuseBudgetMs,
  };
  // fuse.js keeps no state to warm up, and one question costs seconds on large corpora.
  const fuseWarmup = (size: number): LoopLimits => ({
    samples: size <= 100 ? 2 : 0,
    budgetMs: 1000,
  });
  const untimed: LoopLimits = { samples: 0, budgetMs: 0 };

  const baseline = await runJob({
    system: "noop",
    dir: ROOT,
    questions: [],
    checkQuestions: [],
    limits: untimed,
    warmup: untimed,
  });
  const notes: string[] = [];
  const commit = git(["rev-parse", "--short", "HEAD"]);
  const dirty = git(["status", "--porcelain", "--", "src"]) !== "";
  const engine = `${commit || "unknown commit"}${dirty ? " with uncommitted changes in src/" : ""}`;
  notes.push(
    "",
    `Peak MB is each child process's RSS high-water mark (process.resourceUsage().maxRSS); an idle child (Node + tsx) peaks at ${fmt(baseline.peakMb, 0)} MB, plain Node at ${fmt(plainNodeMb(), 0)} MB: a compiled process (node dist/…) needs about the difference less.`,
    `build ms: from nothing to ready to answer (read + parse + index), in one thread unless it says how many (citebot's BUILD_WORKERS=auto: a thread per idle core for a large folder); parse ms: the reading and parsing part (peers; citebot's build includes it). saved-load: a fresh process opening the index citebot saved: wall ms, the CPU ms it used (user + system; less inflated by other processes) and its resident memory right after ready (n/a: the engine saves none). median, p99, max ms (built): the timed loop in the process that built the index (citebot) or the peer's; max: the slowest single ask. saved index: the same loop in the saved-load process, on the index opened from its file, as a bot answers on every start but the first.`,
    `\`*\` marks a loop cut by its time budget (fuse.js: at most ${fuseLimits.samples} questions or ${options.fuseBudgetMs / 1000} s a size).`,
    `Corpora: synthetic articles (licence and documentation sentences) plus the seed, timed on the seed's questions and 20 about synthetic articles; the briefing-room archive (../shared/eval/archive, 14,396 real articles), evenly spaced subsets of each size plus the seed, timed on the evaluation's real questions (its seed and discord-style sets).`,
    `Engine: ${engine}. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, Node ${process.version}.`,
  );

  // The seed alone: the reference for quality at scale.
  let seedAlone: (Top | null)[] = [];
  let seedId: string | undefined;
  if (options.systems.includes("citebot") && checkTexts.length > 0) {
    const seedCorpus = await generateCorpus({ size: 0, seed: options.seed });
    seedId = (await readdir(seedCorpus.dir))
      .find((name) => name.endsWith(".md"))
      ?.replace(/\.md$/u, "");
    const alone = await runJob({
      system: "citebot",
      dir: seedCorpus.dir,
      questions: [],
      checkQuestions: checkTexts,
      // Built from the articles, and no saved index left in the default cache folder.
      cacheDir: false,
      limits: untimed,
      warmup: untimed,
      noTiming: true,
    });
    seedAlone = [...alone.checkTop1];
  }

  const sections: { corpus: CorpusName; texts: string[]; results: SizeResult[] }[] = [];
  for (const corpusName of options.corpora) {
    const { texts, limits, warmup } = plan(corpusName);
    const results: SizeResult[] = [];
    sections.push({ corpus: corpusName, texts, results });
    for (const size of options.sizes[corpusName]) {
      const corpus =
        corpusName === "archive"
          ? await archiveCorpus(size)
          : await generateCorpus({ size, seed: options.seed });
      log(
        `\n${corpus.articles - 1} ${corpusName} articles + the seed: ${corpus.dir}${corpus.cached ? " (cached)" : ""}`,
      );
      const rows: SystemRow[] = [];
      for (const system of options.systems) {
        const jobBase = { dir: corpus.dir, questions: texts, checkQuestions: checkTexts };
        if (system === "citebot") {
          const cacheDir = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-index-"));
          try {
            const profile = options.cpuProfDir
              ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfDir}`]
              : [];
            const result = await runJob(
              { ...jobBase, system: "citebot", cacheDir, limits, warmup },
              profile,
            );
            let row: SystemRow = { system, result };
            if (result.fromSavedIndex) {
              notes.push(
                `Warning: at ${size} articles the "from scratch" build reported a saved index: its build time is a load.`,
              );
            }
            if (await hasFiles(cacheDir)) {
              const loaded = await runJob(
                { ...jobBase, system: "citebot-load", cacheDir, limits, warmup },
                profile,
              );
              const same = loaded.top1.filter((top, i) => sameTop(top, result.top1[i])).length;
              const savedMismatches = texts.flatMap((q, i) =>
                sameTop(loaded.top1[i], result.top1[i])
                  ? []
                  : [{ q, built: result.top1[i] ?? null, saved: loaded.top1[i] ?? null }],
              );
              row = {
                ...row,
                savedMismatches,
                savedEngineHash: loaded.engineHash,
                ...(loaded.fromSavedIndex === undefined
                  ? {}
                  : { savedUsed: loaded.fromSavedIndex }),
                savedLoadMs: loaded.readyMs,
                savedLoadCpuMs: loaded.readyCpuMs,
                savedLoadRssMb: loaded.rssAfterReadyMb,
                savedLoadPeakMb: loaded.peakBeforeTimingMb,
                ...(loaded.timing ? { savedTiming: loaded.timing } : {}),
                savedSameTop1: `${same}/${result.top1.length}`,
              };
            }
            rows.push(row);
          } finally {
            await rm(cacheDir, { recursive: true, force: true });
          }
        } else {
          const result = await runJob({
            ...jobBase,
            system,
            limits: system === "fuse" ? fuseLimits : limits,
            warmup: system === "fuse" ? fuseWarmup(size) : warmup,
          });
          rows.push({ system, result });
        }
        const last = rows[rows.length - 1] as SystemRow;
        const t = last.result.timing;
        log(
          `  ${system.padEnd(10)} ready ${fmt(last.result.readyMs, 0)} ms` +
            (last.result.savedMs === undefined
              ? ""
              : ` (saved at ${fmt(last.result.savedMs, 0)} ms)`) +
            (last.savedLoadMs === undefined
              ? ""
              : `, saved-load ${fmt(last.savedLoadMs, 0)} ms (same top-1 ${last.savedSameTop1})`) +
            `, peak ${fmt(last.result.peakMb, 0)} MB` +
            (t
              ? `, median ${fmt(t.medianMs, 2)} ms, p99 ${fmt(t.p99Ms, 2)} ms over ${t.samples}${t.capped ? " (budget)" : ""}`
              : "") +
            (last.savedTiming
              ? `; saved index: median ${fmt(last.savedTiming.medianMs, 2)} ms, p99 ${fmt(last.savedTiming.p99Ms, 2)} ms`
              : ""),
        );
      }
      const first = rows[0]?.result;
      const citebot = rows.find((row) => row.system === "citebot")?.result;
      let sameTop1: SizeResult["sameTop1"];
      let correctTop1: SizeResult["correctTop1"];
      let moved: SizeResult["moved"];
      let abstains: SizeResult["abstains"];
      if (citebot && seedAlone.length > 0) {
        const same = citebot.checkTop1.filter((top, i) => sameTop(top, seedAlone[i])).length;
        sameTop1 = { same, total: seedAlone.length };
        moved = [];
        checkTexts.forEach((q, i) => {
          if (!sameTop(citebot.checkTop1[i], seedAlone[i])) {
            moved?.push({ q, alone: seedAlone[i] ?? null, among: citebot.checkTop1[i] ?? null });
          }
        });
        const score = (tops: readonly (Top | null | undefined)[]) => {
          const counts = { correct: 0, total: 0, abstained: 0, unanswerable: 0 };
          seedQuestions.forEach((question, k) => {
            const top = tops[k];
            if (question.unanswerable) {
              counts.unanswerable += 1;
              if (!top?.answered) counts.abstained += 1;
            } else if (question.paragraphs) {
              counts.total += 1;
              const accepted =
                top != null &&
                top.article === seedId &&
                question.paragraphs.includes(top.paragraph);
              if (top?.answered && accepted) counts.correct += 1;
            }
          });
          return counts;
        };
        const among = score(citebot.checkTop1);
        const alone = score(seedAlone);
        correctTop1 = { correct: among.correct, total: among.total, alone: alone.correct };
        abstains = {
          abstained: among.abstained,
          total: among.unanswerable,
          alone: alone.abstained,
        };
      }
      results.push({
        size,
        articles: first?.articles ?? corpus.articles,
        sentences: first?.sentences ?? 0,
        corpusDir: corpus.dir,
        systems: rows,
        ...(sameTop1 ? { sameTop1 } : {}),
        ...(correctTop1 ? { correctTop1 } : {}),
        ...(moved ? { moved } : {}),
        ...(abstains ? { abstains } : {}),
      });
    }
  }

  const hashes = new Set([
    baseline.engineHash,
    ...sections
      .flatMap(({ results }) => results)
      .flatMap((size) =>
        size.systems.flatMap((row) => [
          row.result.engineHash,
          row.savedEngineHash ?? baseline.engineHash,
        ]),
      ),
  ]);
  if (hashes.size > 1) {
    notes.push(
      `Warning: src/ changed during the run (${hashes.size} versions seen by the children); rerun for consistent numbers.`,
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  const loadAfter = os.loadavg()[0] ?? 0;
  notes.push(
    `Whole run: ${elapsed.toFixed(0)} s; load average ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end on ${os.cpus().length} cores${Math.max(loadBefore, loadAfter) > os.cpus().length ? " (other processes shared the cores: absolute times are inflated, ratios less so)" : ""}.`,
  );
  if (options.cpuProfDir) notes.push(`CPU profiles of the citebot children: ${options.cpuProfDir}`);
  if (options.json) {
    console.log(
      JSON.stringify(
        {
          seed: options.seed,
          engine,
          questions: Object.fromEntries(sections.map(({ corpus, texts }) => [corpus, texts])),
          baselinePeakMb: baseline.peakMb,
          machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
          elapsedSeconds: elapsed,
          loadAverage: { start: loadBefore, end: loadAfter },
          results: Object.fromEntries(sections.map(({ corpus, results }) => [corpus, results])),
        },
        null,
        2,
      ),
    );
  } else {
    const parts = sections.map(
      ({ corpus, texts, results }) => `## ${corpus}\n\n${report(results, texts, [])}`,
    );
    console.log(`\n${parts.join("\n\n")}\n${notes.join("\n")}`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
