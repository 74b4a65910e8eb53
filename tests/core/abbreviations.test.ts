import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

function article(id: string, body: string) {
  return parseArticle(
    `/x/${id}.md`,
    new TextEncoder().encode(`---\ntitle: ${id} release\n---\n\n${body}\n`),
  );
}

const ARTICLES = [
  article(
    "order",
    [
      "The order repeals ten regulations for every new one proposed.",
      "Regulations on supersonic flight date from 1973.",
      "The regional office will report in May.",
    ].join("\n\n"),
  ),
  article(
    "budget",
    "The government will publish its budget in June. The department of energy and the department of labor agree. A deposit was paid.",
  ),
];

/** How the question word `word` was matched for the top citation. */
function matchesOf(index: CitationIndex, question: string, word: string) {
  const [top] = index.explain(question).citations;
  return top?.terms.find((term) => term.word === word)?.matches ?? [];
}

describe("chat abbreviations of the articles' words", () => {
  it("GIVEN a word neither the articles nor the dictionary know (regs, govt) THEN it stands for the commonest article word it abbreviates, the commonest first, below a synonym", () => {
    const index = new CitationIndex(ARTICLES, { synonyms: defaultSynonyms });
    const regs = matchesOf(index, "how many regs get repealed for each new one", "regs");
    // "regional" lacks the "s": only "regulations" spells r…e…g…s out.
    expect(regs).toContainEqual({
      term: "regul",
      quality: index.options.abbreviationCredit,
      how: "abbreviation",
      acronym: false,
    });
    expect(index.ask("how many regs get repealed for each new one").citations[0]?.excerpt).toBe(
      "The order repeals ten regulations for every new one proposed.",
    );
    const govt = matchesOf(index, "when will the govt publish its budget", "govt");
    expect(govt.map((match) => match.term)).toContain("govern");
    // "dept" spells out "department" (twice) and "deposit" (once): the commoner comes first.
    const dept = matchesOf(index, "which dept agrees", "dept");
    expect(dept.filter((match) => match.how === "abbreviation").map((m) => m.term)).toEqual([
      "depart",
      "deposit",
    ]);
  });

  it("GIVEN word vectors, by which 'dept' is also one letter from 'kept' THEN it still stands for 'department'", () => {
    const index = new CitationIndex(ARTICLES, {
      synonyms: defaultSynonyms,
      wordVectors: defaultWordVectors,
    });
    const dept = matchesOf(index, "which dept agrees", "dept");
    expect(dept.filter((match) => match.how === "abbreviation").map((m) => m.term)).toContain(
      "depart",
    );
  });

  it("GIVEN a misspelling of an article's word ('chna' for 'China') THEN it is no abbreviation of another ('Chattanooga')", () => {
    const trade = [
      article(
        "trade",
        "Exports to China rose 376% in two months. The Chattanooga ports were busy.",
      ),
    ];
    const index = new CitationIndex(trade, { synonyms: defaultSynonyms });
    const chna = matchesOf(index, "how much did exports to chna rise", "chna");
    expect(chna.map((match) => match.how)).not.toContain("abbreviation");
    expect(index.ask("how much did exports to chna rise").answer).toBe("376%");
  });

  it("GIVEN the credit set to 0 or a dictionary word THEN nothing is read as an abbreviation", () => {
    const off = new CitationIndex(ARTICLES, { synonyms: defaultSynonyms, abbreviationCredit: 0 });
    expect(matchesOf(off, "how many regs get repealed", "regs").map((m) => m.how)).not.toContain(
      "abbreviation",
    );
    const index = new CitationIndex(ARTICLES, { synonyms: defaultSynonyms });
    // "rot" is an English word: it is no abbreviation of "report".
    expect(matchesOf(index, "will the office rot in may", "rot").map((m) => m.how)).not.toContain(
      "abbreviation",
    );
  });
});
