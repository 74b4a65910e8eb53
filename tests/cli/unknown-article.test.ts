import { describe, expect, it } from "vitest";
import { CLOSEST_IDS, LISTED_IDS, unknownArticleMessage } from "../../src/cli/unknown-article.ts";

const archive = Array.from(
  { length: 2_000 },
  (_, i) => `fact-sheets__2025-${String((i % 12) + 1).padStart(2, "0")}__sheet-${i}`,
);

describe("ask --article with an id no article has", () => {
  it("GIVEN a few articles THEN the message lists every loaded id", () => {
    const ids = ["seed", "tesla-china", "tariffs"];
    expect(unknownArticleMessage('"sed"', "sed", ids)).toBe(
      'no article "sed"; loaded: seed, tesla-china, tariffs',
    );
  });

  it("GIVEN an archive THEN the message counts the articles and names only the closest ids, the one meant first", () => {
    const message = unknownArticleMessage('"sheet-1234"', "sheet-1234", archive);
    expect(message).toMatch(/^no article "sheet-1234" among 2,000 loaded; the closest: /u);
    const named = message.slice(message.indexOf("closest: ") + "closest: ".length).split(", ");
    expect(named.length).toBeLessThanOrEqual(CLOSEST_IDS);
    expect(named[0]).toBe("fact-sheets__2025-11__sheet-1234");
    expect(LISTED_IDS).toBeLessThan(archive.length);
  });

  it("GIVEN an archive and an id like none of them THEN the message says so instead of listing", () => {
    const message = unknownArticleMessage('"zzzzqqqq"', "zzzzqqqq", archive);
    expect(message).toBe('no article "zzzzqqqq" among 2,000 loaded, none with an id like it');
  });

  it("GIVEN a 10,000-character id THEN the message stays short", () => {
    const typed = "sheet-".repeat(2_000);
    const message = unknownArticleMessage('"sheet-…"', typed, archive);
    expect(message.length).toBeLessThan(400);
  });
});
