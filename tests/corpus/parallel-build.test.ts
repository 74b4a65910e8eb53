import { appendFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LibraryError } from "../../src/corpus/load.ts";
import { openCorpus, type OpenCorpusOptions } from "../../src/corpus/open.ts";
import { folderWith, ROOT } from "../helpers.ts";

/**
 * A large folder is parsed and indexed in worker threads, each a consecutive chunk of its files,
 * and the chunks are joined (`parallel-build.ts`, `chunk-merge.ts`). The join must give exactly
 * the index one build in this thread gives: compared on the saved file's bytes (every array, in
 * order, and the articles' sections made from the workers' own) and on the answers.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const QUESTIONS = [
  "Who did Elon Musk meet in China?",
  "What does the strategic bitcoin reserve hold?",
  "When was the article published?",
  "How fast will supersonic planes fly?",
  "What tariffs apply to cars from Canada?",
];

/** Every fixture article (the same headings and words across files), the seed and two broken files. */
async function articleFolder(): Promise<string> {
  const files: Record<string, string | Uint8Array> = {
    "broken.md": "---\ntitle: [unclosed\n---\n",
    "not-text.txt": new Uint8Array([0xff, 0xfe, 0x00, 0x41]),
  };
  for (const sub of ["md", "txt", "eval"]) {
    const source = path.join(ROOT, "tests/fixtures/articles", sub);
    for (const name of await readdir(source)) {
      files[`${sub}-${name}`] = await readFile(path.join(source, name));
    }
  }
  for (const name of await readdir(path.join(ROOT, "tests/fixtures/markdown"))) {
    files[`markdown-${name}`] = await readFile(path.join(ROOT, "tests/fixtures/markdown", name));
  }
  files["seed.txt"] = await readFile(path.join(ROOT, "tests/fixtures/seed.txt"));
  const made = await folderWith(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

async function cacheFolder(): Promise<string> {
  const made = await folderWith({});
  cleanups.push(made.cleanup);
  return made.dir;
}

/** Opens the folder into an empty cache and returns the corpus and the saved file's bytes. */
async function build(dir: string, cacheDir: string, options: OpenCorpusOptions) {
  for (const name of await readdir(cacheDir)) {
    if (name.startsWith("index-")) await rm(path.join(cacheDir, name));
  }
  // Every file counts as just written (no stamp saved): both builds save the same head.
  const corpus = await openCorpus(dir, { cacheDir, clock: () => 0, ...options });
  expect(await corpus.saved).toBeUndefined();
  const saved = (await readdir(cacheDir)).find((name) => /^index-.*\.bin$/u.test(name));
  return { corpus, bytes: await readFile(path.join(cacheDir, saved as string)) };
}

describe("building a folder in worker threads", () => {
  it("GIVEN fixture articles and broken files WHEN built in 3 workers THEN the saved index and the answers are those of a build in this thread", async () => {
    const dir = await articleFolder();
    const cacheDir = await cacheFolder();
    const here = await build(dir, cacheDir, { buildWorkers: 0 });
    expect(here.corpus.buildWorkers).toBe(0);
    expect(here.corpus.problems.map((p) => path.basename(p.file))).toEqual([
      "broken.md",
      "not-text.txt",
    ]);
    for (const workers of [1, 3]) {
      const there = await build(dir, cacheDir, { buildWorkers: workers });
      expect(there.corpus.fromSavedIndex).toBe(false);
      expect(there.corpus.buildWorkers).toBe(workers);
      expect(Buffer.compare(there.bytes, here.bytes), `${workers} workers`).toBe(0);
      expect(there.corpus.problems).toEqual(here.corpus.problems);
      for (const question of QUESTIONS) {
        expect(there.corpus.index.ask(question)).toEqual(here.corpus.index.ask(question));
      }
      // Its articles read back whole (decoded when first read).
      expect(there.corpus.index.articles.map((a) => a.paragraphs)).toEqual(
        here.corpus.index.articles.map((a) => a.paragraphs),
      );
    }
    // And the index saved by the workers' build opens as any saved index does.
    const reopened = await openCorpus(dir, { cacheDir, clock: () => 0 });
    expect(reopened.fromSavedIndex).toBe(true);
    expect(reopened.index.ask(QUESTIONS[0] as string)).toEqual(
      here.corpus.index.ask(QUESTIONS[0] as string),
    );
  });

  it("GIVEN a saved index gone stale WHEN rebuilt in workers from the files its check read THEN the saved index and problems are those of a rebuild in this thread", async () => {
    const dir = await articleFolder();
    const names = (await readdir(dir)).sort();
    const cacheDir = await cacheFolder();
    /** Saves an index of the folder as it was, changes a file at each end, and rebuilds. */
    const rebuilt = async (buildWorkers: number) => {
      for (const name of await readdir(cacheDir)) {
        if (name.startsWith("index-")) await rm(path.join(cacheDir, name));
      }
      for (const name of [names[0], names.at(-1)] as string[]) {
        await writeFile(path.join(dir, name), original.get(name) as Buffer);
      }
      await (
        await openCorpus(dir, { cacheDir, clock: () => 0, buildWorkers: 0 })
      ).saved;
      for (const name of [names[0], names.at(-1)] as string[]) {
        await appendFile(path.join(dir, name), "\n\nA paragraph added after the save.\n");
      }
      // Every file was saved without a stamp (clock 0): the check reads them all.
      const corpus = await openCorpus(dir, { cacheDir, clock: () => 0, buildWorkers });
      expect(corpus.fromSavedIndex).toBe(false);
      expect(corpus.filesRead).toBe(names.length);
      expect(await corpus.saved).toBeUndefined();
      const saved = (await readdir(cacheDir)).find((name) => /^index-.*\.bin$/u.test(name));
      return { corpus, bytes: await readFile(path.join(cacheDir, saved as string)) };
    };
    const original = new Map(
      await Promise.all(
        [names[0], names.at(-1)].map(
          async (name) => [name, await readFile(path.join(dir, name as string))] as const,
        ),
      ),
    );
    const here = await rebuilt(0);
    const there = await rebuilt(1);
    expect(there.corpus.buildWorkers).toBe(1);
    expect(there.corpus.problems).toEqual(here.corpus.problems);
    expect(there.corpus.index.articles.map((a) => a.paragraphs)).toEqual(
      here.corpus.index.articles.map((a) => a.paragraphs),
    );
    expect(Buffer.compare(there.bytes, here.bytes)).toBe(0);
  });

  it("GIVEN a broken file WHEN built strictly in workers THEN it is refused as in this thread", async () => {
    const dir = await articleFolder();
    const refusal = (options: OpenCorpusOptions) =>
      openCorpus(dir, { cacheDir: false, strict: true, ...options }).then(
        () => undefined,
        (error: unknown) => error,
      );
    const here = await refusal({ buildWorkers: 0 });
    const there = await refusal({ buildWorkers: 2 });
    expect(here).toBeInstanceOf(LibraryError);
    expect(there).toBeInstanceOf(LibraryError);
    expect((there as LibraryError).message).toBe((here as LibraryError).message);
    expect((there as LibraryError).problems).toEqual((here as LibraryError).problems);
  });
});
