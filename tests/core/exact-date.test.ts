import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { answersIn } from "../../src/core/answer/answers-in.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** A made-up release: one event dated by a season, one by a month, one by a day. */
const index = new CitationIndex(
  [
    article(
      "plans",
      "Agencies Release Climate Adaptation Plans",
      "The Council on Environmental Quality will hold a virtual convening next month with experts in adaptation.",
      "The Houthis were designated a foreign terrorist organization in January 2021.",
      "Members of the public may submit comments on the plans until December 27, 2021.",
      "The task force met on Tuesday to review the plans.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: null },
);

describe("an exact date asked for", () => {
  it("GIVEN a convening dated 'next month' THEN 'when is the virtual convening' is answered with it, 'what exact date is the virtual convening' is declined", () => {
    const when = index.ask("when is the virtual convening");
    expect(when.answered).toBe(true);
    expect(when.answer).toBe("next month");
    const exact = index.ask("what exact date is the virtual convening");
    expect(exact.answered).toBe(false);
    expect(exact.answer).toBeNull();
  });

  it("GIVEN a designation dated 'January 2021' THEN 'when exactly were the houthis designated' is declined: a month is no exact date", () => {
    expect(index.ask("when were the houthis designated a terrorist organization").answered).toBe(
      true,
    );
    const exact = index.ask("when exactly were the houthis designated a terrorist organization");
    expect(exact.answered).toBe(false);
  });

  it("GIVEN a deadline of 'December 27, 2021' THEN 'what exact date are comments due' is answered with the day", () => {
    const exact = index.ask("what exact date can the public submit comments until");
    expect(exact.answered).toBe(true);
    expect(exact.answer).toContain("December 27");
  });

  it("GIVEN a meeting dated 'on Tuesday' THEN 'when exactly did the task force meet' is answered with the day", () => {
    const exact = index.ask("when exactly did the task force meet");
    expect(exact.answered).toBe(true);
    expect(exact.answer).toContain("Tuesday");
  });

  it("GIVEN a passage dated only by a year THEN it holds no answer to 'what date is…', and still one to 'what year…'", () => {
    const passage =
      "Committing to trilateral cooperation to meet a joint commitment to conserve 30 percent of the world’s land and ocean area by 2030.";
    expect(answersIn("date", passage, "what date is the trilateral public health summit")).toEqual(
      [],
    );
    expect(answersIn("date", passage, "what year is the conservation goal for")).toContain("2030");
  });

  it("GIVEN a passage dated 'last year' THEN it holds no answer to 'what date is…'", () => {
    const passage = "Small businesses received a record $56 billion in capital last year.";
    expect(answersIn("date", passage, "what date is small business saturday")).toEqual([]);
    expect(answersIn("date", passage, "when did small businesses get the capital")).toEqual([
      "last year",
    ]);
  });

  it("GIVEN a flood dated 'in 2012' THEN 'what month did the storm hit' finds no answer there, and one in 'October 2012'", () => {
    const year = "In 2012, millions of gallons of salt water flooded into the tunnel.";
    expect(answersIn("date", year, "what month did the storm hit")).toEqual([]);
    const month = "In October 2012, millions of gallons of salt water flooded into the tunnel.";
    expect(answersIn("date", month, "which month did the storm hit")).toEqual(["October 2012"]);
  });
});
