/**
 * The real corpus and real questions for `npm run bench -- --corpus archive`: the
 * 14,396-article briefing-room archive of `../shared/eval/archive/` (unpacked once into
 * the bench's cache folder), evenly spaced subsets of it plus the seed article, and the
 * evaluation's question sets. Everything is found relative to the project: the shared
 * folder sits next to it (`../shared`).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { copyFile, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "../src/paths.ts";
import { readQuestions, type BenchQuestion } from "./bench-questions.ts";
import { DEFAULT_CACHE_ROOT, seedFile, type GeneratedCorpus } from "./corpus.ts";

/** The shared folder beside the project (evaluation sets, the seed, the archive). */
export const SHARED_DIR = path.resolve(PROJECT_ROOT, "..", "shared");

/** The archive's tarball. */
export const ARCHIVE_TARBALL = path.join(SHARED_DIR, "eval", "archive", "wh-briefings.tar.gz");

/** The evaluation's question sets timed on the archive: typed the way people ask. */
export const REAL_QUESTION_FILES = [
  path.join(SHARED_DIR, "eval", "seed-questions.jsonl"),
  path.join(SHARED_DIR, "eval", "discord-style", "seed.jsonl"),
  path.join(SHARED_DIR, "eval", "discord-style", "articles.jsonl"),
];

const COMPLETE_MARKER = ".complete";

/** Says where a shared file was expected, for a message when it is missing. */
export function missing(file: string): string {
  return `${path.relative(PROJECT_ROOT, file)} (expected at ${file}, the shared folder beside the project)`;
}

/** The archive's article files, unpacked into the cache once; sorted names. */
async function unpackedArchive(root: string): Promise<{ dir: string; names: string[] }> {
  const target = path.join(root, "archive-src");
  const dir = path.join(target, "wh-briefings");
  if (!existsSync(path.join(target, COMPLETE_MARKER))) {
    if (!existsSync(ARCHIVE_TARBALL)) {
      throw new Error(`the archive is missing: ${missing(ARCHIVE_TARBALL)}`);
    }
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true });
    execFileSync("tar", ["-xzf", ARCHIVE_TARBALL, "-C", target], { stdio: "ignore" });
    await writeFile(path.join(target, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  }
  const names = readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
  return { dir, names };
}

/**
 * A folder of `size` archive articles (evenly spaced over the sorted file names, so every
 * section and year is in every subset; `size` at least the archive's count takes all) plus
 * the seed article, cached.
 */
export async function archiveCorpus(
  size: number,
  root: string = DEFAULT_CACHE_ROOT,
): Promise<GeneratedCorpus> {
  const source = await unpackedArchive(root);
  const count = Math.min(size, source.names.length);
  const dir = path.join(root, `archive-n${count}`);
  if (existsSync(path.join(dir, COMPLETE_MARKER))) {
    return { dir, articles: count + 1, cached: true };
  }
  const temporary = `${dir}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  const seed = seedFile();
  await copyFile(seed, path.join(temporary, path.basename(seed)));
  for (let i = 0; i < count; i += 1) {
    const name = source.names[Math.floor((i * source.names.length) / count)] as string;
    // Copies, not links: the loader refuses links that lead out of the folder.
    await copyFile(path.join(source.dir, name), path.join(temporary, name));
  }
  await writeFile(path.join(temporary, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(temporary, dir);
  return { dir, articles: count + 1, cached: false };
}

/** The evaluation's questions that are there (each missing file reported through `log`). */
export function realQuestions(log: (message: string) => void): BenchQuestion[] {
  return REAL_QUESTION_FILES.flatMap((file) => {
    if (existsSync(file)) return readQuestions(file, path.basename(file, ".jsonl"));
    log(`questions not found, skipped: ${missing(file)}`);
    return [];
  });
}
