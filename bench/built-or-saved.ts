// `npm run bench:built-or-saved`: how fast a checkout answers from an index its process has just
// built (a first start of `chat`, `ask` or `npm run bench`), from the index it saved (every
// later start), and as the bot opens it (built or read in a worker thread, decoded in the bot's
// thread), against a baseline checkout in the same run. Each run is a process of its own
// (bench/built-or-saved-probe.ts), the two checkouts alternating; the CPU times are the ones to
// compare on a shared machine.
//
//   npm run bench:built-or-saved -- --baseline ../other-checkout [--data DIR] [--sizes 14396]
//     [--modes built,saved,bot] [--repeats 2] [--build-workers 1] [--node-flags "--expose-gc"]
//
// --data: a folder of articles (default: the archive's first --sizes articles plus the seed,
// bench/archive.ts). --build-workers: the build's worker threads besides the calling one
// (default 1: what "auto" gives on an idle 2-core machine; "auto" here would build in one thread
// or two as the load happens to be). "built" runs with a fresh cache folder, which "saved" then opens. Prints,
// per checkout and mode, the medians over the repeats of: answering (the corpus handed back) and
// ready (its index saved too), wall and CPU; resident memory
// once ready (and after a full collection with --expose-gc), peak, and the questions' CPU
// median, p99, max and total; then this checkout's figures over the baseline's.
//
// A mode may come more than once ("built,saved,saved": the second open of the saved index is
// reported as "saved#2"). --fresh-files makes every file of --data (required: it is changed, so
// give a copy) look just written before each "built" run (its times set to now, which moves its
// change time), so that the saved index built vouches for no file's stamp (RACY_MARGIN_MS), and
// waits out that margin before the next mode: the case of an archive unpacked, or a corpus
// written, just before its first start.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, utimesSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { RACY_MARGIN_MS } from "../src/corpus/store.ts";
import { PROJECT_ROOT } from "../src/paths.ts";
import { archiveCorpus } from "./archive.ts";
import type { ProbeRun } from "./built-or-saved-probe.ts";

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    data: { type: "string" },
    sizes: { type: "string", default: "14396" },
    modes: { type: "string", default: "built,saved" },
    repeats: { type: "string", default: "2" },
    "node-flags": { type: "string", default: "--expose-gc" },
    "build-workers": { type: "string", default: "1" },
    "fresh-files": { type: "boolean", default: false },
  },
});
if (values["fresh-files"] && !values.data) {
  throw new Error("--fresh-files changes the files' times: give it a copy with --data");
}

/** Past RACY_MARGIN_MS, by this much, a file made fresh is old enough to be vouched for (as bench.ts's). */
const RACY_SLACK_MS = 500;

/** Sets every file of `dir` to look just written (see --fresh-files); returns when, ms since the epoch. */
function freshen(dir: string): number {
  const now = new Date();
  for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), now, now);
  return now.getTime();
}

const probe = path.join(PROJECT_ROOT, "dist", "bench", "built-or-saved-probe.js");
const checkouts = [PROJECT_ROOT, ...(values.baseline ? [path.resolve(values.baseline)] : [])];
const modes = values.modes.split(",").filter((mode) => mode !== "");
/** Each mode's name in the report: "saved#2" for the second "saved", and so on. */
const labels = modes.map((mode, i) => {
  const seen = modes.slice(0, i + 1).filter((m) => m === mode).length;
  return seen > 1 ? `${mode}#${seen}` : mode;
});
const nodeFlags = values["node-flags"].split(" ").filter((flag) => flag !== "");

function run(checkout: string, dataDir: string, mode: string, cacheDir: string): ProbeRun {
  const out = execFileSync(
    process.execPath,
    [...nodeFlags, probe, checkout, dataDir, mode, cacheDir, values["build-workers"]],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 1 << 24,
    },
  );
  const line = out.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as ProbeRun;
}

