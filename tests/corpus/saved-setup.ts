import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { openCorpus } from "../../src/corpus/open.ts";
import { folderWith, ROOT } from "../helpers.ts";

/** The seed article's file, which the saved-index tests index. */
export const SEED = path.join(ROOT, "tests/fixtures/seed.txt");

/**
 * The seed article in a folder of its own, an empty cache folder, and a first run that saved
 * an index: the folders' cleanups are pushed onto `cleanups` (run them after each test).
 */
export async function savedSetup(cleanups: (() => Promise<void>)[]) {
  const articles = await folderWith({ "seed.txt": await readFile(SEED) });
  const cache = await folderWith({});
  cleanups.push(articles.cleanup, cache.cleanup);
  const cacheDir = path.join(cache.dir, "index");
  const first = await openCorpus(articles.dir, { cacheDir });
  await first.saved;
  const saved = (await readdir(cacheDir)).find((name) => name.endsWith(".bin")) as string;
  return { dir: articles.dir, cacheDir, file: path.join(cacheDir, saved) };
}
