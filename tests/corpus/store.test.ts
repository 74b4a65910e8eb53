import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { chmod, chown, readdir, readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openCorpus } from "../../src/corpus/open.ts";
import {
  ContainerError,
  ContainerWriter,
  HEADER_BYTES,
  signContainer,
} from "../../src/corpus/binary.ts";
import { cleanStaleTemporaries, KEY_FILE } from "../../src/corpus/cache-dir.ts";
import { decodeIndex, encodeIndex } from "../../src/corpus/index-codec.ts";
import { buildIndexData, type Posting } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { INDEX_FORMAT } from "../../src/corpus/store.ts";
import { folderWith, ROOT } from "../helpers.ts";
import { savedSetup, SEED } from "./saved-setup.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const TARIFF = "What tariff is applied to Tesla's imported cars?";

async function topExcerpt(dir: string, cacheDir: string) {
  const corpus = await openCorpus(dir, { cacheDir });
  await corpus.saved;
  return { corpus, excerpt: corpus.index.ask(TARIFF).citations[0]?.excerpt ?? "" };
}

describe("the saved index on disk", () => {
  it("GIVEN a folder built afresh with keepBuilt (the reload worker's) WHEN openCorpus hands the corpus back THEN the index is not yet encoded nor written, and it is once saved settles", async () => {
    const articles = await folderWith({ "seed.txt": await readFile(SEED) });
    const cache = await folderWith({});
    cleanups.push(articles.cleanup, cache.cleanup);
    const cacheDir = path.join(cache.dir, "index");
    // Without keepBuilt the index is encoded before it is handed back (`built-form.test.ts`).
    const corpus = await openCorpus(articles.dir, { cacheDir, keepBuilt: true });
    // Read at once, before any other turn of the event loop: the save starts on a later one.
    const before = readdirSync(cacheDir);
    expect(before.filter((name) => name.endsWith(".bin") || name.endsWith(".tmp"))).toEqual([]);
    expect(corpus.index.ask(TARIFF).citations[0]?.excerpt).toContain("25% tariffs");
    expect(await corpus.saved).toBeUndefined();
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".bin"))).toHaveLength(1);
  });

  it("GIVEN a first run THEN the cache folder is private (0700), the index and key are owner-only, and the second run uses the index", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    expect((await stat(cacheDir)).mode & 0o777).toBe(0o700);
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect((await stat(path.join(cacheDir, KEY_FILE))).mode & 0o077).toBe(0);
    const { corpus, excerpt } = await topExcerpt(dir, cacheDir);
    expect(corpus.fromSavedIndex).toBe(true);
    expect(corpus.warnings).toEqual([]);
    expect(excerpt).toContain("25% tariffs");
  });

  it("GIVEN a real saved index with a byte of its signed part changed (the title) THEN it is refused, reported, and the article's own title is served", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const bytes = await readFile(file);
    const at = bytes.indexOf("Rare Welcome");
    expect(at).toBeGreaterThan(0);
    bytes.write("Fake", at, "utf8");
    await writeFile(file, bytes);
    const corpus = await openCorpus(dir, { cacheDir });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.warnings.join("\n")).toMatch(/signature does not match/u);
    expect(corpus.index.articles[0]?.title).toContain("Rare Welcome");
  });

  it("GIVEN a real saved index with '25%' changed to '95%' in an article's text THEN the altered text is refused when first read and never served: the article's own words are served from its file, it is reported, and the next open rebuilds the index", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const bytes = await readFile(file);
    const at = bytes.indexOf("25% tariffs");
    expect(at).toBeGreaterThan(0);
    bytes.write("95", at, "utf8");
    await writeFile(file, bytes);
    // The texts are checked article by article when first read, not at open.
    const { corpus, excerpt } = await topExcerpt(dir, cacheDir);
    expect(corpus.fromSavedIndex).toBe(true);
    expect(excerpt).toContain("25% tariffs");
    expect(excerpt).not.toContain("95%");
    expect(corpus.warnings.join("\n")).toMatch(/altered after it was opened .*digest/u);
    await expect(stat(file)).rejects.toThrow(/ENOENT/u);
    const next = await openCorpus(dir, { cacheDir });
    expect(next.fromSavedIndex).toBe(false);
  });

  it("GIVEN an opened index whose article text is then altered on disk and whose article file changed too THEN reading the article refuses the text rather than serve it", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const corpus = await openCorpus(dir, { cacheDir });
    expect(corpus.fromSavedIndex).toBe(true);
    const bytes = await readFile(file);
    bytes.write("95", bytes.indexOf("25% tariffs"), "utf8");
    await writeFile(file, bytes); // the same file the index holds open
    await writeFile(path.join(dir, "seed.txt"), "Another title\n\nOther words entirely.\n");
    expect(() => corpus.index.ask(TARIFF)).toThrow(/does not match its digest/u);
  });

  it("GIVEN a well-formed index forged under another key and planted under the real name THEN it is refused and the real article served", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const { articles } = await loadArticles(dir);
    const forged = articles.map((article) => ({
      ...article,
      title: "Fake title",
      url: "https://phishing.example/login",
    }));
    const data = buildIndexData(forged);
    const bytes = encodeIndex(
      { fingerprint: "guessed", articles: forged, problems: [], data },
      INDEX_FORMAT,
      randomBytes(32),
    );
    await writeFile(file, bytes, { mode: 0o600 });
    const { corpus } = await topExcerpt(dir, cacheDir);
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.index.articles[0]?.title).toMatch(/^Tesla’s Elon Musk/u);
    expect(corpus.index.articles[0]?.url).toBeUndefined();
  });

  it("GIVEN an edit that keeps the file's size and modification time THEN the index is rebuilt from the new words", async () => {
    const { dir, cacheDir } = await savedSetup(cleanups);
    const seed = path.join(dir, "seed.txt");
    const before = await stat(seed);
    await writeFile(seed, (await readFile(seed, "utf8")).replace("25% tariffs", "95% tariffs"));
    await utimes(seed, before.atime, before.mtime);
    expect((await stat(seed)).size).toBe(before.size);
    const { corpus, excerpt } = await topExcerpt(dir, cacheDir);
    expect(corpus.fromSavedIndex).toBe(false);
    expect(excerpt).toContain("95% tariffs");
  });

  it("GIVEN a saved index that others may write THEN it is ignored and reported", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    await chmod(file, 0o666);
    const { corpus, excerpt } = await topExcerpt(dir, cacheDir);
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.warnings.join("\n")).toMatch(/can be written by other users/u);
    expect(excerpt).toContain("25% tariffs");
  });

  it("GIVEN a cache folder others may write THEN no saved index is read or written, it is reported, and the articles still load", async () => {
    const { dir, cacheDir } = await savedSetup(cleanups);
    await chmod(cacheDir, 0o777);
    const { corpus, excerpt } = await topExcerpt(dir, cacheDir);
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.warnings).toEqual([
      expect.stringMatching(/^the saved index is off: .* can be written by other users/u),
    ]);
    expect(excerpt).toContain("25% tariffs");
  });

  it.runIf(existsSync("/proc/self"))(
    "GIVEN a cache folder under /proc, where no folder can be made THEN the saved index is off, saying why, and the articles still load",
    async () => {
      // Node's recursive mkdir retried this for ever at full CPU: the open never settled.
      const { dir } = await savedSetup(cleanups);
      const { corpus, excerpt } = await topExcerpt(dir, "/proc/citebot-cache/index");
      expect(corpus.fromSavedIndex).toBe(false);
      expect(corpus.warnings).toEqual([
        "the saved index is off: ENOENT: no such file or directory, mkdir '/proc/citebot-cache'",
      ]);
      expect(excerpt).toContain("25% tariffs");
    },
    10_000,
  );

  it.skipIf(process.getuid?.() !== 0)(
    "GIVEN a saved index owned by another user THEN it is ignored and reported (run as root, which can give files away)",
    async () => {
      const { dir, cacheDir, file } = await savedSetup(cleanups);
      await chown(file, 12345, 12345);
      const { corpus } = await topExcerpt(dir, cacheDir);
      expect(corpus.fromSavedIndex).toBe(false);
      expect(corpus.warnings.join("\n")).toMatch(/belongs to another user/u);
    },
  );

  it("GIVEN temporary files left by a killed save THEN they are removed, while a live writer's file is kept", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const dead = `${file}.999999999.1700000000000.tmp`;
    const live = `${file}.${process.ppid}.${Date.now()}.tmp`;
    await writeFile(dead, "partial");
    await writeFile(live, "partial");
    await openCorpus(dir, { cacheDir });
    const names = await readdir(cacheDir);
    expect(names).not.toContain(path.basename(dead));
    expect(names).toContain(path.basename(live));
    const hourAndMore = Date.now() + 2 * 60 * 60 * 1000;
    expect(await cleanStaleTemporaries(cacheDir, hourAndMore)).toEqual([path.basename(live)]);
  });
});

