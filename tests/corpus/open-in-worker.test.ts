import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LibraryError } from "../../src/corpus/load.ts";
import { encodedOf, openCorpusInWorker } from "../../src/corpus/open-in-worker.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { folderWith, ROOT } from "../helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder(files: Record<string, string>) {
  const made = await folderWith(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

const QUESTIONS = [
  "Who did Elon Musk meet in China?",
  "How much did vehicle exports to China rise?",
  "What is V2X?",
  "When was the article published?",
  "What is the capital of Peru?",
];

describe("opening the articles in a worker thread (what /reload does in the bot)", () => {
  it("GIVEN the fixture articles and a broken file WHEN opened in a worker THEN the answers, articles and problems are those of opening them here", async () => {
    const files: Record<string, string> = {
      "broken.md": "---\ntitle: [unclosed\n---\n",
    };
    for (const sub of ["md", "txt"]) {
      const source = path.join(ROOT, "tests/fixtures/articles", sub);
      const name = `connected-vehicle-technology-2024.${sub}`;
      files[`${sub}-${name}`] = await readFile(path.join(source, name), "utf8");
    }
    files["seed.txt"] = await readFile(path.join(ROOT, "tests/fixtures/seed.txt"), "utf8");
    const dir = await folder(files);
    const here = await openCorpus(dir, { cacheDir: false });
    const there = await openCorpusInWorker(dir, { cacheDir: false });
    expect(there.dir).toBe(here.dir);
    expect(there.fromSavedIndex).toBe(false);
    expect(there.index.articles.map((article) => article.id)).toEqual(
      here.index.articles.map((article) => article.id),
    );
    expect(there.problems.map((problem) => problem.message)).toEqual(
      here.problems.map((problem) => problem.message),
    );
    expect(there.problems).toHaveLength(1);
    for (const question of QUESTIONS) {
      expect(there.index.ask(question)).toEqual(here.index.ask(question));
    }
  });

  it("GIVEN a cache folder WHEN opened twice in workers THEN the first saves the index and the second serves it", async () => {
    const dir = await folder({
      "bridges.md": "---\ntitle: Bridges\n---\n\nThe bridge opened in 1932 to traffic.\n",
    });
    const cacheDir = await folder({});
    const first = await openCorpusInWorker(dir, { cacheDir });
    expect(first.fromSavedIndex).toBe(false);
    expect(await first.saved).toBeUndefined();
    const second = await openCorpusInWorker(dir, { cacheDir });
    expect(second.fromSavedIndex).toBe(true);
    expect(second.index.ask("When did the bridge open?")).toEqual(
      first.index.ask("When did the bridge open?"),
    );
  });

  it("GIVEN a cache folder WHEN a folder is built afresh in a worker, then opened again THEN this thread gets the saved index file's own bytes both times (the index encoded once, never again)", async () => {
    const dir = await folder({
      "bridges.md": "---\ntitle: Bridges\n---\n\nThe bridge opened in 1932 to traffic.\n",
    });
    const cacheDir = await folder({});
    const corpus = await openCorpusInWorker(dir, { cacheDir });
    expect(await corpus.saved).toBeUndefined();
    const saved = (await readdir(cacheDir, { recursive: true })).filter((name) =>
      /index-[0-9a-f]+\.bin$/u.test(name),
    );
    expect(saved).toHaveLength(1);
    const file = await readFile(path.join(cacheDir, saved[0] as string));
    const handed = encodedOf(corpus);
    expect(handed).toBeDefined();
    expect(Buffer.from(handed?.bytes ?? []).equals(file)).toBe(true);
    const here = await openCorpus(dir, { cacheDir: false });
    expect(corpus.index.ask("When did the bridge open?")).toEqual(
      here.index.ask("When did the bridge open?"),
    );
    // Opened again, the saved index is served: its file's bytes are handed on as they are.
    const again = await openCorpusInWorker(dir, { cacheDir });
    expect(again.fromSavedIndex).toBe(true);
    expect(Buffer.from(encodedOf(again)?.bytes ?? []).equals(file)).toBe(true);
    expect(again.index.ask("When did the bridge open?")).toEqual(
      here.index.ask("When did the bridge open?"),
    );
  });

  it("GIVEN a saved index whose article text was altered on disk WHEN opened in a worker THEN it is not used, it says so, the folder is rebuilt and its questions are answered, now and at the next start", async () => {
    const dir = await folder({
      "bridges.md": "---\ntitle: Bridges\n---\n\nThe bridge opened in 1932 to traffic.\n",
    });
    const cacheDir = await folder({});
    const first = await openCorpusInWorker(dir, { cacheDir });
    expect(await first.saved).toBeUndefined();
    const expected = first.index.ask("When did the bridge open?");
    const [name] = (await readdir(cacheDir)).filter((file) => file.endsWith(".bin"));
    const file = path.join(cacheDir, name as string);
    // The texts are the detached part at the end of the file, outside the signature.
    const bytes = await readFile(file);
    const at = bytes.lastIndexOf("1932");
    expect(at).toBeGreaterThan(0);
    bytes.write("1931", at);
    await writeFile(file, bytes);
    // This thread reads the texts from the bytes handed over, with no file to recover from:
    // every question reading that article used to throw, at every start.
    const damaged = await openCorpusInWorker(dir, { cacheDir });
    expect(damaged.fromSavedIndex).toBe(false);
    expect(damaged.warnings).toEqual([
      `${file} was not used (chunk 0 does not match its digest (altered on disk)); rebuilding it`,
    ]);
    expect(damaged.index.ask("When did the bridge open?")).toEqual(expected);
    expect(await damaged.saved).toBeUndefined();
    const next = await openCorpusInWorker(dir, { cacheDir });
    expect(next.fromSavedIndex).toBe(true);
    expect(next.warnings).toEqual([]);
    expect(next.index.ask("When did the bridge open?")).toEqual(expected);
  });

  it("GIVEN a folder that does not exist WHEN opened in a worker THEN it fails with the same LibraryError as here", async () => {
    const missing = path.join(await folder({}), "gone");
    const here = await openCorpus(missing, { cacheDir: false }).catch((error: unknown) => error);
    const there = await openCorpusInWorker(missing, { cacheDir: false }).catch(
      (error: unknown) => error,
    );
    expect(there).toBeInstanceOf(LibraryError);
    expect((there as LibraryError).message).toBe((here as LibraryError).message);
  });
});
