// The emulator checked against a plain discord.js client, so that a failing citebot scenario can be
// told apart from a broken emulator.

import { Client, GatewayIntentBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { startEchoBot } from "./echo-bot.ts";
import { clientOptionsFor, DiscordEmulator, shardOf } from "./emulator.ts";
import { autocomplete, buttonPress, OptionType, slashCommand } from "./payloads.ts";

/**
 * The deadline and the wait for an answer in these tests, but the one about the deadline: they
 * check what the emulator records, not how fast a client is, and the suite runs two files at
 * once on a busy 2-core machine (as tests/e2e/harness.ts's TEST_DEADLINE_MS).
 */
const GENEROUS_MS = 60_000;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A bare discord.js client pointed at the emulator (not logged in), destroyed after the test. */
function plainClient(emulator: DiscordEmulator): Client {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...clientOptionsFor(emulator) });
  cleanups.push(() => client.destroy());
  return client;
}

async function setup(options: Parameters<typeof DiscordEmulator.start>[0] = {}, guilds = 1) {
  const emulator = await DiscordEmulator.start({ deadlineMs: GENEROUS_MS, ...options });
  cleanups.push(() => emulator.stop());
  for (let i = 0; i < guilds; i++) emulator.addGuild();
  const user = emulator.addUser("alice");
  const client = await startEchoBot(emulator);
  cleanups.push(() => client.destroy());
  const guild = emulator.guilds[0]!;
  const ask = (value = "hello") =>
    emulator.sendInteraction(
      slashCommand(emulator, guild, user, "ask", [
        { name: "question", type: OptionType.String, value },
      ]),
      { timeoutMs: GENEROUS_MS },
    );
  return { emulator, client, guild, user, ask };
}

