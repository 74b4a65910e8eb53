import { availableParallelism, loadavg } from "node:os";
import { describe, expect, it } from "vitest";
import {
  buildWorkersFor,
  busyCoresSince,
  PARALLEL_BUILD,
  sampleCpu,
  withHelperCpu,
} from "../../src/corpus/build-threads.ts";

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

  describe("the cores other work keeps busy, measured while the folder is read", () => {
    const at = (total: number, idle: number, own: number | undefined) => ({ total, idle, own });
    const window = 2 * 10 * PARALLEL_BUILD.minSampleMs;

    it("GIVEN two cores, one idle and one running this thread THEN no other work: both get a thread", () => {
      const busy = busyCoresSince(at(0, 0, 0), at(window, window / 2, window / 2), 2);
      expect(busy).toBe(0);
      expect(buildWorkersFor("auto", 100 * PER_THREAD, 2, busy)).toBe(1);
    });

    it("GIVEN two cores, this thread on one and the other busy with other work THEN one busy core: no worker", () => {
      const busy = busyCoresSince(at(0, 0, 0), at(window, 0, window / 2), 2);
      expect(busy).toBe(1);
      expect(buildWorkersFor("auto", 100 * PER_THREAD, 2, busy)).toBe(0);
    });

    it("GIVEN a helper thread of this open busy on the other core THEN its time counts as this open's, not as other work: both cores get a thread", () => {
      const start = at(0, 0, 0);
      const end = at(window, 0, window / 2);
      // Both cores busy: this thread on one, its signed-read worker on the other.
      expect(busyCoresSince(start, end, 2)).toBe(1);
      const busy = busyCoresSince(withHelperCpu(start, window / 2), end, 2);
      expect(busy).toBe(0);
      expect(buildWorkersFor("auto", 100 * PER_THREAD, 2, busy)).toBe(1);
      // Where this thread's time cannot be read, nothing is measured, helper or not.
      expect(withHelperCpu(at(0, 0, undefined), 100)).toEqual(at(0, 0, undefined));
    });

    it("GIVEN a window shorter than minSampleMs a core, or no thread time THEN nothing is measured (the load average stands)", () => {
      const short = 2 * PARALLEL_BUILD.minSampleMs - 1;
      expect(busyCoresSince(at(0, 0, 0), at(short, short, 0), 2)).toBeUndefined();
      expect(busyCoresSince(at(0, 0, undefined), at(window, 0, undefined), 2)).toBeUndefined();
    });

    it("GIVEN this thread spinning THEN its time is counted as its own, not as other work", () => {
      const start = sampleCpu();
      if (start.own === undefined) return; // not Linux: no thread time, nothing to check
      // The process's time counts every thread of it (a busy test runner's others too): the
      // spin runs until this thread's own time has grown, bounded by the process's time as a
      // guard against a clock that never moves, not as a timing assertion.
      const processMs = () => {
        const usage = process.cpuUsage();
        return (usage.user + usage.system) / 1000;
      };
      const from = processMs();
      let end = sampleCpu();
      for (let spins = 1; (end.own ?? 0) - start.own < 250; spins += 1) {
        if (spins % 10_000 === 0) {
          end = sampleCpu();
          expect(processMs() - from).toBeLessThan(60_000);
        }
      }
      const ownMs = (end.own ?? 0) - start.own;
      expect(ownMs).toBeGreaterThanOrEqual(250);
      // This thread's time is part of the process's, never more (a clock tick of slack).
      expect(ownMs).toBeLessThanOrEqual(processMs() - from + 20);
      expect(end.total).toBeGreaterThan(start.total);
    });
  });
});
