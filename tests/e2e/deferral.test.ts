// Deferral through the emulator: an interaction whose answer may not be ready well within
// Discord's 3 seconds is acknowledged first, then edited with the answer. The bot's clock and
// limits are injected: no test here depends on how fast this machine is.

import { afterEach, describe, expect, it } from "vitest";
import { Deferral, DEFERRAL } from "../../src/bot/deferral.ts";
import { OptionType } from "../emulator/payloads.ts";
import { expectSafe, startWorld, textOf, type World } from "./harness.ts";

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const EPHEMERAL = 64;
const QUESTION = "How much did vehicle exports to China rise?";

describe("deferring under load", () => {
  it("GIVEN an idle bot and an interaction that has not waited WHEN a member asks THEN the answer is the first and only callback", async () => {
    // The clock stands still at the interaction's creation: how busy this machine is plays no part.
    world = await startWorld({
      deferral: new Deferral(DEFERRAL, () => Number.NEGATIVE_INFINITY),
    });
    const outcome = await world.ask(QUESTION);
    expect(outcome.callback?.type).toBe(4);
    expect(textOf(outcome.original)).toContain("376%");
  });

  it("GIVEN an interaction that already waited 2 s when its handler starts (the bot's clock says so) WHEN a member asks THEN it is acknowledged publicly first and then edited with the answer", async () => {
    world = await startWorld({ deferral: new Deferral(DEFERRAL, () => Date.now() + 2_000) });
    const outcome = await world.ask(QUESTION);
    expect(outcome.callback?.type).toBe(5);
    expect((outcome.callback?.data?.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(outcome.edits).toHaveLength(1);
    expect(outcome.errors).toEqual([]);
    expectSafe(outcome.original);
    expect(textOf(outcome.original)).toContain("376%");
  });

  it("GIVEN as many interactions in flight as the limit WHEN a member asks privately THEN it is acknowledged privately first and edited with the answer", async () => {
    world = await startWorld({ deferral: new Deferral({ ...DEFERRAL, maxInFlight: 0 }) });
    const outcome = await world.ask(QUESTION, [
      { name: "private", type: OptionType.Boolean, value: true },
    ]);
    expect(outcome.callback?.type).toBe(5);
    expect((outcome.callback?.data?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
    expect(textOf(outcome.original)).toContain("376%");
  });

  it("GIVEN a deferred public acknowledgement WHEN the reply is a private refusal THEN the placeholder is deleted and the refusal follows privately", async () => {
    world = await startWorld({ deferral: new Deferral({ ...DEFERRAL, maxInFlight: 0 }) });
    const outcome = await world.ask("?".repeat(3), []);
    expect(outcome.callback?.type).toBe(5);
    expect(outcome.errors).toEqual([]);
    expect(outcome.deleted).toBe(true);
    expect(outcome.followups).toHaveLength(1);
    expect((outcome.followups[0]?.body?.flags ?? 0) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("GIVEN an acknowledgement answered 429 once WHEN the bot defers THEN it is sent again through discord.js, which waits, and the answer follows", async () => {
    world = await startWorld({ deferral: new Deferral({ ...DEFERRAL, maxInFlight: 0 }) });
    const start = world.emulator.requests.length;
    world.emulator.injectRestFault({ path: /\/callback$/, status: 429, times: 1, retryAfter: 0.1 });
    const outcome = await world.ask(QUESTION);
    expect(outcome.callback?.type).toBe(5);
    expect(outcome.errors).toEqual([]);
    expect(textOf(outcome.original)).toContain("376%");
    const callbacks = world.emulator.requests
      .slice(start)
      .filter((r) => r.path.endsWith("/callback"))
      .map((r) => r.status);
    expect(callbacks).toEqual([429, 204]);
  });

  it("GIVEN an interaction past its deadline WHEN the bot defers it THEN Discord's refusal is logged as one short 'expired' line and as no error", async () => {
    world = await startWorld({
      emulator: { deadlineMs: 0 },
      deferral: new Deferral({ ...DEFERRAL, maxInFlight: 0 }),
    });
    const outcome = await world.ask(QUESTION);
    expect(outcome.late).toBe(true);
    const expired = () => world!.logs.filter((l) => /expired before citebot/u.test(l.msg));
    await world.emulator.waitUntil(() => expired().length > 0, 30_000);
    expect(expired()).toHaveLength(1);
    expect(expired()[0]).toMatchObject({
      level: 40,
      code: 10062,
      interactionId: outcome.payload.id,
    });
    expect(world.logs.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe("the deferral rule", () => {
  it("GIVEN a clock WHEN interactions begin and end THEN it defers slow commands, old interactions and those past the in-flight limit", () => {
    let now = 10_000;
    const deferral = new Deferral(
      { maxWaitMs: 1_000, maxInFlight: 2, answerWithinMs: 1_500, acknowledgementsFirstMs: 10_000 },
      () => now,
    );
    expect(deferral.shouldDefer(now, false)).toBe(false);
    expect(deferral.shouldDefer(now, true)).toBe(true);
    now += 999;
    expect(deferral.shouldDefer(10_000, false)).toBe(false);
    now += 1;
    expect(deferral.shouldDefer(10_000, false)).toBe(true);
    const first = deferral.begin();
    const second = deferral.begin();
    expect(deferral.active).toBe(2);
    expect(deferral.shouldDefer(now, false)).toBe(true);
    first();
    first(); // ending twice counts once
    expect(deferral.active).toBe(1);
    expect(deferral.shouldDefer(now, false)).toBe(false);
    second();
    expect(deferral.active).toBe(0);
    // An answer still being worked out is deferred once 1.5 s have gone since its creation.
    expect(deferral.patienceMs(now)).toBe(1_500);
    expect(deferral.patienceMs(10_000)).toBe(500);
    expect(deferral.patienceMs(now - 5_000)).toBe(0);
    expect(deferral.patienceMs(Number.NEGATIVE_INFINITY)).toBe(0);
  });

  it("GIVEN acknowledgements on their way WHEN a deferred answer asks to go THEN it waits until none is left", async () => {
    const deferral = new Deferral(DEFERRAL);
    const confirmations: (() => void)[] = [];
    const send = () => new Promise<void>((resolve) => confirmations.push(resolve));
    const first = deferral.acknowledge(send);
    const second = deferral.acknowledge(send);
    expect(deferral.acknowledgementsPending).toBe(2);
    let released = false;
    const answer = deferral.acknowledgementsSent().then(() => (released = true));
    confirmations[0]!();
    await first;
    // A turn of the event loop: had the wait ended with one acknowledgement left, it would show.
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(false);
    confirmations[1]!();
    await second;
    await answer;
    expect(released).toBe(true);
    expect(deferral.acknowledgementsPending).toBe(0);
    await deferral.acknowledgementsSent(); // none on its way: at once
  });

  it("GIVEN an acknowledgement that fails WHEN it ends THEN it is no longer counted and waiting answers go", async () => {
    const deferral = new Deferral(DEFERRAL);
    const failing = deferral.acknowledge(() => Promise.reject(new Error("expired")));
    const answer = deferral.acknowledgementsSent();
    await expect(failing).rejects.toThrow("expired");
    await answer;
    expect(deferral.acknowledgementsPending).toBe(0);
  });

  it("GIVEN an acknowledgement that never ends WHEN an answer waits THEN it goes after acknowledgementsFirstMs", async () => {
    const deferral = new Deferral({ ...DEFERRAL, acknowledgementsFirstMs: 0 });
    void deferral.acknowledge(() => new Promise(() => undefined));
    await deferral.acknowledgementsSent();
    expect(deferral.acknowledgementsPending).toBe(1);
  });

  it("GIVEN three answers waiting on an acknowledgement WHEN it is sent THEN they go one per turn of the event loop, in order", async () => {
    const deferral = new Deferral(DEFERRAL);
    let confirm: () => void = () => undefined;
    const ack = deferral.acknowledge(() => new Promise<void>((resolve) => (confirm = resolve)));
    const went: number[] = [];
    const answers = [1, 2, 3].map((n) => deferral.acknowledgementsSent().then(() => went.push(n)));
    confirm();
    await ack;
    await answers[0];
    expect(went).toEqual([1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(went).toEqual([1, 2]);
    await Promise.all(answers);
    expect(went).toEqual([1, 2, 3]);
  });

  it("GIVEN answers waiting on an acknowledgement that never ends WHEN their waits run out together THEN they still go one per turn of the event loop, in order", async () => {
    // Each with a timer of its own, they all went in one timers phase: 1,242 answers held the
    // bot's thread for 15 s during a /reload and nothing was read meanwhile.
    const deferral = new Deferral({ ...DEFERRAL, acknowledgementsFirstMs: 0 });
    void deferral.acknowledge(() => new Promise(() => undefined));
    const went: number[] = [];
    const answers = [1, 2, 3].map((n) => deferral.acknowledgementsSent().then(() => went.push(n)));
    await answers[0];
    expect(went).toEqual([1]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(went).toEqual([1, 2]);
    await Promise.all(answers);
    expect(went).toEqual([1, 2, 3]);
    expect(deferral.acknowledgementsPending).toBe(1);
  });

  it("GIVEN answers still going one per turn WHEN another asks to go with no acknowledgement on its way THEN it goes after them", async () => {
    const deferral = new Deferral(DEFERRAL);
    let confirm: () => void = () => undefined;
    const ack = deferral.acknowledge(() => new Promise<void>((resolve) => (confirm = resolve)));
    const went: number[] = [];
    const waiting = [1, 2].map((n) => deferral.acknowledgementsSent().then(() => went.push(n)));
    confirm();
    await ack;
    await waiting[0];
    const late = deferral.acknowledgementsSent().then(() => went.push(3));
    await Promise.all([...waiting, late]);
    expect(went).toEqual([1, 2, 3]);
  });
});
