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
});
