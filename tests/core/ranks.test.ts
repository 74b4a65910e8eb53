import { describe, expect, it } from "vitest";
import { speaksOfOtherRank } from "../../src/core/answer/ranks.ts";
import { CitationIndex } from "../../src/core/index.ts";
import { isNumberWord } from "../../src/core/text/lexicon.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

describe("the rank a passage gives what a question ranks", () => {
  it.each([
    ["who hosted the third ministerial", "Colombia will host the fifth Ministerial.", true],
    ["who hosted the 3rd ministerial", "Colombia will host the fifth Ministerial.", true],
    ["who hosted the fifth ministerial", "Colombia will host the fifth Ministerial.", false],
    ["who hosted the third ministerial", "Colombia will host the Ministerial.", false],
    ["who hosted the third ministerial", "For the fifth time, Colombia hosted it.", false],
    ["who hosted the ministerial", "Colombia will host the fifth Ministerial.", false],
  ])("GIVEN %j and %j THEN another rank: %s", (question, excerpt, other) => {
    expect(speaksOfOtherRank(question, excerpt)).toBe(other);
  });

  it.each([
    ["fourth", true],
    ["4th", true],
    ["million", true],
    ["III", true],
    ["forth", false],
    ["minister", false],
  ])("GIVEN %j THEN a word of a number: %s", (word, numberWord) => {
    expect(isNumberWord(word)).toBe(numberWord);
  });
});

describe("a question that ranks what the article ranks otherwise", () => {
  const index = new CitationIndex(
    [
      article(
        "summit",
        "A Regional Summit",
        "The Secretary of State hosted the fourth Regional Migration Ministerial in Washington.",
        "Colombia will assume the rotating chair and host the fifth Regional Migration Ministerial.",
        "Ministers endorsed a plan to expand legal pathways for workers.",
      ),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it("GIVEN 'the fourth', which one sentence says THEN that sentence answers, not the fifth's", () => {
    const answer = index.ask("which country is hosting the fourth regional migration ministerial");
    expect(answer.citations[0]?.excerpt).toContain("hosted the fourth");
  });

  it("GIVEN 'the third' THEN no other rank stands in for it (the word vectors put them side by side)", () => {
    const explained = index.explain("who hosted the third regional migration ministerial");
    const third = explained.citations[0]?.terms.find((term) => term.word === "third");
    expect(third?.matches.map((match) => match.term)).toContain("third");
    expect(third?.matches.map((match) => match.term)).not.toContain("fifth");
    expect(third?.matches.map((match) => match.term)).not.toContain("fourth");
  });

  it("GIVEN 'the third', which no sentence says THEN the question is declined", () => {
    const answer = index.ask("which country hosted the third regional migration ministerial");
    expect(answer.answered).toBe(false);
    expect(answer.answer).toBeNull();
  });
});
