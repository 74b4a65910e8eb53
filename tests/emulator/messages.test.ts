// Channel messages in the emulator, checked with a plain discord.js client: MESSAGE_CREATE by
// intents, content only where Discord sends it without the Message Content intent, the bot's
// replies with their references and pings, Discord's refusals, threads and attachments.

import { Client, GatewayIntentBits, type Message } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { clientOptionsFor, DiscordEmulator } from "./emulator.ts";
import { slashCommand } from "./payloads.ts";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** An emulator with one guild and two members, and a logged-in client with `intents`. */
async function setup(intents: GatewayIntentBits[]) {
  const emulator = await DiscordEmulator.start();
  cleanups.push(() => emulator.stop());
  const guild = emulator.addGuild();
  const alice = emulator.addUser("alice");
  const bob = emulator.addUser("bob");
  const client = new Client({ intents, ...clientOptionsFor(emulator) });
  cleanups.push(() => client.destroy());
  const seen: Message[] = [];
  client.on("messageCreate", (message) => seen.push(message));
  client.on("interactionCreate", (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply("pong");
  });
  await Promise.all([
    new Promise<void>((resolve) => client.once("clientReady", () => resolve())),
    client.login(emulator.token),
  ]);
  /** Events travel in order on one socket: once a later interaction is answered, the messages before it have arrived. */
  const barrier = () => emulator.sendInteraction(slashCommand(emulator, guild, alice, "ping"));
  const mention = `<@${emulator.applicationId}>`;
  return { emulator, guild, alice, bob, client, seen, barrier, mention };
}

describe("channel messages in the emulator", () => {
  it("GIVEN a client with the Guilds intent only WHEN a member mentions it THEN no MESSAGE_CREATE is dispatched", async () => {
    const { emulator, guild, alice, seen, barrier, mention } = await setup([
      GatewayIntentBits.Guilds,
    ]);
    const { dispatched } = emulator.postMessage(guild, { author: alice, content: `${mention} hi` });
    await barrier();
    expect(dispatched).toBe(false);
    expect(seen).toEqual([]);
  });

  it("GIVEN GuildMessages without Message Content WHEN members write THEN only messages that mention the bot or reply to it carry their content", async () => {
    const { emulator, guild, alice, bob, seen, barrier, mention } = await setup([
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
    ]);
    emulator.postMessage(guild, { author: alice, content: "just chatting" });
    const asked = emulator.postMessage(guild, { author: bob, content: `${mention} who won?` });
    await barrier();
    expect(seen.map((m) => m.content)).toEqual(["", `${mention} who won?`]);
    expect(seen[1]!.mentions.users.has(emulator.applicationId)).toBe(true);
    const answer = await seen[1]!.reply({ content: "nobody", allowedMentions: { parse: [] } });
    const posted = await emulator.waitForReply(asked.message.id);
    expect(posted.id).toBe(answer.id);
    // A reply to the bot that does not ping it still carries its content; a reply to a member does not.
    emulator.postMessage(guild, {
      author: alice,
      content: "why?",
      replyTo: answer.id,
      pingReplied: false,
    });
    emulator.postMessage(guild, { author: alice, content: "agreed", replyTo: asked.message.id });
    await barrier();
    expect(seen.slice(2).map((m) => [m.content, m.reference?.messageId])).toEqual([
      ["why?", answer.id],
      ["", asked.message.id],
    ]);
  });

  it("GIVEN the bot replies WHEN allowed_mentions differ THEN the reference is recorded and only allowed users are pinged", async () => {
    const { emulator, guild, alice, seen, barrier, mention } = await setup([
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
    ]);
    const asked = emulator.postMessage(guild, { author: alice, content: `${mention} hello` });
    await barrier();
    await seen[0]!.reply({
      content: `hi <@${alice.id}>`,
      allowedMentions: { parse: [], repliedUser: false },
    });
    await seen[0]!.reply({ content: "default reply" });
    const replies = emulator.channels.posted.filter((p) => p.replyTo === asked.message.id);
    expect(replies.map((p) => p.pinged)).toEqual([[], [alice.id]]);
    expect(replies[0]!.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("GIVEN bodies Discord refuses WHEN the bot posts them THEN each gets 400 and nothing is stored", async () => {
    const { emulator, guild, client } = await setup([GatewayIntentBits.Guilds]);
    const channel = await client.channels.fetch(guild.channelId);
    if (!channel?.isSendable()) throw new Error("channel not sendable");
    await expect(channel.send("x".repeat(2001))).rejects.toThrow();
    await expect(channel.send({ content: "private?", flags: 64 } as never)).rejects.toThrow();
    await expect(
      channel.send({ content: "to nothing", reply: { messageReference: "123456789" } }),
    ).rejects.toThrow(/Unknown message/);
    expect(emulator.channels.posted).toEqual([]);
    const statuses = emulator.requests.filter((r) => r.path.endsWith("/messages"));
    expect(statuses.map((r) => r.status)).toEqual([400, 400, 400]);
  });

  it("GIVEN a thread created after login WHEN a member mentions the bot in it THEN the client sees a thread message", async () => {
    const { emulator, guild, alice, client, seen, barrier, mention } = await setup([
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
    ]);
    const thread = emulator.addThread(guild, "tariffs");
    emulator.postMessage(guild, {
      author: alice,
      content: `${mention} in a thread`,
      channelId: thread.id,
    });
    await barrier();
    expect(client.channels.cache.get(thread.id)?.isThread()).toBe(true);
    expect(seen.map((m) => [m.channelId, m.channel.isThread(), m.content])).toEqual([
      [thread.id, true, `${mention} in a thread`],
    ]);
  });

  it("GIVEN attachments WHEN a message mentions the bot THEN their URLs serve the bytes; without a mention they are withheld", async () => {
    const { emulator, guild, alice, seen, barrier, mention } = await setup([
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
    ]);
    const file = { filename: "story.md", data: "# A story\n\nText.\n" };
    emulator.postMessage(guild, { author: alice, content: `${mention} add`, attachments: [file] });
    emulator.postMessage(guild, { author: alice, content: "no mention", attachments: [file] });
    await barrier();
    expect(seen.map((m) => m.attachments.size)).toEqual([1, 0]);
    const attachment = seen[0]!.attachments.first()!;
    expect(attachment.name).toBe("story.md");
    const response = await fetch(attachment.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(file.data);
    expect((await fetch(`${attachment.url}x`)).status).toBe(404);
  });
});
