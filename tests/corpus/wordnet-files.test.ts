import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SortedFile } from "../../src/corpus/wordnet-files.ts";
import { folderWith } from "../helpers.ts";

describe("a sorted WordNet file searched in place", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  /** A file of `count` sorted lines "key value…", every 97th over the 8 KB read at once. */
  async function sortedFile(count: number): Promise<{ file: SortedFile; keys: string[] }> {
    const keys = Array.from({ length: count }, (_, i) => `k${String(i * 3).padStart(6, "0")}`);
    const lines = keys.map((key, i) => `${key} ${"v".repeat(i % 97 === 0 ? 9000 : 1 + (i % 40))}`);
    const { dir, cleanup } = await folderWith({});
    cleanups.push(cleanup);
    const name = path.join(dir, "index.test");
    await writeFile(name, `  licence line 1\n  licence line 2\n${lines.join("\n")}\n`, "latin1");
    return { file: new SortedFile(name), keys };
  }

  it("GIVEN every key of a file with lines short and longer than a read THEN each is found, twice over (its first levels kept), and no key between them", async () => {
    const { file, keys } = await sortedFile(5000);
    for (const round of [1, 2]) {
      const missed = keys.filter((key) => !file.find(key)?.startsWith(`${key} v`));
      expect(missed, `round ${round}`).toEqual([]);
    }
    // k000001 and k000002 lie between k000000 and k000003; k000000x after k000000.
    const present = new Set(keys);
    const absent = keys
      .flatMap((key) => [`${key.slice(0, -1)}${Number(key.at(-1)) + 1}`, `${key}x`])
      .filter((key) => !present.has(key));
    expect(absent.length).toBeGreaterThan(9000);
    expect(absent.filter((key) => file.find(key) !== undefined)).toEqual([]);
    expect(file.find("k000291")?.length).toBe(9008);
    file.close();
  });
});
