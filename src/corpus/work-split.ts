/**
 * How a parallel build (`parallel-build.ts`) shares the listed files out between its threads:
 * a consecutive region each at first, then runs from the back of the workers' regions for the
 * calling thread once its own is built, sized so that the threads finish together.
 */
import type { ClaimTable, FileSlots } from "./build-claims.ts";
import { sharedNow } from "./build-claims.ts";
import type { ListedFile } from "./listing.ts";

/** The numbers of `PARALLEL_BUILD` (`build-threads.ts`) that share the work out between threads. */
export type BuildTuning = {
  readonly [
    K in "maxWorkers" | "ownChunkWeight" | "minStealBytes" | "workerTailShare" | "callerTailShare"
  ]: number;
};

/**
 * Consecutive regions of the listed files, `[start, end)`, one a thread: the first (this
 * thread's) `weight` times the bytes of each of the others.
 */
export function regionsOf(
  files: readonly ListedFile[],
  count: number,
  weight: number,
): (readonly [number, number])[] {
  const sizes = files.map((file) => Number(file.stamp.size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  // Where each region ends, as a share of the bytes: weight, then 1 for each of the others.
  const shares = weight + count - 1;
  const regions: (readonly [number, number])[] = [];
  let start = 0;
  let bytes = 0;
  sizes.forEach((size, i) => {
    bytes += size;
    const end = (total * (weight + regions.length)) / shares;
    if (bytes >= end && regions.length < count - 1) {
      regions.push([start, i + 1]);
      start = i + 1;
    }
  });
  regions.push([start, files.length]);
  return regions.filter(([from, to]) => to > from);
}

/** The files of `[from, to)`, one at a time. */
export function run(from: number, to: number): () => number {
  let next = from;
  return () => (next < to ? next++ : -1);
}

/** How fast a thread builds (bytes a ms; 0 before it started) and what it does after its last file (ms). */
export interface Pace {
  readonly rate: number;
  readonly tailMs: number;
}

/** A thread's rate: `bytes` built in `ms` (bytes a ms; 0 before it started). */
export function rateOf(bytes: number, ms: number): number {
  return ms > 0 ? bytes / ms : 0;
}

/**
 * The pace of a region's owner over `bytes` built in `ms`: its tail is finishing the chunk it
 * is building (and, for a worker, encoding it to send), `workerTailShare` or `callerTailShare`
 * of the time its files take.
 */
export function paceOf(bytes: number, ms: number, worker: boolean, tuning: BuildTuning): Pace {
  const rate = rateOf(bytes, ms);
  const share = worker ? tuning.workerTailShare : tuning.callerTailShare;
  return { rate, tailMs: rate > 0 ? (share * bytes) / rate : 0 };
}

/**
 * Where a thread (the thief) should start taking the last files of another's region that has
 * `[next, end)` left: so that both finish together, at the rates each has built at so far,
 * the owner's tail included (the thief has none: it takes a run only once its last chunk is
 * finished); an owner that has not started yet is taken to be as fast as the thief.
 * Never fewer than `minStealBytes` (each run is a chunk of its own to join): none when fewer
 * than that are left, or when the thief's share is under half of it.
 */
function splitAt(
  slots: FileSlots,
  [next, end]: readonly [number, number],
  thiefRate: number,
  owner: Pace,
  tuning: BuildTuning,
): number {
  const left = slots.bytes(next, end);
  if (left < tuning.minStealBytes) return end;
  const ownerRate = owner.rate > 0 ? owner.rate : thiefRate;
  const share = ((left + owner.tailMs * ownerRate) * thiefRate) / (thiefRate + ownerRate);
  if (share < tuning.minStealBytes / 2) return end;
  const wanted = Math.min(left, Math.max(tuning.minStealBytes, share));
  let from = end;
  while (from > next && slots.bytes(from, end) < wanted) from -= 1;
  return from;
}

/**
 * The last files of the region (other than `own`) with the most bytes left, `[from, to)`,
 * taken for this thread to build at `thiefRate` (see {@link splitAt}); undefined when none is
 * worth taking.
 * Region 0 is the calling thread's, the others the workers'.
 */
export function takeFromOthers(
  claims: ClaimTable,
  regions: readonly (readonly [number, number])[],
  slots: FileSlots,
  own: number,
  thiefRate: number,
  tuning: BuildTuning,
): readonly [number, number] | undefined {
  let region = -1;
  let most = 0;
  regions.forEach((_, r) => {
    const [next, end] = claims.left(r);
    if (r !== own && slots.bytes(next, end) > most) [region, most] = [r, slots.bytes(next, end)];
  });
  if (region < 0 || thiefRate <= 0) return undefined;
  const first = (regions[region] as readonly [number, number])[0];
  return claims.takeBack(region, (next, end, startedAt) => {
    const done = slots.bytes(first, next);
    const owner = paceOf(done, startedAt > 0 ? sharedNow() - startedAt : 0, region > 0, tuning);
    // The owner's tail covers what is left too, should it build it.
    const tail = owner.rate > 0 ? (owner.tailMs * (done + slots.bytes(next, end))) / done : 0;
    return splitAt(slots, [next, end], thiefRate, { ...owner, tailMs: tail }, tuning);
  });
}
