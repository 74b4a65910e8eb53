import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stopAfterEach, TEST_DEADLINE_MS } from "../e2e/harness.ts";
import { DiscordEmulator, WAIT_MS } from "../emulator/emulator.ts";
import { ROOT } from "./helpers.ts";

const started = stopAfterEach();

/**
 * `npm start`'s entry point in a process of its own (compiled, as `npm start` runs it; `npm
 * test` builds first), against a fresh emulator.
 */
async function startBotProcess() {
  const emulator = started(await DiscordEmulator.start({ deadlineMs: TEST_DEADLINE_MS }));
  emulator.addGuild();
  const child = spawn(process.execPath, [path.join(ROOT, "dist/src/bot/main.js")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: emulator.token,
      DISCORD_CLIENT_ID: emulator.applicationId,
      DISCORD_API_URL: emulator.apiUrl,
      LOG_LEVEL: "debug",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const run = {
    emulator,
    child,
    exited,
    output: "",
    /** Resolves once the output contains `text` (fails if the process ends or WAIT_MS pass first). */
    async printed(text: string): Promise<void> {
      const deadline = Date.now() + WAIT_MS;
      while (!run.output.includes(text) && Date.now() < deadline && child.exitCode === null) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(run.output).toContain(text);
    },
  };
  child.stdout.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (run.output += chunk.toString()));
  // A failed expectation must not leave the bot running.
  started({
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await exited;
    },
  });
  return run;
}

describe("npm start's process", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`GIVEN a running bot WHEN it receives ${signal} THEN it logs out and exits 0, never logging the token`, async () => {
      const bot = await startBotProcess();
      await bot.printed("citebot ready");
      bot.child.kill(signal);
      expect(await bot.exited).toBe(0);
      expect(bot.output).toContain("citebot logged out");
      expect(bot.output).not.toContain(bot.emulator.token);
    });
  }

  it("GIVEN a bot still loading its articles WHEN it receives SIGTERM THEN it exits 0 without a connection left open", async () => {
    const bot = await startBotProcess();
    await bot.printed("loading the articles");
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    // Stopped before connecting, or logged out of the connection it was opening: never cut off.
    expect(bot.output).toMatch(/stopped before connecting|citebot logged out/u);
    expect(bot.emulator.liveShards()).toEqual([]);
  });
});
