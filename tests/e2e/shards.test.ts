// Two shards: each guild's interactions travel on the shard `(guild_id >> 22) % 2` and are
// answered there, in one process (the client's `shards` option) and in two (ShardingManager).

import { afterEach, describe, expect, it } from "vitest";
import { DiscordEmulator, shardOf } from "../emulator/emulator.ts";
import { OptionType, slashCommand } from "../emulator/payloads.ts";
import {
  envFor,
  expectSafe,
  replyOf,
  spawnScript,
  startWorld,
  type Child,
  type World,
} from "./harness.ts";

let world: World | undefined;
let emulator: DiscordEmulator | undefined;
let child: Child | undefined;
afterEach(async () => {
  await world?.stop();
  await child?.stop();
  await emulator?.stop();
  world = undefined;
  child = undefined;
  emulator = undefined;
});

describe("two shards", () => {
  it("GIVEN the client's shards option [0, 1] and four guilds WHEN each guild asks THEN the interaction arrives on its guild's shard and is answered", async () => {
    world = await startWorld({ guilds: 4, clientOptions: { shards: [0, 1], shardCount: 2 } });
    const { emulator: emu, bot } = world;
    expect(emu.liveShards()).toEqual([0, 1]);
    expect(bot.client.guilds.cache.size).toBe(4);
    const received: [string, number][] = [];
    bot.client.on("interactionCreate", (i) => received.push([i.guildId!, i.guild!.shardId]));
    for (const guild of emu.guilds) {
      const outcome = await world.command(
        "ask",
        [{ name: "question", type: OptionType.String, value: `What happened in ${guild.name}?` }],
        { guild },
      );
      expect(outcome.shard).toBe(shardOf(guild.id, 2));
      expectSafe(replyOf(outcome));
    }
    expect(received).toEqual(emu.guilds.map((g) => [g.id, shardOf(g.id, 2)]));
    expect(new Set(received.map(([, shard]) => shard))).toEqual(new Set([0, 1]));
  });

  it("GIVEN npm run start:sharded with SHARD_COUNT=2 WHEN guilds on both shards ask THEN each shard process answers its guilds", async () => {
    emulator = await DiscordEmulator.start();
    for (let i = 0; i < 4; i++) emulator.addGuild();
    const user = emulator.addUser("alice");
    child = spawnScript("start:sharded", envFor(emulator, { SHARD_COUNT: "2", LOG_LEVEL: "info" }));
    const emu = emulator;
    // ShardingManager waits 5.5 s between spawns by default; both shards must come up on their own.
    await emu
      .waitUntil(() => emu.liveShards().length === 2, 25_000)
      .catch((error: unknown) => {
        throw new Error(`${String(error)}\n${child!.stdout}\n${child!.stderr}`);
      });
    expect(emu.liveShards()).toEqual([0, 1]);
    expect(emu.identifies.get(0)).toBe(1);
    expect(emu.identifies.get(1)).toBe(1);
    for (const guild of emu.guilds) {
      const outcome = await emu.sendInteraction(
        slashCommand(emu, guild, user, "ask", [
          { name: "question", type: OptionType.String, value: "How much did Tesla sell in China?" },
        ]),
      );
      expect(outcome.shard).toBe(shardOf(guild.id, 2));
      const body = replyOf(outcome);
      expectSafe(body);
      expect(body.embeds[0].fields.length).toBeGreaterThan(0);
    }
    await child.stop();
    await emu.waitUntil(() => emu.liveShards().length === 0, 5000);
  }, 45_000);
});
