// Discord's real misbehaviour, injected by the emulator: gateway closes, dropped connections,
// reconnect requests, invalid sessions, zombie connections, and REST 429/5xx. After each one the
// next interaction must be answered in time.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OptionType } from "../emulator/payloads.ts";
import { expectSafe, replyOf, startWorld, type World } from "./harness.ts";

let world: World;
beforeAll(async () => {
  // A short heartbeat makes the withheld-ACK (zombie) case detectable within a second.
  world = await startWorld({ emulator: { heartbeatIntervalMs: 400 } });
});
afterAll(async () => {
  await world?.stop();
});

async function expectAnswered(question = "How much did Tesla sell in China?"): Promise<number> {
  const outcome = await world.ask(question);
  const body = replyOf(outcome);
  expectSafe(body);
  expect(body.embeds[0].fields.length).toBeGreaterThan(0);
  // Answered, not refused as late (replyOf); how fast is the benchmarks' job, not a test's.
  return outcome.callback!.latencyMs;
}

async function afterResume(fault: () => void): Promise<void> {
  const { emulator } = world;
  const before = emulator.resumes.get(0) ?? 0;
  const identifies = emulator.identifies.get(0);
  fault();
  await emulator.waitUntil(() => (emulator.resumes.get(0) ?? 0) === before + 1, 5000);
  await emulator.waitForShards([0]);
  expect(emulator.identifies.get(0), "resumed, not identified again").toBe(identifies);
}

describe("gateway faults", () => {
  it("GIVEN the gateway closes with 4000 WHEN the bot resumes THEN the next /ask is answered", async () => {
    await afterResume(() => world.emulator.closeShard(0, 4000));
    await expectAnswered();
  });

  it("GIVEN the TCP connection drops without a close frame WHEN the bot resumes THEN the next /ask is answered", async () => {
    await afterResume(() => world.emulator.dropShard(0));
    await expectAnswered();
  });

  it("GIVEN the gateway connection drops WHEN the bot reconnects THEN its log says so, with the shard", async () => {
    const from = world.logs.length;
    await afterResume(() => world.emulator.dropShard(0));
    await world.emulator.waitUntil(
      () => world.logs.slice(from).some((line) => line.msg === "gateway resumed"),
      5000,
    );
    const lines = world.logs.slice(from).filter((line) => /^gateway /u.test(String(line.msg)));
    expect(lines.map((line) => line.msg)).toContain("gateway resumed");
    expect(lines.every((line) => line.shard === 0)).toBe(true);
  });

  it("GIVEN op 7 RECONNECT WHEN the bot reconnects and resumes THEN the next /ask is answered", async () => {
    await afterResume(() => world.emulator.requestReconnect(0));
    await expectAnswered();
  });

  it("GIVEN op 9 resumable WHEN the bot resumes THEN the next /ask is answered", async () => {
    await afterResume(() => world.emulator.invalidateSession(0, true));
    await expectAnswered();
  });

  it("GIVEN op 9 not resumable WHEN the bot identifies afresh THEN the next /ask is answered", async () => {
    const { emulator } = world;
    const identifies = emulator.identifies.get(0) ?? 0;
    emulator.invalidateSession(0, false);
    await emulator.waitUntil(() => emulator.identifies.get(0) === identifies + 1, 5000);
    await emulator.waitForShards([0]);
    await expectAnswered();
  });

  it("GIVEN heartbeat ACKs withheld WHEN the bot detects the zombie connection THEN it resumes and the next /ask is answered", async () => {
    await afterResume(() => world.emulator.withholdAcks(0));
    await expectAnswered();
  });

  it("GIVEN a resume that replays an interaction already answered WHEN the bot receives it again THEN it answers it once", async () => {
    const { emulator } = world;
    const from = emulator.lastSequence(0);
    const first = await world.ask("Who did Elon Musk meet in China?");
    expect(replyOf(first).embeds[0].fields.length).toBeGreaterThan(0);
    emulator.replayNextResumeFrom(0, from);
    await afterResume(() => emulator.invalidateSession(0, true));
    // Dispatches are handled in order: once the next one is answered, the replay was handled too.
    await expectAnswered();
    const callbacks = emulator.requests.filter((r) => r.path.includes(`/${first.id}/`));
    expect(callbacks.map((r) => r.status)).toEqual([204]);
    expect(first.errors).toEqual([]);
  });

  it("GIVEN an interaction sent while the connection is down WHEN the bot resumes THEN the replayed interaction is answered before its deadline", async () => {
    const { emulator } = world;
    const before = emulator.resumes.get(0) ?? 0;
    emulator.dropShard(0);
    const latency = await expectAnswered("Who did Elon Musk meet?");
    expect(emulator.resumes.get(0)).toBe(before + 1);
    expect(latency).toBeGreaterThan(100); // it did wait for the resume
  });
});

describe("REST faults", () => {
  it("GIVEN the callback answers 429 with Retry-After 0.5 WHEN the bot replies THEN it waits and the reply arrives in time", async () => {
    world.emulator.injectRestFault({ path: /\/callback$/, status: 429, times: 1, retryAfter: 0.5 });
    const latency = await expectAnswered();
    expect(latency).toBeGreaterThanOrEqual(490);
  });

  it("GIVEN the callback answers 500 twice, then 502 once WHEN the bot replies THEN discord.js retries and the replies arrive", async () => {
    const { emulator } = world;
    const start = emulator.requests.length;
    emulator.injectRestFault({ path: /\/callback$/, status: 500, times: 2 });
    await expectAnswered();
    emulator.injectRestFault({ path: /\/callback$/, status: 502, times: 1 });
    await expectAnswered();
    const statuses = emulator.requests
      .slice(start)
      .filter((r) => r.path.endsWith("/callback"))
      .map((r) => r.status);
    expect(statuses).toEqual([500, 500, 204, 502, 204]);
  });

  it("GIVEN the callback fails 500 more times than discord.js retries WHEN that interaction is lost THEN the bot logs it and answers the next one", async () => {
    const { emulator } = world;
    emulator.injectRestFault({ path: /\/callback$/, status: 500, times: 4 });
    const lost = world.command(
      "ask",
      [{ name: "question", type: OptionType.String, value: "lost to a server error" }],
      { timeoutMs: 1500 },
    );
    await expect(lost).rejects.toThrow(/not answered/);
    await emulator.waitUntil(() =>
      world.logs.some((l) => l.msg === "could not answer an interaction"),
    );
    // discord.js's error names the callback URL: the log keeps the ids, never a token.
    const logged = world.logs.find((l) => l.msg === "could not answer an interaction");
    expect(logged.err.url).toMatch(/\/interactions\/\d+\/\[redacted\]\/callback\b/);
    expect(JSON.stringify(world.logs)).not.toContain(world.config.token);
    // Question text is logged at debug only, and the failed request's body holds it.
    expect(JSON.stringify(logged)).not.toContain("lost to a server error");
    await expectAnswered();
  });

  it("GIVEN the deferred /reload edit answers 429 then 500 WHEN the bot edits its reply THEN the edit still arrives", async () => {
    const { emulator } = world;
    emulator.injectRestFault({
      path: /\/messages\/@original$/,
      status: 429,
      times: 1,
      retryAfter: 0.2,
    });
    emulator.injectRestFault({ path: /\/messages\/@original$/, status: 500, times: 1 });
    const outcome = await world.command("reload", [], { user: world.owner });
    expect(outcome.callback?.type).toBe(5);
    const body = replyOf(outcome);
    expect(body.embeds[0].title).toBe("Articles reloaded");
    expect(outcome.edits.length).toBe(1);
  });
});
