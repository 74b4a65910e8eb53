// Hostile input sent through the gateway as a malicious or buggy client could: every interaction
// still gets a safe reply, nobody is pinged, and the bot keeps answering afterwards.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Loose } from "../emulator/emulator.ts";
import {
  autocomplete,
  buttonPress,
  messageCommand,
  OptionType,
  slashCommand,
} from "../emulator/payloads.ts";
import { expectSafe, replyOf, startWorld, textOf, type World } from "./harness.ts";

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

/** No mention syntax that Discord would render as a ping or a role/channel link. */
function expectInert(body: Loose, allowedUser?: string): void {
  const text = textOf(body);
  expect(text).not.toMatch(/@(everyone|here)/);
  const mentions = [...text.matchAll(/<@[!&]?(\d+)>/g)].map((m) => m[0]);
  expect(mentions).toEqual(allowedUser ? [`<@${allowedUser}>`] : []);
  expect(text).not.toMatch(/(?<!\\)\[[^\]]*\]\((?!<https:\/\/)/); // no masked link from user text
}

const question = (value: unknown, type: number = OptionType.String) => [
  { name: "question", type, value },
];

describe("hostile input through the gateway", () => {
  it("GIVEN @everyone, @here, user and role mentions and markdown in a question WHEN /ask answers THEN all of it is escaped and nobody is pinged", async () => {
    const { alice, bob } = world;
    const hostile =
      `@everyone @here <@${bob.id}> <@!${bob.id}> <@&123456789012345678> <#123456789012345678> ` +
      "**Tesla** __China__ ~~sales~~ ||spoiler|| `code` [click](https://evil.example) \n# Heading\n- list\n> quote";
    for (const extra of [[], [{ name: "private", type: OptionType.Boolean, value: true }]]) {
      const body = replyOf(await world.ask(hostile, extra));
      expectSafe(body, { ephemeral: extra.length > 0 });
      expectInert(body);
      const description: string = body.embeds[0].description;
      expect(description).toContain("\\*\\*Tesla\\*\\*");
      expect(description).toContain("\\[click\\]");
      expect(description).not.toMatch(/^#/m);
    }
    const forBob = replyOf(
      await world.ask("@everyone who pays?", [
        { name: "for", type: OptionType.User, value: bob.id },
      ]),
    );
    expectSafe(forBob, { mentioned: [bob.id] });
    expectInert(forBob, bob.id);
    expect(alice.id).not.toBe(bob.id);
  });

  it("GIVEN a 6,000-character question, an empty one and one of only symbols WHEN /ask is used THEN each gets a private explanation within limits", async () => {
    for (const [value, why] of [
      ["Tesla ".repeat(1000), /too long/],
      ["", /empty/],
      ["   \u0000\u200b  ", /empty/],
      ["?!… ***", /no words/],
    ] as const) {
      const body = replyOf(await world.ask(value));
      expectSafe(body, { ephemeral: true });
      expect(body.content).toMatch(why);
      expect(body.content.length).toBeLessThanOrEqual(2000);
    }
  });

  it("GIVEN a 6,000-character search typed into autocomplete WHEN suggestions are asked THEN the answer stays within Discord's rules", async () => {
    const { emulator, guild, alice } = world;
    const outcome = await emulator.sendInteraction(
      autocomplete(emulator, guild, alice, "search", "query", [
        { name: "query", type: OptionType.String, value: "<@&1> @everyone ".repeat(375) },
      ]),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.callback?.type).toBe(8);
  });

  it("GIVEN unknown command names WHEN they arrive THEN a polite private answer says so", async () => {
    for (const name of ["nonexistent", "ASK", "x".repeat(32)]) {
      const body = replyOf(await world.command(name));
      expectSafe(body, { ephemeral: true });
      expect(body.content).toMatch(/don't know that command/);
    }
  });

  it("GIVEN option values of the wrong type WHEN they arrive THEN the bot answers privately instead of crashing", async () => {
    const cases: [string, Loose[], RegExp][] = [
      ["ask", question(42, OptionType.Integer), /empty/],
      ["ask", question(true, OptionType.Boolean), /empty/],
      [
        "ask",
        [...question("Tesla"), { name: "private", type: OptionType.String, value: "yes" }],
        /./,
      ],
      ["quote", [{ name: "paragraph", type: OptionType.String, value: "two" }], /paragraph number/],
      ["quote", [{ name: "paragraph", type: OptionType.Integer, value: -5 }], /doesn't exist/],
      ["quote", [{ name: "paragraph", type: OptionType.Number, value: 2.5 }], /paragraph number/],
      ["quote", [{ name: "paragraph", type: OptionType.Integer, value: 1e21 }], /./],
      ["search", [], /empty/],
      [
        "article",
        [{ name: "article", type: OptionType.String, value: "<@&1> nope" }],
        /No article matches/,
      ],
    ];
    for (const [name, options, expected] of cases) {
      const outcome = await world.emulator.sendInteraction(
        slashCommand(world.emulator, world.guild, world.alice, name, options),
      );
      const body = replyOf(outcome);
      expectInert(body);
      expect(body.allowed_mentions.parse).toEqual([]);
      expect(textOf(body), `${name} ${JSON.stringify(options)}`).toMatch(expected);
    }
  });

  it("GIVEN forged, stale and oversized button ids WHEN pressed THEN each gets the private 'expired' answer", async () => {
    for (const customId of [
      "ask:more:3:#nokey",
      "quote:go:abc:p:=x",
      "check:share:#zz",
      "nothing",
      "x".repeat(100),
    ]) {
      const outcome = await world.emulator.sendInteraction(
        buttonPress(world.emulator, world.guild, world.alice, customId, { content: "old" }),
      );
      const body = replyOf(outcome);
      expectSafe(body, { ephemeral: true });
      expect(body.content, customId).toMatch(/expired/);
    }
  });

  it("GIVEN a message with no text WHEN Check against article is used THEN the reply says there is nothing to check", async () => {
    const { emulator, guild, alice } = world;
    const body = replyOf(
      await emulator.sendInteraction(
        messageCommand(emulator, guild, alice, "Check against article", ""),
      ),
    );
    expectSafe(body, { ephemeral: true });
    expect(body.content).toMatch(/no text/);
  });

  it("GIVEN all the hostile input above WHEN a normal question follows THEN it is answered and no handler crashed", async () => {
    const body = replyOf(await world.ask("How much did Tesla sell in China?"));
    expectSafe(body);
    expect(body.embeds[0].fields.length).toBeGreaterThan(0);
    expect(world.bot.client.isReady()).toBe(true);
    expect(world.logs.filter((l) => l.msg === "could not answer an interaction")).toEqual([]);
  });
});
