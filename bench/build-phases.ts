// `npm run bench:build-phases`: the two phases of a cold build, parsing the files and indexing
// the articles, by this checkout's engine and another's, in ONE process, alternating round by
// round: each round parses every file and indexes the articles with one engine, then the
// other (the order swapped every round), timing each phase's CPU in this thread and in all
// the process's threads (V8's collector marks and scavenges in threads of its own: a change
// that allocates less shows there). On a shared machine the load moves between child
// processes started minutes apart; here both engines meet the same load, so small changes to
// the parser or the index builder show. The first round of each engine (compiling, the
// tables' first growth) is left out of the medians.
//
//   npm run build && npm run bench:build-phases -- --baseline ../other-checkout --data DIR
//     [--rounds 7]

import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { Article, IndexData } from "../src/core/index.ts";
import type { FolderRead } from "../src/corpus/load.ts";
import { PROJECT_ROOT } from "../src/paths.ts";

interface Engine {
  readonly name: string;
  readonly read: FolderRead;
  readonly parseArticle: (file: string, bytes: Uint8Array) => Article;
  readonly buildIndexData: (articles: readonly Article[]) => IndexData;
  readonly parse: number[];
  readonly index: number[];
  /** The same phases' CPU in all the process's threads (V8's collector and compilers too). */
  readonly parseAll: number[];
  readonly indexAll: number[];
}

/** CPU time of all the process's threads, in ms. */
function processCpuMs(): number {
  const usage = process.resourceUsage();
  return (usage.userCPUTime + usage.systemCPUTime) / 1000;
}

/** CPU time of this thread, in ms (Linux: /proc/thread-self/stat; elsewhere the process's). */
function threadCpuMs(): number {
  try {
    const stat = readFileSync("/proc/thread-self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  }
}

async function engineOf(name: string, dir: string, dataDir: string): Promise<Engine> {
  const module = (file: string) => pathToFileURL(path.join(dir, "dist", "src", file)).href;
  const { readArticleFolder } = (await import(module("corpus/load.js"))) as {
    readArticleFolder: (dir: string) => Promise<FolderRead>;
  };
  const core = (await import(module("core/index.js"))) as Pick<
    Engine,
    "parseArticle" | "buildIndexData"
  >;
  return {
    name,
    read: await readArticleFolder(dataDir),
    parseArticle: core.parseArticle,
    buildIndexData: core.buildIndexData,
    parse: [],
    index: [],
    parseAll: [],
    indexAll: [],
  };
}

function round(engine: Engine, dataDir: string): void {
  let started = threadCpuMs();
  let startedAll = processCpuMs();
  const articles: Article[] = [];
  for (const file of engine.read.files) {
    try {
      articles.push(engine.parseArticle(path.join(dataDir, file.name), file.bytes));
    } catch {
      // A broken file is left out by both engines alike.
    }
  }
  engine.parse.push(threadCpuMs() - started);
  engine.parseAll.push(processCpuMs() - startedAll);
  started = threadCpuMs();
  startedAll = processCpuMs();
  engine.buildIndexData(articles);
  engine.index.push(threadCpuMs() - started);
  engine.indexAll.push(processCpuMs() - startedAll);
}

/** The median of the rounds after the first. */
function median(values: readonly number[]): number {
  const sorted = values.slice(1).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    data: { type: "string" },
    rounds: { type: "string", default: "7" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(`npm run bench:build-phases -- --baseline DIR [--data DIR] [--rounds N]

Parsing and indexing of a folder by this checkout's engine and another's (DIR, built) in one
process, alternating round by round: each phase's CPU in this thread and in all threads (V8's
collector and compilers run beside it), and the medians after round 1.
  --data DIR    the folder of articles (default: data/)
  --rounds N    rounds per engine, at least 2 (default 7)`);
  process.exit(0);
}
if (!values.baseline) {
  console.error(
    "bench:build-phases: --baseline DIR (another checkout of citebot, built) is required",
  );
  process.exit(2);
}
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 2) {
  console.error("bench:build-phases: --rounds takes a whole number from 2");
  process.exit(2);
}
const dataDir = path.resolve(values.data ?? path.join(PROJECT_ROOT, "data"));
const engines = [
  await engineOf("baseline", path.resolve(values.baseline), dataDir),
  await engineOf("this", PROJECT_ROOT, dataDir),
];
const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" ");
console.log(`parse and index of ${dataDir}, ${rounds} rounds; load average ${load()}`);
for (let r = 0; r < rounds; r += 1) {
  for (const engine of r % 2 === 0 ? engines : [...engines].reverse()) round(engine, dataDir);
}
console.log(
  "\n| engine | parse CPU s, each round | median | all threads | index CPU s, each round | median | all threads |",
);
console.log(
  "| ------ | ----------------------- | -----: | -----: | ----------------------- | -----: | -----: |",
);
const seconds = (ms: number) => (ms / 1000).toFixed(2);
for (const engine of engines) {
  console.log(
    `| ${engine.name} | ${engine.parse.map(seconds).join(" ")} | ${seconds(median(engine.parse))} | ${seconds(median(engine.parseAll))} | ${engine.index.map(seconds).join(" ")} | ${seconds(median(engine.index))} | ${seconds(median(engine.indexAll))} |`,
  );
}
const [baseline, current] = engines as [Engine, Engine];
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(3) : "-");
console.log(
  `\nthis / baseline, this thread: parse ${ratio(median(current.parse), median(baseline.parse))}×, index ${ratio(median(current.index), median(baseline.index))}×`,
);
console.log(
  `this / baseline, all threads: parse ${ratio(median(current.parseAll), median(baseline.parseAll))}×, index ${ratio(median(current.indexAll), median(baseline.indexAll))}×`,
);
console.log(`load average at the end ${load()}`);
