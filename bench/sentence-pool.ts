/**
 * The sentences the bench's synthetic articles are made of: prose harvested from the licence
 * and documentation texts Debian installs (/usr/share/common-licenses, /usr/share/doc).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";

/** Sentences of one source file, in file order (topical context for an article). */
export interface PoolDocument {
  readonly name: string;
  readonly sentences: readonly string[];
}

/** The sentences synthetic articles are made of. */
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
