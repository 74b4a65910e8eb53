// One engine's run for `npm run bench:engines` (bench/engines.ts): opens a folder with the engine
// of a given checkout (its compiled dist), asks the questions read from stdin (JSON) for a number
// of rounds, and prints the CPU and wall times and the full JSON of each first answer.
//
//   node dist/bench/engine-probe.js ENGINE_DIR DATA_DIR CACHE_DIR ROUNDS ask|explain < questions

import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** What one engine's run measured. */
export interface ProbeResult {
  readonly fromSavedIndex: boolean;
  readonly openCpuMs: number;
  /** Per question, the median CPU time over the rounds, ms. */
  readonly questionCpuMs: number[];
  /**
   * Per question, the CPU time of its first ask, ms: the process's first sight of its words
   * (dictionary look-ups, per-word tables), as a member's new question meets a running bot.
   */
  readonly firstQuestionCpuMs: number[];
  /** Per question, the median wall time over the rounds, ms (inflated by other processes). */
  readonly questionWallMs: number[];
  /** Per question, the wall time of its first ask, ms: what a member waits for a new question. */
  readonly firstQuestionWallMs: number[];
  /** Per question, the JSON of its first answer (or its refusal). */
  readonly answers: string[];
}

interface Engine {
  openCorpus: (
    dir: string,
    options: { cacheDir: string },
  ) => Promise<{
    fromSavedIndex: boolean;
    saved: Promise<unknown>;
    index: {
      ask: (q: string, o: { article?: string }) => unknown;
      explain: (q: string, o: { article?: string }) => unknown;
      warm?: () => void;
    };
  }>;
  checkQuestion: (raw: string) => { ok: true; question: string } | { ok: false; problem: unknown };
}

const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

async function main(): Promise<void> {
  const [engineDir = ".", dataDir = ".", cacheDir = ".", roundsArg = "1", mode = "ask"] =
    process.argv.slice(2);
  const engineModule = (file: string) =>
    import(pathToFileURL(path.join(engineDir, "dist", "src", file)).href);
  const { openCorpus } = (await engineModule("corpus/open.js")) as Engine;
  const { checkQuestion } = (await engineModule("core/index.js")) as Engine;
  const questions = JSON.parse(readFileSync(0, "utf8")) as { q: string; article?: string }[];
  const started = process.cpuUsage();
  const corpus = await openCorpus(dataDir, { cacheDir });
  const openCpuMs = cpuMs(started);
  await corpus.saved;
  // As the bot does once its index is ready, before questions come in: the tables the first
  // question would otherwise build (the word-vector matrix, the titles' terms) are built now.
  corpus.index.warm?.();
  const times: number[][] = questions.map(() => []);
  const wallTimes: number[][] = questions.map(() => []);
  const answers: string[] = [];
  for (let round = 0; round < Number(roundsArg); round += 1) {
    questions.forEach(({ q, article }, i) => {
      const checked = checkQuestion(q);
      if (!checked.ok) {
        if (round === 0) answers.push(JSON.stringify({ refused: checked.problem }));
        return;
      }
      const options = article === undefined ? {} : { article };
      const asked = process.cpuUsage();
      const wallStart = performance.now();
      const answer =
        mode === "explain"
          ? corpus.index.explain(checked.question, options)
          : corpus.index.ask(checked.question, options);
      const wall = performance.now() - wallStart;
      times[i]?.push(cpuMs(asked));
      wallTimes[i]?.push(wall);
      if (round === 0) answers.push(JSON.stringify(answer));
    });
  }
  const median = (list: number[]) =>
    [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? Number.NaN;
  const result: ProbeResult = {
    fromSavedIndex: corpus.fromSavedIndex,
    openCpuMs,
    questionCpuMs: times.filter((list) => list.length > 0).map(median),
    firstQuestionCpuMs: times.filter((list) => list.length > 0).map((list) => list[0] ?? 0),
    questionWallMs: wallTimes.filter((list) => list.length > 0).map(median),
    firstQuestionWallMs: wallTimes.filter((list) => list.length > 0).map((list) => list[0] ?? 0),
    answers,
  };
  process.stdout.write(JSON.stringify(result));
}

await main();
