// `npm run bench:bot` (second part) or `npx tsx bench/bot-load.ts`: bots in processes of their
// own under the loads of issue 12, against the loopback Discord emulator (in this process) and
// its 3-second acknowledgement deadline:
//   1. BENCH_ASK_BURST (5,000) `/ask` at once, answered by three bots in turn: the floor
//      (bench/floor-bot.ts: no discord.js, one small reply per interaction, what any bot must
//      at least cost), a plain discord.js echo bot, and citebot as `npm start` runs it;
//   2. a `/reload` that rebuilds BENCH_RELOAD_ARTICLES (5,000) synthetic articles while
//      BENCH_RELOAD_BURST (1,500) `/ask` arrive at once, then BENCH_RELOAD_TRICKLE (10) more
//      every 500 ms until the reload is answered (so that the swap at its end meets questions).
// "Late" is Discord's rule: the acknowledgement (first callback) reached the emulator more than
// 3 s after the interaction was sent, which is when its snowflake (creation time) was made.
// For each: how many were late, answered, deferred; acknowledgement and answer latencies from
// the dispatch as median, p99 and maximum; the CPU seconds the bot's process and this one (the
// emulator) used, and the wall time. BENCH_SCENARIOS picks scenarios (floor,echo,ask,reload);
// BENCH_NODE_ARGS adds Node flags to the bot's process (e.g. --cpu-prof).

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
import { cpuSecondsOf, figures, row, type Cpu, type Figures } from "./bot-load-figures.ts";
import { generateCorpus } from "./corpus.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAIN = path.join(ROOT, "dist/src/bot/main.js");
/** The bots of the burst: citebot as `npm start` runs it, and the two baselines. */
/**
 * BENCH_BASELINE=<checkout>: also runs the burst and the reload against the citebot built in
 * another checkout (`npm run build` there), e.g. a worktree of an older commit, for
 * before/after in one run (the baseline first).
 */
const BASELINE = process.env.BENCH_BASELINE;
const BOTS = {
  citebot: [MAIN],
  "citebot baseline": [path.join(BASELINE ?? ROOT, "dist/src/bot/main.js")],
  "discord.js echo": ["--import", "tsx", "tests/emulator/echo-bot.ts"],
  floor: ["--import", "tsx", "bench/floor-bot.ts"],
} as const;
type BotName = keyof typeof BOTS;
/** Extra Node flags for the bot's process, e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof". */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
/** Interactions sent per turn of the emulator's event loop in a burst (see `burst`). */
const SLICE = 50;
/** Which scenarios to run (comma-separated): floor, echo, ask, reload. */
const SCENARIOS = new Set((process.env.BENCH_SCENARIOS ?? "floor,echo,ask,reload").split(","));
const ASK_BURST = Number(process.env.BENCH_ASK_BURST ?? 5_000);
const RELOAD_ARTICLES = Number(process.env.BENCH_RELOAD_ARTICLES ?? 5_000);
const RELOAD_BURST = Number(process.env.BENCH_RELOAD_BURST ?? 1_500);
const RELOAD_TRICKLE = Number(process.env.BENCH_RELOAD_TRICKLE ?? 10);
/** Long enough for anything but a hung bot: a late answer is counted, not waited for forever. */
const ANSWER_TIMEOUT_MS = 300_000;

