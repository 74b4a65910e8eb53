import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openCorpus } from "../../src/corpus/open.ts";
import { RACY_MARGIN_MS } from "../../src/corpus/store.ts";
import { folderWith } from "../helpers.ts";
import { later, OTHER, SEED, TARIFF } from "./stamp-fixtures.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

/** The folder's files written just now, and a first build right away: no stamp vouches for them. */
async function builtJustAfterWriting() {
  const articles = await folderWith({ "seed.txt": await readFile(SEED), "other.md": OTHER });
  const cache = await folderWith({});
  cleanups.push(articles.cleanup, cache.cleanup);
  const cacheDir = path.join(cache.dir, "index");
  const first = await openCorpus(articles.dir, { cacheDir });
  expect(await first.saved).toBeUndefined();
  const saved = (await readdir(cacheDir)).find((name) => name.endsWith(".bin")) as string;
  return { dir: articles.dir, cacheDir, file: path.join(cacheDir, saved) };
}

/** The saved index file's inode and bytes (a rewrite renames a new file over it). */
async function snapshot(file: string) {
  return { ino: (await stat(file, { bigint: true })).ino, bytes: await readFile(file) };
}

describe("a saved index built right after its files were written", () => {
  it.each([
    ["read here", undefined],
    ["read in a worker thread", 0],
  ])(
    "GIVEN files written just before the build WHEN it is opened after the margin (its signed part %s) THEN the saved index is written again with their stamps and the next open reads no article file",
    async (_, signedReadWorkerFrom) => {
      const { dir, cacheDir, file } = await builtJustAfterWriting();
      const before = await snapshot(file);
      const second = await openCorpus(dir, {
        cacheDir,
        clock: later,
        ...(signedReadWorkerFrom === undefined ? {} : { signedReadWorkerFrom }),
      });
      expect(second.signedReadInWorker).toBe(signedReadWorkerFrom !== undefined);
      expect(second.fromSavedIndex).toBe(true);
      expect(second.filesRead).toBe(2);
      expect(await second.saved).toBeUndefined();
      const after = await snapshot(file);
      expect(after.ino).not.toBe(before.ino);
      expect(after.bytes.length).toBe(before.bytes.length);
      // No temporary file is left behind.
      expect((await readdir(cacheDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
      const third = await openCorpus(dir, { cacheDir });
      expect(third.fromSavedIndex).toBe(true);
      expect(third.filesRead).toBe(0);
      expect(third.index.ask(TARIFF).citations[0]?.excerpt).toContain("25% tariffs");
      // Nothing new to vouch for: the file is left as it is.
      expect(await third.saved).toBeUndefined();
      expect((await snapshot(file)).ino).toBe(after.ino);
    },
  );

  it("GIVEN files still within the margin at the second open THEN nothing is written and each open hashes them again", async () => {
    const { dir, cacheDir, file } = await builtJustAfterWriting();
    const before = await snapshot(file);
    const second = await openCorpus(dir, { cacheDir });
    expect(second.filesRead).toBe(2);
    expect(await second.saved).toBeUndefined();
    const after = await snapshot(file);
    expect(after.ino).toBe(before.ino);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect((await openCorpus(dir, { cacheDir })).filesRead).toBe(2);
  });

  it("GIVEN one file changed before the other WHEN the second open's margin falls between them THEN only the older gains its stamp and the next open hashes the newer alone", async () => {
    const { dir, cacheDir } = await builtJustAfterWriting();
    const other = path.join(dir, "other.md");
    const oldest = (await stat(path.join(dir, "seed.txt"), { bigint: true })).ctimeNs;
    // Rewritten (same bytes) until its change time is a later millisecond than the seed's.
    let newer = (await stat(other, { bigint: true })).ctimeNs;
    while (newer / 1_000_000n <= oldest / 1_000_000n) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      await writeFile(other, OTHER);
      newer = (await stat(other, { bigint: true })).ctimeNs;
    }
    // The margin's start falls on the newer file's millisecond: the seed is older, it is not.
    const clock = () => Number(newer / 1_000_000n) + RACY_MARGIN_MS;
    const second = await openCorpus(dir, { cacheDir, clock });
    expect(second.fromSavedIndex).toBe(true);
    expect(second.filesRead).toBe(2);
    expect(await second.saved).toBeUndefined();
    const third = await openCorpus(dir, { cacheDir, clock });
    expect(third.filesRead).toBe(1);
  });

  it("GIVEN stamps written in at an open WHEN an article is then rewritten THEN its change time gives it away and the index is rebuilt with the new words", async () => {
    const { dir, cacheDir } = await builtJustAfterWriting();
    expect(await (await openCorpus(dir, { cacheDir, clock: later })).saved).toBeUndefined();
    const seed = path.join(dir, "seed.txt");
    await writeFile(seed, (await readFile(seed, "utf8")).replace("25% tariffs", "95% tariffs"));
    const corpus = await openCorpus(dir, { cacheDir, clock: later });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.index.ask(TARIFF).citations[0]?.excerpt).toContain("95% tariffs");
  });

  it("GIVEN an open about to write the stamps WHEN its saved index is removed first (found damaged, say) THEN it is not brought back", async () => {
    const { dir, cacheDir, file } = await builtJustAfterWriting();
    const second = await openCorpus(dir, { cacheDir, clock: later });
    rmSync(file); // before the write starts: it runs on a later turn of the event loop
    expect(await second.saved).toBeUndefined();
    expect((await readdir(cacheDir)).filter((name) => /\.(?:bin|tmp)$/u.test(name))).toEqual([]);
  });
});
