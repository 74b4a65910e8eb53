/** `npm run bench`'s command line: its flags, their defaults and its usage text. */
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { SHARED_DIR } from "./archive.ts";
import { DEFAULT_CACHE_ROOT } from "./corpus.ts";

/** The seed questions of the quality check (`--seed-questions`'s default). */
const SEED_QUESTIONS = path.join(SHARED_DIR, "eval", "seed-questions.jsonl");
/** The corpora `--corpus` may name. */
const CORPORA = ["synthetic", "archive"] as const;
const ARCHIVE_SIZES = "1,100,1000,5000,14396";
/** The systems measured (`--systems`), in the report's order. */
export const SYSTEMS = ["citebot", "minisearch", "fuse"] as const;
/** One of the systems measured. */
export type Measured = (typeof SYSTEMS)[number];

/** The help text (`--help`, and after a wrong flag). */
export const USAGE = `Usage: npm run bench -- [options]

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

/** A corpus the bench measures on. */
export type CorpusName = (typeof CORPORA)[number];

/** What the command line asks for. */
export interface Options {
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

/**
 * The options of `argv` (the arguments after the script), or "help".
 *
 * @throws Error naming the flag when a value is not one it takes.
 */
export function readOptions(argv: string[]): Options | "help" {
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
