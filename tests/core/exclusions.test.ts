import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { excludedRanges, withoutExcluded } from "../../src/core/search/exclusions.ts";
import { tokenize } from "../../src/core/text/tokenize.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** The words of a question its contrastive "not" sets apart. */
const setApart = (question: string) =>
  excludedRanges(question).map(([from, to]) => question.slice(from, to).trim());

describe("words a question sets apart with a contrastive 'not'", () => {
  it.each([
    ["what was steel capacity utilization in 2023 specifically, not 2022", ["2022"]],
    ["when could the tariff change? not the june date, the other one", ["the june date"]],
    ["Not this June order, the earlier March one — what was that about?", ["this June order"]],
    ["for ecuador, which tariff gets fully eliminated, not just cut down?", ["just cut down"]],
    // An auxiliary verb ends them.
    ["which plants, not the ones in ohio are closing", ["the ones in ohio"]],
    // In brackets, up to the closing one.
    [
      "when did trump sign the EO on the space industry (not the december space policy one)",
      ["the december space policy one"],
    ],
  ])("GIVEN %j THEN it sets apart %j", (question, words) => {
    expect(setApart(question)).toEqual(words);
  });

  it.each([
    "why can they not serve in the military",
    "is the tariff not applied to canada",
    "what happens if companies do not comply",
    "which countries besides the uk are exempt",
  ])(
    "GIVEN %j THEN nothing is set apart: its 'not' or 'besides' is part of what it asks",
    (question) => {
      expect(setApart(question)).toEqual([]);
    },
  );
});

describe("the tokens a question keeps", () => {
  it("GIVEN questions with many clauses set apart THEN exactly the tokens outside every range are kept, in order", () => {
    const pieces = [
      ", not the june date",
      " what",
      " x",
      ", not",
      " is",
      " y,",
      "? Not this one",
      " — z",
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round += 1) {
      const question = Array.from(
        { length: 1 + Math.floor(next() * 30) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join("");
      const tokens = tokenize(question);
      const ranges = excludedRanges(question);
      const expected = tokens.filter(
        (token) => !ranges.some(([from, to]) => token.start >= from && token.start < to),
      );
      expect(withoutExcluded(question, tokens)).toEqual(expected);
    }
  });
});

describe("a question that sets a passage's words apart", () => {
  const index = new CitationIndex(
    [
      article(
        "forests",
        "Two Orders on Forests",
        "In June, the President signed an order to speed up wildfire response across federal lands.",
        "In March, an earlier order told agencies to expand timber sales from national forests.",
      ),
    ],
    { synonyms: defaultSynonyms },
  );

  it("GIVEN two orders, one in June THEN 'not the june order, the earlier one: what was it about' cites the other", () => {
    const answer = index.ask("Not the June order, the earlier one: what was that order about?");
    expect(answer.citations[0]?.excerpt).toContain("In March");
  });

  it("GIVEN --explain THEN it lists the words set apart, and no citation credits them", () => {
    const { setApart, citations } = index.explain(
      "Not the June order, the earlier one: what was that order about?",
    );
    expect(setApart).toEqual(["the June order"]);
    expect(citations[0]?.terms.map((term) => term.word)).not.toContain("june");
    expect(index.explain("what was the june order about?").setApart).toEqual([]);
  });

  it("GIVEN the same question without 'not' THEN the June order is cited (the words count when not set apart)", () => {
    const answer = index.ask("the June order: what was that order about?");
    expect(answer.citations[0]?.excerpt).toContain("In June");
  });
});
