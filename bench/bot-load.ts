// `npm run bench:bot` (second part) or `npx tsx bench/bot-load.ts`: citebot as `npm start` runs it
// (the compiled bot in a process of its own) under the loads of issue 12, against the loopback
// Discord emulator and its 3-second acknowledgement deadline:
//   1. BENCH_ASK_BURST (5,000) `/ask` at once;
//   2. a `/reload` that rebuilds BENCH_RELOAD_ARTICLES (5,000) synthetic articles while
//      BENCH_RELOAD_BURST (1,500) `/ask` arrive at once, then BENCH_RELOAD_TRICKLE (10) more
//      every 500 ms until the reload is answered (so that the swap at its end meets questions).
// For each: how many were acknowledged late (callback after 3 s), answered, deferred, and the
// acknowledgement and answer latencies (dispatch → callback; dispatch → answer) as median,
// p99 and maximum.

import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openCorpus } from "../src/corpus/open.ts";
import { DEFAULT_DATA_DIR } from "../src/paths.ts";
import { envFor } from "../tests/e2e/env.ts";
import { distinctQuestions } from "../tests/e2e/questions.ts";
import {
  DiscordEmulator,
  type EmulatedUser,
  type InteractionOutcome,
} from "../tests/emulator/emulator.ts";
import { OptionType, slashCommand } from "../tests/emulator/payloads.ts";
import { generateCorpus } from "./corpus.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAIN = path.join(ROOT, "dist/src/bot/main.js");
const ASK_BURST = Number(process.env.BENCH_ASK_BURST ?? 5_000);
const RELOAD_ARTICLES = Number(process.env.BENCH_RELOAD_ARTICLES ?? 5_000);
const RELOAD_BURST = Number(process.env.BENCH_RELOAD_BURST ?? 1_500);
const RELOAD_TRICKLE = Number(process.env.BENCH_RELOAD_TRICKLE ?? 10);
/** Long enough for anything but a hung bot: a late answer is counted, not waited for forever. */
const ANSWER_TIMEOUT_MS = 300_000;

