import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** A made-up trade deal: tons of one crop counted, another crop named without a figure. */
const index = new CitationIndex(
  [
    article(
      "grain-deal",
      "A Grain Purchase Agreement",
      "Under the agreement, the buyer will purchase at least 12 million metric tons of soybeans this year. The buyer will also resume purchases of sorghum and timber.",
      "Shipments begin in the spring from three ports.",
    ),
  ],
  { synonyms: defaultSynonyms },
);

describe("a count of a unit of something", () => {
  it("GIVEN a figure of tons of soybeans THEN 'how many tons of soybeans' is answered with it", () => {
    const answer = index.ask("how many tons of soybeans will the buyer purchase");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("12 million");
  });

  it("GIVEN only tons of soybeans are counted THEN 'how many tons of sorghum' is declined, with no figure as its answer", () => {
    const answer = index.ask("how many tons of sorghum will the buyer purchase");
    expect(answer.answer).toBeNull();
    expect(answer.answered).toBe(false);
  });
});
