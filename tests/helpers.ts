import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Creates a temporary folder holding the given files; returns its path and a cleanup. */
export async function folderWith(
  files: Record<string, string | Uint8Array>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "citebot-test-"));
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), content);
  }
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, "..");
