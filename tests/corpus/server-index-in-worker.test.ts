import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOAD_LIMITS } from "../../src/corpus/limits.ts";
import { encodedOf, openCorpusInWorker } from "../../src/corpus/open-in-worker.ts";
import { openCorpus, type Corpus } from "../../src/corpus/open.ts";
import { buildServerCorpus, type ServerBuildResult } from "../../src/corpus/server-corpus.ts";
import { buildServerCorpusInWorker } from "../../src/corpus/server-index-in-worker.ts";
import { folderWith, ROOT } from "../helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function folder(files: Record<string, string>) {
  const made = await folderWith(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

const QUESTIONS = [
  "When did the Lima bridge open?",
  "How much did vehicle exports to China rise?",
  "What is V2X?",
  "What is the capital of Peru?",
];

const built = (result: ServerBuildResult): Corpus => {
  if (result.kind !== "built") throw new Error(`not built: ${result.error.message}`);
  return result.corpus;
};

let shared: Corpus;
let serverFolder: string;
const ids = ["lima-bridge", "broken", "not-listed-is-ignored"];
/** The server's index built here and in a worker (once for the file: a worker takes seconds to start). */
let hereResult: ServerBuildResult;
let thereResult: ServerBuildResult;

beforeAll(async () => {
  const article = path.join(
    ROOT,
    "tests/fixtures/articles/md/connected-vehicle-technology-2024.md",
  );
  // One build of the shared articles for the file, in a worker as the bot opens them.
  shared = await openCorpusInWorker(
    await folder({ "vehicles.md": await readFile(article, "utf8") }),
    { cacheDir: false },
  );
  serverFolder = await folder({
    "lima-bridge.md": "---\ntitle: The Lima bridge\n---\n\nThe Lima bridge opened in 1932.\n",
    "broken.md": "---\ntitle: [unclosed\n---\n",
    "stray.md": "---\ntitle: Stray\n---\n\nNot this server's article.\n",
  });
  const request = { folder: serverFolder, ids, limits: DEFAULT_LOAD_LIMITS };
  hereResult = await buildServerCorpus(shared, request);
  thereResult = await buildServerCorpusInWorker(shared, request);
});

describe("a server's index built in a worker thread (what the bot does after /add-article)", () => {
  it("GIVEN shared articles opened in a worker and a server's folder WHEN its index is built in a worker THEN articles, problems and answers are those of building it here", async () => {
    expect(encodedOf(shared)).toBeDefined();
    const here = built(hereResult);
    const there = built(thereResult);
    expect(there.index.articles.map((a) => a.id)).toEqual(here.index.articles.map((a) => a.id));
    expect(there.index.articles.map((a) => a.id)).toContain("lima-bridge");
    expect(there.index.articles.map((a) => a.id)).not.toContain("stray");
    expect(thereResult.kind === "built" && thereResult.problems.map((p) => p.message)).toEqual(
      hereResult.kind === "built" && hereResult.problems.map((p) => p.message),
    );
    expect(there.problems.map((p) => p.message)).toEqual(here.problems.map((p) => p.message));
    expect(there.problems).toHaveLength(1);
    expect(there.dir).toBe(serverFolder);
    for (const question of QUESTIONS) {
      expect(there.index.ask(question)).toEqual(here.index.ask(question));
    }
    expect(JSON.stringify(there.index.ask(QUESTIONS[0]!))).toContain("1932");
  });

  it("GIVEN a server folder that does not exist WHEN its index is built in a worker THEN it is reported unreadable, as here", async () => {
    const request = {
      folder: path.join(serverFolder, "gone"),
      ids,
      limits: DEFAULT_LOAD_LIMITS,
    };
    const here = await buildServerCorpus(shared, request);
    const there = await buildServerCorpusInWorker(shared, request);
    expect(there.kind).toBe("unreadable");
    expect(there.kind === "unreadable" && there.error.message).toBe(
      here.kind === "unreadable" && here.error.message,
    );
  });

  it("GIVEN shared articles opened in this thread (no encoded form) WHEN a server's index is built THEN it is built here, the same", async () => {
    const local = await openCorpus(shared.dir, { cacheDir: false });
    expect(encodedOf(local)).toBeUndefined();
    const request = { folder: serverFolder, ids, limits: DEFAULT_LOAD_LIMITS };
    const corpus = built(await buildServerCorpusInWorker(local, request));
    expect(corpus.index.articles.map((a) => a.id)).toEqual(
      built(thereResult).index.articles.map((a) => a.id),
    );
    expect(corpus.index.ask(QUESTIONS[0]!)).toEqual(built(thereResult).index.ask(QUESTIONS[0]!));
  });
});
