/**
 * The bench's child processes: a job measured in a fresh process of its own (`worker.ts`), and
 * the few commands whose output the report quotes (git, a plain Node).
 */
import { execFileSync, fork } from "node:child_process";
import { readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PROJECT_ROOT } from "../src/paths.ts";
import type { Job, JobResult } from "./worker.ts";

const ROOT = PROJECT_ROOT;
// `npm run bench` runs the compiled build (as `ask` and the bot do); under tsx, the sources.
const WORKER = fileURLToPath(
  new URL(import.meta.url.endsWith(".js") ? "./worker.js" : "./worker.ts", import.meta.url),
);

/** A child with no result after this long is killed and the run fails. */
const CHILD_TIMEOUT_MS = 20 * 60_000;

/**
 * Runs one job (a system on a corpus) in a child process of its own (`worker.ts`), with
 * `extraExecArgv` added to Node's flags: its result, or an error with the end of its output.
 */
export function runJob(job: Job, extraExecArgv: readonly string[] = []): Promise<JobResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], {
      cwd: ROOT,
      execArgv: [...process.execArgv, ...extraExecArgv],
      // The child's stdout is not a terminal: no progress bars; its output is kept for errors.
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    let output = "";
    child.stdout?.on(
      "data",
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)),
    );
    child.stderr?.on(
      "data",
      (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)),
    );
    let settled = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      if (!settled) reject(new Error(`${job.system}: no result after ${CHILD_TIMEOUT_MS} ms`));
      settled = true;
    }, CHILD_TIMEOUT_MS);
    child.on("message", (message: { ok: boolean; result?: JobResult; error?: string }) => {
      if (settled) return;
      settled = true;
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(`${job.system} failed in its child process:\n${message.error ?? ""}`));
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(
        new Error(`${job.system}: child exited (${signal ?? code}) without a result\n${output}`),
      );
    });
    child.send(job);
  });
}

/** What `git args` prints in the project (trimmed), or "" when git fails. */
export function git(args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "";
  }
}

/** Peak RSS of an idle plain Node process, MB. */
export function plainNodeMb(): number {
  return Number(runNode("console.log(process.resourceUsage().maxRSS / 1024)")) || Number.NaN;
}

function runNode(code: string): string {
  try {
    return execFileSync(process.execPath, ["-e", code], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

/** True when `dir` holds a file, at any depth. */
export async function hasFiles(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir, { recursive: true })).length > 0;
  } catch {
    return false;
  }
}
