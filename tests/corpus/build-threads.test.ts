import { availableParallelism, loadavg } from "node:os";
import { describe, expect, it } from "vitest";
import { buildWorkersFor, PARALLEL_BUILD } from "../../src/corpus/build-threads.ts";

/**
 * How many worker threads build an index (BUILD_WORKERS, `openCorpus`'s `buildWorkers`): "auto"
 * gives one thread per idle core (this thread counts as one) only while each thread gets
 * `autoBytesPerThread` of article files; a number is taken as asked, within `maxWorkers`.
 */

const PER_THREAD = PARALLEL_BUILD.autoBytesPerThread;

describe("build threads", () => {
  it("GIVEN auto and a folder too small for two threads THEN it is built in this thread alone, whatever the cores", () => {
    expect(buildWorkersFor("auto", 0, 16, 0)).toBe(0);
    expect(buildWorkersFor("auto", 2 * PER_THREAD - 1, 16, 0)).toBe(0);
  });

  it("GIVEN auto and a large folder on an idle machine THEN one thread per core, this one included", () => {
    expect(buildWorkersFor("auto", 100 * PER_THREAD, 2, 0)).toBe(1);
    expect(buildWorkersFor("auto", 100 * PER_THREAD, 4, 0.9)).toBe(3);
    expect(buildWorkersFor("auto", 100 * PER_THREAD, 1, 0)).toBe(0);
  });

  it("GIVEN auto and a large folder on a busy machine THEN only the idle cores get a thread, and this thread always builds", () => {
    expect(buildWorkersFor("auto", 100 * PER_THREAD, 4, 1.5)).toBe(2);
    expect(buildWorkersFor("auto", 100 * PER_THREAD, 4, 3)).toBe(0);
    expect(buildWorkersFor("auto", 100 * PER_THREAD, 2, 9)).toBe(0);
  });

  it("GIVEN auto and more cores than the folder has chunks of the threshold THEN a thread per chunk", () => {
    expect(buildWorkersFor("auto", 3 * PER_THREAD, 16, 0)).toBe(2);
  });

  it("GIVEN auto on a machine with more cores than the most workers THEN at most the most", () => {
    expect(buildWorkersFor("auto", 1000 * PER_THREAD, 64, 0)).toBe(PARALLEL_BUILD.maxWorkers);
  });

  it("GIVEN a number THEN it is taken whatever the folder's size or the cores, within 0 and the most", () => {
    expect(buildWorkersFor(0, 1000 * PER_THREAD, 16, 0)).toBe(0);
    expect(buildWorkersFor(2, 10, 1, 5)).toBe(2);
    expect(buildWorkersFor(PARALLEL_BUILD.maxWorkers + 5, 10, 1)).toBe(PARALLEL_BUILD.maxWorkers);
    expect(buildWorkersFor(-1, 10, 1)).toBe(0);
  });

  it("GIVEN no cores nor load given THEN the machine's are used (os.availableParallelism, os.loadavg)", () => {
    const expected = () =>
      Math.min(
        Math.max(1, availableParallelism() - Math.floor(loadavg()[0] ?? 0)) - 1,
        PARALLEL_BUILD.maxWorkers,
      );
    // The load average may move between the two readings: either side of a change is right.
    const before = expected();
    const workers = buildWorkersFor("auto", 1000 * PER_THREAD);
    expect([before, expected()]).toContain(workers);
  });
});