describe("the saved index's binary layout", () => {
  const key = randomBytes(32);

  async function content() {
    const { articles: md, problems } = await loadArticles(
      path.join(ROOT, "tests/fixtures/articles/md"),
    );
    // Transcripts: paragraphs with speakers.
    const { articles: transcripts } = await loadArticles(
      path.join(ROOT, "tests/fixtures/articles/blind-transcripts"),
    );
    const articles = [...md, ...transcripts];
    return {
      fingerprint: "f",
      articles,
      problems: problems.map((problem) => ({ file: problem.file, problem: problem.problem })),
      data: buildIndexData(articles),
    };
  }

  it("GIVEN articles and their index THEN they read back exactly (round trip)", async () => {
    const original = await content();
    const back = decodeIndex(encodeIndex(original, INDEX_FORMAT, key), INDEX_FORMAT, key);
    expect(back.articles).toEqual(original.articles);
    expect(back.problems).toEqual(original.problems);
    expect(back.data.sentences).toEqual(original.data.sentences);
    // Saved tables are looked up through a hash over their bytes: every word is found, a stranger is not.
    expect(new Map(back.data.vocabulary)).toEqual(original.data.vocabulary);
    for (const [word, term] of original.data.vocabulary) {
      expect(back.data.vocabulary.get(word)).toBe(term);
    }
    expect(back.data.vocabulary.get("no-such-word-anywhere")).toBeUndefined();
    expect(back.data.postings.has("no-such-term-anywhere")).toBe(false);
    expect(back.data.titleTerms).toEqual(original.data.titleTerms);
    expect(back.data.contextOf).toEqual(original.data.contextOf);
    expect(back.data.contextTerms).toEqual(original.data.contextTerms);
    expect(back.data.speakerOf).toEqual(original.data.speakerOf);
    expect(back.data.questionDistance).toEqual(original.data.questionDistance);
    expect(original.data.questionDistance.some((distance) => distance > 0)).toBe(true);
    expect(back.data.speakers).toEqual(original.data.speakers);
    expect(back.data.speakers.length).toBeGreaterThan(1);
    expect(back.data.averageLength).toBe(original.data.averageLength);
    expect([...back.data.postings.keys()]).toEqual([...original.data.postings.keys()]);
    for (const [term, posting] of original.data.postings) {
      expect(Array.from(back.data.postings.get(term)?.sentenceIds ?? [])).toEqual(
        Array.from(posting.sentenceIds),
      );
    }
  });

  it("GIVEN a correctly signed index whose posting points past the last sentence THEN the bounds check refuses it", async () => {
    const original = await content();
    const [term, posting] = [...original.data.postings][0] as [string, Posting];
    const sentenceIds = Int32Array.from(posting.sentenceIds);
    sentenceIds[sentenceIds.length - 1] = 1e9;
    const postings = new Map(original.data.postings).set(term, { ...posting, sentenceIds });
    const bytes = encodeIndex(
      { ...original, data: { ...original.data, postings } },
      INDEX_FORMAT,
      key,
    );
    expect(() => decodeIndex(bytes, INDEX_FORMAT, key)).toThrow(/posting 0 unsorted/u);
  });

  it("GIVEN a correctly signed index whose reporter's question would begin before the first paragraph THEN it is refused", async () => {
    const original = await content();
    const questionDistance = Int32Array.from(original.data.questionDistance);
    questionDistance[0] = 1;
    const bytes = encodeIndex(
      { ...original, data: { ...original.data, questionDistance } },
      INDEX_FORMAT,
      key,
    );
    expect(() => decodeIndex(bytes, INDEX_FORMAT, key)).toThrow(/question distances/u);
  });

  it("GIVEN a correctly signed index whose sentence bounds leave their paragraph THEN it is refused", async () => {
    const original = await content();
    const [first, ...rest] = original.articles;
    const paragraph = first?.paragraphs[0];
    const sentence = paragraph?.sentences[0];
    if (!first || !paragraph || !sentence) throw new Error("fixture without sentences");
    const broken = {
      ...first,
      paragraphs: [
        {
          ...paragraph,
          sentences: [
            { ...sentence, end: paragraph.text.length + 5 },
            ...paragraph.sentences.slice(1),
          ],
        },
        ...first.paragraphs.slice(1),
      ],
    };
    const bytes = encodeIndex({ ...original, articles: [broken, ...rest] }, INDEX_FORMAT, key);
    expect(() => decodeIndex(bytes, INDEX_FORMAT, key)).toThrow(ContainerError);
  });

  it("GIVEN headers that claim huge sizes THEN they are refused before anything is allocated", () => {
    const file = new ContainerWriter(INDEX_FORMAT).int32(1, Int32Array.of(1, 2, 3)).finish(key);
    const claimsMore = Buffer.from(file);
    claimsMore.writeDoubleLE(2 ** 40, 16);
    expect(() => decodeIndex(claimsMore, INDEX_FORMAT, key)).toThrow(/does not match the file/u);
    const manySections = Buffer.from(file);
    manySections.writeUInt32LE(0xffffffff, 12);
    expect(() => decodeIndex(manySections, INDEX_FORMAT, key)).toThrow(/sections/u);
    // Signed again with the right key: the section table's own checks must hold.
    const hugeCount = Buffer.from(file);
    hugeCount.writeUInt32LE(0x7fffffff, HEADER_BYTES + 8);
    expect(() => decodeIndex(signContainer(hugeCount, key), INDEX_FORMAT, key)).toThrow(
      /section 1 overruns/u,
    );
    expect(() => decodeIndex(Buffer.from("CITEBOT"), INDEX_FORMAT, key)).toThrow(/header/u);
  });
});
