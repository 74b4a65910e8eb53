import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** Two made-up releases: one on the B3W partnership, one with other figures. */
const partnership = article(
  "b3w",
  "Leaders Launch a Partnership",
  "The G7 leaders launched the B3W partnership to finance infrastructure in poorer countries.",
  "Through B3W, partners will mobilize private capital in four areas of focus.",
);
const loans = article(
  "loans",
  "Student Loan Relief",
  "We have already approved over $116 billion in debt cancellation for 3.4 million Americans.",
  "The Group of 7 was not part of this plan.",
);

describe("a name of a letter and digits", () => {
  it("GIVEN 'b3w' typed in lower case about articles that never name it THEN it is one word they lack, not a bare '3' they have", () => {
    const index = new CitationIndex([loans], { synonyms: defaultSynonyms, wordVectors: null });
    const explained = index.explain("how many dollars has the us approved for b3w so far");
    const words = explained.citations[0]?.terms.map((term) => term.word);
    expect(words).toContain("b3w");
    expect(words).not.toContain("3");
    expect(explained.answer.answered).toBe(false);
  });

  it("GIVEN 'b3w' and 'g7' typed in lower case THEN they find the articles' B3W and G7, as typed in capitals", () => {
    const index = new CitationIndex([partnership, loans], {
      synonyms: defaultSynonyms,
      wordVectors: null,
    });
    for (const [lower, upper] of [
      [
        "what areas of focus will b3w mobilize capital in",
        "what areas of focus will B3W mobilize capital in",
      ],
      ["what did the g7 leaders launch", "what did the G7 leaders launch"],
    ] as const) {
      const typed = index.explain(lower);
      const written = index.explain(upper);
      expect(written.answer.answered).toBe(true);
      expect(typed.citations[0]?.excerpt).toBe(written.citations[0]?.excerpt);
      expect(typed.citations[0]?.article).toBe("b3w");
      // One word, weighed and credited as the capitals are.
      const code = (explained: typeof typed) =>
        explained.citations[0]?.terms
          .filter((term) => /\d/u.test(term.word))
          .map((term) => [term.word.toLowerCase(), term.weight, term.credit]);
      expect(code(typed)).toEqual(code(written));
      expect(code(typed)?.[0]?.[0]).toMatch(/^[bg]\d/u);
    }
  });
});
