import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A made-up article: a drug moved between the schedules of a law, and a meeting scheduled. */
const ARTICLE = [
  "---",
  "title: Rescheduling a Drug",
  "---",
  "",
  "The Order directs the Attorney General to move the drug to Schedule III of the Controlled Substances Act.",
  "",
  "A hearing on the change is scheduled for next spring.",
  "",
].join("\n");

const index = new CitationIndex([parseArticle("drug.md", new TextEncoder().encode(ARTICLE))], {
  synonyms: defaultSynonyms,
});

describe("words about timing", () => {
  it("GIVEN a law's 'Schedule III' and no date THEN 'when was the controlled substances act passed' is declined: a schedule's number is a label, not a time", () => {
    const answer = index.explain("when was the controlled substances act passed");
    expect(answer.citations[0]?.excerpt).toContain("Schedule III");
    expect(answer.citations[0]?.kindFits).toBe(false);
    expect(answer.answer.answered).toBe(false);
  });

  it("GIVEN 'is scheduled for next spring' THEN 'when is the hearing' is answered by that passage", () => {
    const answer = index.ask("when is the hearing on the change");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("scheduled for next spring");
  });
});

describe('"so far": until now, no topic', () => {
  it("GIVEN articles without the word 'far' THEN 'far' of 'so far' weighs as a word of little information, not as the acronym 'FAR' the dictionary spells out", () => {
    const answer = index.explain("how many drugs has the attorney general moved so far");
    const far = answer.citations[0]?.terms.find((term) => term.word === "far");
    expect(far?.weighing.name).toBe(false);
    expect(far?.weighing.factors.map((factor) => factor.why)).toContain("low-information");
  });
});
