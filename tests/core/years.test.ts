import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { speaksOfOtherYears, yearsIn } from "../../src/core/answer/years.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

describe("the years a passage speaks of", () => {
  it.each([
    ["In 2024, consumers lost $12.5 billion, up from 2023.", ["2024", "2023"]],
    ["By 2030, more than 1,000 launches a year; the 2024-25 season.", ["2030", "2024"]],
    ["It cost $2023 and 1,999 people came; 12.2019 is no year.", []],
  ])("GIVEN %j THEN it names %j", (text, years) => {
    expect([...yearsIn(text)]).toEqual(years);
  });

  it.each([
    ["what was the deficit in 2023", "The deficit was $38.5 billion in 2024.", true],
    ["what was the deficit in 2024", "The deficit was $38.5 billion in 2024.", false],
    ["what was the deficit", "The deficit was $38.5 billion in 2024.", false],
    ["what was the deficit in 2023", "The deficit was $38.5 billion.", false],
    ["compare 2023 and 2024", "The deficit was $38.5 billion in 2024.", false],
  ])("GIVEN %j and %j THEN another time: %s", (question, excerpt, other) => {
    expect(speaksOfOtherYears(question, excerpt)).toBe(other);
  });
});

describe("a question about a year the passage does not speak of", () => {
  const index = new CitationIndex(
    [
      article(
        "trade",
        "Trade with a Partner",
        "The U.S. goods trade deficit with the partner was $38.5 billion in 2024.",
        "The partner will buy more American energy and aircraft.",
        "The agreement builds on talks that began in 2023.",
      ),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it("GIVEN 'in 2023', a year of the article, and the passage on the deficit in 2024 THEN the question is declined", () => {
    const answer = index.ask("what was the goods trade deficit with the partner in 2023");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBeNull();
  });

  it("GIVEN 'in 2024' THEN the passage answers", () => {
    const answer = index.ask("what was the goods trade deficit with the partner in 2024");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("$38.5 billion in 2024");
  });
});
