// Starting citebot as a new admin does: from a copy of .env.example, and with Discord out of reach.

import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordEmulator } from "../emulator/emulator.ts";
import { OptionType, slashCommand } from "../emulator/payloads.ts";
import {
  PROCESS_START_MS,
  PROJECT_ROOT,
  replyOf,
  stopAfterEach,
  TEST_DEADLINE_MS,
} from "./harness.ts";

const started = stopAfterEach();
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Runs a built entry point (`npm start` is `node dist/src/bot/main.js`) from `cwd`, where
 * dotenv finds `.env`, with only PATH and HOME from this environment.
 */
function runBuilt(script: string, cwd: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist/src/bot", script)], {
    cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const run = {
    stdout: "",
    stderr: "",
    exited: new Promise<number | null>((resolve) => child.once("exit", resolve)),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await run.exited;
    },
  };
  child.stdout.on("data", (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (run.stderr += chunk.toString()));
  return started(run);
}

/** A folder holding `.env`: `.env.example` with the given variables filled in, the rest left blank. */
async function envFolder(values: Record<string, string>): Promise<string> {
  let text = await readFile(path.join(PROJECT_ROOT, ".env.example"), "utf8");
  for (const [name, value] of Object.entries(values)) {
    text = text.replace(new RegExp(`^${name}=$`, "mu"), `${name}=${value}`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "citebot-env-"));
  folders.push(dir);
  await writeFile(path.join(dir, ".env"), text);
  return dir;
}

describe("starting from .env.example", () => {
  it("GIVEN cp .env.example .env with only the token, the client id and the API address filled in WHEN npm start runs THEN it connects and answers (blank SHARD_COUNT= and the other blanks count as unset)", async () => {
    const emu = started(await DiscordEmulator.start({ deadlineMs: TEST_DEADLINE_MS }));
    const guild = emu.addGuild();
    const user = emu.addUser("alice");
    const cwd = await envFolder({
      DISCORD_TOKEN: emu.token,
      DISCORD_CLIENT_ID: emu.applicationId,
      DISCORD_API_URL: emu.apiUrl,
    });
    const example = await readFile(path.join(cwd, ".env"), "utf8");
    expect(example).toMatch(/^SHARD_COUNT=$/mu);
    const bot = runBuilt("main.js", cwd);
    await emu.waitForShards([0], PROCESS_START_MS).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${bot.stdout}\n${bot.stderr}`);
    });
    const outcome = await emu.sendInteraction(
      slashCommand(emu, guild, user, "ask", [
        { name: "question", type: OptionType.String, value: "Who did Elon Musk meet in China?" },
      ]),
    );
    expect(JSON.stringify(replyOf(outcome))).toContain("Wang");
    await bot.stop();
    expect(await bot.exited).toBe(0);
  }, 120_000);
});

describe("Discord out of reach", () => {
  const unreachable = {
    DISCORD_TOKEN: "MTIz.abc.def",
    DISCORD_CLIENT_ID: "123456789012345678",
    // Port 1 on the loopback: nothing listens there, so the connection is refused at once.
    DISCORD_API_URL: "http://127.0.0.1:1/api",
    LOG_LEVEL: "info",
  };

  for (const [script, name] of [
    ["main.js", "npm start"],
    ["deploy.js", "npm run deploy-commands"],
  ] as const) {
    it(`GIVEN no Discord at the configured address WHEN ${name} runs THEN it exits 1 with one line naming the cause and the address, and no stack`, async () => {
      const cwd = await envFolder({});
      const run = runBuilt(script, cwd, unreachable);
      expect(await run.exited).toBe(1);
      const output = `${run.stdout}${run.stderr}`;
      const lines = output.split("\n").filter((line) => /cannot reach/u.test(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(
        "cannot reach Discord at http://127.0.0.1:1/api (DISCORD_API_URL): the connection was refused (ECONNREFUSED)",
      );
      expect(output).not.toMatch(/\n\s+at |"stack"/u);
    }, 120_000);
  }
});
