import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { stopAfterEach } from "../e2e/harness.ts";
import { DiscordEmulator } from "../emulator/emulator.ts";
import { ROOT } from "./helpers.ts";

const started = stopAfterEach();

describe("npm start's process", () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`GIVEN a running bot WHEN it receives ${signal} THEN it logs out and exits 0, never logging the token`, async () => {
      const emulator = started(await DiscordEmulator.start());
      emulator.addGuild();
      const child = spawn(
        process.execPath,
        ["--import", import.meta.resolve("tsx"), path.join(ROOT, "src/bot/main.ts")],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? "",
            DISCORD_TOKEN: emulator.token,
            DISCORD_CLIENT_ID: emulator.applicationId,
            DISCORD_API_URL: emulator.apiUrl,
            LOG_LEVEL: "debug",
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      // A failed expectation must not leave the bot running.
      started({
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGKILL");
          await exited;
        },
      });
      const deadline = Date.now() + 20_000;
      while (
        !output.includes("citebot ready") &&
        Date.now() < deadline &&
        child.exitCode === null
      ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(output).toContain("citebot ready");
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(output).toContain("citebot logged out");
      expect(output).not.toContain(emulator.token);
    });
  }
});