/** One run of `mode`; "bot" gets a cache folder of its own beside `cacheDir`, removed after it whatever happens. */
function runMode(checkout: string, dataDir: string, mode: string, cacheDir: string): ProbeRun {
  if (mode !== "bot") return run(checkout, dataDir, mode, cacheDir);
  const own = mkdtempSync(`${cacheDir}-bot`);
  try {
    return run(checkout, dataDir, mode, own);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
}

const median = (list: readonly number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1
    ? (sorted[Math.floor(middle)] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The figures compared, each the median over a checkout's runs of one mode. */
const FIGURES: readonly [string, (r: ProbeRun) => number | undefined][] = [
  ["files read", (r) => r.filesRead],
  ["answering ms", (r) => r.answeringMs],
  ["answering cpu ms", (r) => r.answeringCpuMs],
  ["ready ms", (r) => r.readyMs],
  ["ready cpu ms", (r) => r.readyCpuMs],
  ["rss ready MB", (r) => r.rssReadyMb],
  ["rss collected MB", (r) => r.rssCollectedMb],
  ["peak MB", (r) => r.peakMb],
  ["q cpu median ms", (r) => r.cpu.median],
  ["q cpu p99 ms", (r) => r.cpu.p99],
  ["q cpu max ms", (r) => r.cpu.max],
  ["q cpu total ms", (r) => r.cpu.total],
  ["q wall median ms", (r) => r.wall.median],
  ["q wall p99 ms", (r) => r.wall.p99],
];

async function main(): Promise<void> {
  for (const size of values.sizes.split(",").map(Number)) {
    const dataDir = values.data ?? (await archiveCorpus(size)).dir;
    const runs = new Map<string, ProbeRun[]>();
    for (let repeat = 0; repeat < Number(values.repeats); repeat += 1) {
      for (const checkout of repeat % 2 === 0 ? checkouts : [...checkouts].reverse()) {
        // Each holds a saved index of the folder (222 MB for the archive): removed even when a
        // run fails, which would otherwise leave them in TMPDIR.
        const cacheDir = mkdtempSync(path.join(os.tmpdir(), "citebot-built-or-saved-"));
        try {
          let freshAt: number | undefined;
          for (const [i, mode] of modes.entries()) {
            if (values["fresh-files"] && mode === "built") freshAt = freshen(dataDir);
            else if (freshAt !== undefined) {
              await sleep(Math.max(0, freshAt + RACY_MARGIN_MS + RACY_SLACK_MS - Date.now()));
            }
            const result = runMode(checkout, dataDir, mode, cacheDir);
            const key = `${checkout}\t${labels[i]}`;
            runs.set(key, [...(runs.get(key) ?? []), result]);
            console.error(
              `${result.checkout} ${labels[i]} (saved index: ${String(result.fromSavedIndex)}, files read ${result.filesRead}, build workers ${String(result.buildWorkers)}) ready ${result.readyMs.toFixed(0)} ms, rss ${result.rssReadyMb.toFixed(0)} MB; cpu median ${result.cpu.median.toFixed(2)} p99 ${result.cpu.p99.toFixed(2)} max ${result.cpu.max.toFixed(1)} ms; answers ${result.answersDigest}; load ${result.load.toFixed(1)}`,
            );
          }
        } finally {
          rmSync(cacheDir, { recursive: true, force: true });
        }
      }
    }
    console.log(`\n${dataDir}, ${values.repeats} runs each (medians)`);
    for (const mode of new Set(labels)) {
      const [own, base] = checkouts.map((c) => runs.get(`${c}\t${mode}`) ?? []);
      console.log(`\n${mode}\t${checkouts.map((c) => path.basename(c)).join("\t")}\tratio`);
      for (const [name, figure] of FIGURES) {
        const pick = (list: ProbeRun[] | undefined) =>
          median((list ?? []).map(figure).filter((v): v is number => v !== undefined));
        const ownValue = pick(own);
        const baseValue = base ? pick(base) : Number.NaN;
        const ratio = ownValue / baseValue;
        console.log(
          `${name}\t${ownValue.toFixed(2)}${base ? `\t${baseValue.toFixed(2)}\t${ratio.toFixed(3)}` : ""}`,
        );
      }
      const digests = new Set([...(own ?? []), ...(base ?? [])].map((r) => r.answersDigest));
      console.log(
        `answers\t${digests.size === 1 ? "identical" : `DIFFER (${[...digests].join(", ")})`}`,
      );
    }
  }
}

await main();
