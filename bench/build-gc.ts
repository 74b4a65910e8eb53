// `npm run bench:build-gc`: how much of a cold build each thread spends in V8's collector, as
// `node --trace-gc` reports it: scavenges (the young generation) and mark-compacts, their count
// and summed pause, per thread (V8 isolate). A larger young generation shows here as fewer
// scavenges, where wall time on a shared machine moves by more than the change.
//
//   npm run build && npm run bench:build-gc -- --data DIR [--bot]
//
// --data: the folder of articles (built with a fresh cache folder, so from nothing). --bot: open
// it as the bot does (`openCorpusInWorker`: the build's calling thread is the loading worker),
// not as `ask` and `chat` do (`openCorpus` on this thread).

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { openCorpusInWorker as OpenInWorker } from "../src/corpus/open-in-worker.ts";
import type { openCorpus as Open } from "../src/corpus/open.ts";
import { PROJECT_ROOT } from "../src/paths.ts";

/** The child: one cold build, then its time to ready. */
async function child(data: string, bot: boolean, cacheDir: string): Promise<void> {
  const module = (file: string) =>
    pathToFileURL(path.join(PROJECT_ROOT, "dist/src/corpus", file)).href;
  const started = performance.now();
  if (bot) {
    const loaded = (await import(module("open-in-worker.js"))) as {
      openCorpusInWorker: typeof OpenInWorker;
    };
    await loaded.openCorpusInWorker(data, { cacheDir });
  } else {
    const loaded = (await import(module("open.js"))) as { openCorpus: typeof Open };
    await loaded.openCorpus(data, { cacheDir });
  }
  console.log(`ready ${Math.round(performance.now() - started)} ms`);
  process.exit(0);
}

/** Per isolate (thread): count and summed pause of each kind of collection in a --trace-gc log. */
function summarise(log: string): string[] {
  const totals = new Map<string, { count: number; ms: number }>();
  const line =
    /\[\d+:(0x[0-9a-f]+)\]\s+\d+ ms: (Scavenge|Mark-Compact)\S* [^,]*, ([\d.]+) \/ [\d.]+ ms/u;
  for (const text of log.split("\n")) {
    const match = line.exec(text);
    if (!match) continue;
    const key = `${match[1]} ${match[2]}`;
    const total = totals.get(key) ?? { count: 0, ms: 0 };
    total.count += 1;
    total.ms += Number(match[3]);
    totals.set(key, total);
  }
  return [...totals].map(([key, { count, ms }]) => `${key}: ${count}, ${Math.round(ms)} ms`);
}

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    bot: { type: "boolean", default: false },
    child: { type: "string" },
  },
});
if (values.child !== undefined) {
  await child(values.data as string, values.bot as boolean, values.child);
} else {
  if (!values.data) {
    console.error("usage: npm run bench:build-gc -- --data DIR [--bot]");
    process.exit(2);
  }
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), "citebot-build-gc-"));
  try {
    const args = ["--trace-gc", "--import", "tsx", path.join(PROJECT_ROOT, "bench/build-gc.ts")];
    const log = execFileSync(
      process.execPath,
      [...args, "--data", values.data, "--child", cacheDir, ...(values.bot ? ["--bot"] : [])],
      { encoding: "utf8", maxBuffer: 256 * 1024 ** 2 },
    );
    console.log(
      `cold build of ${values.data}${values.bot ? " as the bot opens it" : ""}, load ${os.loadavg()[0]?.toFixed(1)}`,
    );
    console.log(log.split("\n").find((text) => text.startsWith("ready")) ?? "no ready line");
    for (const text of summarise(log)) console.log(text);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
