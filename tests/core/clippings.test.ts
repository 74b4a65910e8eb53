import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

const index = new CitationIndex(
  [
    article(
      "food",
      "Ending Hunger and Building Food Systems",
      "This collaboration will address the financing gap for small and medium enterprises, given that they provide most of the food consumed in the region.",
      "Developing a Food Loss and Waste Reduction Action Plan outlining efforts to cut food loss and waste in half by 2030.",
      "The agency will publish a scorecard every year.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
);

describe("a word clipped in chat, and a target asked", () => {
  it("GIVEN 'collab', which no article and no dictionary has THEN it is the articles' 'collaboration', no missing name", () => {
    const explained = index.explain("why is the nutrition collab focusing on small businesses");
    const collab = explained.citations[0]?.terms.find((term) => term.word === "collab");
    expect(collab?.weighing.name).toBe(false);
    expect(collab?.matches.map((match) => match.term)).toContain("collabor");
    expect(explained.declined).not.toBe("missing-name");
    expect(explained.citations[0]?.excerpt).toContain("This collaboration");
  });

  it("GIVEN 'what's the target for…' THEN the target is the question's frame, as a goal is: the passage that gives it answers", () => {
    const answer = index.ask("what's the target for cutting food waste by 2030");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("in half by 2030");
  });
});
