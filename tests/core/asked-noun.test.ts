import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { askedNoun } from "../../src/core/answer/asked-noun.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

describe("the noun a 'which'/'what' question asks for", () => {
  it.each([
    ["which biden executive order gets revoked", "order"],
    ["which anti-drug agency runs the program", "agency"],
    ["which marine national monuments are being reviewed", "monuments"],
    ["which research firm tracked the exports", "firm"],
    ["which firm tracked the exports", "firm"],
    ["which cabinet secretary is in charge", "secretary"],
    ["what kind of agency runs it", "agency"],
    ["whats the name of the news agency", "agency"],
  ])("GIVEN %j THEN it asks for the head of its noun phrase, %j", (question, noun) => {
    expect(askedNoun(question, defaultSynonyms)?.word).toBe(noun);
  });
});

/** A made-up report of a visit: one passage names the official met, one does not. */
const visit = (...paragraphs: string[]) =>
  new CitationIndex([article("visit", "A Visit to the Capital", ...paragraphs)], {
    synonyms: defaultSynonyms,
  });

describe("'which official', 'which cabinet secretary': a person of a kind, asked by name", () => {
  it("GIVEN a passage that mentions such an official but names none THEN the question is declined", () => {
    const index = visit(
      "The chief executive met a senior Chinese official in the capital on Tuesday.",
      "The company hopes to build a second factory in the region next year.",
    );
    const answer = index.ask("which chinese official did the chief executive meet");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBeNull();
  });

  it("GIVEN a passage that names the official THEN the name answers", () => {
    const index = visit(
      "The chief executive met Vice Premier Wang Yang, a senior Chinese official, on Tuesday.",
      "The company hopes to build a second factory in the region next year.",
    );
    const answer = index.ask("which chinese official did the chief executive meet");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("Wang Yang");
  });
});
