import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { VectorTable } from "../../src/corpus/word-vectors.ts";

/** The folders the tables were written to, deleted after the file's tests. */
const written: string[] = [];
afterAll(() => {
  for (const dir of written) rmSync(dir, { recursive: true, force: true });
});

/** Writes a table in the shipped layout (see scripts/build-word-vectors.mjs). */
function tableFile(words: string[], rows: number[][], cut = 0): string {
  const text = Buffer.from(words.join("\n"), "utf8");
  const header = Buffer.alloc(16);
  header.write("CBWV", 0, "latin1");
  header.writeUInt32LE(words.length, 4);
  header.writeUInt32LE(rows[0]?.length ?? 0, 8);
  header.writeUInt32LE(text.length, 12);
  const values = Buffer.from(Int8Array.from(rows.flat()).buffer);
  const bytes = Buffer.concat([header, text, values]);
  const dir = mkdtempSync(path.join(tmpdir(), "citebot-wv-"));
  written.push(dir);
  const file = path.join(dir, "vectors.bin");
  writeFileSync(file, bytes.subarray(0, bytes.length - cut));
  return file;
}

describe("the word-vector table (the corpus layer's GloVe vectors)", () => {
  it("GIVEN a table THEN each word's vector is its row at unit length", () => {
    const table = new VectorTable(
      tableFile(
        ["tariff", "levy"],
        [
          [3, 4],
          [-6, 8],
        ],
      ),
    );
    expect(table.dimensions).toBe(2);
    expect([...(table.vector("tariff") ?? [])]).toEqual([
      expect.closeTo(0.6, 5),
      expect.closeTo(0.8, 5),
    ]);
    expect([...(table.vector("levy") ?? [])]).toEqual([
      expect.closeTo(-0.6, 5),
      expect.closeTo(0.8, 5),
    ]);
    expect(table.vector("snow")).toBeUndefined();
  });

  it("GIVEN a truncated or missing table THEN no word has a vector instead of failing", () => {
    expect(new VectorTable(tableFile(["tariff"], [[3, 4]], 1)).vector("tariff")).toBeUndefined();
    expect(new VectorTable("/nonexistent/vectors.bin").vector("tariff")).toBeUndefined();
  });

  it("GIVEN the shipped table THEN related words lie closer than unrelated ones", () => {
    const shipped = new VectorTable();
    const cosine = (a: string, b: string) => {
      const [x, y] = [shipped.vector(a), shipped.vector(b)];
      if (!x || !y) throw new Error(`no vector for ${a} or ${b}`);
      return x.reduce((sum, value, i) => sum + value * (y[i] ?? 0), 0);
    };
    expect(cosine("atomic", "nuclear")).toBeGreaterThan(0.65);
    expect(cosine("atomic", "banana")).toBeLessThan(0.3);
  });
});
