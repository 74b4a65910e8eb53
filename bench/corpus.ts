/**
 * Deterministic synthetic corpora for the benchmark: N articles of realistic
 * English (sentences harvested from the licence and documentation texts Debian
 * installs) plus the bundled seed article, written as `.md` files with front
 * matter into a cached folder under the system's temporary directory. The sentences come from
 * sentence-pool.ts, the timed questions from bench-questions.ts.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { cp, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DEFAULT_DATA_DIR } from "../src/paths.ts";
import { mixSeed, pick, prng, randomInt } from "./seeded-random.ts";
import { harvestPool, type SentencePool } from "./sentence-pool.ts";

/** Bump when the generator's output changes, so that cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1;

/** The bundled articles; the first `.md` file there is "the seed". */
export const DATA_DIR = DEFAULT_DATA_DIR;

/** Default cache folder of generated corpora. */
export const DEFAULT_CACHE_ROOT = path.join(os.tmpdir(), "citebot-bench");

// ---------------------------------------------------------------------------
// Articles

const SOURCES = [
  "The Package Gazette",
  "Licence Ledger",
  "Free Software Wire",
  "The Maintainer",
  "Upstream Daily",
  "The Changelog Courier",
  "Open Source Observer",
  "Kernel & Co.",
];

export interface SyntheticArticle {
  /** File name without extension. */
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly published: string;
  readonly paragraphs: readonly (readonly string[])[];
}

/** Id of the i-th synthetic article: sorts after the seed (`000_…`). */
export function articleId(index: number): string {
  return `syn_${String(index).padStart(6, "0")}`;
}

function titleOf(random: () => number, sentence: string): string {
  const words = sentence
    .replace(/[^\p{L}\p{N}' -]/gu, " ")
    .split(/\s+/u)
    .filter(Boolean);
  const start = randomInt(random, 0, Math.max(0, words.length - 6));
  const count = randomInt(random, 4, 8);
  return words
    .slice(start, start + count)
    .map((word) => (word.length > 3 ? word[0]?.toUpperCase() + word.slice(1) : word))
    .join(" ");
}

/**
 * The i-th synthetic article of a seed: independent of the corpus size, so the
 * corpus of 100 articles is the first 100 of the corpus of 1,000.
 * About 35 sentences in about 8 paragraphs; ~70% from one topical source file.
 */
export function makeArticle(pool: SentencePool, seed: number, index: number): SyntheticArticle {
  const random = prng(mixSeed(seed, index, GENERATOR_VERSION));
  const topic = pick(random, pool.topics);
  const paragraphCount = randomInt(random, 6, 10);
  const sentenceCount = randomInt(random, 30, 40);
  // Topical run: consecutive sentences of the topic file, starting at a random place.
  let cursor = randomInt(random, 0, topic.sentences.length - 1);
  const sentences: string[] = [];
  for (let i = 0; i < sentenceCount; i += 1) {
    if (random() < 0.7) {
      sentences.push(topic.sentences[cursor % topic.sentences.length] as string);
      cursor += 1;
    } else {
      sentences.push(pick(random, pool.sentences));
    }
  }
  // Every paragraph gets at least two sentences; the rest fall at random.
  const sizes = Array.from({ length: paragraphCount }, () => 2);
  for (let left = sentenceCount - 2 * paragraphCount; left > 0; left -= 1) {
    const at = randomInt(random, 0, paragraphCount - 1);
    sizes[at] = (sizes[at] ?? 0) + 1;
  }
  const paragraphs: string[][] = [];
  let taken = 0;
  for (const size of sizes) {
    paragraphs.push(sentences.slice(taken, taken + size));
    taken += size;
  }
  const day = randomInt(random, 0, 16 * 365);
  const minutes = randomInt(random, 0, 24 * 60 - 1);
  const published = new Date(Date.UTC(2010, 0, 1) + day * 86_400_000 + minutes * 60_000)
    .toISOString()
    .replace(/\.000Z$/u, "Z");
  return {
    id: articleId(index),
    title: titleOf(random, pick(random, topic.sentences)),
    source: pick(random, SOURCES),
    published,
    paragraphs,
  };
}

/** The article as a `.md` file with YAML front matter (values JSON-quoted, which YAML reads). */
export function renderArticle(article: SyntheticArticle): string {
  const front = [
    "---",
    `title: ${JSON.stringify(article.title)}`,
    `source: ${JSON.stringify(article.source)}`,
    `published: ${JSON.stringify(article.published)}`,
    "---",
    "",
  ].join("\n");
  return `${front}\n${article.paragraphs.map((p) => p.join(" ")).join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------
// Corpora on disk

/** The seed article file: the first `.md` of the bundled data folder. */
export function seedFile(dataDir: string = DATA_DIR): string {
  const name = readdirSync(dataDir)
    .filter((file) => file.endsWith(".md") && !file.startsWith("."))
    .sort()[0];
  if (!name) throw new Error(`no seed article (*.md) in ${dataDir}`);
  return path.join(dataDir, name);
}

export interface CorpusOptions {
  /** Number of synthetic articles (the seed comes on top). */
  readonly size: number;
  readonly seed: number;
  /** Where cached corpora live (default: os.tmpdir()/citebot-bench). */
  readonly root?: string;
  /** Include the seed article (default true). */
  readonly withSeed?: boolean;
}

export interface GeneratedCorpus {
  readonly dir: string;
  /** Synthetic articles + the seed. */
  readonly articles: number;
  /** True when it came from the cache. */
  readonly cached: boolean;
}

const COMPLETE_MARKER = ".complete";

/**
 * Writes (or finds in the cache) the corpus of `size` synthetic articles for a
 * seed. The cache key covers the size, the seed, the generator version, the
 * sentence pool and the seed article, so a stale corpus is never reused.
 */
export async function generateCorpus(options: CorpusOptions): Promise<GeneratedCorpus> {
  const { size, seed } = options;
  const root = options.root ?? DEFAULT_CACHE_ROOT;
  const withSeed = options.withSeed ?? true;
  const pool = harvestPool();
  const seedPath = withSeed ? seedFile() : undefined;
  const key = createHash("sha256")
    .update(`${GENERATOR_VERSION}:${pool.hash}:`)
    .update(seedPath ? readFileSync(seedPath) : "")
    .digest("hex")
    .slice(0, 12);
  const prefix = `corpus-n${size}-seed${seed}${withSeed ? "" : "-noseed"}-`;
  const dir = path.join(root, `${prefix}${key}`);
  const articles = size + (seedPath ? 1 : 0);
  if (existsSync(path.join(dir, COMPLETE_MARKER))) return { dir, articles, cached: true };

  await mkdir(root, { recursive: true });
  // Drop stale versions of the same size and seed.
  for (const name of await readdir(root)) {
    if (name.startsWith(prefix) && name !== path.basename(dir)) {
      await rm(path.join(root, name), { recursive: true, force: true });
    }
  }
  const temporary = `${dir}.tmp-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  if (seedPath) await cp(seedPath, path.join(temporary, path.basename(seedPath)));
  const batch = 200;
  for (let start = 0; start < size; start += batch) {
    const writes: Promise<void>[] = [];
    for (let i = start; i < Math.min(size, start + batch); i += 1) {
      const article = makeArticle(pool, seed, i);
      writes.push(writeFile(path.join(temporary, `${article.id}.md`), renderArticle(article)));
    }
    await Promise.all(writes);
  }
  await writeFile(path.join(temporary, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(temporary, dir);
  return { dir, articles, cached: false };
}
