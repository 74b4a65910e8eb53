import { readFile, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openCorpus } from "../../src/corpus/open.ts";
import { folderWith } from "../helpers.ts";
import { later, OTHER, SEED, TARIFF } from "./stamp-fixtures.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The files' access and modification time (s since the epoch). */
const WHEN = 1_700_000_000;

async function setup(clock?: () => number) {
  const articles = await folderWith({ "seed.txt": await readFile(SEED), "other.md": OTHER });
  // Whole seconds, so that a test can set exactly these times again.
  for (const name of ["seed.txt", "other.md"])
    await utimes(path.join(articles.dir, name), WHEN, WHEN);
  const cache = await folderWith({});
  cleanups.push(articles.cleanup, cache.cleanup);
  const cacheDir = path.join(cache.dir, "index");
  const first = await openCorpus(articles.dir, { cacheDir, ...(clock ? { clock } : {}) });
  expect(await first.saved).toBeUndefined();
  expect(first.filesRead).toBe(2);
  return { dir: articles.dir, cacheDir };
}

describe("telling a saved index current by the files' stamps", () => {
  it("GIVEN files written well before the index was built WHEN it is opened again THEN it serves without reading any article file", async () => {
    const { dir, cacheDir } = await setup(later);
    const corpus = await openCorpus(dir, { cacheDir, clock: later });
    expect(corpus.fromSavedIndex).toBe(true);
    expect(corpus.filesRead).toBe(0);
    expect(corpus.index.ask(TARIFF).citations[0]?.excerpt).toContain("25% tariffs");
  });

  it("GIVEN files written just before the build THEN each open hashes them again (a stamp taken in the same clock tick as a write cannot vouch for the bytes)", async () => {
    const { dir, cacheDir } = await setup();
    const corpus = await openCorpus(dir, { cacheDir });
    expect(corpus.fromSavedIndex).toBe(true);
    expect(corpus.filesRead).toBe(2);
  });

  it("GIVEN a trusted stamp WHEN an article is rewritten with the same size and modification time THEN its change time gives it away and the new words are served", async () => {
    const { dir, cacheDir } = await setup(later);
    const seed = path.join(dir, "seed.txt");
    const before = await stat(seed, { bigint: true });
    await writeFile(seed, (await readFile(seed, "utf8")).replace("25% tariffs", "95% tariffs"));
    await utimes(seed, WHEN, WHEN);
    const after = await stat(seed, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino]).toEqual([
      before.size,
      before.mtimeNs,
      before.ino,
    ]);
    expect(after.ctimeNs).not.toBe(before.ctimeNs);
    const corpus = await openCorpus(dir, { cacheDir, clock: later });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.index.ask(TARIFF).citations[0]?.excerpt).toContain("95% tariffs");
  });

  it("GIVEN a trusted stamp WHEN a file is only touched (same bytes, new times) THEN it is hashed again and the saved index still serves", async () => {
    const { dir, cacheDir } = await setup(later);
    const future = new Date(Date.now() + 60_000);
    await utimes(path.join(dir, "other.md"), future, future);
    const corpus = await openCorpus(dir, { cacheDir, clock: later });
    expect(corpus.fromSavedIndex).toBe(true);
    expect(corpus.filesRead).toBe(1);
  });
});
