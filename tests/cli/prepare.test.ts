import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT, runNode } from "../helpers.ts";

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A checkout without node_modules (as `npm ci --omit=dev` leaves it: no TypeScript). */
async function checkoutWithoutTypescript(withBuild: boolean): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "citebot-prepare-"));
  folders.push(dir);
  await cp(path.join(ROOT, "scripts"), path.join(dir, "scripts"), { recursive: true });
  if (withBuild) {
    await mkdir(path.join(dir, "dist/src/bot"), { recursive: true });
    await writeFile(path.join(dir, "dist/src/bot/main.js"), "");
  }
  return dir;
}

describe("npm's prepare step", () => {
  it("GIVEN a production install (no TypeScript) of a built checkout THEN prepare keeps the build and succeeds", async () => {
    const dir = await checkoutWithoutTypescript(true);
    const run = await runNode([], [path.join(dir, "scripts/prepare.mjs")], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("using the build in dist/");
  });

  it("GIVEN no TypeScript and no build THEN prepare fails with how to build first, not with 127", async () => {
    const dir = await checkoutWithoutTypescript(false);
    const run = await runNode([], [path.join(dir, "scripts/prepare.mjs")], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Run a full `npm ci` \(which builds\)/u);
  });
});
