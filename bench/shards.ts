// `npm run bench:shards`: the memory of citebot's shards on one machine. Runs `npm start` (one
// shard), `npm run start:sharded` with N shard processes, and the same with SHARD_MODE=one-process
// against the loopback Discord emulator; once every shard is up and has answered a question, sums
// the resident memory (VmRSS) of every process of the run.
//
//   npm run build && npm run bench:shards -- [--data DIR] [--cache DIR] [--shards N]
//
// --cache: a cache folder holding the folder's saved index (else each run builds and saves one).

import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DATA_DIR, PROJECT_ROOT } from "../src/paths.ts";
import { DiscordEmulator, shardOf } from "../tests/emulator/emulator.ts";
import { OptionType, slashCommand } from "../tests/emulator/payloads.ts";
import { envFor } from "../tests/e2e/env.ts";

const { values } = parseArgs({
  options: {
    data: { type: "string" },
    cache: { type: "string" },
    shards: { type: "string" },
  },
});
const dataDir = path.resolve(values.data ?? DEFAULT_DATA_DIR);
const shards = Number(values.shards ?? 2);
const cacheDir = values.cache ? path.resolve(values.cache) : undefined;
/** Starting N processes that each open the index takes a while on a busy machine. */
const START_TIMEOUT_MS = 10 * 60_000;

/** Every process id whose parent chain leads to `root`, and `root`. */
function tree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in brackets and may hold spaces: the parent id follows it.
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), parent);
    } catch {
      // gone meanwhile
    }
  }
  const found = [root];
  for (let i = 0; i < found.length; i += 1) {
    for (const [pid, parent] of parents) if (parent === found[i]) found.push(pid);
  }
  return found;
}

/** Resident memory of the node processes of a tree, MB. */
function nodeRssMb(root: number): { mb: number; processes: number } {
  let kb = 0;
  let processes = 0;
  for (const pid of tree(root)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.startsWith(process.execPath)) continue;
      kb += Number(/^VmRSS:\s+(\d+)/mu.exec(status)?.[1] ?? 0);
      processes += 1;
    } catch {
      // gone meanwhile
    }
  }
  return { mb: kb / 1024, processes };
}

/** A compiled script of the bot in a process group of its own, with its output kept for errors. */
function start(script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "dist/src/bot", script)], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + String(chunk)).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { child, output: () => output };
}

/** Ends a process group: SIGTERM (the bot logs out), SIGKILL after 10 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

interface Row {
  readonly how: string;
  readonly shards: number;
  readonly processes: number;
  readonly mb: number;
}

async function measure(how: string, script: string, count: number, env: Record<string, string>) {
  const emu = await DiscordEmulator.start({ deadlineMs: 120_000 });
  let running: ReturnType<typeof start> | undefined;
  try {
    for (let i = 0; i < 4 * count; i++) emu.addGuild();
    const user = emu.addUser("alice");
    running = start(
      script,
      envFor(emu, {
        DATA_DIR: dataDir,
        ...(cacheDir ? { CITEBOT_CACHE_DIR: cacheDir } : {}),
        LOG_LEVEL: "warn",
        ...env,
      }),
    );
    const started = running;
    await emu
      .waitUntil(() => emu.liveShards().length === count, START_TIMEOUT_MS)
      .catch((error: unknown) => {
        throw new Error(`${how}: ${String(error)}\n${started.output()}`);
      });
    // A question on every shard: each has opened its index and answered from it.
    for (let shard = 0; shard < count; shard += 1) {
      const guild = emu.guilds.find((g) => shardOf(g.id, count) === shard);
      if (!guild) continue;
      await emu.sendInteraction(
        slashCommand(emu, guild, user, "ask", [
          { name: "question", type: OptionType.String, value: "What tariff applies to cars?" },
        ]),
      );
    }
    const { mb, processes } = nodeRssMb(running.child.pid ?? 0);
    return { how, shards: count, processes, mb } satisfies Row;
  } finally {
    if (running) await stop(running.child);
    await emu.stop();
  }
}

const rows: Row[] = [];
rows.push(await measure("npm start", "main.js", 1, {}));
rows.push(
  await measure(`start:sharded, a process a shard`, "sharded.js", shards, {
    SHARD_COUNT: String(shards),
  }),
);
rows.push(
  await measure(`start:sharded, SHARD_MODE=one-process`, "sharded.js", shards, {
    SHARD_COUNT: String(shards),
    SHARD_MODE: "one-process",
  }),
);
const one = rows[0]?.mb ?? Number.NaN;
console.log(`Articles: ${dataDir}; load average ${os.loadavg()[0]?.toFixed(1)}.\n`);
console.log("| how | shards | node processes | resident MB | × one shard |");
console.log("| --- | --- | --- | --- | --- |");
for (const row of rows) {
  console.log(
    `| ${row.how} | ${row.shards} | ${row.processes} | ${Math.round(row.mb)} | ${(row.mb / one).toFixed(2)} |`,
  );
}
