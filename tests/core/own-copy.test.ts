import { describe, expect, it } from "vitest";
import { ownCopy } from "../../src/core/text/own-copy.ts";

describe("ownCopy", () => {
  it("gives back the same text, short or long", () => {
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

  it("keeps astral characters, lone surrogates and joined strings whole", () => {
    const joined = `${"naïve café ".repeat(3)}😀 \uD800 end`;
    expect(ownCopy(joined)).toBe(joined);
    expect(ownCopy(joined.slice(2, 30))).toBe(joined.slice(2, 30));
  });
});
