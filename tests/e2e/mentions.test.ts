// Asking citebot in a channel: a mention is answered as a reply with /ask's answer, a reply to an
// answer is a follow-up of its question; bots, webhooks and other talk are ignored; nobody is pinged.

import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { mentionOf, repliesTo, say } from "./chat.ts";
import { paragraphsCited, replyOf, startWorld, stopAfterEach, textOf } from "./harness.ts";

const started = stopAfterEach();

/** Message markdown taken off, to compare a reply with plain text. */
function plain(text: string): string {
  return text.replace(/\*\*|(?<!\\)\*|__|\\(?=[\\*_`~|>#\-[\]().!<@:$])/g, "");
}

/** The rules of every channel reply: no ephemeral flag, nobody pinged, not even the asker. */
function expectQuiet(posted: { body: Record<string, unknown>; pinged: readonly string[] }): void {
  expect(posted.pinged).toEqual([]);
  expect(posted.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  expect(Number(posted.body.flags ?? 0) & 64).toBe(0);
}

describe("mentions and follow-ups in channels", () => {
  it("GIVEN a member mentions citebot with a question WHEN it answers THEN the reply to that message carries the same cited answer as /ask and pings nobody", async () => {
    const world = started(await startWorld());
    const question = "How much did vehicle exports to China rise?";
    const { asked, reply } = await say(world, `${mentionOf(world)} ${question}`);
    expectQuiet(reply);
    expect(reply.channelId).toBe(world.guild.channelId);
    expect(reply.replyTo).toBe(asked.id);
    const slash = replyOf(await world.ask(question));
    expect(reply.body.embeds).toEqual(slash.embeds);
    expect(plain(textOf(reply.body))).toContain("376%");
    expect(world.logs.some((l) => l.kind === "message" && l.command === "mention")).toBe(true);
  });

  it("GIVEN a thread WHEN a member mentions citebot there THEN the reply is in the thread", async () => {
    const world = started(await startWorld());
    const thread = world.emulator.addThread(world.guild, "tesla in china");
    const { reply } = await say(world, `Hey ${mentionOf(world)}, who did Musk meet in China?`, {
      channelId: thread.id,
    });
    expectQuiet(reply);
    expect(reply.channelId).toBe(thread.id);
    expect(plain(textOf(reply.body))).toMatch(/Wang/);
  });

  it("GIVEN messages not addressed to citebot, from a bot or a webhook WHEN they arrive THEN none is answered, while a later mention is", async () => {
    const world = started(await startWorld());
    const m = mentionOf(world);
    const other = world.emulator.addUser("otherbot");
    const ignored = [
      world.emulator.postMessage(world.guild, { author: world.bob, content: "tariffs, anyone?" }),
      world.emulator.postMessage(world.guild, {
        author: other,
        bot: true,
        content: `${m} tariffs?`,
      }),
      world.emulator.postMessage(world.guild, {
        author: other,
        webhook: true,
        content: `${m} tariffs?`,
      }),
    ].map((posted) => posted.message.id);
    const memberReply = world.emulator.postMessage(world.guild, {
      author: world.bob,
      content: "I think so",
      replyTo: ignored[0],
    });
    ignored.push(memberReply.message.id);
    const { reply } = await say(world, `${m} what tariff applies to Tesla's imported cars?`);
    expect(plain(textOf(reply.body))).toContain("25%");
    expect(repliesTo(world, ignored)).toEqual([]);
    expect(world.emulator.channels.posted).toHaveLength(1);
  });

  it("GIVEN an empty mention WHEN it arrives THEN the reply says what to ask, plainly", async () => {
    const world = started(await startWorld());
    const { reply } = await say(world, mentionOf(world));
    expectQuiet(reply);
    expect(reply.body.content).toMatch(/question is empty/);
    expect(reply.body.embeds).toEqual([]);
  });

  it("GIVEN a cooldown WHEN a member mentions citebot three times quickly THEN the first is answered, the second told to wait, the third ignored, and another member answered", async () => {
    const world = started(await startWorld({ env: { COOLDOWN_SECONDS: "60" } }));
    const m = mentionOf(world);
    const first = await say(world, `${m} who did Musk meet?`);
    expect(first.reply.body.embeds).toHaveLength(1);
    const second = await say(world, `${m} what about tariffs?`);
    expect(second.reply.body.content).toMatch(/going a bit fast/);
    const third = world.emulator.postMessage(world.guild, {
      author: world.alice,
      content: `${m} x?`,
    });
    const bob = await say(world, `${m} how much did exports rise?`, { user: world.bob });
    expect(bob.reply.body.embeds).toHaveLength(1);
    expect(repliesTo(world, [third.message.id])).toEqual([]);
  });

  it("GIVEN an answer WHEN members reply 'and in the U.S.?' then 'why?' THEN each is read in the context of the question before it", async () => {
    const world = started(await startWorld());
    const m = mentionOf(world);
    const first = await say(world, `${m} How much revenue did Tesla make in China in 2016?`);
    expect(plain(textOf(first.reply.body))).toContain("$1 billion");
    const second = await say(world, "and in the U.S.?", {
      replyTo: first.reply.id,
      pingReplied: false,
    });
    expectQuiet(second.reply);
    const text = plain(textOf(second.reply.body));
    expect(text).toMatch(/Q: and in the U.S.\? \(read as: How much revenue .*U.S.\?\)/);
    expect(text).toContain("A: $4.2 billion");
    expect(paragraphsCited(second.reply.body.embeds[0].fields[0].name)).toEqual([3]);
    // A reply to the follow-up's answer, pinging citebot (Discord's default), is a follow-up too.
    const third = await say(world, "why?", { replyTo: second.reply.id, user: world.bob });
    expectQuiet(third.reply);
    expect(plain(textOf(third.reply.body))).toMatch(/read as: Why .*revenue.*U.S./);
    // Both replies were handled as follow-ups (the log line names them), not as fresh questions.
    expect(world.logs.filter((l) => l.command === "follow-up")).toHaveLength(2);
  });

  it("GIVEN two articles WHEN a follow-up names something of the other article THEN it stays on the article of its question", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "citebot-two-"));
    started({ stop: () => rm(dir, { recursive: true, force: true }) });
    await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
    await cp(
      path.resolve(
        import.meta.dirname,
        "../fixtures/articles/md/connected-vehicle-technology-2024.md",
      ),
      path.join(dir, "vehicles.md"),
    );
    const world = started(await startWorld({ env: { DATA_DIR: dir } }));
    const m = mentionOf(world);
    const first = await say(
      world,
      `${m} What tariff did Biden raise on Chinese electric vehicles?`,
    );
    expect(first.reply.body.embeds[0].fields[0].name).toContain("Connected Vehicle");
    const followUp = await say(world, "what about Tesla?", { replyTo: first.reply.id });
    const fields: { name: string }[] = followUp.reply.body.embeds[0].fields;
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field.name).toContain("Connected Vehicle");
    // Asked on its own, the same words find the Tesla article: the follow-up's context is what kept it.
    const alone = await say(world, `${m} what tariff Tesla?`, { user: world.bob });
    expect(alone.reply.body.embeds[0].fields[0].name).toContain("Tesla");
  });
});
