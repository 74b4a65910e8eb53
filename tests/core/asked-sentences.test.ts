import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { article } from "./article-fixture.ts";

describe("passages that ask are no answers", () => {
  const briefing = article(
    "briefing",
    "Press briefing",
    "Q Is the electric car plant in Ohio going to close? Do electric car workers lose their jobs?",
    "MS. PSAKI: No. The electric car plant in Ohio stays open and will not close this year.",
  );
  const weather = article("weather", "Mountain weather", "Snow closed the pass.");

  it("GIVEN a transcript THEN the answer's turn ranks above the reporter's question that shares more words", () => {
    const index = new CitationIndex([briefing, weather], { synonyms: null, wordVectors: null });
    const top = index.ask("will the electric car plant in ohio close").citations[0];
    expect(top?.excerpt).toContain("stays open");
    // Without the rule, the reporter's question comes first.
    const off = new CitationIndex([briefing, weather], {
      synonyms: null,
      wordVectors: null,
      askingFactor: 1,
    });
    expect(off.ask("will the electric car plant in ohio close").citations[0]?.excerpt).toMatch(
      /^Q Is the electric car plant/u,
    );
  });
});
