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

describe("a verb of occurring that frames a question", () => {
  const summit = new CitationIndex(
    [
      article(
        "summit",
        "Key Deliverables for the Leaders' Summit",
        "The trilateral semiconductor forum of the three countries will take place in early 2023.",
        "The leaders also agreed to map the region's critical minerals deposits.",
        "The countries will expand joint exercises for disaster response.",
      ),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it("GIVEN 'when is … happening' THEN 'happening' weighs as little as 'currently': the passage that dates the forum answers", () => {
    const explained = summit.explain("when is the trilateral semiconductor forum happening");
    const happening = explained.citations[0]?.terms.find((term) => term.word === "happening");
    expect(happening?.weighing.factors.map((factor) => factor.why)).toContain("low-information");
    expect(explained.answer.answered).toBe(true);
    expect(explained.citations[0]?.excerpt).toContain("early 2023");
  });
});
