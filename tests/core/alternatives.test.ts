import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { choiceRanges } from "../../src/core/search/alternatives.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** The alternatives a question offers, as text. */
const alternatives = (question: string) =>
  choiceRanges(question).map(([from, to]) => question.slice(from, to));

describe("the alternatives a question offers to choose from", () => {
  it.each([
    ["which secretary has to set up the center, VA or HUD?", ["VA", "HUD"]],
    [
      "which tax credit got made permanent, the adoption one or the child one?",
      ["adoption one", "child one"],
    ],
    ["Is it the EPA or NOAA that's supposed to keep the barriers maintained?", ["EPA", "NOAA"]],
    [
      "was it the Commerce Secretary or the President who can act?",
      ["Commerce Secretary", "President"],
    ],
  ])("GIVEN %j THEN the alternatives are %j", (question, expected) => {
    expect(alternatives(question)).toEqual(expected);
  });

  it.each([
    "ngl are we actually at war with the houthis or nah",
    "so is tesla gonna start building cars in china or what",
    "what tariff rate applies to drugs imported from canada or india",
    "which un partners or ngos have been paying the houthis",
    "what does the effort actually involve, like assessments or specs?",
  ])("GIVEN %j THEN it offers no choice", (question) => {
    expect(alternatives(question)).toEqual([]);
  });
});

/**
 * A fact sheet's list, cut from the archive: the office named in more words is not the one
 * the question is about; the one named by its acronym, a level up, does what it asks about.
 */
const ARTICLE = [
  "---",
  "title: Ending Illegal Discrimination",
  "---",
  "",
  "-   The order requires OMB to streamline the federal contracting process to enhance speed and efficiency, reduce costs, and require Federal contractors and subcontractors to comply with our civil rights laws.",
  "    -   It revokes Executive Order 11246 contracting criteria mandating affirmative action",
  "    -   It bars the Office of Federal Contract Compliance Programs from pushing contractors to balance their workforce based on race, sex, gender identity, sexual preference, or religion.",
  "",
].join("\n");

describe("a question that offers a choice", () => {
  const index = new CitationIndex(
    [parseArticle("contracting.md", new TextEncoder().encode(ARTICLE))],
    { synonyms: defaultSynonyms },
  );

  it("GIVEN two offices, one named in more words THEN 'is it OMB or the contract compliance office that streamlines contracting' cites what is said of OMB", () => {
    const answer = index.ask(
      "Is it OMB or the contract compliance office that's told to streamline federal contracting?",
    );
    expect(answer.citations[0]?.excerpt).toContain("requires OMB to streamline");
  });

  it("GIVEN the same question THEN --explain says its alternatives weigh less", () => {
    const { citations } = index.explain(
      "Is it OMB or the contract compliance office that's told to streamline federal contracting?",
    );
    const office = citations[0]?.terms.find((term) => term.word === "office");
    expect(office?.weighing.factors.map((factor) => factor.why)).toContain("alternative");
  });
});
