/**
 * Creating a folder with its missing parents, as `mkdir -p` does. Node's own
 * `mkdir(dir, { recursive: true })` never returns when the file system answers ENOENT for a
 * folder whose parent exists, as /proc and /sys do: it makes the parent again (which exists)
 * and retries, at full CPU, for ever (CITEBOT_CACHE_DIR=/proc/cache hung `ask`, and a state
 * folder there the bot's start). Here each folder is made once, parents first, and an ENOENT
 * once the parent exists is the answer.
 */
import { mkdirSync, statSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Makes `dir` and its missing parents, each with `mode` (less the umask); nothing when it is
 * a folder already (or a link to one).
 *
 * @throws the file system's error (EEXIST when a file other than a folder is in the way).
 */
export async function makeFolder(dir: string, mode = 0o777): Promise<void> {
  try {
    await mkdir(dir, { mode });
    return;
  } catch (error) {
    if (codeOf(error) === "EEXIST" && (await stat(dir)).isDirectory()) return;
    if (codeOf(error) !== "ENOENT" || path.dirname(dir) === dir) throw error;
  }
  await makeFolder(path.dirname(dir), mode);
  try {
    await mkdir(dir, { mode });
  } catch (error) {
    // Made meanwhile by another process: as good.
    if (!(codeOf(error) === "EEXIST" && (await stat(dir)).isDirectory())) throw error;
  }
}

/** {@link makeFolder}, synchronously. */
export function makeFolderSync(dir: string, mode = 0o777): void {
  try {
    mkdirSync(dir, { mode });
    return;
  } catch (error) {
    if (codeOf(error) === "EEXIST" && statSync(dir).isDirectory()) return;
    if (codeOf(error) !== "ENOENT" || path.dirname(dir) === dir) throw error;
  }
  makeFolderSync(path.dirname(dir), mode);
  try {
    mkdirSync(dir, { mode });
  } catch (error) {
    if (!(codeOf(error) === "EEXIST" && statSync(dir).isDirectory())) throw error;
  }
}
