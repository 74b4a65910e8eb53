// `npm run bench:bot`: latency from INTERACTION_CREATE dispatch to the interaction callback, and
// throughput, for citebot and for a plain discord.js echo bot in the same run, both in this process
// against the loopback Discord emulator. The echo bot is the floor that discord.js itself costs.

import { Writable } from "node:stream";
import { pino } from "pino";
import { startBot } from "../src/bot/bot.ts";
import { parseConfig } from "../src/config.ts";
import { DEFAULT_DATA_DIR, openCorpus } from "../src/corpus.ts";
import { startEchoBot } from "../tests/emulator/echo-bot.ts";
import { DiscordEmulator, noIdentifyWait, type Loose } from "../tests/emulator/emulator.ts";
import { OptionType, slashCommand } from "../tests/emulator/payloads.ts";

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 500);
const BURSTS = Number(process.env.BENCH_BURSTS ?? 4);
const BURST_SIZE = Number(process.env.BENCH_BURST_SIZE ?? 250);

const QUESTIONS = [
  "How much did Tesla sell in China last year?",
  "Who did Elon Musk meet in China?",
  "How much did vehicle exports to China rise?",
  "What was Tesla's revenue in the U.S.?",
  "Why does the meeting matter?",
  "Who is Li Anding?",
  "Does Tesla make cars in China?",
  "What did Xinhua tweet?",
];

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
    const question = QUESTIONS[n % QUESTIONS.length]!;
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
  const parsed = parseConfig({
    DISCORD_TOKEN: emulator.token,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DATA_DIR: DEFAULT_DATA_DIR,
    COOLDOWN_SECONDS: "0",
    LOG_LEVEL: "info",
    DISCORD_API_URL: emulator.apiUrl,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  const corpus = await openCorpus(parsed.config.dataDir);
  // Logging at info as in production, into a sink, so its cost is counted but not printed.
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  const logger = pino({ level: "info" }, sink);
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

const fmt = (v: number): string => v.toFixed(2).padStart(9);
const echo = await measure("discord.js echo", startEcho);
const citebot = await measure("citebot /ask", startCitebot);
console.log(
  `\n${SEQUENTIAL} sequential /ask, then ${BURSTS} bursts of ${BURST_SIZE}; 10 guilds, 50 users; ` +
    `latency = dispatch → callback (ms), Node ${process.version}\n`,
);
console.log("| bot | seq median | seq p99 | burst median | burst p99 | interactions/s |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of [echo, citebot]) {
  console.log(
    `| ${r.name} | ${fmt(r.seqMedian)} | ${fmt(r.seqP99)} | ${fmt(r.burstMedian)} | ${fmt(r.burstP99)} | ${r.perSecond.toFixed(0).padStart(6)} |`,
  );
}
console.log(
  `| citebot ÷ echo | ${fmt(citebot.seqMedian / echo.seqMedian)}× | ${fmt(citebot.seqP99 / echo.seqP99)}× | ` +
    `${fmt(citebot.burstMedian / echo.burstMedian)}× | ${fmt(citebot.burstP99 / echo.burstP99)}× | ` +
    `${(citebot.perSecond / echo.perSecond).toFixed(2)}× |`,
);
