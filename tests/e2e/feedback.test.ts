// Feedback: 👍/👎 on answers (one vote per member per answer, changeable) and /gaps, the
// moderators' report of what members asked that the articles did not cover.

import { describe, expect, it } from "vitest";
import type { EmulatedUser, Loose } from "../emulator/emulator.ts";
import { buttonPress, buttonsOf } from "../emulator/payloads.ts";
import { mentionOf, say } from "./chat.ts";
import { replyOf, startWorld, stopAfterEach, type World } from "./harness.ts";

const started = stopAfterEach();

/** Presses the button labelled `label` on citebot's message `message` (its id and body). */
async function press(world: World, user: EmulatedUser, message: Loose, label: string) {
  const button = buttonsOf(message).find((b) => b.label === label);
  expect(button, `button ${label}`).toBeTruthy();
  const outcome = await world.emulator.sendInteraction(
    buttonPress(world.emulator, world.guild, user, button!.customId, message),
  );
  return replyOf(outcome);
}

describe("votes and /gaps", () => {
  it("GIVEN an answer WHEN members vote, change and repeat their votes THEN each member counts once and is told the tally privately", async () => {
    const world = started(await startWorld());
    const outcome = await world.ask("How much did vehicle exports to China rise?");
    const answer = { id: outcome.id, ...replyOf(outcome) };
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(expect.arrayContaining(["👍", "👎"]));
    const first = await press(world, world.alice, answer, "👎");
    expect(first.content).toBe("Thanks: you voted 👎. This answer: 0 👍 · 1 👎.");
    expect(Number(first.flags) & 64).toBe(64);
    expect((await press(world, world.alice, answer, "👍")).content).toBe(
      "Thanks: you voted 👍 (was 👎). This answer: 1 👍 · 0 👎.",
    );
    expect((await press(world, world.alice, answer, "👍")).content).toMatch(/\(unchanged\)/);
    expect((await press(world, world.bob, answer, "👎")).content).toMatch(/1 👍 · 1 👎\.$/);
    // A private answer has no vote buttons: votes are on what the channel sees.
    const privately = replyOf(
      await world.ask("Who did Musk meet?", [{ name: "private", type: 5, value: true }]),
    );
    expect(buttonsOf(privately).map((b) => b.label)).not.toContain("👍");
  });

  it("GIVEN uncovered questions and a voted-down answer WHEN a moderator runs /gaps THEN both lists come with counts and links; a member is refused", async () => {
    const world = started(await startWorld());
    const m = mentionOf(world);
    const peru = await say(world, `${m} What is the capital of Peru?`);
    const again = await say(world, `${m} What is the capital of  Peru??`, { user: world.bob });
    await world.ask("Who is the CEO of Apple?");
    const mentioned = { id: peru.reply.id, ...peru.reply.body };
    await press(world, world.alice, mentioned, "👎");
    await press(world, world.bob, mentioned, "👎");
    const refused = replyOf(await world.command("gaps"));
    expect(refused.content).toMatch(/Manage Server/);
    const gaps = replyOf(await world.command("gaps", [], { user: world.admin }));
    expect(Number(gaps.flags) & 64).toBe(64);
    const [asked, voted] = gaps.embeds[0].fields;
    const base = `https://discord.com/channels/${world.guild.id}/${world.guild.channelId}`;
    const lines = String(asked.value).split("\n");
    expect(lines[0]).toMatch(/^\*\*2×\*\* what is the capital of peru/i);
    const linked = /\(<([^>]+)>\)$/u.exec(lines[0]!)?.[1];
    expect([`${base}/${peru.asked.id}`, `${base}/${again.asked.id}`]).toContain(linked);
    expect(lines[1]).toMatch(/^\*\*1×\*\* Who is the CEO of Apple\? · \[channel\]/);
    expect(lines[1]).toContain(`(<${base}>)`);
    expect(String(voted.value)).toMatch(/^\*\*2 👎\*\* 0 👍 · What is the capital of Peru\?/);
    expect(String(voted.value)).toContain(`(<${base}/${peru.reply.id}>)`);
  });
});
