/**
 * Deterministic synthetic corpora for the benchmark: N articles of realistic
 * English (sentences harvested from the licence and documentation texts Debian
 * installs) plus the bundled seed article, written as `.md` files with front
 * matter into a cached folder under the system's temporary directory.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cp, mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { DEFAULT_DATA_DIR } from "../src/paths.ts";

/** Bump when the generator's output changes, so that cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1;

/** The bundled articles; the first `.md` file there is "the seed". */
export const DATA_DIR = DEFAULT_DATA_DIR;

/** Default cache folder of generated corpora. */
export const DEFAULT_CACHE_ROOT = path.join(os.tmpdir(), "citebot-bench");

// ---------------------------------------------------------------------------
// Seeded randomness

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same stream. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes numbers into one 32-bit seed (FNV-1a over their decimal forms). */
export function mixSeed(...parts: number[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join(":")) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** An integer in [min, max]. */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

// ---------------------------------------------------------------------------
// The sentence pool

/** Sentences of one source file, in file order (topical context for an article). */
export interface PoolDocument {
  readonly name: string;
  readonly sentences: readonly string[];
}

export interface SentencePool {
  /** Every kept sentence once, sorted. */
  readonly sentences: readonly string[];
  /** Source files with enough sentences to give an article a topic, sorted by path. */
  readonly topics: readonly PoolDocument[];
  /** Hash of the pool's content: part of the cache key. */
  readonly hash: string;
}

const MAX_FILE_BYTES = 1_000_000;
const MIN_SENTENCE = 40;
const MAX_SENTENCE = 300;
const MIN_TOPIC_SENTENCES = 8;

/** The files sentences are harvested from, sorted: plain text only (no compressed files). */
export function sourceFiles(): string[] {
  const files: string[] = [];
  const licenses = "/usr/share/common-licenses";
  if (existsSync(licenses)) {
    for (const name of readdirSync(licenses)) files.push(path.join(licenses, name));
  }
  const docs = "/usr/share/doc";
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory() && depth < 4) walk(file, depth + 1);
      else if (entry.isFile() && /^README/u.test(entry.name)) files.push(file);
      else if (entry.isFile() && depth === 1 && entry.name === "copyright") files.push(file);
    }
  };
  if (existsSync(docs)) walk(docs, 0);
  // Plain text, or plain text gzipped (Debian compresses larger READMEs); no HTML, PDF, other archives.
  return files.filter((file) => !/\.(?:bz2|xz|zst|z|zip|html?|pdf)$/iu.test(file)).sort();
}

const ENGLISH =
  /\b(?:the|and|of|to|is|in|for|that|this|be|it|with|or|by|you|are|not|on|as|may|can|any|from|if)\b/giu;

