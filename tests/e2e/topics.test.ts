// The article of a channel: moderators choose it with /topic; /ask, /search, /quote, /article,
// mentions (in the channel and its threads) and the message menu answer from it; library:true
// still searches everything; a server default covers channels without a choice.

import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PermissionFlagsBits } from "discord.js";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import type { EmulatedUser, Loose } from "../emulator/emulator.ts";
import { messageCommand, OptionType, slashCommand } from "../emulator/payloads.ts";
import { mentionOf, say } from "./chat.ts";
import { replyOf, startWorld, textOf, type World } from "./harness.ts";

const VEHICLES = "vehicles";
const FORTUNE_TITLE = "Tesla’s Elon Musk";
const VEHICLES_TITLE = "Connected Vehicle";

let world: World;
let moderator: EmulatedUser;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "citebot-topics-"));
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  await cp(
    path.resolve(
      import.meta.dirname,
      "../fixtures/articles/md/connected-vehicle-technology-2024.md",
    ),
    path.join(dir, `${VEHICLES}.md`),
  );
  world = await startWorld({ env: { DATA_DIR: dir } });
  moderator = world.emulator.addUser("mod", { permissions: PermissionFlagsBits.ManageChannels });
});
afterAll(async () => {
  await world?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** `/topic` with options, by `user`, in the guild's channel or `channelId`. */
async function topic(user: EmulatedUser, values: Record<string, string | boolean>) {
  const options = Object.entries(values).map(([name, value]) => ({
    name,
    type: typeof value === "boolean" ? OptionType.Boolean : OptionType.String,
    value,
  }));
  return replyOf(await world.command("topic", options, { user }));
}

/** A slash command used inside a thread (the payload names the thread and its parent). */
async function inThread(threadId: string, name: string, options: Loose[] = []): Promise<Loose> {
  const payload = slashCommand(world.emulator, world.guild, world.alice, name, options);
  payload.channel_id = threadId;
  payload.channel = {
    ...payload.channel,
    id: threadId,
    type: 11,
    parent_id: world.guild.channelId,
  };
  return replyOf(await world.emulator.sendInteraction(payload));
}

/** The titles cited in an answer's fields (several articles are loaded, so each field names one). */
function citedTitles(body: Loose): string[] {
  return (body.embeds[0]?.fields ?? []).map((f: { name: string }) => f.name);
}

describe("the article of a channel", () => {
  it("GIVEN a member without Manage Channels WHEN they set the channel's article THEN it is refused privately and nothing changes", async () => {
    const refused = await topic(world.alice, { article: VEHICLES });
    expect(refused.content).toMatch(/Manage Channels/);
    expect(Number(refused.flags) & 64).toBe(64);
    const shown = await topic(world.alice, {});
    expect(shown.content).toMatch(/No article is set here/);
    const admin = await topic(world.alice, { article: VEHICLES, server: true });
    expect(admin.content).toMatch(/Manage Server/);
  });

  it("GIVEN a moderator sets the channel's article WHEN members ask, search, quote, mention or check THEN answers come from it, and library:true searches every article", async () => {
    const set = await topic(moderator, { article: "connected vehicle" });
    expect(Number(set.flags ?? 0) & 64).toBe(0);
    expect(textOf(set)).toContain(VEHICLES_TITLE);
    const question = "What tariff applies to Tesla's imported cars?";
    const asked = replyOf(await world.ask(question));
    expect(citedTitles(asked).length).toBeGreaterThan(0);
    for (const name of citedTitles(asked)) expect(name).toContain(VEHICLES_TITLE);
    const library = replyOf(
      await world.ask(question, [{ name: "library", type: OptionType.Boolean, value: true }]),
    );
    expect(citedTitles(library)[0]).toContain(FORTUNE_TITLE);
    const searched = replyOf(
      await world.command("search", [{ name: "query", type: OptionType.String, value: "tariff" }]),
    );
    for (const name of citedTitles(searched)) expect(name).toContain(VEHICLES_TITLE);
    const quoted = replyOf(
      await world.command("quote", [{ name: "paragraph", type: OptionType.Integer, value: 1 }]),
    );
    expect(textOf(quoted)).toContain("Chinese automakers are seeking to dominate");
    const card = replyOf(await world.command("article"));
    expect(card.embeds[0].title).toContain(VEHICLES_TITLE);
    const mentioned = await say(world, `${mentionOf(world)} ${question}`);
    for (const name of citedTitles(mentioned.reply.body)) expect(name).toContain(VEHICLES_TITLE);
    const checked = replyOf(
      await world.emulator.sendInteraction(
        messageCommand(
          world.emulator,
          world.guild,
          world.alice,
          "Check against article",
          "Tesla pays a 25% tariff on imported cars",
        ),
      ),
    );
    for (const name of citedTitles(checked)) expect(name).toContain(VEHICLES_TITLE);
  });

  it("GIVEN a thread under the channel WHEN a member asks there THEN it follows the channel's article; cleared, the server's default applies", async () => {
    const thread = world.emulator.addThread(world.guild, "vehicles talk");
    await topic(moderator, { article: VEHICLES });
    const mentioned = await say(world, `${mentionOf(world)} what tariff applies to Tesla?`, {
      channelId: thread.id,
    });
    expect(mentioned.reply.channelId).toBe(thread.id);
    for (const name of citedTitles(mentioned.reply.body)) expect(name).toContain(VEHICLES_TITLE);
    expect((await inThread(thread.id, "article")).embeds[0].title).toContain(VEHICLES_TITLE);
    const serverDefault = await topic(world.admin, { article: "Tesla", server: true });
    expect(textOf(serverDefault)).toMatch(/wherever a channel has no article of its own/);
    const cleared = await topic(moderator, { clear: true });
    expect(cleared.content).toMatch(/no longer has an article of its own/);
    expect((await inThread(thread.id, "article")).embeds[0].title).toContain(FORTUNE_TITLE);
    const shown = await topic(world.alice, {});
    expect(shown.content).toMatch(/chosen for the server/);
    const again = await topic(moderator, { clear: true });
    expect(again.content).toMatch(/had no article set: nothing changed/);
  });

  it("GIVEN an article name that matches nothing WHEN a moderator sets it THEN the reply lists the loaded articles and nothing changes", async () => {
    const before = (await world.command("article").then(replyOf)).embeds[0].title;
    const refused = await topic(moderator, { article: "no such article anywhere" });
    expect(refused.content).toMatch(/No article matches/);
    expect((await world.command("article").then(replyOf)).embeds[0].title).toBe(before);
  });
});
