import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** A made-up trade sheet: Cambodia under a heading of trade, its capital never said. */
const deals = new CitationIndex(
  [
    article(
      "deals",
      "Trade Deals in Southeast Asia",
      "## Expanding Trade and Investment",
      "U.S. exports to Cambodia will no longer face competitive disadvantages vis-à-vis other trading partners.",
      "Cambodia has agreed to eliminate all tariffs on U.S. goods.",
      "## Security",
      "The leaders discussed maritime security.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
);

describe("the attribute a question asks of something", () => {
  it("GIVEN a heading that holds only a loose stand-in of the attribute ('Trade' for 'capital', a vector neighbour) THEN 'what is the capital of cambodia' is declined for the attribute missing", () => {
    const explained = deals.explain("What is the capital of Cambodia?");
    expect(explained.answer.answered).toBe(false);
    expect(explained.declined).toBe("missing-attribute");
  });

  it("GIVEN the attribute in the heading above the paragraph ('Investment') THEN the paragraph under it does not lack it", () => {
    const explained = deals.explain("what is the investment of cambodia in u.s. goods");
    expect(explained.declined).not.toBe("missing-attribute");
    expect(explained.citations[0]?.excerpt).toContain("Cambodia");
  });
});
