// `npm run bench:records` (`npx tsx bench/unanswered-log.ts`): what logging unanswered questions
// costs the bot's one thread, in citebot's own database (WAL, synchronous = FULL) in a temporary
// folder on this machine's disk. A burst of BENCH_RECORDS_BURST questions logged as /ask logs
// them, in rounds, two ways: each written in a transaction of its own as it is logged (what
// Records did before: `flush()` after each call), and as Records does now, all of one turn of the
// event loop in one transaction. The figure is the thread's time per question, logging and
// writing together, as median / p99 over the rounds, with the ratio.

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openStore } from "../src/storage/database.ts";
import { Records } from "../src/storage/records.ts";
import { quantile } from "./measure.ts";

const BURST = Number(process.env.BENCH_RECORDS_BURST ?? 200);
const ROUNDS = Number(process.env.BENCH_RECORDS_ROUNDS ?? 10);

const dir = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-records-"));
const store = openStore(dir);
const records = new Records(store.db);
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Milliseconds of this thread per question for one burst. */
async function burst(oneByOne: boolean, round: number): Promise<number> {
  await nextTurn();
  const started = performance.now();
  for (let i = 0; i < BURST; i++) {
    records.logUnanswered({
      guildId: "1",
      channelId: "2",
      question: `Who is person ${round}-${i} in the article?`,
    });
    if (oneByOne) records.flush();
  }
  const logged = performance.now() - started;
  // The batched write happens on the next turn: timed as the thread's too.
  const flushStarted = performance.now();
  records.flush();
  return (logged + performance.now() - flushStarted) / BURST;
}

const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(" ");
const loadBefore = load();
const times = { each: [] as number[], batched: [] as number[] };
for (let round = 0; round < ROUNDS; round++) {
  // Alternating, so that the disk's and the machine's moods fall on both alike.
  times.each.push(await burst(true, round));
  times.batched.push(await burst(false, round));
}
store.close();
await rm(dir, { recursive: true, force: true });

const row = (name: string, values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `| ${name} | ${quantile(sorted, 0.5).toFixed(3)} | ${quantile(sorted, 0.99).toFixed(3)} |`;
};
const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
console.log(
  `\n${ROUNDS} bursts of ${BURST} unanswered questions, Node ${process.version}, ` +
    `load average ${loadBefore} before, ${load()} after; ms of the thread per question\n`,
);
console.log("| written | median | p99 |");
console.log("|---|---:|---:|");
console.log(row("each in its own transaction (before)", times.each));
console.log(row("one transaction per turn of the event loop", times.batched));
console.log(`\nratio of medians: ${(median(times.each) / median(times.batched)).toFixed(0)}×`);
