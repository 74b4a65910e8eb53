import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIndexData, type Article } from "../../src/core/index.ts";
import { decodeArticles } from "../../src/corpus/article-codec.ts";
import type { TextCacheSizes } from "../../src/corpus/article-texts.ts";
import { ContainerReader } from "../../src/corpus/binary.ts";
import { FileSource } from "../../src/corpus/detached.ts";
import { encodeIndex } from "../../src/corpus/index-codec.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { INDEX_FORMAT } from "../../src/corpus/store.ts";
import { folderWith, ROOT } from "../helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const MIXED = path.join(ROOT, "tests/fixtures/articles/blind-mixed");
/** Characters of one, two, three and four bytes (the car is two UTF-16 units). */
const WIDE = [
  "---",
  'title: "Wide characters"',
  "---",
  "",
  "The café’s owner said: “We sell 🚗 models now.” Prices rose 5%. Then 🚗🚗 came in.",
  "",
  "Plain ASCII text here. And a second sentence.",
  "",
].join("\n");

/**
 * Real articles (and one of wide characters) saved as an index file, opened from that file
 * (as `openCorpus` does) or from its bytes in memory (as the bot's thread does).
 */
async function savedArticles(sizes: TextCacheSizes, from: "file" | "memory" = "file") {
  const files: Record<string, string | Buffer> = { "wide.md": WIDE };
  for (const name of readdirSync(MIXED)) files[name] = await readFile(path.join(MIXED, name));
  const folder = await folderWith(files);
  cleanups.push(folder.cleanup);
  const { articles } = await loadArticles(folder.dir);
  const key = randomBytes(32);
  const bytes = encodeIndex(
    { fingerprint: "test", articles, problems: [], data: buildIndexData(articles) },
    INDEX_FORMAT,
    key,
  );
  const file = path.join(folder.dir, "index.bin");
  await writeFile(file, bytes);
  const source = from === "file" ? FileSource.open(file) : bytes;
  if (source instanceof FileSource) cleanups.push(async () => source.close());
  const decoded = decodeArticles(new ContainerReader(source, INDEX_FORMAT, key), undefined, sizes);
  return { parsed: articles, decoded, file, bytes };
}

/** Every sentence's text, in sentence-id order. */
function sentenceTexts(articles: readonly Article[]): string[] {
  return articles.flatMap((a) => a.paragraphs.flatMap((p) => p.sentences.map((s) => s.text)));
}

// Each holds one or two of the fixtures' articles (8-16 KB), so that reading them all evicts.
const SMALL: TextCacheSizes = { sentenceChars: 600, articleBytes: 20_000, articleChars: 16_000 };

describe("a saved index's article texts", () => {
  it.each(["file", "memory"] as const)(
    "GIVEN small caches and an index read from its %s WHEN every sentence is read, forwards and back, and every article whole THEN each text is the parsed one and no cache ever holds more than its size",
    async (from) => {
      const { parsed, decoded } = await savedArticles(SMALL, from);
      const expected = sentenceTexts(parsed);
      expect(expected.length).toBeGreaterThan(100);
      expect(expected.some((text) => text.includes("🚗"))).toBe(true);
      const order = [...expected.keys(), ...[...expected.keys()].reverse()];
      const most = { sentenceChars: 0, bytes: 0, chars: 0 };
      const within = () => {
        const now = decoded.texts.cached;
        most.sentenceChars = Math.max(most.sentenceChars, now.sentenceChars);
        most.bytes = Math.max(most.bytes, now.bytes);
        most.chars = Math.max(most.chars, now.chars);
      };
      for (const s of order) {
        expect(decoded.texts.sentence(s)).toBe(expected[s]);
        within();
      }
      decoded.articles.forEach((article, a) => {
        expect(article.paragraphs).toEqual(parsed[a]?.paragraphs);
        within();
      });
      expect(most.sentenceChars).toBeGreaterThan(0);
      expect(most.sentenceChars).toBeLessThanOrEqual(SMALL.sentenceChars);
      // From memory, a chunk is a view of the bytes already there: none are copied.
      if (from === "file") expect(most.bytes).toBeGreaterThan(0);
      else expect(most.bytes).toBe(0);
      expect(most.bytes).toBeLessThanOrEqual(SMALL.articleBytes);
      expect(most.chars).toBeGreaterThan(0);
      expect(most.chars).toBeLessThanOrEqual(SMALL.articleChars);
    },
  );

  it("GIVEN an article read, pushed out of the caches by others, then altered on disk THEN reading it again refuses the altered text", async () => {
    const { parsed, decoded, file, bytes } = await savedArticles(SMALL);
    const wide = parsed.findIndex((a) => a.title === "Wide characters");
    const first = sentenceTexts(parsed.slice(0, wide)).length;
    expect(decoded.texts.sentence(first)).toContain("café");
    // Every other article's sentences: the wide one's leave the small caches.
    const all = sentenceTexts(parsed);
    all.forEach((text, s) => {
      if (decoded.positions.article[s] !== wide) expect(decoded.texts.sentence(s)).toBe(text);
    });
    // The detached texts come last in the file (the vocabulary before them has "café" too).
    bytes.write("cafe", bytes.lastIndexOf("café"), "utf8");
    await writeFile(file, bytes); // the same file the source holds open
    expect(() => decoded.texts.sentence(first)).toThrow(/does not match its digest/u);
    expect(() => decoded.articles[wide]?.paragraphs).toThrow(/does not match its digest/u);
  });
});
