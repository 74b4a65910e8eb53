// Starts the real citebot (startBot, unchanged) against a fresh emulator, and the checks every
// reply body must pass. Each test gets its own world and stops it in afterEach.

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ClientOptions } from "discord.js";
import { afterEach, expect } from "vitest";
import { startBot, type BotHandle } from "../../src/bot/bot.ts";
import type { Deferral } from "../../src/bot/deferral.ts";
import { parseConfig, type BotConfig } from "../../src/config.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { memoryLogger } from "../bot/helpers.ts";
import { envFor } from "./env.ts";
import {
  DiscordEmulator,
  noIdentifyWait,
  type EmulatedGuild,
  type EmulatedUser,
  type EmulatorOptions,
  type InteractionOutcome,
  type Loose,
  WAIT_MS,
} from "../emulator/emulator.ts";
import { OptionType, slashCommand, type OptionValue } from "../emulator/payloads.ts";

export { envFor };

/** The project's root folder, where `npm run` is started. */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A running emulator with citebot logged in, and the people and places of the tests. */
export interface World {
  emulator: DiscordEmulator;
  bot: BotHandle;
  config: BotConfig;
  guild: EmulatedGuild;
  /** A member without Manage Server. */
  alice: EmulatedUser;
  bob: EmulatedUser;
  /** A member with Manage Server. */
  admin: EmulatedUser;
  /** The application's owner (Discord says so at start): an ordinary member of the servers. */
  owner: EmulatedUser;
  /** Log lines the bot wrote, parsed. */
  logs: Loose[];
  /** Sends a slash command from `user` (alice by default) in the first guild. */
  command(
    name: string,
    options?: OptionValue[],
    extra?: { user?: EmulatedUser; guild?: EmulatedGuild; settleMs?: number; timeoutMs?: number },
  ): Promise<InteractionOutcome>;
  /** `/ask question` with optional more options. */
  ask(question: string, more?: OptionValue[]): Promise<InteractionOutcome>;
  stop(): Promise<void>;
}

/** Options of {@link startWorld}. */
export interface WorldOptions {
  emulator?: EmulatorOptions;
  guilds?: number;
  users?: number;
  env?: Record<string, string>;
  clientOptions?: Partial<ClientOptions>;
  /** When the bot acknowledges before answering (its clock and limits). */
  deferral?: Deferral;
}

/**
 * The interaction deadline the e2e tests give the emulator. They check what is answered and
 * how (deferred, once, the right ¶), not how fast: on a busy 2-core CI machine even a deferral
 * can take more than Discord's 3 s. The 3-second rule itself is tested with a short deadline
 * in tests/emulator/emulator.test.ts, and met under load as measured by `npm run bench:bot`.
 */
export const TEST_DEADLINE_MS = 120_000;

/**
 * How long a bot process may take to come up and identify (Node starting, the modules
 * loading, the index opening). The tests check that it comes up, not how fast: 25 s was once
 * too little for two shard processes at load 8 on the 2-core machine. Vitest's own limit per
 * test (120 s) still bounds it; `npm run bench:bot` times the start.
 */
export const PROCESS_START_MS = 80_000;

