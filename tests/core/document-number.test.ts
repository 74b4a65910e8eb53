import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

// Two made-up releases: one numbers the order it revokes, the other does not number its own.
const library = new CitationIndex(
  [
    article(
      "ai",
      "Removing Barriers to Leadership in Artificial Intelligence",
      "The Order revokes Executive Order 14110, which hampered the private sector's ability to innovate.",
    ),
    article(
      "architecture",
      "Making Federal Architecture Beautiful Again",
      "Today, the President signed an Executive Order making classical architecture the preferred style for federal buildings.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: null },
);

describe("a document's number asked for", () => {
  it("GIVEN an order that is never numbered THEN 'what's the executive order number for the classical architecture order' is declined", () => {
    const explained = library.explain(
      "what's the executive order number for the classical architecture order",
    );
    expect(explained.answer.answered).toBe(false);
    expect(explained.declined).toBe("no-kind");
  });

  it("GIVEN 'Executive Order 14110' THEN 'what was the eo number of the ai order that got revoked' is answered from it", () => {
    const answer = library.ask("what was the eo number of the ai order that got revoked");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("Executive Order 14110");
  });
});
