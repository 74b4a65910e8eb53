import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

// Two made-up releases: "House" is written only in "White House", in the one on small
// businesses; the one on suicide prevention never says it.
const library = new CitationIndex(
  [
    article(
      "business",
      "New Actions for Small Businesses",
      "Today, the White House announced new actions to support small businesses.",
      "The White House will host a summit with lenders next month.",
      "Last week Tesla opened a new factory for small suppliers.",
      "Lenders follow the rules on Anti-Money Laundering.",
    ),
    article(
      "investment",
      "Protecting National Security",
      "The Committee will restrict Chinese investments in strategic sectors like technology and energy.",
    ),
    article(
      "safety",
      "Steps to Prevent Suicide",
      "Families should know that having access to a gun triples one's risk of death by suicide.",
      "Safe storage of firearms saves lives.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: null },
);

describe("an English word the articles capitalise only inside a name", () => {
  it("GIVEN 'House' only in 'White House' THEN 'house' typed in lower case does not decline a passage of another article, nor weigh as a name it lacks", () => {
    const explained = library.explain("how much does a gun in the house raise the risk of suicide");
    expect(explained.answer).toMatchObject({ answered: true, answer: "triples" });
    expect(explained.citations[0]?.article).toBe("safety");
    expect(explained.declined).toBeUndefined();
  });

  it("GIVEN 'Money' only in 'Anti-Money Laundering' THEN 'money' after a name the dictionary knows as an adjective ('chinese money') is still the asker's English: no passage is declined for lacking it", () => {
    const explained = library.explain(
      "which sectors is the committee supposed to keep chinese money out of",
    );
    expect(explained.citations[0]?.article).toBe("investment");
    expect(explained.declined).not.toBe("missing-name");
  });

  it("GIVEN a name no article has ('pakistan') THEN the question is still declined as about a missing name", () => {
    const explained = library.explain("why does pakistan want safe storage of firearms");
    expect(explained.answer.answered).toBe(false);
    expect(explained.declined).toBe("missing-name");
  });

  it("GIVEN 'Tesla' written as a name of its own in one article THEN 'tesla', though the dictionary knows a common 'tesla', still declines a question the other article answers without it", () => {
    const explained = library.explain("why does tesla want safe storage of firearms");
    expect(explained.answer.answered).toBe(false);
    expect(explained.declined).toBe("missing-name");
  });
});
