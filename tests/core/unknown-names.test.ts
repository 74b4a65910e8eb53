import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { article } from "./article-fixture.ts";

/** A made-up notice: a rule on the civil service, proposed on a date. */
const index = new CitationIndex(
  [
    article(
      "civil-service",
      "The Office Proposes a Rule on Federal Hiring",
      "On March 3, 2025, the Office proposed a rule to amend the civil service regulations for career employees.",
      "The rule would cover about 50,000 positions across the federal workforce.",
      "Agencies will review the positions within 60 days.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
);

/** How a question word was weighed, by its written form. */
function factorsOf(question: string, word: string): string[] {
  const term = index.explain(question).citations[0]?.terms.find((t) => t.word === word);
  return term?.weighing.factors.map((factor) => factor.why) ?? [];
}

describe("a word that nothing knows, typed in lower case", () => {
  it("GIVEN 'pendleton', which neither the article nor the dictionary knows THEN it weighs as a missing name and the question is declined", () => {
    const question = "when was the pendleton civil service act passed";
    expect(factorsOf(question, "pendleton")).toContain("missing-name");
    expect(index.ask(question).answered).toBe(false);
  });

  it("GIVEN the same question without the unknown name THEN the dated passage answers it", () => {
    const answer = index.ask("when was the civil service rule proposed");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("March 3, 2025");
  });

  it("GIVEN a misspelling of the article's word ('regulatoins') THEN it is read as that word, not as a name", () => {
    const question = "when was the civil service regulatoins rule proposed";
    expect(factorsOf(question, "regulatoins")).not.toContain("missing-name");
    expect(index.ask(question).answered).toBe(true);
  });

  it("GIVEN an unknown word no longer than a chat abbreviation ('tryna') THEN it is no name", () => {
    expect(factorsOf("what is the office tryna propose", "tryna")).not.toContain("missing-name");
  });

  it.each(["underusing", "reshoring", "overpromised"])(
    "GIVEN %j, which the dictionary lacks but is made the English way THEN it is no name",
    (word) => {
      expect(factorsOf(`why is the office ${word} the civil service`, word)).not.toContain(
        "missing-name",
      );
    },
  );

  it.each(["buildout", "pushbacks"])(
    "GIVEN %j, a verb and its particle made one noun the dictionary lacks THEN it is no name",
    (word) => {
      expect(factorsOf(`what about the civil service rule ${word}`, word)).not.toContain(
        "missing-name",
      );
    },
  );

  it("GIVEN a word nothing knows that ends like a particle but is no verb's ('zorgout') THEN it still weighs as a missing name", () => {
    expect(factorsOf("what about the civil service rule zorgout", "zorgout")).toContain(
      "missing-name",
    );
  });

  it("GIVEN a letter typed three times over ('lmaooo') THEN it is chat, no name", () => {
    expect(factorsOf("lmaooo when was the civil service rule proposed", "lmaooo")).not.toContain(
      "missing-name",
    );
  });
});

describe("a year no article mentions", () => {
  it("GIVEN 'in 2023', a year the article never mentions THEN the year weighs as a missing name and the question is declined", () => {
    const question = "how many positions did the civil service rule cover in 2023";
    expect(factorsOf(question, "2023")).toContain("missing-name");
    expect(index.ask(question).answered).toBe(false);
  });

  it("GIVEN the year the article gives THEN the question is answered", () => {
    const answer = index.ask("when in 2025 was the civil service rule proposed");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe("March 3, 2025");
  });
});

describe("an ordinary verb the articles capitalise in a programme's name is no name", () => {
  const pledge = new CitationIndex(
    [
      article(
        "pledge",
        "The Ratepayer Protection Pledge",
        "The Ratepayer Protection Pledge commits data centre owners to pay for their own power.",
        "Companies signing the Ratepayer Protection Pledge will hire workers from nearby towns.",
        "The Pledge is a first step towards a fair grid.",
        "Its first signers met in March, and again in late March.",
      ),
      article("weather", "Mountain weather", "Snow closed the pass on Monday."),
    ],
    { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
  );

  it("GIVEN articles that always write 'Pledge' with a capital THEN 'pledge' typed in a question is weighed as a word, not a name", () => {
    const terms = pledge.explain("is the pledge the end of it or just a start for workers")
      .citations[0]?.terms;
    const word = terms?.find((term) => term.word === "pledge");
    expect(word?.weighing.name).toBe(false);
    expect(word?.weighing.factors.map((factor) => factor.why)).not.toContain("name");
  });

  it("GIVEN a month, a verb too ('march') THEN it is still a name", () => {
    const word = pledge
      .explain("what happened to the pledge in march")
      .citations[0]?.terms.find((term) => term.word === "march");
    expect(word?.weighing.name).toBe(true);
  });
});
