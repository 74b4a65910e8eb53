import { describe, expect, it } from "vitest";
import { Cooldowns } from "../../src/bot/cooldown.ts";
import { Options, type CommandModule, type UserRef } from "../../src/bot/context.ts";
import { AUTOCOMPLETE, Dispatcher, STALE_BUTTON, UNKNOWN_COMMAND } from "../../src/bot/dispatch.ts";
import { ALICE, BOB, input, world } from "./helpers.ts";

describe("cooldown", () => {
  it("GIVEN a 5 s cooldown WHEN a user repeats after 2 s THEN they wait 3 s more, and may go again after 5 s", () => {
    let now = 0;
    const cooldowns = new Cooldowns(5, () => now);
    expect(cooldowns.take("u")).toBe(0);
    now = 2000;
    expect(cooldowns.take("u")).toBe(3);
    now = 4500;
    expect(cooldowns.take("u")).toBe(1);
    now = 5000;
    expect(cooldowns.take("u")).toBe(0);
  });

  it("GIVEN a cooldown of 0 THEN it is off", () => {
    const cooldowns = new Cooldowns(0, () => 0);
    expect([cooldowns.take("u"), cooldowns.take("u"), cooldowns.take("u")]).toEqual([0, 0, 0]);
  });

  it("GIVEN a 10 s cooldown WHEN one user asks twice THEN the second gets a private 'try again in N s' while another user is answered", async () => {
    const { dispatcher, clock, lines } = await world({ cooldownSeconds: 10 });
    const first = await dispatcher.command("help", input());
    clock.now += 4000;
    const second = await dispatcher.command("help", input());
    const other = await dispatcher.command("help", input({}, { user: BOB }));
    expect(first.error).toBeFalsy();
    expect(second).toMatchObject({
      error: true,
      ephemeral: true,
      content: "You're going a bit fast: try again in 6 s.",
    });
    expect(other.error).toBeFalsy();
    expect(lines.filter((line) => line.msg === "interaction").map((line) => line.outcome)).toEqual([
      "ok",
      "cooldown",
      "ok",
    ]);
  });
});

describe("dispatching", () => {
  it("GIVEN an unknown command THEN the user gets a polite private answer", async () => {
    const { dispatcher } = await world();
    expect(await dispatcher.command("frobnicate", input())).toMatchObject({
      error: true,
      ephemeral: true,
      content: UNKNOWN_COMMAND,
    });
  });

  it("GIVEN a stale or unknown button THEN the user gets a polite private answer", async () => {
    const { dispatcher } = await world();
    for (const id of ["ask:more:3:#gone", "nothing:here", "quote:go:2:c:#gone", ""]) {
      expect(await dispatcher.button(id, ALICE)).toMatchObject({
        error: true,
        ephemeral: true,
        content: STALE_BUTTON,
      });
    }
  });

  it("GIVEN forged buttons (numbers not in plain digits, an empty or letterless question carried inline) THEN each is refused as stale and nothing public is posted", async () => {
    const { dispatcher, context } = await world();
    const id = context.corpus().index.articles[0]!.id;
    for (const forged of [
      "ask:more:1e1:=\nWhat tariff?",
      "ask:more:0x3:=\nWhat tariff?",
      "ask:more: 3:=\nWhat tariff?",
      "ask:share:0:=",
      "ask:share:0:=\n",
      "ask:share:0:=\n   ",
      "ask:share:0:=\n?!?",
      "check:share:=",
      `quote:show:1e0:=${id}`,
      `quote:go:0x2:c:=${id}`,
    ]) {
      const reply = await dispatcher.button(forged, ALICE);
      expect(reply, forged).toMatchObject({ error: true, ephemeral: true, content: STALE_BUTTON });
    }
    // The same buttons with honest values still work.
    expect(await dispatcher.button("ask:share:0:=\nWhat tariff?", ALICE)).toMatchObject({
      ephemeral: false,
    });
    expect(await dispatcher.button(`quote:show:1:=${id}`, ALICE)).toMatchObject({
      ephemeral: true,
    });
  });

  it("GIVEN a handler that throws THEN the reply is a private error with an id, and the log line has that id and the stack", async () => {
    const { dispatcher, context, lines } = await world();
    context.replaceCorpus({ ...context.corpus(), index: null as never });
    const reply = await dispatcher.command("ask", input({ question: "Who?" }));
    expect(reply).toMatchObject({ error: true, ephemeral: true });
    const id = /error id ([0-9a-f]{8})/u.exec(String(reply.content))?.[1];
    expect(id).toBeDefined();
    const logged = lines.find((line) => line.msg === "handler failed");
    expect(logged?.errorId).toBe(id);
    expect(String((logged?.err as { stack?: string })?.stack)).toContain("TypeError");
    expect(lines.find((line) => line.msg === "interaction")).toMatchObject({
      outcome: "error",
      errorId: id,
      command: "ask",
    });
  });

  it("GIVEN a question THEN the info log line has command, latency and outcome but not the question, which is at debug only", async () => {
    const { dispatcher, lines } = await world();
    await dispatcher.command("ask", input({ question: "Where is the secret meeting?" }));
    const info = lines.filter((line) => line.level === 30);
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({
      msg: "interaction",
      kind: "command",
      command: "ask",
      outcome: "ok",
    });
    expect(typeof info[0]?.latencyMs).toBe("number");
    expect(JSON.stringify(info)).not.toContain("secret meeting");
    expect(JSON.stringify(lines.filter((line) => line.level === 20))).toContain("secret meeting");
  });
});

describe("autocomplete under a flood", () => {
  it("GIVEN 20 keystrokes from one member within the interval THEN the search runs once and each gets the suggestions just computed; another member and a later keystroke are searched", async () => {
    const { context } = await world();
    const searched: string[] = [];
    const suggest: CommandModule = {
      data: { name: "find", toJSON: () => ({ name: "find", description: "x" }) },
      execute: () => ({ content: "" }),
      autocomplete: (typed) => {
        searched.push(`${typed.user.id}:${typed.value}`);
        return [{ name: `for ${typed.value}`, value: typed.value }];
      },
    };
    let now = 0;
    const dispatcher = new Dispatcher([suggest], context, { cooldownSeconds: 0, now: () => now });
    const typing = (user: UserRef, value: string) =>
      dispatcher.autocomplete("find", { user, focused: "q", value, options: new Options() });
    for (let i = 1; i <= 20; i++) {
      now += 10;
      expect(typing(ALICE, "tariff".slice(0, (i % 6) + 1))).toEqual([
        { name: "for ta", value: "ta" },
      ]);
    }
    expect(typing(BOB, "musk")).toEqual([{ name: "for musk", value: "musk" }]);
    now += AUTOCOMPLETE.intervalMs;
    expect(typing(ALICE, "tariffs")).toEqual([{ name: "for tariffs", value: "tariffs" }]);
    expect(searched).toEqual([`${ALICE.id}:ta`, `${BOB.id}:musk`, `${ALICE.id}:tariffs`]);
  });
});