/** A bot in a process of its own; `cpu()` is the CPU seconds it used since it was connected. */
interface BotProcess {
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` (the compiled citebot, or a baseline bot under tsx) in its own process,
 * pointed at the emulator; resolves once its shard is connected.
 */
async function startBot(
  emulator: DiscordEmulator,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<BotProcess> {
  const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...envFor(emulator, env) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await emulator.waitForShards([0], 1_800_000);
  const pid = child.pid!;
  const atStart = await cpuSecondsOf(pid);
  return {
    cpu: async () => (await cpuSecondsOf(pid)) - atStart,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
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

/** Measures CPU and wall time around `run`, for the bot's process and this one. */
async function measured<T>(bot: BotProcess, run: () => Promise<T>): Promise<[T, Cpu]> {
  const started = performance.now();
  const before = process.cpuUsage();
  const botBefore = await bot.cpu();
  const result = await run();
  const used = process.cpuUsage(before);
  return [
    result,
    {
      bot: (await bot.cpu()) - botBefore,
      emulator: (used.user + used.system) / 1e6,
      wallSeconds: (performance.now() - started) / 1000,
    },
  ];
}

/**
 * Sends `count` interactions as fast as this process can, in slices of {@link SLICE} with a
 * turn of the event loop between slices: sending 5,000 in one synchronous loop blocks the
 * emulator for seconds on a busy machine, and the callbacks that arrived meanwhile would be
 * recorded (and counted late) only after it. Discord receives callbacks while it sends events.
 */
async function burst(
  count: number,
  ask: () => Promise<InteractionOutcome>,
): Promise<Promise<InteractionOutcome>[]> {
  const sent: Promise<InteractionOutcome>[] = [];
  while (sent.length < count) {
    for (let i = 0; i < SLICE && sent.length < count; i++) sent.push(ask());
    await new Promise((resolve) => setImmediate(resolve));
  }
  return sent;
}

/** Scenario 1: many `/ask` at once (against the bundled article for citebot). */
async function askBurst(name: BotName, questions: readonly string[]): Promise<[Figures, Cpu]> {
  const { emulator } = await world();
  const state = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-state-"));
  const bot = await startBot(emulator, BOTS[name], { CITEBOT_STATE_DIR: state });
  try {
    const ask = asker(emulator, questions);
    for (let i = 0; i < 50; i++) await ask(); // warm-up
    return await measured(bot, async () =>
      figures(await Promise.allSettled(await burst(ASK_BURST, ask))),
    );
  } finally {
    await bot.stop();
    await emulator.stop();
    await rm(state, { recursive: true, force: true });
  }
}

/** Scenario 2: a rebuilding `/reload` of many articles while members ask. */
async function reloadDuringBurst(
  questions: readonly string[],
  name: "citebot" | "citebot baseline",
): Promise<{ asks: Figures; reload: Figures; reloadMs: number; cpu: Cpu }> {
  const generated = await generateCorpus({ size: RELOAD_ARTICLES, seed: 1 });
  const scratch = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-reload-"));
  const data = path.join(scratch, "articles");
  await cp(generated.dir, data, { recursive: true });
  const { emulator, owner } = await world();
  const bot = await startBot(emulator, BOTS[name], {
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
    const [result, cpu] = await measured(bot, async () => {
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
      const asks = await burst(RELOAD_BURST, ask);
      while (!done) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        if (!done) for (let i = 0; i < RELOAD_TRICKLE; i++) asks.push(ask());
      }
      const reloadFigures = figures(await reloadSettled);
      const reloadMs = performance.now() - started;
      return { asks: figures(await Promise.allSettled(asks)), reload: reloadFigures, reloadMs };
    });
    return { ...result, cpu };
  } finally {
    await bot.stop();
    await emulator.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

const questions = distinctQuestions(await openCorpus(DEFAULT_DATA_DIR), 1200);
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(1))
    .join(" ");
const loadBefore = load();
const rows: string[] = [];
const bursts: [string, BotName][] = [
  ["floor", "floor"],
  ["echo", "discord.js echo"],
  ...(BASELINE ? [["ask", "citebot baseline"] as [string, BotName]] : []),
  ["ask", "citebot"],
];
for (const [scenario, name] of bursts) {
  if (!SCENARIOS.has(scenario)) continue;
  const [f, c] = await askBurst(name, questions);
  const label = name === "citebot baseline" ? `citebot at ${path.basename(BASELINE!)}` : name;
  rows.push(row(`${ASK_BURST} /ask at once: ${label}`, f, c));
}
const reloaders: ("citebot" | "citebot baseline")[] = [
  ...(BASELINE ? ["citebot baseline" as const] : []),
  "citebot",
];
for (const name of SCENARIOS.has("reload") ? reloaders : []) {
  const reloading = await reloadDuringBurst(questions, name);
  const label = name === "citebot baseline" ? `citebot at ${path.basename(BASELINE!)}` : name;
  rows.push(
    row(
      `${label}: /ask during a /reload of ${RELOAD_ARTICLES} articles (${RELOAD_BURST} at once, ` +
        `then ${RELOAD_TRICKLE} per 0.5 s)`,
      reloading.asks,
      reloading.cpu,
    ),
    row(`${label}: the /reload (${(reloading.reloadMs / 1000).toFixed(1)} s)`, reloading.reload),
  );
}
console.log(
  `\nBots in processes of their own against the emulator (this process), 3 s deadline; ` +
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore} before, ` +
    `${load()} after; ms as median / p99 / max from dispatch; CPU seconds used by the bot / ` +
    `the emulator / wall seconds\n`,
);
console.log("| load | sent | late | answered | deferred | acknowledged | answered in | CPU s |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const line of rows) console.log(line);
