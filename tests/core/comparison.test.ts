import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { comparesWithout } from "../../src/core/answer/comparison.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

describe("'what's the difference between X and Y'", () => {
  it.each([
    ["whats the difference between a tariff and a quota", "Tariffs on steel rise to 50%.", true],
    [
      "whats the difference between a tariff and a quota",
      "A quota caps imports; a tariff taxes them.",
      false,
    ],
    [
      "What's the actual difference between THC and CBD?",
      "Schedule III status allows research.",
      true,
    ],
    ["what is the tariff on steel", "Tariffs on steel rise to 50%.", false],
  ])(
    "GIVEN %j and %j THEN a comparison the excerpt cannot answer: %s",
    (question, excerpt, without) => {
      expect(comparesWithout(question, excerpt)).toBe(without);
    },
  );

  const index = new CitationIndex(
    [
      article(
        "plans",
        "Health Plans Made Clearer",
        "Patients will be able to compare the prices of a deductible plan before they buy one.",
        "Hospitals must post their prices online.",
      ),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it("GIVEN a passage that names one of the two THEN the question is declined", () => {
    const answer = index.ask("whats the difference between a deductible and a copay");
    expect(answer.answered).toBe(false);
  });
});
