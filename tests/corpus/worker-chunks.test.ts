import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ClaimTable, FileSlots } from "../../src/corpus/build-claims.ts";
import { PARALLEL_BUILD } from "../../src/corpus/build-threads.ts";
import { DEFAULT_LOAD_LIMITS } from "../../src/corpus/limits.ts";
import { listArticleFolder } from "../../src/corpus/listing.ts";
import { startBuildWorker, type BuiltChunk } from "../../src/corpus/worker-chunks.ts";
import { folderWith, ROOT } from "../helpers.ts";

/**
 * A build worker sends each chunk back as soon as it is built, and the calling thread, which
 * never yields to the event loop while it builds, reads them back between its own files
 * (`worker-chunks.ts`): decoding them is not left until every file is built.
 */

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** This thread blocked for a moment, as a build blocks it: no event loop turn. */
function blockFor(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe("a build worker's chunks", () => {
  it("GIVEN a worker building fixture articles WHEN this thread never yields THEN each chunk it sends is read back as it comes, once, and done gives them all", async () => {
    const files: Record<string, Uint8Array> = {};
    const source = path.join(ROOT, "tests/fixtures/articles/md");
    for (const name of await readdir(source)) files[name] = await readFile(path.join(source, name));
    const made = await folderWith(files);
    cleanups.push(made.cleanup);
    const listing = listArticleFolder(made.dir, DEFAULT_LOAD_LIMITS);
    const count = listing.files.length;
    // The worker's region is every file; this thread's is empty, so nothing is left to take.
    const regions = [
      [0, 0],
      [0, count],
    ] as const;
    const slots = FileSlots.of(listing.files);
    const seen: BuiltChunk[] = [];
    const worker = startBuildWorker(
      {
        dir: listing.dir,
        files: listing.files,
        regions,
        region: 1,
        claims: ClaimTable.create(regions).buffer,
        tuning: PARALLEL_BUILD,
        starts: slots.starts,
        slots: slots.buffer,
        limits: DEFAULT_LOAD_LIMITS,
        key: new Uint8Array(32).fill(3),
      },
      new Map(),
      slots,
      (built) => seen.push(built),
    );
    // As parallel-build.ts does between files: no await, so only receive() can read a chunk.
    // Bounded only so that a worker that never sends cannot hang the suite: 150 s, far beyond
    // a worker's start on the busiest machine (about 1.5 s here), is no timing assertion.
    for (let tries = 0; seen.length === 0 && tries < 7_500; tries += 1) {
      blockFor(20);
      worker.receive();
    }
    expect(seen.length).toBeGreaterThan(0);
    const chunks = await worker.done;
    expect(chunks).toHaveLength(seen.length);
    expect(chunks[0]).toBe(seen[0]);
    expect(chunks.flatMap((chunk) => chunk.reads.files.map((file) => file.name))).toEqual(
      listing.files.map((file) => file.name),
    );
    expect(chunks[0]?.chunk.content.articles.length).toBe(count);
  }, 200_000);
});
