import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** A made-up trade deal: tons of one crop counted, another crop named without a figure. */
const index = new CitationIndex(
  [
    article(
      "grain-deal",
      "A Grain Purchase Agreement",
      "Under the agreement, the buyer will purchase at least 12 million metric tons of soybeans this year. The buyer will also resume purchases of sorghum and timber.",
      "Shipments begin in the spring from three ports.",
    ),
  ],
  { synonyms: defaultSynonyms },
);

describe("a count of a unit of something", () => {
  it("GIVEN a figure of tons of soybeans THEN 'how many tons of soybeans' is answered with it", () => {
    const answer = index.ask("how many tons of soybeans will the buyer purchase");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("12 million");
  });

  it("GIVEN only tons of soybeans are counted THEN 'how many tons of sorghum' is declined, with no figure as its answer", () => {
    const answer = index.ask("how many tons of sorghum will the buyer purchase");
    expect(answer.answer).toBeNull();
    expect(answer.answered).toBe(false);
  });
});

/** A made-up arms sale: a figure of helicopters, and jobs counted only in words. */
const sale = new CitationIndex(
  [
    article(
      "arms-sale",
      "A Helicopter Sale",
      "The deal lets Poland buy nearly 250 American helicopters and protects thousands of American jobs.",
      "The first deliveries are planned for 2027.",
      "It also hires 2,000 American workers at the Texas plant.",
    ),
  ],
  { synonyms: defaultSynonyms },
);

describe("a figure before a capitalised adjective", () => {
  it("GIVEN 'nearly 250 American helicopters' THEN 'how many jobs' is not answered with 250", () => {
    const answer = sale.ask("how many jobs does the helicopter deal save");
    expect(answer.answer).not.toContain("250");
  });

  it("GIVEN '2,000 American workers' THEN 'how many workers' is answered with it", () => {
    const answer = sale.ask("how many workers will the plant hire");
    expect(answer.answer).toContain("2,000");
  });
});

/** One made-up report holding a passage, and a paragraph after it. */
function reportOf(passage: string): CitationIndex {
  return new CitationIndex([article("report", "A Report", passage, "More follows later.")], {
    synonyms: defaultSynonyms,
  });
}

/** A capitalised adjective before a person noun, or before a compound, may count the thing asked. */
const ADJECTIVE_COUNTS: readonly (readonly [string, string, string])[] = [
  [
    "how many americans could lose coverage",
    "Up to 15 million American adults could lose coverage under the bill, analysts said.",
    "15 million",
  ],
  [
    "how many democrats voted against the bill",
    "All 47 Democratic senators voted against the bill on Tuesday.",
    "47",
  ],
  [
    "how many troops is the pentagon sending",
    "The Pentagon is sending 3,000 American combat troops to Poland, officials said.",
    "3,000",
  ],
  [
    "how many jets violated the airspace",
    "At least 12 Russian fighter jets violated Estonian airspace on Friday, officials said.",
    "12",
  ],
];

describe("a figure before a capitalised adjective that counts what is asked", () => {
  it.each(ADJECTIVE_COUNTS)(
    "GIVEN %j and the passage %j THEN %j answers",
    (question, passage, figure) => {
      const index = reportOf(passage);
      expect(index.ask(question).answer).toContain(figure);
    },
  );
});

/** The noun a figure counts is the last of the nouns right after the adjective, not a later one. */
const NOT_COUNTED: readonly (readonly [string, string])[] = [
  [
    "how many jobs will the plan create",
    "The plan brings 500 American companies creating jobs in Ohio, the governor said.",
  ],
  [
    "how many soldiers were deployed",
    "The army deployed 300 American tanks carrying soldiers to the border.",
  ],
];

describe("a figure before a capitalised adjective that counts something else", () => {
  it.each(NOT_COUNTED)(
    "GIVEN %j and the passage %j THEN its figure is no answer",
    (question, passage) => {
      const index = reportOf(passage);
      expect(index.ask(question).answer ?? "").not.toMatch(/\d/u);
    },
  );
});

describe("the thing counted, before the question's verb", () => {
  it("GIVEN 'more than 20 federal agencies' THEN 'how many federal agencies put together plans' counts the agencies, not a 'put' (a noun to the dictionary, mostly a verb): answered from it", () => {
    const plans = new CitationIndex(
      [
        article(
          "plans",
          "Agency Climate Plans",
          "Today the Administration released plans developed by more than 20 federal agencies that outline the steps each agency will take.",
          "The plans were reviewed by the National Climate Task Force.",
        ),
      ],
      { synonyms: defaultSynonyms, wordVectors: null },
    );
    const answer = plans.ask("how many federal agencies put together climate plans");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("more than 20 federal agencies");
  });
});
