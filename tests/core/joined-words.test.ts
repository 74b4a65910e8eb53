import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** Two made-up releases: a new website, and a hotline. */
const index = new CitationIndex(
  [
    article(
      "site",
      "A New Website for Tests and Treatments",
      "COVID.gov will be available in English, Spanish, and Simplified Chinese.",
      "The site lists where to find free masks.",
    ),
    article(
      "hotline",
      "A National Hotline",
      "All of these tools are also available in many languages over the phone through the National Hotline.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: null },
);

describe("two words of the articles typed together", () => {
  it("GIVEN 'covidgov' typed for the articles' 'COVID.gov' THEN the sentence that says 'COVID.gov' is credited for it, as for a slip of the keyboard", () => {
    const explained = index.explain("what languages is covidgov available in", { limit: 3 });
    const site = explained.citations.find((citation) => citation.article === "site");
    const typed = site?.terms.find((term) => term.word === "covidgov");
    expect(typed?.credit).toBeGreaterThan(0.5);
  });

  it("GIVEN a word that splits into no two words of the articles ('pendleton') THEN nothing stands in for it", () => {
    const explained = index.explain("what languages is pendleton available in");
    const typed = explained.citations[0]?.terms.find((term) => term.word === "pendleton");
    expect(typed?.credit).toBe(0);
  });
});
