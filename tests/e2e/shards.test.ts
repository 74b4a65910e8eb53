// Two shards in one process (the client's `shards` option): each guild's interactions travel on the
// shard `(guild_id >> 22) % 2` and are answered there. Two processes: processes.test.ts.

import { describe, expect, it } from "vitest";
import { shardOf } from "../emulator/emulator.ts";
import { OptionType } from "../emulator/payloads.ts";
import { expectSafe, replyOf, startWorld, stopAfterEach } from "./harness.ts";

const started = stopAfterEach();

describe("two shards", () => {
  it("GIVEN the client's shards option [0, 1] and four guilds WHEN each guild asks THEN the interaction arrives on its guild's shard and is answered", async () => {
    const world = started(
      await startWorld({ guilds: 4, clientOptions: { shards: [0, 1], shardCount: 2 } }),
    );
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
});