/** Starts an emulator and citebot; resolves once the bot is ready. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const emulator = await DiscordEmulator.start({
    deadlineMs: TEST_DEADLINE_MS,
    ...options.emulator,
  });
  for (let i = 0; i < (options.guilds ?? 1); i++) emulator.addGuild();
  const alice = emulator.addUser("alice");
  const bob = emulator.addUser("bob");
  const admin = emulator.addUser("admin", { admin: true });
  const owner = emulator.addUser("owner");
  emulator.applicationOwner = owner;
  for (let i = 3; i < (options.users ?? 3); i++) emulator.addUser();
  // Each world its own database, deleted when it stops, unless the test names one.
  const ownState = options.env?.CITEBOT_STATE_DIR
    ? undefined
    : await mkdtemp(path.join(tmpdir(), "citebot-world-"));
  const parsed = parseConfig(
    envFor(emulator, { ...(ownState ? { CITEBOT_STATE_DIR: ownState } : {}), ...options.env }),
  );
  if (!parsed.ok) throw new Error(parsed.message);
  const config = parsed.config;
  const corpus = await openCorpus(config.dataDir);
  // The production logger, token scrubbing included: the bot's log is part of what tests check.
  const { logger, lines } = memoryLogger(config.logLevel, [config.token]);
  let bot: BotHandle;
  try {
    bot = await startBot({
      config,
      corpus,
      logger,
      clientOptions: { ws: noIdentifyWait, ...options.clientOptions },
      ...(options.deferral ? { deferral: options.deferral } : {}),
    });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  const guild = emulator.guilds[0]!;
  const world: World = {
    emulator,
    bot,
    config,
    guild,
    alice,
    bob,
    admin,
    owner,
    logs: lines,
    command: (name, opts = [], extra = {}) =>
      emulator.sendInteraction(
        slashCommand(emulator, extra.guild ?? guild, extra.user ?? alice, name, opts),
        { settleMs: extra.settleMs ?? 0, timeoutMs: extra.timeoutMs ?? WAIT_MS },
      ),
    ask: (question, more = []) =>
      world.command("ask", [
        { name: "question", type: OptionType.String, value: question },
        ...more,
      ]),
    stop: async () => {
      await bot.stop();
      await emulator.stop();
      if (ownState) await rm(ownState, { recursive: true, force: true });
    },
  };
  return world;
}

/** Every visible text of a message body: content, embed title, description, fields, footer. */
export function textOf(body: Loose): string {
  const parts: string[] = [String(body?.content ?? "")];
  for (const embed of body?.embeds ?? []) {
    parts.push(embed.title ?? "", embed.description ?? "", embed.footer?.text ?? "");
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join("\n");
}

/** The body users see for an interaction: the callback's data after every edit. */
export function replyOf(outcome: InteractionOutcome): Loose {
  expect(outcome.errors, "Discord refused something").toEqual([]);
  expect(outcome.late).toBe(false);
  expect(outcome.original ?? outcome.callback?.data, "no reply").toBeTruthy();
  return outcome.original ?? outcome.callback?.data;
}

/** The rules for every message citebot sends: nobody pinged but `mentioned`, and the flags due. */
export function expectSafe(
  body: Loose,
  { ephemeral = false, mentioned = [] as string[] } = {},
): void {
  expect(body.allowed_mentions?.parse, "allowed_mentions.parse").toEqual([]);
  expect(body.allowed_mentions?.roles ?? []).toEqual([]);
  expect(body.allowed_mentions?.users ?? []).toEqual(mentioned);
  expect(Boolean(Number(body.flags ?? 0) & 64), "ephemeral flag 64").toBe(ephemeral);
}

/** Paragraph numbers cited as ¶N in a text. */
export function paragraphsCited(text: string): number[] {
  return [...text.matchAll(/¶\s?(\d+)/g)].map((m) => Number(m[1]));
}

/** A child process started by a test, killed with its whole process group by `stop()`. */
export interface Child {
  readonly process: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Runs `npm run <script>` in the project with `env` added, in its own process group so that
 * `stop()` ends npm, the shell and node together.
 */
export function spawnScript(script: string, env: Record<string, string>): Child {
  const child = spawn("npm", ["run", "--silent", script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_ENV: "test", ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result: Child = {
    process: child,
    stdout: "",
    stderr: "",
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
    stop: async () => {
      const group = child.pid;
      if (!group) return;
      const signal = (name: NodeJS.Signals | 0): boolean => {
        try {
          process.kill(-group, name);
          return true;
        } catch {
          return false; // the whole group is gone
        }
      };
      // npm may exit before its node grandchildren: wait until no process of the group is left,
      // so that no bot outlives its test.
      signal("SIGTERM");
      const until = Date.now() + 5000;
      while (signal(0)) {
        if (Date.now() > until) {
          signal("SIGKILL");
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await result.exited;
    },
  };
  child.stdout!.on("data", (chunk) => (result.stdout += String(chunk)));
  child.stderr!.on("data", (chunk) => (result.stderr += String(chunk)));
  return result;
}

/**
 * Registers an afterEach that stops whatever the test handed to the returned function, last
 * first (a bot before the emulator it talks to), so that every test ends what it started.
 */
export function stopAfterEach(): <T extends { stop(): Promise<unknown> }>(thing: T) => T {
  const running: { stop(): Promise<unknown> }[] = [];
  afterEach(async () => {
    while (running.length > 0) await running.pop()!.stop();
  });
  return (thing) => {
    running.push(thing);
    return thing;
  };
}

/**
 * Asks until the reply holds `expected` (at most 80 times, 250 ms apart), each reply checked and
 * in time; gives the last reply's text. No clock is asserted: a busy machine only asks more.
 */
export async function askUntil(
  asking: () => Promise<InteractionOutcome>,
  expected: string,
): Promise<string> {
  let text = "";
  for (let attempt = 0; attempt < 80 && !text.includes(expected); attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    const body = replyOf(await asking());
    expectSafe(body);
    text = textOf(body);
  }
  return text;
}
