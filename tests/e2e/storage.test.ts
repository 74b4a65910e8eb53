// What citebot keeps in its database, end to end: follow-ups survive a restart, and the questions
// the articles did not cover are logged with where they were asked.

import Database from "better-sqlite3";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startBot } from "../../src/bot/bot.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { DATABASE_FILE } from "../../src/storage/database.ts";
import { memoryLogger } from "../bot/helpers.ts";
import { noIdentifyWait } from "../emulator/emulator.ts";
import { mentionOf, say } from "./chat.ts";
import { startWorld, stopAfterEach, textOf } from "./harness.ts";

const started = stopAfterEach();

describe("citebot's database, end to end", () => {
  it("GIVEN an answer in a channel WHEN citebot restarts THEN a reply to that answer is still read as its follow-up", async () => {
    const world = started(await startWorld());
    const first = await say(
      world,
      `${mentionOf(world)} How much revenue did Tesla make in China in 2016?`,
    );
    await world.bot.stop();
    const { logger } = memoryLogger("info", [world.config.token]);
    const restarted = started(
      await startBot({
        config: world.config,
        corpus: await openCorpus(world.config.dataDir, { cacheDir: false }),
        logger,
        clientOptions: { ws: noIdentifyWait },
      }),
    );
    expect(restarted.client.isReady()).toBe(true);
    const followUp = await say(world, "and in the U.S.?", { replyTo: first.reply.id });
    expect(textOf(followUp.reply.body)).toMatch(/read as: How much revenue/u);
    expect(textOf(followUp.reply.body)).toContain("$4.2 billion");
  });

  it("GIVEN questions the article does not cover, by mention and by /ask WHEN answered THEN each is logged with its guild and channel, the mention with its message", async () => {
    const world = started(await startWorld());
    const mentioned = await say(world, `${mentionOf(world)} What is the capital of Peru?`);
    await world.ask("Who is the CEO of Apple?");
    await world.ask("How much did vehicle exports to China rise?"); // answered: not logged
    const db = new Database(path.join(world.config.stateDir, DATABASE_FILE), { readonly: true });
    const rows = db
      .prepare("SELECT guild_id, channel_id, message_id, question FROM unanswered ORDER BY id")
      .all();
    db.close();
    expect(rows).toEqual([
      {
        guild_id: world.guild.id,
        channel_id: world.guild.channelId,
        message_id: mentioned.asked.id,
        question: "What is the capital of Peru?",
      },
      {
        guild_id: world.guild.id,
        channel_id: world.guild.channelId,
        message_id: null,
        question: "Who is the CEO of Apple?",
      },
    ]);
  });
});
