import { describe, expect, it } from "vitest";
import { namesNoneOf, restatesWithoutWhich } from "../../src/core/answer/indefinite.ts";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

describe("a passage that says 'a' thing did what the question asks which thing did", () => {
  it.each([
    ["which report found that entrants fell", "A recent report found that entrants fell.", true],
    [
      "which commercial company sent humans to orbit",
      "A commercial company sent humans into orbit.",
      true,
    ],
    ["which company sent humans to orbit", "An aerospace company sent humans into orbit.", true],
    ["which report found that entrants fell", "The GAO report found that entrants fell.", false],
    ["which company sent humans to orbit", "A company, SpaceX, sent humans into orbit.", false],
    ["what report found that entrants fell", "A recent report found that entrants fell.", false],
    ["which report said entrants fell", "A recent report found that entrants fell.", false],
    ["which chinese official did he meet", "He met Wang Yang, a senior Chinese official.", false],
  ])("GIVEN %j and %j THEN it does not say which: %s", (question, excerpt, restated) => {
    const isVerb = (word: string) => defaultSynonyms.verb?.(word) ?? false;
    expect(restatesWithoutWhich(question, excerpt, isVerb)).toBe(restated);
  });
});

describe("a passage that speaks of the thing whose name is asked only as 'a' one", () => {
  it.each([
    ["exec", "…and the 2024 assassination of a senior healthcare executive are examples.", true],
    ["reporter", "A reporter was detained, and Dana Ortiz was released.", true],
    ["reporter", "The reporter, Dana Ortiz, was released.", false],
    ["reporter", "A reporter asked; the reporter was later named.", false],
    ["exec", "The Executive Order was signed.", false],
  ])("GIVEN the noun %j and %j THEN it names none: %s", (noun, excerpt, none) => {
    expect(namesNoneOf(noun, excerpt)).toBe(none);
  });
});

describe("a 'which' question whose passage says only 'a'", () => {
  const index = new CitationIndex(
    [
      article(
        "contracting",
        "Small Business Contracting",
        "A recent report found that the number of new small business entrants to federal procurement decreased by 60 percent over the past decade.",
        "The Small Business Administration will publish a scorecard for every agency.",
      ),
      article(
        "space",
        "Commercial Space Flight",
        "In 2020, a commercial company sent humans into orbit for the first time.",
        "The Federal Aviation Administration licenses every launch.",
      ),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it.each([
    "which report found that new small business entrants dropped 60 percent",
    "which commercial company sent humans to orbit in 2020",
  ])("GIVEN %j THEN it is declined, with no short answer", (question) => {
    const explained = index.explain(question);
    expect(explained.answer.answered).toBe(false);
    expect(explained.answer.answer).toBeNull();
    expect(explained.declined).toBe("not-which");
  });

  it("GIVEN the name of a thing asked, which the passage speaks of only as 'a' one, beside another name THEN it is declined", () => {
    const violence = new CitationIndex(
      [
        article(
          "violence",
          "Countering Political Violence",
          "The attempted assassination of Justice Brett Kavanaugh and the 2024 assassination of a senior healthcare executive are examples of this threat.",
          "The strategy directs agencies to investigate organized campaigns.",
        ),
      ],
      { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
    );
    const explained = violence.explain("What was the name of the healthcare exec killed in 2024");
    expect(explained.answer.answered).toBe(false);
    expect(explained.answer.answer).toBeNull();
  });

  it("GIVEN a question the passage answers THEN it is answered", () => {
    const answer = index.ask(
      "by how much did new small business entrants to federal procurement drop",
    );
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("60 percent");
  });
});
