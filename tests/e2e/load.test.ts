// Load: a burst of 1,000 interactions from 10 guilds and 50 users, every one answered correctly and
// before Discord's 3-second deadline, none lost and none answered twice.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, openCorpus } from "../../src/corpus.ts";
import { DiscordEmulator, type InteractionOutcome } from "../emulator/emulator.ts";
import { OptionType, slashCommand } from "../emulator/payloads.ts";
import { envFor, paragraphsCited, spawnScript, type Child } from "./harness.ts";

const QUESTIONS = [
  "How much did Tesla sell in China last year?",
  "Who did Elon Musk meet in China?",
  "How much did vehicle exports to China rise?",
  "What was Tesla's revenue in the U.S.?",
  "Who is Li Anding?",
];

// citebot runs as `npm start` in its own process, as in production: the emulator stands for Discord
// and must not share the bot's event loop.
let emulator: DiscordEmulator;
let bot: Child;
beforeAll(async () => {
  emulator = await DiscordEmulator.start();
  for (let i = 0; i < 10; i++) emulator.addGuild();
  for (let i = 0; i < 50; i++) emulator.addUser();
  bot = spawnScript("start", envFor(emulator, { COOLDOWN_SECONDS: "0", LOG_LEVEL: "info" }));
  await emulator.waitForShards([0], 20_000);
});
afterAll(async () => {
  await bot?.stop();
  await emulator?.stop();
});

describe("load", () => {
  it("GIVEN 10 guilds and 50 users WHEN 1,000 /ask arrive in one burst THEN every one is answered once, correctly and before its deadline", async () => {
    const corpus = await openCorpus(DEFAULT_DATA_DIR);
    const expected = QUESTIONS.map((q) =>
      corpus.index.ask(q, { limit: 3 }).citations.map((c) => c.paragraph),
    );
    const send = (i: number): Promise<InteractionOutcome> =>
      emulator.sendInteraction(
        slashCommand(emulator, emulator.guilds[i % 10]!, emulator.users[i % 50]!, "ask", [
          { name: "question", type: OptionType.String, value: QUESTIONS[i % QUESTIONS.length]! },
        ]),
        { timeoutMs: 10_000 },
      );
    // A running bot is warm: a short sequential warm-up keeps JIT compilation out of the burst.
    for (let i = 0; i < 30; i++) await send(i);
    const before = emulator.requests.length;
    const outcomes = await Promise.all(Array.from({ length: 1000 }, (_, i) => send(i)));
    const late = outcomes.filter((o) => o.late || o.errors.length > 0);
    expect(late.length, late[0]?.errors.join("; ")).toBe(0);
    outcomes.forEach((outcome, i) => {
      expect(outcome.callback?.type).toBe(4);
      const body = outcome.callback!.data;
      expect(body.allowed_mentions.parse).toEqual([]);
      const cited = paragraphsCited(
        body.embeds[0].fields.map((f: { name: string }) => f.name).join(" "),
      );
      expect(cited, `interaction ${i}`).toEqual(expected[i % QUESTIONS.length]);
    });
    const callbacks = emulator.requests.slice(before).filter((r) => r.path.endsWith("/callback"));
    expect(callbacks.length).toBe(1000);
    expect(new Set(callbacks.map((r) => r.path)).size).toBe(1000);
    const latencies = outcomes.map((o) => o.callback!.latencyMs).sort((a, b) => a - b);
    expect(latencies.at(-1)).toBeLessThan(3000);
    console.info(
      `load: 1000 /ask, callback latency median ${latencies[500]!.toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
    );
    const users = new Set(outcomes.map((o) => o.payload.member.user.id));
    const guilds = new Set(outcomes.map((o) => o.payload.guild_id));
    expect([users.size, guilds.size]).toEqual([50, 10]);
    // One log line per interaction, as the bot issue asks, and no failures.
    const lines = bot.stdout.split("\n").filter((l) => l.startsWith("{"));
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === "interaction");
    expect(logged.length).toBe(1030);
    expect(logged.every((l) => l.outcome === "ok" && l.command === "ask")).toBe(true);
  }, 30_000);
});
