/**
 * `npm run bench`: citebot against naive fuse.js and MiniSearch on synthetic
 * corpora of growing size. Each system is measured in a child process of its
 * own (bench/worker.ts, started by bench-children.ts); this parent generates the corpora,
 * hands out the jobs and prints the tables (bench-report.ts). Its flags: bench-options.ts;
 * the seed's quality check: bench-seed.ts.
 *
 *   npm run bench
 *   npm run bench -- --sizes 1,100 --questions my-questions.jsonl --json
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import os from "node:os";
import path from "node:path";
import { archiveCorpus, missing, realQuestions } from "./archive.ts";
import { git, hasFiles, plainNodeMb, runJob } from "./bench-children.ts";
import { readOptions, USAGE, type CorpusName, type Options } from "./bench-options.ts";
import { fmt, report, sameTop, type SizeResult, type SystemRow } from "./bench-report.ts";
import { readSeedQuestions, seedQuality } from "./bench-seed.ts";
import { readQuestions, syntheticQuestions, type BenchQuestion } from "./bench-questions.ts";
import { generateCorpus } from "./corpus.ts";
import type { LoopLimits } from "./measure.ts";
import type { Top } from "./peers.ts";
import { harvestPool } from "./sentence-pool.ts";
import { RACY_MARGIN_MS } from "../src/corpus/store.ts";
import { PROJECT_ROOT } from "../src/paths.ts";

/**
 * Past {@link RACY_MARGIN_MS}, by this much, a corpus just written is old enough for a build's
 * saved index to trust its files' stamps (file-system clocks tick coarsely).
 */
const RACY_SLACK_MS = 500;

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
    dir: PROJECT_ROOT,
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
      // A saved index vouches for no file written within RACY_MARGIN_MS of its build: its every
      // open would read and hash them all, a cost of the corpus's age, not of the engine.
      if (!corpus.cached) await sleep(RACY_MARGIN_MS + RACY_SLACK_MS);
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
      const quality =
        citebot && seedAlone.length > 0
          ? seedQuality(citebot.checkTop1, seedAlone, seedQuestions, seedId, checkTexts)
          : {};
      results.push({
        size,
        articles: first?.articles ?? corpus.articles,
        sentences: first?.sentences ?? 0,
        corpusDir: corpus.dir,
        systems: rows,
        ...quality,
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