/** True when a candidate reads like an English prose sentence (not code, addresses, tables or markup). */
export function isProse(sentence: string): boolean {
  if (sentence.length < MIN_SENTENCE || sentence.length > MAX_SENTENCE) return false;
  if (
    !/^["'(]?[A-Z](?:[A-Za-z]|\s)/u.test(sentence) ||
    !/[a-z0-9)"'][.!?]["')]?$/u.test(sentence)
  ) {
    return false;
  }
  if (/[<>{}[\]|#*=_`\\~^@$]|https?:|www\.|\.\.|--|\/\/|\t|\s[.,;:]/u.test(sentence)) return false;
  if (/^(?:Files|Copyright|License|Comment|Source|Upstream-[A-Za-z]+|Format):/u.test(sentence)) {
    return false;
  }
  const letters = sentence.match(/[A-Za-z]/gu)?.length ?? 0;
  if (letters / sentence.length < 0.7) return false;
  if (sentence.split(/\s+/u).length < 6) return false;
  // Another language (the licences come translated too).
  if (
    (sentence.match(ENGLISH)?.length ?? 0) < 2 ||
    /[^\x20-\x7e\u2018\u2019\u201c\u201d]/u.test(sentence)
  ) {
    return false;
  }
  // Mostly upper-case text is a heading or a disclaimer shouted in capitals.
  const upper = sentence.match(/[A-Z]/gu)?.length ?? 0;
  return upper / letters < 0.35;
}

/**
 * Splits plain text into candidate sentences: markup lines and Debian copyright
 * fields become block breaks, blocks split at end marks, list numbers dropped.
 */
export function splitText(text: string): string[] {
  const lines: string[] = [];
  let inFence = false;
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (/^\s*(?:```|~~~)/u.test(line)) {
      inFence = !inFence;
      lines.push("");
      continue;
    }
    if (inFence) continue;
    if (
      /^\s*\.?$/u.test(line) || // blank, or the " ." of a copyright file's license text
      /^[A-Z][A-Za-z-]*:(?:\s|$)/u.test(line) || // a copyright file's field
      /^\s*(?:#|=+$|-+$|\*+$)/u.test(line) // headings and rules
    ) {
      lines.push("");
      continue;
    }
    // A bullet starts a block of its own.
    const bullet = /^\s*(?:[-*+\u2022]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(.*)$/u.exec(line);
    if (bullet) lines.push("", bullet[1] ?? "");
    else lines.push(line);
  }
  const out: string[] = [];
  for (const block of lines.join("\n").split(/\n[ \t]*\n/u)) {
    const joined = block.replace(/\s+/gu, " ").trim();
    if (joined === "") continue;
    for (const part of joined.split(/(?<=[a-z0-9)][.!?]["')]?)\s+(?=["'(]?[A-Z])/u)) {
      const cleaned = part
        .replace(/^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+/u, "")
        .replace(/\s+\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]$/u, "")
        .trim();
      if (cleaned !== "") out.push(cleaned);
    }
  }
  return out;
}

function readPlainText(file: string): string | undefined {
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
    let bytes: Uint8Array = readFileSync(file);
    if (file.endsWith(".gz")) bytes = gunzipSync(bytes, { maxOutputLength: 4 * MAX_FILE_BYTES });
    if (bytes.includes(0)) return undefined;
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).normalize("NFC");
  } catch {
    return undefined;
  }
}

let cachedPool: SentencePool | undefined;

/**
 * Harvests the sentence pool: split, keep prose of 40–300 characters, dedupe
 * (a sentence belongs to the first file, in path order, that has it), sort.
 */
export function harvestPool(): SentencePool {
  if (cachedPool) return cachedPool;
  const seen = new Set<string>();
  const topics: PoolDocument[] = [];
  for (const file of sourceFiles()) {
    const text = readPlainText(file);
    if (text === undefined) continue;
    const sentences: string[] = [];
    for (const sentence of splitText(text)) {
      if (!isProse(sentence) || seen.has(sentence)) continue;
      seen.add(sentence);
      sentences.push(sentence);
    }
    if (sentences.length >= MIN_TOPIC_SENTENCES) topics.push({ name: file, sentences });
  }
  const sentences = [...seen].sort();
  if (sentences.length < 500 || topics.length === 0) {
    throw new Error(
      `only ${sentences.length} sentences harvested from /usr/share/doc and /usr/share/common-licenses: too few for a corpus`,
    );
  }
  const hash = createHash("sha256");
  for (const topic of topics) hash.update(`${topic.name}\n${topic.sentences.join("\n")}\n`);
  hash.update(sentences.join("\n"));
  cachedPool = { sentences, topics, hash: hash.digest("hex").slice(0, 16) };
  return cachedPool;
}

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

// ---------------------------------------------------------------------------
// Questions

export interface BenchQuestion {
  readonly q: string;
  /** Where it comes from: "seed" or the synthetic article it was made from. */
  readonly origin: string;
}

const QUESTION_STOP = new Set(
  `about above after again against also among another because been before being below between both
  could does doing down during each either every from further have having here into itself more most
  must neither only other ought over same shall should some such than that their them then there these
  they this those through under until upon very were what when where which while will with within
  without would your yours shall unless whether thereof hereby herein`.split(/\s+/u),
);

function contentWords(sentence: string): string[] {
  return (sentence.match(/[A-Za-z]{4,}/gu) ?? []).filter(
    (word) => !QUESTION_STOP.has(word.toLowerCase()),
  );
}

/** A plausible typo: swap two inner letters, drop one or double one. */
function typo(random: () => number, word: string): string {
  if (word.length < 5) return word;
  const at = randomInt(random, 1, word.length - 3);
  switch (randomInt(random, 0, 2)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}

const TEMPLATES: readonly ((words: string[]) => string)[] = [
  (w) => `What does it say about ${w.join(" ")}?`,
  (w) => `Who ${w.join(" ")}?`,
  (w) => `How many ${w.join(" ")}?`,
  (w) => `When was the ${w.join(" ")}?`,
  (w) => `Why ${w.join(" ")}?`,
  (w) => `${w.join(" ")}`,
];

/**
 * Questions about synthetic articles 0..count-1: a few content words of one
 * random sentence of each, in a question template; about a third with a typo.
 */
export function syntheticQuestions(seed: number, count = 20): BenchQuestion[] {
  const pool = harvestPool();
  const random = prng(mixSeed(seed, 0x51, GENERATOR_VERSION));
  const questions: BenchQuestion[] = [];
  for (let i = 0; i < count; i += 1) {
    const article = makeArticle(pool, seed, i);
    const sentences = article.paragraphs.flat();
    let words: string[] = [];
    for (let attempt = 0; attempt < 10 && words.length < 2; attempt += 1) {
      words = contentWords(pick(random, sentences));
    }
    const take = Math.min(words.length, randomInt(random, 2, 4));
    const start = randomInt(random, 0, Math.max(0, words.length - take));
    const chosen = words.slice(start, start + take).map((word) => word.toLowerCase());
    if (chosen.length > 0 && random() < 0.35) {
      const at = randomInt(random, 0, chosen.length - 1);
      chosen[at] = typo(random, chosen[at] as string);
    }
    questions.push({ q: pick(random, TEMPLATES)(chosen), origin: article.id });
  }
  return questions;
}

/** Reads a JSONL file of questions (`{"q": ...}` a line). */
export function readQuestions(file: string, origin = "file"): BenchQuestion[] {
  const out: BenchQuestion[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const value = JSON.parse(line) as { q?: unknown };
    if (typeof value.q !== "string" || value.q.trim() === "") {
      throw new Error(`${file}: every line needs a "q" string`);
    }
    out.push({ q: value.q, origin });
  }
  return out;
}