interface Figures {
  readonly sent: number;
  readonly late: number;
  readonly answered: number;
  readonly deferred: number;
  readonly ack: readonly number[];
  readonly answer: readonly number[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** What happened to a set of interactions (a rejection means no answer within the timeout). */
function figures(settled: readonly PromiseSettledResult<InteractionOutcome>[]): Figures {
  const outcomes = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const answeredAt = (o: InteractionOutcome): number | undefined =>
    o.callback?.type === 5 ? (o.edits[0]?.at ?? o.followups[0]?.at) : o.callback?.at;
  return {
    sent: settled.length,
    late: outcomes.filter((o) => o.late).length + (settled.length - outcomes.length),
    answered: outcomes.filter((o) => !o.late && answeredAt(o) !== undefined).length,
    deferred: outcomes.filter((o) => o.callback?.type === 5).length,
    ack: outcomes.flatMap((o) => (o.callback ? [o.callback.latencyMs] : [])),
    answer: outcomes.flatMap((o) => {
      const at = answeredAt(o);
      return at === undefined || o.late ? [] : [at - o.dispatchedAt];
    }),
  };
}

/** Starts the compiled bot in its own process; resolves once its shard is connected. */
async function startBot(emulator: DiscordEmulator, env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...envFor(emulator, env) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await emulator.waitForShards([0], 1_800_000);
  return async () => {
    child.kill("SIGTERM");
    await exited;
  };
}

function asker(emulator: DiscordEmulator, questions: readonly string[]) {
  let n = 0;
  return (): Promise<InteractionOutcome> => {
    n += 1;
    const guild = emulator.guilds[n % emulator.guilds.length]!;
    const user = emulator.users[n % emulator.users.length]!;
    const payload = slashCommand(emulator, guild, user, "ask", [
      { name: "question", type: OptionType.String, value: questions[n % questions.length]! },
    ]);
    return emulator.sendInteraction(payload, { timeoutMs: ANSWER_TIMEOUT_MS });
  };
}

async function world(): Promise<{ emulator: DiscordEmulator; owner: EmulatedUser }> {
  const emulator = await DiscordEmulator.start();
  for (let i = 0; i < 10; i++) emulator.addGuild();
  const owner = emulator.addUser("owner", { admin: true });
  for (let i = 0; i < 49; i++) emulator.addUser();
  return { emulator, owner };
}

/** Scenario 1: many `/ask` at once against the bundled article. */
async function askBurst(questions: readonly string[]): Promise<Figures> {
  const { emulator } = await world();
  const state = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-state-"));
  const stop = await startBot(emulator, { CITEBOT_STATE_DIR: state });
  try {
    const ask = asker(emulator, questions);
    for (let i = 0; i < 50; i++) await ask(); // warm-up
    return figures(await Promise.allSettled(Array.from({ length: ASK_BURST }, ask)));
  } finally {
    await stop();
    await emulator.stop();
    await rm(state, { recursive: true, force: true });
  }
}

/** Scenario 2: a rebuilding `/reload` of many articles while members ask. */
async function reloadDuringBurst(
  questions: readonly string[],
): Promise<{ asks: Figures; reload: Figures; reloadMs: number }> {
  const generated = await generateCorpus({ size: RELOAD_ARTICLES, seed: 1 });
  const scratch = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-reload-"));
  const data = path.join(scratch, "articles");
  await cp(generated.dir, data, { recursive: true });
  const { emulator, owner } = await world();
  const stop = await startBot(emulator, {
    DATA_DIR: data,
    CITEBOT_CACHE_DIR: path.join(scratch, "cache"),
    CITEBOT_STATE_DIR: path.join(scratch, "state"),
    OWNER_IDS: owner.id,
  });
  try {
    const ask = asker(emulator, questions);
    for (let i = 0; i < 50; i++) await ask(); // warm-up
    // A new article: the saved index no longer matches, so the reload rebuilds it.
    await writeFile(
      path.join(data, "zz-new.md"),
      "---\ntitle: A new article\n---\n\nThe new bridge opened in 2031.\n",
    );
    const started = performance.now();
    const guild = emulator.guilds[0]!;
    const reload = emulator.sendInteraction(slashCommand(emulator, guild, owner, "reload"), {
      timeoutMs: ANSWER_TIMEOUT_MS,
    });
    let done = false;
    const reloadSettled = Promise.allSettled([reload]).then((settled) => {
      done = true;
      return settled;
    });
    const asks = Array.from({ length: RELOAD_BURST }, ask);
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (!done) for (let i = 0; i < RELOAD_TRICKLE; i++) asks.push(ask());
    }
    const reloadFigures = figures(await reloadSettled);
    const reloadMs = performance.now() - started;
    return { asks: figures(await Promise.allSettled(asks)), reload: reloadFigures, reloadMs };
  } finally {
    await stop();
    await emulator.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

const row = (name: string, f: Figures): string =>
  `| ${name} | ${f.sent} | ${f.late} | ${f.answered} | ${f.deferred} | ` +
  `${percentile(f.ack, 50).toFixed(0)} / ${percentile(f.ack, 99).toFixed(0)} / ${Math.max(...f.ack).toFixed(0)} | ` +
  `${percentile(f.answer, 50).toFixed(0)} / ${percentile(f.answer, 99).toFixed(0)} / ${Math.max(...f.answer).toFixed(0)} |`;

const questions = distinctQuestions(await openCorpus(DEFAULT_DATA_DIR), 1200);
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(" ");
const loadBefore = load();
const burst = await askBurst(questions);
const reloading = await reloadDuringBurst(questions);
console.log(
  `\ncitebot (compiled, own process) against the emulator, 3 s deadline; Node ${process.version}, ` +
    `${os.cpus().length} CPUs, load average ${loadBefore} before, ${load()} after; ms as median / p99 / max\n`,
);
console.log("| load | sent | late | answered | deferred | acknowledged | answered in |");
console.log("|---|---:|---:|---:|---:|---:|---:|");
console.log(row(`${ASK_BURST} /ask at once`, burst));
console.log(
  row(
    `/ask during a /reload of ${RELOAD_ARTICLES} articles (${RELOAD_BURST} at once, then ${RELOAD_TRICKLE} per 0.5 s)`,
    reloading.asks,
  ),
);
console.log(row(`the /reload (${(reloading.reloadMs / 1000).toFixed(1)} s)`, reloading.reload));
