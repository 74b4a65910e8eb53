/**
 * Instruction counts of two builds of citebot on the same work, under valgrind's
 * callgrind: unlike timings, they do not move when other processes share the
 * cores, so a refactoring can be checked for "no slower" on a busy machine.
 *
 *   npm run build && node dist/bench/instructions.js OTHER_CHECKOUT ARTICLES_DIR
 *
 * OTHER_CHECKOUT is a built checkout (its `dist/`) to compare with this one, e.g.
 * `git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci)`.
 * Each build runs twice: indexing ARTICLES_DIR only, and indexing then answering
 * every question of ../shared/eval (seed and discord-style sets) three times.
 * Needs valgrind (Debian package `valgrind`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { openCorpus as openCorpusType } from "../src/corpus/open.ts";
import { PROJECT_ROOT } from "../src/paths.ts";

const EVAL_DIR = path.resolve(PROJECT_ROOT, "..", "shared", "eval");
const QUESTION_FILES = [
  "seed-questions.jsonl",
  "discord-style/seed.jsonl",
  "discord-style/articles.jsonl",
];

/** The compiled module exporting openCorpus in a checkout (older builds had it in src/corpus.js). */
function openModule(checkout: string): string | undefined {
  return ["dist/src/corpus/open.js", "dist/src/corpus.js"]
    .map((file) => path.join(checkout, file))
    .find((file) => existsSync(file));
}

/** In a child under valgrind: index the folder with `checkout`'s build and maybe answer. */
async function child(checkout: string, articlesDir: string, answer: boolean): Promise<void> {
  const moduleFile = openModule(checkout) as string;
  const { openCorpus } = (await import(moduleFile)) as { openCorpus: typeof openCorpusType };
  const corpus = await openCorpus(articlesDir, { cacheDir: false });
  // Counted either way: after a build the index is read back in its saved form (by `saved`).
  await (corpus as { saved?: Promise<unknown> }).saved;
  if (!answer) return;
  const questions = QUESTION_FILES.flatMap((file) =>
    readFileSync(path.join(EVAL_DIR, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );
  for (let round = 0; round < 3; round += 1) for (const q of questions) corpus.index.ask(q);
}

/** Runs one measurement under callgrind and returns the instructions it executed. */
function count(checkout: string, articlesDir: string, answer: boolean): number {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    "valgrind",
    [
      "--tool=callgrind",
      "--callgrind-out-file=/dev/null",
      process.execPath,
      self,
      "--child",
      checkout,
      articlesDir,
      answer ? "answer" : "index",
    ],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const collected = /Collected : (\d+)/u.exec(run.stderr ?? "");
  if (run.status !== 0 || !collected) {
    throw new Error(`callgrind failed for ${checkout}: ${(run.stderr ?? "").slice(-500)}`);
  }
  return Number(collected[1]);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--child") {
    await child(args[1] as string, args[2] as string, args[3] === "answer");
    return;
  }
  const [other, articlesDir] = args;
  if (!other || !articlesDir) {
    console.error("usage: node dist/bench/instructions.js OTHER_CHECKOUT ARTICLES_DIR");
    process.exit(1);
  }
  if (!openModule(other) || !existsSync(EVAL_DIR)) {
    console.error(`needs a built ${other} (its dist/) and the questions in ${EVAL_DIR}`);
    process.exit(1);
  }
  const rows = [other, PROJECT_ROOT].map((checkout) => {
    const index = count(checkout, articlesDir, false);
    const total = count(checkout, articlesDir, true);
    return { checkout, index, answer: total - index, total };
  });
  const giga = (n: number) => `${(n / 1e9).toFixed(2)} G`;
  for (const row of rows) {
    console.log(
      `${row.checkout}: index ${giga(row.index)}, answer ${giga(row.answer)}, total ${giga(row.total)}`,
    );
  }
  const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(
    `this / other: index ${(b.index / a.index).toFixed(3)}, answer ${(b.answer / a.answer).toFixed(3)}, total ${(b.total / a.total).toFixed(3)}`,
  );
}

await main();
