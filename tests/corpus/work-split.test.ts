import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ClaimTable } from "../../src/corpus/build-claims.ts";
import { PARALLEL_BUILD } from "../../src/corpus/build-threads.ts";
import { DEFAULT_LOAD_LIMITS } from "../../src/corpus/limits.ts";
import { listArticleFolder } from "../../src/corpus/listing.ts";
import { buildInWorkers } from "../../src/corpus/parallel-build.ts";
import type { BuildTuning } from "../../src/corpus/work-split.ts";
import { folderWith, ROOT } from "../helpers.ts";

/**
 * The threads of a parallel build take the listed files as they go (`build-claims.ts`,
 * `work-split.ts`): each its own region from the front, the calling thread then runs from the
 * back of a worker's region. However the files end up shared out, the chunks must join into
 * the index one thread builds, with the same files read.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Every fixture article and the seed, and a broken file among them. */
async function articleFolder(): Promise<string> {
  const files: Record<string, string | Uint8Array> = {
    "md-broken.md": "---\ntitle: [unclosed\n---\n",
  };
  for (const sub of ["md", "txt", "eval"]) {
    const source = path.join(ROOT, "tests/fixtures/articles", sub);
    for (const name of await readdir(source)) {
      files[`${sub}-${name}`] = await readFile(path.join(source, name));
    }
  }
  files["seed.txt"] = await readFile(path.join(ROOT, "tests/fixtures/seed.txt"));
  const made = await folderWith(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

describe("sharing a build's files out between threads", () => {
  it("GIVEN a region taken from the front and from the back at once WHEN both run out THEN every file is taken exactly once", () => {
    const claims = ClaimTable.create([
      [0, 3],
      [3, 40],
    ]);
    const front: number[] = [];
    const back: number[] = [];
    for (let step = 0; ; step += 1) {
      const next = claims.takeNext(1);
      if (next >= 0) front.push(next);
      const run = claims.takeBack(1, (_, end) => end - (step % 3));
      if (run) for (let i = run[0]; i < run[1]; i += 1) back.push(i);
      if (next < 0 && !run) break;
    }
    expect([...front, ...back].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 37 }, (_, i) => i + 3),
    );
    // The front took a run from the start, the back the rest, each in one piece.
    expect(front).toEqual(Array.from({ length: front.length }, (_, i) => i + 3));
    expect(Math.min(...back)).toBe(3 + front.length);
    expect(claims.takeNext(0)).toBe(0);
  });

  it.each([
    ["this thread takes runs of a worker's files", { ownChunkWeight: 0.05, minStealBytes: 1 }],
    ["the workers build their regions alone", { minStealBytes: Number.MAX_SAFE_INTEGER }],
  ])(
    "GIVEN fixture articles WHEN %s THEN the files read, the articles, problems and saved index are those of one thread",
    async (_, split) => {
      const dir = await articleFolder();
      const listing = listArticleFolder(dir, DEFAULT_LOAD_LIMITS);
      const tuning: BuildTuning = { ...PARALLEL_BUILD, ...split };
      const key = new Uint8Array(32).fill(7);
      const one = await buildInWorkers(listing, DEFAULT_LOAD_LIMITS, new Map(), 0);
      for (const workers of [1, 2]) {
        const many = await buildInWorkers(
          listing,
          DEFAULT_LOAD_LIMITS,
          new Map(),
          workers,
          undefined,
          tuning,
        );
        expect(many.read.files.map((f) => [f.name, f.bytes.toString("base64")])).toEqual(
          one.read.files.map((f) => [f.name, f.bytes.toString("base64")]),
        );
        expect(many.read.skipped).toEqual(one.read.skipped);
        expect(many.problems).toEqual(one.problems);
        expect(many.articles.map((a) => a.paragraphs)).toEqual(
          one.articles.map((a) => a.paragraphs),
        );
        const saved = (build: typeof one) => build.encode("", [], build.problems, key);
        expect(Buffer.compare(saved(many), saved(one)), `${workers} workers`).toBe(0);
      }
    },
  );
});
