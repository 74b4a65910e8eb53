import { readdir, rm, utimes, writeFile, appendFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openCorpus } from "../../src/corpus/open.ts";
import { folderWith } from "../helpers.ts";

const ARTICLE_A = `---
title: Harbour news
source: Coast Gazette
---

The harbour master said ferries will run every hour from May.

Fishing boats landed 40 tonnes of cod last week, a record for the port.
`;
const ARTICLE_B =
  "Mountain report\n\nMarch 3, 2024\n\nSnow closed the northern pass for three days.\n";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
async function setup() {
  const articles = await folderWith({
    "a.md": ARTICLE_A,
    "b.txt": ARTICLE_B,
    "broken.md": "oops\n",
  });
  const cache = await folderWith({});
  cleanups.push(articles.cleanup, cache.cleanup);
  return { dir: articles.dir, cacheDir: cache.dir };
}

const QUESTIONS = [
  "How often do ferries run?",
  "How much cod did boats land?",
  "Why was the pass closed?",
  "What about volcanoes?",
];

describe("the saved index", () => {
  it("GIVEN a saved index THEN it is used and gives exactly the answers of a freshly built one", async () => {
    const { dir, cacheDir } = await setup();
    const first = await openCorpus(dir, { cacheDir });
    await first.saved;
    expect(first.fromSavedIndex).toBe(false);
    const second = await openCorpus(dir, { cacheDir });
    expect(second.fromSavedIndex).toBe(true);
    const fresh = await openCorpus(dir, { cacheDir: false });
    for (const question of QUESTIONS) {
      expect(second.index.ask(question, { limit: 5 })).toEqual(
        fresh.index.ask(question, { limit: 5 }),
      );
    }
    expect(second.index.articles).toEqual(fresh.index.articles);
    expect(second.problems.map((p) => p.message)).toEqual(fresh.problems.map((p) => p.message));
  });

  it("GIVEN articles whose sentences hold no indexed word THEN the index is still saved and used at the next start", async () => {
    const articles = await folderWith({ "s.md": '---\ntitle: "A"\n---\n\nThe a of.\n' });
    const cache = await folderWith({});
    cleanups.push(articles.cleanup, cache.cleanup);
    const first = await openCorpus(articles.dir, { cacheDir: cache.dir });
    expect(await first.saved).toBeUndefined();
    const second = await openCorpus(articles.dir, { cacheDir: cache.dir });
    expect(second.fromSavedIndex).toBe(true);
    expect(second.index.ask("what of the a").answered).toBe(false);
  });

  it("GIVEN an edited, added or removed article THEN the saved index is rebuilt with the change", async () => {
    const { dir, cacheDir } = await setup();
    await (
      await openCorpus(dir, { cacheDir })
    ).saved;
    await appendFile(path.join(dir, "a.md"), "\nA new lighthouse opened on the pier.\n");
    const edited = await openCorpus(dir, { cacheDir });
    await edited.saved;
    expect(edited.fromSavedIndex).toBe(false);
    expect(edited.index.ask("lighthouse pier").citations[0]?.excerpt).toContain("lighthouse");

    await writeFile(
      path.join(dir, "c.md"),
      "---\ntitle: Bridges\n---\n\nThe old bridge reopened.\n",
    );
    const added = await openCorpus(dir, { cacheDir });
    await added.saved;
    expect(added.index.article("c")).toBeDefined();
    await rm(path.join(dir, "c.md"));
    const removed = await openCorpus(dir, { cacheDir });
    // The save runs after the corpus is handed back: the folders are removed only after it.
    await removed.saved;
    expect(removed.fromSavedIndex).toBe(false);
    expect(removed.index.article("c")).toBeUndefined();
  });

  it("GIVEN an edit that keeps the size but changes the time THEN the index is rebuilt", async () => {
    const { dir, cacheDir } = await setup();
    await (
      await openCorpus(dir, { cacheDir })
    ).saved;
    await writeFile(path.join(dir, "b.txt"), ARTICLE_B.replace("Snow", "Fogs"));
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(dir, "b.txt"), later, later);
    const corpus = await openCorpus(dir, { cacheDir });
    await corpus.saved;
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.index.ask("Why was the pass closed?").citations[0]?.excerpt).toContain(
      "Fogs closed",
    );
  });

  it("GIVEN a corrupt or truncated saved index THEN it is rebuilt, never a crash", async () => {
    const { dir, cacheDir } = await setup();
    await (
      await openCorpus(dir, { cacheDir })
    ).saved;
    const saved = (await readdir(cacheDir)).find((name) => name.startsWith("index-"));
    expect(saved).toMatch(/^index-[0-9a-f]{32}\.bin$/u);
    for (const garbage of [
      Buffer.from("not an index at all"),
      Buffer.alloc(0),
      Buffer.from([0xff, 0x0d, 0x6f]),
    ]) {
      await writeFile(path.join(cacheDir, saved as string), garbage);
      const corpus = await openCorpus(dir, { cacheDir });
      await corpus.saved;
      expect(corpus.fromSavedIndex).toBe(false);
      expect(corpus.warnings.join("\n")).toMatch(
        /was not used \((?:shorter than the header|not a citebot index)\)/u,
      );
      expect(corpus.index.ask("How often do ferries run?").citations[0]?.article).toBe("a");
    }
  });

  it("GIVEN strict mode and a saved index that knew of a broken file THEN opening still fails", async () => {
    const { dir, cacheDir } = await setup();
    await (
      await openCorpus(dir, { cacheDir })
    ).saved;
    await expect(openCorpus(dir, { cacheDir, strict: true })).rejects.toThrow(/strict/u);
  });
});