describe("Discord emulator with a plain discord.js client", () => {
  it("GIVEN two guilds WHEN the client logs in THEN it is ready with both guilds and a reply comes back as a 204 callback", async () => {
    const { client, emulator, ask } = await setup({}, 2);
    expect(client.guilds.cache.size).toBe(2);
    expect(client.user?.id).toBe(emulator.applicationId);
    const outcome = await ask("hi");
    expect(outcome.callback?.type).toBe(4);
    expect(outcome.callback?.data.content).toBe("echo: hi");
    expect(outcome.late).toBe(false);
    const callback = emulator.requests.find((r) => r.path.endsWith("/callback"));
    expect(callback?.status).toBe(204);
  });

  it("GIVEN a wrong token WHEN the client logs in THEN GET /gateway/bot answers 401 and login rejects", async () => {
    const emulator = await DiscordEmulator.start();
    cleanups.push(() => emulator.stop());
    const client = plainClient(emulator);
    await expect(client.login("wrong-token")).rejects.toThrow();
    expect(emulator.requests.find((r) => r.path === "/gateway/bot")?.status).toBe(401);
  });

  it("GIVEN a bot that answers after the deadline WHEN the callback arrives THEN the emulator refuses it as late", async () => {
    // A 300 ms deadline stands in for Discord's 3 s to keep the suite fast; the rule is the same.
    const emulator = await DiscordEmulator.start({ deadlineMs: 300 });
    cleanups.push(() => emulator.stop());
    const guild = emulator.addGuild();
    const user = emulator.addUser();
    const client = plainClient(emulator);
    const failures: unknown[] = [];
    client.on("interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await new Promise((resolve) => setTimeout(resolve, 400));
      await interaction.reply("too late").catch((error: unknown) => failures.push(error));
    });
    await client.login(emulator.token);
    // No short wait for the late callback: on a busy machine it may come well after 1 s.
    const outcome = await emulator.sendInteraction(slashCommand(emulator, guild, user, "ask"));
    expect(outcome.late).toBe(true);
    expect(outcome.callback).toBeUndefined();
    expect(outcome.errors[0]).toMatch(/callback after \d+ ms \(deadline 300 ms\)/);
    await emulator.waitUntil(() => failures.length === 1);
    expect(String(failures[0])).toMatch(/Unknown interaction/);
  });

  it("GIVEN a reply over Discord's limits WHEN it is sent THEN it is refused with 400 and recorded", async () => {
    const emulator = await DiscordEmulator.start({ deadlineMs: GENEROUS_MS });
    cleanups.push(() => emulator.stop());
    const guild = emulator.addGuild();
    const user = emulator.addUser();
    const client = plainClient(emulator);
    client.on("interactionCreate", async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply("x".repeat(2001)).catch(() => interaction.reply("short"));
    });
    await client.login(emulator.token);
    const outcome = await emulator.sendInteraction(slashCommand(emulator, guild, user, "ask"));
    expect(outcome.errors[0]).toMatch(/content has 2001 > 2000/);
    expect(outcome.callback?.data.content).toBe("short");
  });

  it("GIVEN autocomplete and a button WHEN they are sent THEN the callbacks are types 8 and 7", async () => {
    const { emulator, guild, user } = await setup();
    const options = [{ name: "query", type: OptionType.String, value: "tes" }];
    const suggestion = await emulator.sendInteraction(
      autocomplete(emulator, guild, user, "search", "query", options),
    );
    expect(suggestion.callback).toMatchObject({ type: 8, data: { choices: [{ name: "echo" }] } });
    const press = await emulator.sendInteraction(
      buttonPress(emulator, guild, user, "more:1", { content: "old" }),
    );
    expect(press.callback).toMatchObject({ type: 7, data: { content: "pressed more:1" } });
  });

  it("GIVEN gateway faults (4000, TCP drop, op 7, op 9 resumable) WHEN each happens THEN the client resumes and answers", async () => {
    const { emulator, ask } = await setup({ heartbeatIntervalMs: 1000 });
    const faults: [string, () => void][] = [
      ["close 4000", () => emulator.closeShard(0, 4000)],
      ["tcp drop", () => emulator.dropShard(0)],
      ["op 7", () => emulator.requestReconnect(0)],
      ["op 9 true", () => emulator.invalidateSession(0, true)],
    ];
    for (const [name, fault] of faults) {
      const resumesBefore = emulator.resumes.get(0) ?? 0;
      fault();
      await emulator.waitUntil(() => emulator.resumes.get(0) === resumesBefore + 1, 5000);
      await emulator.waitForShards([0]);
      const outcome = await ask(name);
      expect(outcome.callback?.data.content).toBe(`echo: ${name}`);
      expect(outcome.late).toBe(false);
    }
    expect(emulator.identifies.get(0)).toBe(1);
  });

  it("GIVEN op 9 not resumable WHEN it is sent THEN the client identifies again and answers", async () => {
    const { emulator, ask } = await setup();
    emulator.invalidateSession(0, false);
    await emulator.waitUntil(() => emulator.identifies.get(0) === 2);
    await emulator.waitForShards([0]);
    expect((await ask("after op 9")).callback?.data.content).toBe("echo: after op 9");
  });

  it("GIVEN withheld heartbeat ACKs WHEN the client sees a zombie connection THEN it reconnects and resumes", async () => {
    const { emulator, ask } = await setup({ heartbeatIntervalMs: 300 });
    await new Promise((resolve) => setTimeout(resolve, 400)); // let the first heartbeat go out
    emulator.withholdAcks(0);
    await emulator.waitUntil(() => (emulator.resumes.get(0) ?? 0) === 1, 5000);
    expect((await ask("zombie")).callback?.data.content).toBe("echo: zombie");
  });

  it("GIVEN REST answers 429 with Retry-After, then 500 twice, then 502 WHEN the bot replies THEN each reply still arrives", async () => {
    const { emulator, ask } = await setup();
    emulator.injectRestFault({ path: /\/callback$/, status: 429, times: 1, retryAfter: 0.3 });
    const limited = await ask("limited");
    expect(limited.callback?.data.content).toBe("echo: limited");
    expect(limited.callback!.latencyMs).toBeGreaterThanOrEqual(290);
    emulator.injectRestFault({ path: /\/callback$/, status: 500, times: 2 });
    expect((await ask("five hundred")).callback?.data.content).toBe("echo: five hundred");
    emulator.injectRestFault({ path: /\/callback$/, status: 502, times: 1 });
    expect((await ask("bad gateway")).callback?.data.content).toBe("echo: bad gateway");
    const statuses = emulator.requests
      .filter((r) => r.path.endsWith("/callback"))
      .map((r) => r.status);
    expect(statuses).toEqual([429, 204, 500, 500, 204, 502, 204]);
  });

  it("GIVEN a shard offline WHEN an interaction is sent THEN it is replayed after the resume and answered", async () => {
    const { emulator, ask } = await setup();
    emulator.dropShard(0);
    const outcome = await ask("during outage");
    expect(outcome.callback?.data.content).toBe("echo: during outage");
  });

  it("GIVEN two shards WHEN guilds of each shard send commands THEN each shard receives its own guilds", async () => {
    const emulator = await DiscordEmulator.start({ deadlineMs: GENEROUS_MS });
    cleanups.push(() => emulator.stop());
    const guilds = [emulator.addGuild(), emulator.addGuild()];
    const user = emulator.addUser();
    const client = await startEchoBot(emulator, { shards: [0, 1], shardCount: 2 });
    cleanups.push(() => client.destroy());
    const seen: number[] = [];
    client.on("interactionCreate", (interaction) => seen.push(interaction.guild!.shardId));
    for (const guild of guilds) {
      const outcome = await emulator.sendInteraction(slashCommand(emulator, guild, user, "ask"));
      expect(outcome.shard).toBe(shardOf(guild.id, 2));
    }
    expect(seen.sort()).toEqual([0, 1]);
  });
});
