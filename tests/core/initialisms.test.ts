import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { article } from "./article-fixture.ts";
import { initialismPattern, spellsOut } from "../../src/core/text/initials.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

describe("initialisms: a question word spelt out by the passage's words", () => {
  it.each([
    ["ev", "Sales of electric vehicles rose.", true],
    ["nrc", "The Nuclear Regulatory Commission must act.", true],
    ["doe", "under contract with the Department of Energy", true],
    ["jv", "a joint-venture deal", true],
    ["ev", "every vote counts", true],
    ["ev", "electric cars", false],
    ["jv", "the major joint", false],
    ["ioc", "the International Olympic Committee", true],
    ["ioc", "the indoctrination of children", false],
    ["ioc", "indoctrination of children, and the International Olympic Committee", true],
    ["e1", "anything", null],
  ])("GIVEN %j and %j THEN the words spell it: %j", (letters, text, spelled) => {
    const pattern = initialismPattern(letters);
    if (spelled === null) expect(pattern).toBeUndefined();
    else expect(pattern && spellsOut(pattern, text)).toBe(spelled);
  });

  const reactors = article(
    "reactors",
    "Reactor testing",
    "The Nuclear Regulatory Commission must review the design within a year.",
    "The reactors must be tested under contract with the laboratories before any review.",
  );
  const weather = article("weather", "Mountain weather", "Snow closed the pass on Monday.");

  it("GIVEN an initialism the articles never write THEN the passage that spells it out comes first, explained", () => {
    const index = new CitationIndex([reactors, weather], { synonyms: null, wordVectors: null });
    const explained = index.explain("what must the nrc review");
    expect(explained.citations[0]?.excerpt).toContain("Nuclear Regulatory Commission");
    const nrc = explained.citations[0]?.terms.find((term) => term.word === "nrc");
    expect(nrc?.notes).toContain("initialism");
    expect(nrc?.credit).toBeGreaterThan(0);
    // Turned off, the word counts for nothing there.
    const off = new CitationIndex([reactors, weather], {
      synonyms: null,
      wordVectors: null,
      initialismCredit: 0,
    });
    const plain = off.explain("what must the nrc review").citations[0];
    expect(plain?.terms.find((term) => term.word === "nrc")?.credit ?? 0).toBe(0);
  });

  const commission = article(
    "commission",
    "The Make America Healthy Again Commission",
    "Today the President established the Make America Healthy Again Commission.",
    "The Commission will meet on Monday to study childhood diseases.",
  );

  it("GIVEN a name the articles only spell out, typed in lower case THEN the passage that spells it out does not lack it: answered as when typed in capitals", () => {
    // The dictionary reads "maha" before "commission" as a name; without the passage's
    // spelling-out, a name no article has declines the question.
    const index = new CitationIndex([commission, weather], {
      synonyms: defaultSynonyms,
      wordVectors: null,
    });
    const lower = index.explain("when was the maha commission established");
    expect(index.ask("when was the MAHA Commission established").answered).toBe(true);
    expect(lower.answer.answered).toBe(true);
    const maha = lower.citations[0]?.terms.find((term) => term.word === "maha");
    expect(maha?.weighing.name).toBe(true);
    expect(maha?.notes).toContain("initialism");
    expect(maha?.notes).not.toContain("missing-name");
  });
});
