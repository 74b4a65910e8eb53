import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { article } from "./article-fixture.ts";

describe("passages that ask are no answers", () => {
  const briefing = article(
    "briefing",
    "Press briefing",
    "Q Is the electric car plant in Ohio going to close? Do electric car workers lose their jobs?",
    "MS. PSAKI: No. The electric car plant in Ohio stays open and will not close this year.",
  );
  const weather = article("weather", "Mountain weather", "Snow closed the pass.");

  it("GIVEN a transcript THEN the answer's turn ranks above the reporter's question that shares more words", () => {
    const index = new CitationIndex([briefing, weather], { synonyms: null, wordVectors: null });
    const top = index.ask("will the electric car plant in ohio close").citations[0];
    expect(top?.excerpt).toContain("stays open");
    // Without the rule, the reporter's question comes first.
    const off = new CitationIndex([briefing, weather], {
      synonyms: null,
      wordVectors: null,
      askingFactor: 1,
    });
    expect(off.ask("will the electric car plant in ohio close").citations[0]?.excerpt).toMatch(
      /^Q Is the electric car plant/u,
    );
  });
});

describe("lead-ins are no answers", () => {
  const order = article(
    "order",
    "Trade order",
    "Under the order, the duties on imported steel from Canada are now:",
    "- A duty of 25% on steel from Canada.\n- A duty of 10% on aluminum.",
  );
  const question = "what are the duties on steel imported from canada now";

  it("GIVEN a sentence ending with a colon THEN the passage it announces ranks above it", () => {
    const index = new CitationIndex([order], { synonyms: null, wordVectors: null });
    expect(index.ask(question).citations[0]?.excerpt).toBe("A duty of 25% on steel from Canada.");
    // Without the rule, the lead-in, which holds more of the question's words, comes first.
    const off = new CitationIndex([order], { synonyms: null, wordVectors: null, leadInFactor: 1 });
    expect(off.ask(question).citations[0]?.excerpt).toMatch(/are now:$/u);
  });
});

describe("headings in title case give no reasons", () => {
  const sheet = article(
    "sheet",
    "Testing fact sheet",
    "Rapidly Increase Virus Genome Sequencing. The agency will invest $200 million in new laboratories. Increasing genome sequencing will improve our ability to detect emerging virus variants.",
    "Department of Treasury. It leads on sanctions.",
  );

  it("GIVEN a why question THEN the sentence that gives the reason ranks above the heading that holds its words", () => {
    const index = new CitationIndex([sheet], { synonyms: null, wordVectors: null });
    const question = "why increase virus genome sequencing";
    expect(index.ask(question).citations[0]?.excerpt).toMatch(
      /^Increasing genome sequencing will improve/u,
    );
    // Without the rule (no lead-in factor), the heading, which holds every word, comes first.
    const off = new CitationIndex([sheet], { synonyms: null, wordVectors: null, leadInFactor: 1 });
    expect(off.ask(question).citations[0]?.excerpt).toBe(
      "Rapidly Increase Virus Genome Sequencing.",
    );
  });

  it("GIVEN a question that asks for a name THEN a title-cased line that is the name still answers", () => {
    const index = new CitationIndex([sheet], { synonyms: null, wordVectors: null });
    expect(index.ask("which department leads on sanctions").citations[0]?.excerpt).toMatch(
      /^Department of Treasury\./u,
    );
  });
});
