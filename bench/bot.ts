// `npm run bench:bot`: latency from INTERACTION_CREATE dispatch to the interaction callback, and
// throughput, for citebot and for a plain discord.js echo bot in the same run against the loopback
// Discord emulator: first both in this process (sharing the emulator's event loop), then each in a
// process of its own (as in production). The echo bot is the floor that discord.js itself costs.

import { spawn } from "node:child_process";
import os from "node:os";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { startBot } from "../src/bot/bot.ts";
import { parseConfig } from "../src/config.ts";
import { openCorpus } from "../src/corpus/open.ts";
import { DEFAULT_DATA_DIR } from "../src/paths.ts";
import { createLogger } from "../src/logger.ts";
import { startEchoBot } from "../tests/emulator/echo-bot.ts";
import { DiscordEmulator, noIdentifyWait, type Loose } from "../tests/emulator/emulator.ts";
import { OptionType, slashCommand } from "../tests/emulator/payloads.ts";
import { envFor } from "../tests/e2e/env.ts";
import { distinctQuestions } from "../tests/e2e/questions.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MAIN_SCRIPT = "src/bot/main.ts";
const ECHO_SCRIPT = "tests/emulator/echo-bot.ts";
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 500);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 4);
const BURST_SIZE = Number(process.env.BENCH_BURST_SIZE ?? 250);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Result {
  name: string;
  seqMedian: number;
  seqP99: number;
  burstMedian: number;
  burstP99: number;
  perSecond: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(
  name: string,
  start: (emulator: DiscordEmulator) => Promise<() => Promise<void>>,
  questions: readonly string[],
): Promise<Result> {
  const emulator = await DiscordEmulator.start();
  for (let i = 0; i < 10; i++) emulator.addGuild();
  for (let i = 0; i < 50; i++) emulator.addUser();
  const stop = await start(emulator);
  let n = 0;
  const next = (): Loose => {
    n += 1;
    const guild = emulator.guilds[n % emulator.guilds.length]!;
    const user = emulator.users[n % emulator.users.length]!;
    const question = questions[n % questions.length]!;
    return slashCommand(emulator, guild, user, "ask", [
      { name: "question", type: OptionType.String, value: question },
    ]);
  };
  const latency = (o: { callback?: { latencyMs: number } }): number => {
    if (!o.callback) throw new Error(`${name}: an interaction was not answered`);
    return o.callback.latencyMs;
  };
  try {
    for (let i = 0; i < 50; i++) await emulator.sendInteraction(next()); // warm-up (JIT, caches)
    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL; i++)
      sequential.push(latency(await emulator.sendInteraction(next())));
    const burst: number[] = [];
    let busyMs = 0;
    for (let b = 0; b < BURSTS; b++) {
      const started = performance.now();
      const outcomes = await Promise.all(
        Array.from({ length: BURST_SIZE }, () =>
          emulator.sendInteraction(next(), { timeoutMs: 20_000 }),
        ),
      );
      busyMs += performance.now() - started;
      burst.push(...outcomes.map(latency));
      const late = outcomes.filter((o) => o.late || o.errors.length > 0).length;
      if (late) throw new Error(`${name}: ${late} interactions late or refused in a burst`);
    }
    return {
      name,
      seqMedian: percentile(sequential, 50),
      seqP99: percentile(sequential, 99),
      burstMedian: percentile(burst, 50),
      burstP99: percentile(burst, 99),
      perSecond: (BURSTS * BURST_SIZE) / (busyMs / 1000),
    };
  } finally {
    await stop();
    await emulator.stop();
  }
}

async function startCitebot(emulator: DiscordEmulator): Promise<() => Promise<void>> {
  const parsed = parseConfig(envFor(emulator));
  if (!parsed.ok) throw new Error(parsed.message);
  const corpus = await openCorpus(parsed.config.dataDir);
  // The production logger at info, into a sink, so its cost is counted but not printed.
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const logger = createLogger(parsed.config.logLevel, sink, [parsed.config.token]);
  const bot = await startBot({
    config: parsed.config,
    corpus,
    logger,
    clientOptions: { ws: noIdentifyWait },
  });
  return () => bot.stop();
}

async function startEcho(emulator: DiscordEmulator): Promise<() => Promise<void>> {
  const client = await startEchoBot(emulator);
  return () => client.destroy();
}

/** Starts `tsx <script>` in a process of its own, pointed at the emulator; resolves once it is ready. */
function inChild(script: string) {
  return async (emulator: DiscordEmulator): Promise<() => Promise<void>> => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      cwd: ROOT,
      env: { ...process.env, ...envFor(emulator) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await emulator.waitForShards([0], 30_000);
    return async () => {
      child.kill("SIGTERM");
      await exited;
    };
  };
}

const fmt = (v: number): string => v.toFixed(2).padStart(9);
// Distinct questions (more than citebot's 500 remembered answers), so /ask does its real ranking.
const questions = distinctQuestions(await openCorpus(DEFAULT_DATA_DIR), 1200);
// Rounds alternate the bots so that neither always runs on a colder or busier machine; each
// figure is the median over the rounds.
const setups: [string, (emulator: DiscordEmulator) => Promise<() => Promise<void>>][] = [
  ["discord.js echo, in-process", startEcho],
  ["citebot /ask, in-process", startCitebot],
  ["discord.js echo, own process", inChild(ECHO_SCRIPT)],
  ["citebot /ask, npm start process", inChild(MAIN_SCRIPT)],
];
const runs = new Map<string, Result[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, start] of setups) {
    const result = await measure(name, start, questions);
    runs.set(name, [...(runs.get(name) ?? []), result]);
  }
}
const median = (name: string): Result => {
  const all = runs.get(name)!;
  const pick = (key: Exclude<keyof Result, "name">) =>
    percentile(
      all.map((r) => r[key]),
      50,
    );
  return {
    name,
    seqMedian: pick("seqMedian"),
    seqP99: pick("seqP99"),
    burstMedian: pick("burstMedian"),
    burstP99: pick("burstP99"),
    perSecond: pick("perSecond"),
  };
};
const [echo, citebot, echoChild, citebotChild] = setups.map(([name]) => median(name)) as [
  Result,
  Result,
  Result,
  Result,
];
console.log(
  `\n${SEQUENTIAL} sequential /ask, then ${BURSTS} bursts of ${BURST_SIZE}; 10 guilds, 50 users; ` +
    `${questions.length} distinct questions; median of ${ROUNDS} alternating rounds; latency = dispatch → callback (ms); ` +
    `Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}\n`,
);
console.log("| bot | seq median | seq p99 | burst median | burst p99 | interactions/s |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of [echo, citebot, echoChild, citebotChild]) {
  console.log(
    `| ${r.name} | ${fmt(r.seqMedian)} | ${fmt(r.seqP99)} | ${fmt(r.burstMedian)} | ${fmt(r.burstP99)} | ${r.perSecond.toFixed(0).padStart(6)} |`,
  );
}
const ratio = (label: string, a: Result, b: Result): void =>
  console.log(
    `| ${label} | ${fmt(a.seqMedian / b.seqMedian)}× | ${fmt(a.seqP99 / b.seqP99)}× | ` +
      `${fmt(a.burstMedian / b.burstMedian)}× | ${fmt(a.burstP99 / b.burstP99)}× | ` +
      `${(a.perSecond / b.perSecond).toFixed(2)}× |`,
  );
ratio("citebot ÷ echo, in-process", citebot, echo);
ratio("citebot ÷ echo, own process", citebotChild, echoChild);
