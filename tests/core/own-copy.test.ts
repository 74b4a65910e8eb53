import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { ownCopy } from "../../src/core/text/own-copy.ts";

/** V8's full collection, without starting the process with --expose-gc. */
function collector(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

/** Heap in use after a full collection, MB. */
function liveHeapMb(collect: () => void): number {
  collect();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe("ownCopy", () => {
  it("GIVEN slices of 13 characters or more cut from 32 texts of 1 MB each WHEN each is copied and the texts are let go THEN the copies keep none of the texts alive", () => {
    const collect = collector();
    const before = liveHeapMb(collect);
    const kept: string[] = [];
    for (let i = 0; i < 32; i += 1) {
      // A flat string of 1 MB of its own per round (one byte a character).
      const head = `${i}: `;
      const file = `${head}${"Press Briefing ".repeat(70_000)}`;
      kept.push(ownCopy(file.slice(head.length + 6, head.length + 43)));
    }
    const retainedMb = liveHeapMb(collect) - before;
    // A view of each text would keep 32 MB alive; copies of 37 characters keep a few KB.
    expect(retainedMb).toBeLessThan(8);
    expect(kept.every((copy) => copy === "Briefing Press Briefing Press Briefin")).toBe(true);
  });

  it("GIVEN a text cut anywhere, short or long WHEN copied THEN the copy reads the same", () => {
    const file = `title: ${"Press Briefing by Press Secretary ".repeat(40)}\n\nbody`;
    for (const [start, end] of [
      [0, 0],
      [7, 12],
      [7, 20],
      [7, file.length - 6],
    ] as const) {
      const cut = file.slice(start, end);
      expect(ownCopy(cut)).toBe(cut);
    }
  });

  it("GIVEN astral characters, a lone surrogate or a joined string WHEN copied THEN they are kept whole", () => {
    const joined = `${"naïve café ".repeat(3)}😀 \uD800 end`;
    expect(ownCopy(joined)).toBe(joined);
    expect(ownCopy(joined.slice(2, 30))).toBe(joined.slice(2, 30));
  });
});
