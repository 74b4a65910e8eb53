/**
 * How many threads build an index: the setting (BUILD_WORKERS, `openCorpus`'s `buildWorkers`)
 * and what "auto" makes of it. Apart from `parallel-build.ts` so that the configuration can
 * name it without loading the parser and the index builder.
 */
import { availableParallelism, loadavg } from "node:os";

/** How a folder is built in worker threads. */
export const PARALLEL_BUILD = Object.freeze({
  /** At most this many workers, whatever is asked: each holds its chunk's articles while it works. */
  maxWorkers: 8,
  /**
   * With `buildWorkers: "auto"`, a thread (this one or a worker) for every this many bytes of
   * article files, up to the cores available: a thread parses and indexes about 4 MB of the
   * archive a second, and a worker costs about 0.6 s of CPU to start, its chunk's encoding and
   * the join; a small folder is built in this thread alone.
   */
  autoBytesPerThread: 16_000_000,
});

/** How many build workers a folder is built with: a number asked for, or "auto". */
export type BuildWorkers = number | "auto";

/**
 * The workers `"auto"` means for a folder of `bytes` of article files: one thread per idle core,
 * this one included, while each gets at least {@link PARALLEL_BUILD}'s `autoBytesPerThread`; a
 * number asked for is taken as it is. At most `maxWorkers` either way. Idle cores are the cores
 * available (`os.availableParallelism()`) less the whole part of the last minute's load
 * average (`os.loadavg()`, 0 where the system has none): on a machine whose cores are busy, a
 * worker takes CPU from the other work (measured 1.2–1.4× the CPU of one thread at load 2–9 on
 * 2 cores, docs/benchmarks.md) for no gain in time.
 */
export function buildWorkersFor(
  setting: BuildWorkers,
  bytes: number,
  cores: number = availableParallelism(),
  load: number = loadavg()[0] ?? 0,
): number {
  const idle = Math.max(1, cores - Math.floor(load));
  const threads =
    setting === "auto"
      ? Math.min(idle, Math.floor(bytes / PARALLEL_BUILD.autoBytesPerThread))
      : setting + 1;
  return Math.max(0, Math.min(threads - 1, PARALLEL_BUILD.maxWorkers));
}
