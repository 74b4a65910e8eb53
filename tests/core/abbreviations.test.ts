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

  it("GIVEN a word the dictionary reads as an acronym (exec: the Executive Office) that begins an article word it means (executive) THEN it is that word clipped, not a name no article has", () => {
    const contracts = [
      article(
        "contracts",
        [
          "The Order requires that executive incentive compensation under future contracts be tied to on-time delivery.",
          "The Secretary of War will review the deals of dealers and contractors.",
        ].join("\n\n"),
      ),
    ];
    const index = new CitationIndex(contracts, {
      synonyms: defaultSynonyms,
      wordVectors: defaultWordVectors,
    });
    const question = "what does exec incentive comp have to be tied to";
    const answer = index.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toMatch(/^The Order requires that executive/u);
    expect(matchesOf(index, question, "exec")).toContainEqual({
      term: "execut",
      quality: index.options.abbreviationCredit,
      how: "abbreviation",
      acronym: false,
    });
    // "dea" begins "deals" and "dealers" but means neither in general English (the Drug
    // Enforcement Administration): still a name the articles never mention.
    const dea = index.explain("who runs the dea");
    expect(dea.answer.answered).toBe(false);
    expect(dea.declined).toBe("missing-name");
  });
});
