import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.ts";

/** The import lines of a source file: `{ typeOnly, from }`. */
async function importsOf(file: string): Promise<{ typeOnly: boolean; from: string }[]> {
  const text = await readFile(file, "utf8");
  return [...text.matchAll(/^import (type )?[^;]*? from "([^"]+)";/gmsu)].map((match) => ({
    typeOnly: match[1] !== undefined,
    from: match[2] ?? "",
  }));
}

describe("layout of the command modules", () => {
  it("GIVEN the command modules THEN none imports another: shared parts live in commands/shared/", async () => {
    const offenders: string[] = [];
    for (const name of await readdir(path.join(ROOT, "commands"))) {
      if (!name.endsWith(".ts") || name === "index.ts") continue;
      for (const { from } of await importsOf(path.join(ROOT, "commands", name))) {
        if (/^\.\/[^/]+\.ts$/u.test(from)) offenders.push(`${name} → ${from}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it("GIVEN commands/ THEN it takes only types from src/bot/ (the bot depends on the commands, not the other way)", async () => {
    const offenders: string[] = [];
    const files = await readdir(path.join(ROOT, "commands"), { recursive: true });
    for (const name of files.filter((file) => file.endsWith(".ts"))) {
      for (const { typeOnly, from } of await importsOf(path.join(ROOT, "commands", name))) {
        if (from.includes("src/bot/") && !typeOnly) offenders.push(`${name} → ${from}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
