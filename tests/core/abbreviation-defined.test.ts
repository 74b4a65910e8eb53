import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/**
 * A made-up release that uses its plan's abbreviation in many short sentences and spells it out
 * once, in a long one (as releases do in their lead).
 */
const uses = Array.from(
  { length: 40 },
  (_, i) => `Borrowers in group ${i + 1} can enroll in the SAVE program online.`,
);
const release = article(
  "save",
  "The Department Launches a Repayment Plan",
  "Today, the Administration announced the official launch of the most affordable repayment plan ever created, the Saving on a Valuable Education (SAVE) plan, and kicked off an outreach campaign to encourage eligible borrowers across the country to sign up for it.",
  ...uses,
);

describe("an abbreviation asked to be spelt out", () => {
  it("GIVEN a long sentence that spells it out below many short ones that use it THEN 'what does SAVE stand for' cites the one that spells it out, in any case", () => {
    const index = new CitationIndex([release], { synonyms: defaultSynonyms, wordVectors: null });
    for (const question of ["what does SAVE stand for", "what does the acronym save stand for"]) {
      const answer = index.ask(question);
      expect(answer.answered).toBe(true);
      expect(answer.citations[0]?.excerpt).toContain("Saving on a Valuable Education (SAVE)");
    }
  });
});
