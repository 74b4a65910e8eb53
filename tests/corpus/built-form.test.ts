import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CitationIndex } from "../../src/core/index.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { folderWith, ROOT } from "../helpers.ts";

/**
 * A corpus just built answers from the same form of index as one opened from its saved file:
 * the saved index's bytes decoded (postings and vocabulary in typed arrays, articles whose
 * texts are decoded when read), not the build's own objects, which are let go. The build's
 * form answered the archive's questions at twice the saved form's median and kept 800 MB of
 * heap alive (docs/benchmarks.md).
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const QUESTIONS = [
  "Who did Elon Musk meet in China?",
  "What tariffs apply to cars from Canada?",
  "When was the article published?",
];

async function articleFolder(): Promise<string> {
  const files: Record<string, Uint8Array> = {};
  const source = path.join(ROOT, "tests/fixtures/articles/md");
  for (const name of await readdir(source)) files[name] = await readFile(path.join(source, name));
  files["seed.txt"] = await readFile(path.join(ROOT, "tests/fixtures/seed.txt"));
  const made = await folderWith(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

async function cacheFolder(): Promise<string> {
  const made = await folderWith({});
  cleanups.push(made.cleanup);
  return path.join(made.dir, "index");
}

/** The classes an index's parts are made of ("Map" for the build's own postings, say). */
function form(index: CitationIndex) {
  const data = index.indexData;
  const article = index.articles[0] as object;
  return {
    postings: data.postings.constructor.name,
    vocabulary: data.vocabulary.constructor.name,
    texts: data.texts?.constructor.name,
    paragraphsReadWhenAsked: typeof Object.getOwnPropertyDescriptor(article, "paragraphs")?.get,
  };
}

describe("the index a build hands back", () => {
  it("GIVEN a folder built in this thread or in a worker WHEN opened again from its saved index THEN both are the same form, not the build's Maps, and answer alike", async () => {
    const dir = await articleFolder();
    for (const buildWorkers of [0, 1]) {
      const cacheDir = await cacheFolder();
      const built = await openCorpus(dir, { cacheDir, buildWorkers });
      expect(await built.saved).toBeUndefined();
      const reopened = await openCorpus(dir, { cacheDir });
      expect(built.fromSavedIndex).toBe(false);
      expect(reopened.fromSavedIndex).toBe(true);
      expect(form(built.index), `${buildWorkers} workers`).toEqual(form(reopened.index));
      expect(built.index.indexData.postings).not.toBeInstanceOf(Map);
      expect(built.index.indexData.vocabulary).not.toBeInstanceOf(Map);
      expect(form(built.index).paragraphsReadWhenAsked).toBe("function");
      for (const question of QUESTIONS) {
        expect(built.index.ask(question)).toEqual(reopened.index.ask(question));
      }
    }
  });

  it("GIVEN no cache folder WHEN a folder is built THEN its index is still the saved form", async () => {
    const dir = await articleFolder();
    const cacheDir = await cacheFolder();
    const unsaved = await openCorpus(dir, { cacheDir: false, buildWorkers: 0 });
    const built = await openCorpus(dir, { cacheDir, buildWorkers: 0 });
    expect(await unsaved.saved).toBeUndefined();
    expect(await built.saved).toBeUndefined();
    expect(form(unsaved.index)).toEqual(form(built.index));
    expect(unsaved.index.indexData.texts).toBeDefined();
    expect(unsaved.index.ask(QUESTIONS[0] as string)).toEqual(
      built.index.ask(QUESTIONS[0] as string),
    );
  });

  it("GIVEN keepBuilt WHEN a folder is built THEN the build's own index is handed back and its saved bytes still come", async () => {
    const dir = await articleFolder();
    let sent: Uint8Array | undefined;
    const corpus = await openCorpus(dir, {
      cacheDir: await cacheFolder(),
      buildWorkers: 0,
      keepBuilt: true,
      onSavedBytes: (bytes) => (sent = bytes),
    });
    expect(corpus.index.indexData.postings).toBeInstanceOf(Map);
    expect(await corpus.saved).toBeUndefined();
    expect(sent?.length).toBeGreaterThan(0);
  });

  it("GIVEN a folder built in this thread or in a worker WHEN the open resolves THEN the build's own index answers at once, before the saved index is encoded, and its saved form replaces it once saved settles", async () => {
    const dir = await articleFolder();
    for (const buildWorkers of [0, 1]) {
      let encoded = false;
      const corpus = await openCorpus(dir, {
        cacheDir: await cacheFolder(),
        buildWorkers,
        onSavedBytes: () => (encoded = true),
      });
      const handedBack = corpus.index;
      expect(encoded, `${buildWorkers} workers`).toBe(false);
      if (buildWorkers === 0) expect(handedBack.indexData.postings).toBeInstanceOf(Map);
      const answers = QUESTIONS.map((question) => handedBack.ask(question));
      expect(await corpus.saved).toBeUndefined();
      expect(encoded).toBe(true);
      expect(corpus.index).not.toBe(handedBack);
      expect(corpus.index.indexData.postings).not.toBeInstanceOf(Map);
      expect(form(corpus.index).paragraphsReadWhenAsked).toBe("function");
      expect(QUESTIONS.map((question) => corpus.index.ask(question))).toEqual(answers);
    }
  });

  it("GIVEN the saved index's bytes cannot be read back (damaged once encoded) WHEN a folder is built THEN the build's own index keeps answering, saved says why, and no saved index is written", async () => {
    const dir = await articleFolder();
    const cacheDir = await cacheFolder();
    const corpus = await openCorpus(dir, {
      cacheDir,
      buildWorkers: 0,
      // Breaks the container's magic, which reading back checks first (a caller must not change
      // the bytes: only a way to make the read-back fail).
      onSavedBytes: (bytes) => void (bytes[0] = (bytes[0] ?? 0) ^ 0xff),
    });
    const handedBack = corpus.index;
    expect(await corpus.saved).toMatch(/^reading the saved index back failed: /u);
    expect(corpus.index).toBe(handedBack);
    expect(corpus.index.indexData.postings).toBeInstanceOf(Map);
    expect(corpus.index.ask(QUESTIONS[0] as string).citations.length).toBeGreaterThan(0);
    const names = await readdir(cacheDir, { recursive: true });
    expect(names.filter((name) => name.endsWith(".tmp"))).toEqual([]);
    const reopened = await openCorpus(dir, { cacheDir });
    expect(reopened.fromSavedIndex).toBe(false);
    expect(await reopened.saved).toBeUndefined();
    expect(reopened.index.ask(QUESTIONS[0] as string)).toEqual(
      corpus.index.ask(QUESTIONS[0] as string),
    );
  });

  it("GIVEN a step of the save after encoding throws WHEN a folder is built THEN the open still resolves with an answering corpus and saved says why", async () => {
    const dir = await articleFolder();
    const corpus = await openCorpus(dir, {
      cacheDir: await cacheFolder(),
      buildWorkers: 1,
      onSavedBytes: () => {
        throw new Error("no room for the bytes");
      },
    });
    expect(await corpus.saved).toBe("no room for the bytes");
    expect(corpus.index.ask(QUESTIONS[1] as string).citations.length).toBeGreaterThan(0);
  });
});
