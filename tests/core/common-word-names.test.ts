import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

/**
 * Two made-up articles: one writes "Working" only in a law's name, so the articles write the
 * word with a capital; the other, a memo, never says it.
 */
const index = new CitationIndex(
  [
    article(
      "families",
      "The Working Families Tax Cut",
      "The Working Families Tax Cut lowers taxes for parents.",
      "Parents can claim the Working Families credit each year.",
      "The Working Families Tax Cut starts in 2026.",
    ),
    article(
      "space-memo",
      "A Memorandum on Space Infrastructure",
      "The Memorandum directs agencies to incentivize co-development of space infrastructure with private companies.",
      "Agencies will report on their progress within 90 days.",
    ),
    article(
      "iron-dome",
      "The Iron Dome for America",
      "The Iron Dome for America will defend the homeland against missiles.",
      "The Iron Dome for America is to be built by 2029.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
);

describe("a common English word the articles write with a capital", () => {
  it("GIVEN 'working', a capital only in another article's law name THEN the memo that lacks it still answers (no missing name)", () => {
    const question =
      "what does the memo say about working with private companies on infrastructure?";
    const { answer, citations } = index.explain(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.article).toBe("space-memo");
    const working = citations[0]?.terms.find((term) => term.word === "working");
    expect(working?.weighing.name).toBe(true);
    expect(working?.notes).not.toContain("missing-name");
  });

  it("GIVEN the common words of a name of several ('iron dome') THEN an article without them still lacks a name and the question is declined", () => {
    const question = "does the memo say anything about the iron dome and private companies?";
    const { answer, citations } = index.explain(question);
    expect(answer.answered).toBe(false);
    const notes = citations.flatMap((citation) =>
      citation.article === "space-memo"
        ? citation.terms.filter((term) => term.word === "iron").flatMap((term) => term.notes)
        : [],
    );
    expect(notes).toContain("missing-name");
  });
});
