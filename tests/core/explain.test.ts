import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CitationIndex, DEFAULT_RANKING } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { readQuestions } from "../eval.ts";
import { ROOT } from "../helpers.ts";
import { article } from "./article-fixture.ts";

let library: CitationIndex;
beforeAll(async () => {
  const seed = (await loadArticles(DEFAULT_DATA_DIR)).articles;
  const vehicles = (await loadArticles(path.join(ROOT, "tests/fixtures/articles/md"))).articles;
  library = new CitationIndex([...seed, ...vehicles], {
    synonyms: defaultSynonyms,
    wordVectors: defaultWordVectors,
  });
});

describe("ask --explain: the evidence behind each citation", () => {
  it("GIVEN every fixture question THEN each word's weight is its idf times the factors shown, and a passage's short answer is of a kind it holds", () => {
    let terms = 0;
    for (const file of ["seed-questions.jsonl", "blind-seed.jsonl", "blind-vehicles.jsonl"]) {
      for (const { q } of readQuestions(file)) {
        for (const citation of library.explain(q).citations) {
          for (const term of citation.terms) {
            terms += 1;
            const product = term.weighing.factors.reduce((w, { factor }) => w * factor, 1);
            // Both are rounded to three decimals for display.
            expect(
              Math.abs(term.weighing.idf * product - term.weight),
              `${q}: ${term.word}`,
            ).toBeLessThan(0.01 * Math.max(1, product));
          }
          if (citation.shortAnswer !== null && citation.expected !== "description") {
            expect(citation.excerpt, q).toContain(citation.shortAnswer);
          }
          if (
            citation.shortAnswer !== null &&
            ["count", "date", "money"].includes(citation.expected)
          ) {
            expect(citation.kindFits, q).toBe(true);
          }
        }
      }
    }
    expect(terms).toBeGreaterThan(500);
  });

  it("GIVEN a name no article mentions THEN its weight says so, with the missing-name factor", () => {
    const [top] = library.explain("What did Musk eat in Beijing?").citations;
    const beijing = top?.terms.find((term) => term.word === "beijing");
    expect(beijing?.weighing).toMatchObject({
      name: true,
      rarityOf: "absent",
      factors: [{ why: "missing-name", factor: DEFAULT_RANKING.missingNameWeight }],
    });
  });

  it("GIVEN a name no article mentions THEN its word's notes say the passage lacks it (the note that declines the question)", () => {
    const { answer, citations } = library.explain("What did Musk eat in Beijing?");
    expect(answer.answered).toBe(false);
    const beijing = citations[0]?.terms.find((term) => term.word === "beijing");
    expect(beijing?.notes).toContain("missing-name");
  });

  it("GIVEN a lower-case acronym of the articles THEN the match says it is the articles' acronym", () => {
    const [top] = library.explain("how big is the ev tax credit").citations;
    const ev = top?.terms.find((term) => term.word === "ev");
    expect(ev?.matches).toContainEqual(
      expect.objectContaining({ term: "EV", how: "exact", acronym: true }),
    );
  });

  it("GIVEN a question for an amount THEN each citation says the kind expected, whether it holds one, and which", () => {
    const { citations } = library.explain("How big is the EV tax credit?");
    expect(citations[0]).toMatchObject({
      expected: "amount",
      kindFits: true,
      shortAnswer: "$7,500",
    });
    for (const citation of citations) {
      expect(citation.expected).toBe("amount");
      expect(typeof citation.kindFits).toBe("boolean");
    }
  });

  it("GIVEN 'how big', 'how long' THEN the measure word is low-information: it says what kind of answer is asked, not what about", () => {
    const [top] = library.explain(
      "How big is the levy Beijing puts on the carmaker's cars?",
    ).citations;
    const big = top?.terms.find((term) => term.word === "big");
    expect(big?.weighing.factors).toContainEqual({
      why: "low-information",
      factor: DEFAULT_RANKING.lowInformationWeight,
    });
    // Elsewhere the same word is a topic word.
    const [other] = library.explain("Which big carmakers were accused of overcharging?").citations;
    const plain = other?.terms.find((term) => term.word === "big");
    expect(plain?.weighing.factors.map((f) => f.why)).not.toContain("low-information");
  });

  it.each([
    ["what date was the photo of Musk posted", "date"],
    ["how much money did Tesla make in China in 2016", "money"],
    ["which year did Tesla's sales in China triple", "year"],
  ])(
    "GIVEN %j THEN %j, which names the kind of answer asked, is low-information",
    (question, word) => {
      const [top] = library.explain(question).citations;
      const term = top?.terms.find((t) => t.word === word);
      expect(term?.weighing.factors).toContainEqual({
        why: "low-information",
        factor: DEFAULT_RANKING.lowInformationWeight,
      });
    },
  );

  it("GIVEN the same nouns not after 'what', 'which' or 'how much' THEN they are topic words", () => {
    const [top] = library.explain(
      "did tesla say the money from china sales was a record",
    ).citations;
    const money = top?.terms.find((t) => t.word === "money");
    expect(money?.weighing.factors.map((f) => f.why)).not.toContain("low-information");
  });

  it("GIVEN a name of three words the dictionary knows, typed in lower case THEN its words are one name", () => {
    const [top] = library.explain("what does the nuclear regulatory commission do").citations;
    const commission = top?.terms.find((term) => term.word === "commission");
    expect(commission?.partners).toEqual(expect.arrayContaining(["nuclear", "regulatory"]));
  });

  it("GIVEN a question word in the cited article's title THEN the explanation notes the topic discount", () => {
    const [top] = library.explain("How much did Tesla's sales in China grow last year?").citations;
    const tesla = top?.terms.find((term) => term.word === "tesla");
    expect(tesla?.notes).toContain("title");
    expect(tesla?.weighing.factors).toContainEqual({ why: "topic-name", factor: 1 });
  });
});

describe("a name only the title has", () => {
  const remarks = article(
    "remarks",
    "Remarks by Vice President Harris During a Visit to a Studio",
    "THE VICE PRESIDENT: So, I am so excited to be here, and to thank you for all of the creative work.",
    "THE VICE PRESIDENT: And I brought some of my friends with me — (laughter) — Sheryl Lee Ralph.",
  );
  const index = new CitationIndex([remarks], { synonyms: defaultSynonyms, wordVectors: null });

  it("GIVEN a question naming the speaker the text calls by title THEN the name is the topic, not missing, and the question is answered", () => {
    const question = "who did harris bring with her";
    const [top] = index.explain(question).citations;
    const harris = top?.terms.find((term) => term.word === "harris");
    expect(harris?.weighing.factors).toContainEqual({ why: "topic-name", factor: 1 });
    const answer = index.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("Sheryl Lee Ralph");
  });
});
