import { randomBytes } from "node:crypto";
import { link, lstat, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeFolder } from "../make-folder.ts";

/** Name of the install's secret key inside the cache folder. */
export const KEY_FILE = "install.key";

/** Bytes of the secret key. */
const KEY_BYTES = 32;

/** A temporary file older than this whose writer cannot be seen is left over from a killed run. */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/** The cache folder, checked and ready: files in it are trusted only if signed with `key`. */
export interface CacheFolder {
  readonly dir: string;
  /** The install's secret: a saved index is served only if signed with it. */
  readonly key: Buffer;
}

/** Why a cache folder or file is not used: said to the admin, then citebot works without it. */
export class CacheRefusal extends Error {
  override readonly name = "CacheRefusal";
}

const ownUid = typeof process.getuid === "function" ? process.getuid() : undefined;

/**
 * Refuses a folder or file that another user owns or that others may write: whoever can
 * write it could plant a file citebot would serve. (No check where the platform has no
 * user ids.)
 */
export async function checkPrivate(file: string, kind: "folder" | "file"): Promise<void> {
  const info = await lstat(file);
  if (kind === "folder" ? !info.isDirectory() : !info.isFile()) {
    throw new CacheRefusal(`${file} is not a ${kind === "folder" ? "folder" : "regular file"}`);
  }
  if (ownUid === undefined) return;
  if (info.uid !== ownUid) {
    throw new CacheRefusal(`${file} belongs to another user (uid ${info.uid})`);
  }
  if ((info.mode & 0o022) !== 0) {
    throw new CacheRefusal(
      `${file} can be written by other users (mode ${(info.mode & 0o777).toString(8)}): chmod go-w it`,
    );
  }
}

/** The install's key: created once (atomically: the first writer wins), then read. */
async function installKey(dir: string): Promise<Buffer> {
  const file = path.join(dir, KEY_FILE);
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, randomBytes(KEY_BYTES), { mode: 0o600, flag: "wx" });
    await link(temporary, file); // fails if a key exists: then that key is the install's
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await rm(temporary, { force: true });
  }
  await checkPrivate(file, "file");
  const key = await readFile(file);
  if (key.length !== KEY_BYTES) throw new CacheRefusal(`${file} is not a key citebot wrote`);
  return key;
}

/** True when a process with this id runs (or exists under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes temporary files left by runs killed while saving (`NAME.PID.TIME.tmp`):
 * those whose process is gone, or older than {@link STALE_TEMP_MS}.
 *
 * @returns the names removed.
 */
export async function cleanStaleTemporaries(dir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await readdir(dir)) {
    const match = /\.(\d+)\.(\d+)\.tmp$/u.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    const file = path.join(dir, name);
    try {
      const info = await lstat(file);
      const old = now - info.mtimeMs > STALE_TEMP_MS;
      if ((pid !== process.pid && !alive(pid)) || old) {
        await rm(file, { force: true });
        removed.push(name);
      }
    } catch {
      // Gone already (another run cleaned it).
    }
  }
  return removed;
}

/**
 * Opens the cache folder: creates it private to the user (0700), refuses one that is not,
 * cleans stale temporary files and reads (or creates) the install's secret key.
 *
 * @throws CacheRefusal saying why the folder cannot be trusted.
 */
export async function openCacheFolder(dir: string): Promise<CacheFolder> {
  const resolved = path.resolve(dir);
  await makeFolder(resolved, 0o700);
  await checkPrivate(resolved, "folder");
  await cleanStaleTemporaries(resolved);
  return { dir: resolved, key: await installKey(resolved) };
}
