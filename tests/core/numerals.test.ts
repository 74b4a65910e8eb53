import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { isNumeral, isRomanNumeral } from "../../src/core/text/lexicon.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

describe("numerals", () => {
  it.each([
    ["III", true],
    ["ii", true],
    ["xiv", true],
    ["2", true],
    ["three", true],
    ["i", false],
    ["mix", false],
    ["percent", false],
    ["civil", false],
  ])("GIVEN %j THEN a numeral: %s", (word, numeral) => {
    expect(isNumeral(word)).toBe(numeral);
  });

  it("GIVEN one letter or a word THEN no Roman numeral; two letters or more THEN one", () => {
    expect(["i", "v", "x", "xi", "IX", "vii"].map(isRomanNumeral)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });
});

describe("a name with a Roman numeral ('Artemis III')", () => {
  const index = new CitationIndex(
    [
      article(
        "space",
        "A New Age of Space Flight",
        "In April 2026, the agency sent astronauts on Artemis II to lunar orbit.",
        "The agency plans more launches from new spaceports by 2030.",
      ),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it("GIVEN a passage on Artemis II only THEN 'when is artemis III scheduled to land on the moon' is declined", () => {
    const answer = index.ask("when is artemis III scheduled to land on the moon");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBeNull();
  });

  it("GIVEN --explain THEN 'artemis' counts nothing in the passage on Artemis II: the other word of its name is missing", () => {
    const { citations } = index.explain("when is artemis III scheduled to land on the moon");
    const passage = citations.find((citation) => citation.excerpt.includes("Artemis II"));
    const artemis = passage?.terms.find((term) => term.word === "artemis");
    expect(artemis?.partners).toEqual(["iii"]);
    expect(artemis?.credit).toBe(0);
  });

  it("GIVEN the numeral the passage says THEN the passage answers", () => {
    const answer = index.ask("when did artemis II reach lunar orbit");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe("April 2026");
  });

  it("GIVEN --explain THEN no other number stands in for the numeral", () => {
    const { citations } = index.explain("when is artemis III scheduled to land on the moon");
    const numeral = citations[0]?.terms.find((term) => term.word === "iii");
    expect(numeral?.matches.map((match) => match.term.toLowerCase())).not.toContain("ii");
    expect(numeral?.matches.length).toBeGreaterThan(0);
  });
});

describe("a number written in words ('fifty years') and in digits ('50 years')", () => {
  const index = new CitationIndex(
    [
      article(
        "flight",
        "Supersonic Flight",
        "For more than fifty years, outdated rules have grounded supersonic flight over land.",
        "The agency will write new noise standards for civil aircraft.",
      ),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it.each([
    ["thirteen", true],
    ["fifty", true],
    ["ninety", true],
  ])("GIVEN %j THEN a numeral: %s", (word, numeral) => {
    expect(isNumeral(word)).toBe(numeral);
  });

  it("GIVEN the article writes the number in words THEN the question's digits find it", () => {
    const { citations } = index.explain("what was grounded for 50 years");
    const fifty = citations[0]?.terms.find((term) => term.word === "50");
    expect(citations[0]?.excerpt).toContain("fifty years");
    expect(fifty?.found).toBe("sentence");
  });
});
