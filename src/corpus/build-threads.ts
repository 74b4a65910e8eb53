/**
 * How many threads build an index: the setting (BUILD_WORKERS, `openCorpus`'s `buildWorkers`)
 * and what "auto" makes of it. Apart from `parallel-build.ts` so that the configuration can
 * name it without loading the parser and the index builder.
 */
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";

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
  /**
   * With "auto", the cores others keep busy are measured over the time the folder was listed
   * (and a saved index checked; the machine's CPU time less this thread's) when that took at
   * least this many ms of every core's time: a shorter window says little (the kernel counts in
   * 10 ms ticks), and the last minute's load average is taken instead. (Listing the archive's
   * 14,400 files takes 0.2–0.5 s; the files are read after the decision, by each thread.)
   */
  minSampleMs: 100,
  /**
   * The calling thread's region is this many times the bytes of a worker's at first: a worker
   * also loads the modules (0.8 s of CPU) and encodes its chunks to send them back. With 1
   * (equal bytes), the archive's calling thread waited 5.4 s for its worker (one run, load
   * 3.5); with 1.4 both finished within 0.5–1 s of each other (three runs, load 3–5), 2.6 s
   * apart in another (load 5). Whichever thread is done first then takes files from the back
   * of the other's region (`work-split.ts`).
   */
  ownChunkWeight: 1.4,
  /**
   * A thread done with its own region takes runs of files from the back of another's while at
   * least this many bytes are left there, and at least this many at a time: each run is a chunk
   * of its own to join (about 0.1 s of parsing).
   */
  minStealBytes: 400_000,
  /**
   * What a worker does after the last file of the chunk it is building (its index finished and
   * encoded, to be sent), as a share of the time the chunk's files take: the calling thread
   * takes that much more of the files left in a worker's region (the archive's worker: 1.45 s
   * after 54 s of building, at load 7). A thread taking a run has no such tail: it takes one
   * only once its chunk in progress is finished.
   */
  workerTailShare: 0.03,
  /**
   * The same for the calling thread (its chunk's index finished: 0.35–0.45 s after 12–13 s of
   * building the archive's first 55%, traced at load 1–2): a worker takes that much more of the
   * files left in the calling thread's region. Joining the chunks comes after both threads are
   * done however the files were shared, so it is not counted.
   */
  callerTailShare: 0.03,
  /**
   * A build thread's young generation, MB, when it is a worker (the calling thread's is the
   * process's: V8's default, 3 × 16 MB semi-spaces): parsing allocates short-lived strings and
   * objects by the gigabyte, and each collection of a small young generation copies what
   * the index still holds. The archive's worker: 164 scavenges, 1.06–1.19 s of its time, by
   * default; 55, 0.65 s with 192 (384: the same).
   */
  workerYoungGenerationMb: 192,
});

/** The machine's CPU time and this thread's at a moment, in ms (see {@link busyCoresSince}). */
export interface CpuSample {
  /** Every core's time, busy or idle (os.cpus()). */
  readonly total: number;
  /** Every core's idle time. */
  readonly idle: number;
  /** This thread's CPU time (Linux); undefined where it cannot be read. */
  readonly own: number | undefined;
}

/** This thread's CPU time in ms, from /proc/thread-self/stat (Linux); undefined elsewhere. */
export function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime, in clock ticks of 10 ms (USER_HZ is 100 on Linux).
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** The CPU times now: call before the folder is listed, and pass it to {@link busyCoresSince}. */
export function sampleCpu(): CpuSample {
  let total = 0;
  let idle = 0;
  for (const { times } of cpus()) {
    total += times.user + times.nice + times.sys + times.idle + times.irq;
    idle += times.idle;
  }
  return { total, idle, own: threadCpuMs() };
}

/**
 * How many cores other work kept busy since `start`: the machine's busy time less this
 * thread's, over the window's length. Measured now, unlike the load average, which lags a
 * minute behind (a benchmark's previous run, finished seconds ago, still counts there).
 * Undefined when the window was shorter than {@link PARALLEL_BUILD}'s `minSampleMs` per core
 * or this thread's time cannot be read.
 */
export function busyCoresSince(
  start: CpuSample,
  end: CpuSample = sampleCpu(),
  cores: number = cpus().length,
): number | undefined {
  const window = end.total - start.total;
  if (cores === 0 || window < cores * PARALLEL_BUILD.minSampleMs) return undefined;
  if (start.own === undefined || end.own === undefined) return undefined;
  const busy = window - (end.idle - start.idle) - (end.own - start.own);
  return Math.max(0, (cores * busy) / window);
}

/**
 * `start` with a helper thread's CPU time counted as this thread's, for {@link busyCoresSince}:
 * a thread this one started after `start` (the saved index's signed-read worker) does this
 * thread's work, and its time is in the machine's busy time; taken off `start`'s own time, it
 * is added to this thread's share of the window, so it is not counted as other work's load.
 */
export function withHelperCpu(start: CpuSample, helperMs: number): CpuSample {
  return start.own === undefined ? start : { ...start, own: start.own - helperMs };
}

/** How many build workers a folder is built with: a number asked for, or "auto". */
export type BuildWorkers = number | "auto";

/**
 * The workers `"auto"` means for a folder of `bytes` of article files: one thread per idle core,
 * this one included, while each gets at least {@link PARALLEL_BUILD}'s `autoBytesPerThread`; a
 * number asked for is taken as it is. At most `maxWorkers` either way. Idle cores are the cores
 * available (`os.availableParallelism()`) less the whole part of `load`, the cores other work
 * keeps busy: {@link busyCoresSince} when the caller measured it, else the last minute's load
 * average (`os.loadavg()`, 0 where the system has none). On a machine whose cores are busy, a
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
