import { describe, expect, it } from "vitest";
import { CitationIndex, type Answer } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

const index = new CitationIndex(
  [
    article(
      "tariffs",
      "Tariffs on Imported Cars",
      "Today, 25% tariffs on imported cars inflate their sticker prices.",
      "The order takes effect on April 2, and the Commerce Department will collect the duties.",
      "Tesla exported 11,000 vehicles to the region last year, up from 3,000.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
);

/** What must not change with the form: the verdict, the short answer and the top citation. */
const verdictOf = (answer: Answer) => [
  answer.answered,
  answer.answer,
  answer.citations[0]?.excerpt,
];

describe("a question addressed to the bot by its name", () => {
  it.each([
    ["citebot what is the tariff on imported cars", "what is the tariff on imported cars"],
    ["citebot, when does the order take effect", "when does the order take effect"],
    ["Citebot how many vehicles did tesla export", "how many vehicles did tesla export"],
    ["citebot ngl does the order take effect in april", "does the order take effect in april"],
  ])("GIVEN %j THEN it is answered as %j is", (addressed, plain) => {
    const alone = index.ask(plain);
    expect(alone.answered).toBe(true);
    expect(verdictOf(index.ask(addressed))).toEqual(verdictOf(alone));
  });

  it("GIVEN a name nothing knows before the question's words, and no question word after it THEN the name is kept, and the question declined", () => {
    const answer = index.explain("valorant tariff on imported cars");
    expect(answer.answer.answered).toBe(false);
    expect(answer.declined).toBe("missing-name");
  });

  it("GIVEN a word the articles have before a question word THEN it is kept: 'tesla how many…' asks about Tesla", () => {
    const answer = index.ask("tesla how many vehicles exported");
    expect(answer.citations[0]?.excerpt).toContain("Tesla exported");
  });

  it("GIVEN an addressed question THEN the answer quotes the question as asked", () => {
    expect(index.ask("citebot what is the tariff on imported cars").question).toBe(
      "citebot what is the tariff on imported cars",
    );
  });
});
