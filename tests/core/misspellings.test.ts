import editDistance from "damerau-levenshtein";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { lettersApart } from "../../src/core/search/misspellings.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

describe("a misspelt question word", () => {
  const records = article(
    "records",
    "Gun dealers",
    "Dealers were permitted to destroy most records after 20 years.",
    "The rule will allow agents to trace more firearms found at crime scenes.",
    "Agents trace firearms for police in every state.",
  );
  const index = new CitationIndex([records], { synonyms: defaultSynonyms, wordVectors: null });
  const weighingOf = (question: string, word: string) =>
    index.explain(question).citations[0]?.terms.find((term) => term.word === word)?.weighing;

  it("GIVEN a misspelling of an article's word THEN it weighs as that word, not as the rarest", () => {
    const misspelt = weighingOf("how long could dealers allowd records", "allowd");
    const spelt = weighingOf("how long could dealers allow records", "allow");
    expect(misspelt?.rarityOf).toBe("misspelt");
    expect(misspelt?.idf).toBeCloseTo(spelt?.idf ?? Number.NaN, 6);
    expect(spelt?.idf).toBeLessThan(
      weighingOf("how long could dealers zqxv records", "zqxv")?.idf ?? 0,
    );
  });

  it("GIVEN a word of five letters two edits from an article word THEN it is no misspelling of it, while one edit is", () => {
    // "ramen" is not "race"; "racce" is. Words of up to five letters allow one edit, as
    // Elasticsearch's AUTO fuzziness does; longer ones two ("prosecuter").
    const race = article("race", "A race", "The race for 6G is a race for spectrum.");
    const own = new CitationIndex([race], { synonyms: defaultSynonyms, wordVectors: null });
    const matchesOf = (question: string, word: string) =>
      own.explain(question).citations[0]?.terms.find((term) => term.word === word)?.matches ?? [];
    expect(matchesOf("a good ramen spot for spectrum", "ramen").map((m) => m.term)).not.toContain(
      "race",
    );
    expect(matchesOf("who wins the racce for spectrum", "racce").map((m) => m.term)).toContain(
      "race",
    );
  });

  it("GIVEN a misspelling whose stem is another article word's THEN the word meant is found as well", () => {
    // "prosecuter" stems to "prosecut", as "prosecution" does; the word meant is "prosecutor".
    const nominee = article(
      "nominee",
      "A nominee",
      "The department trains a cadre of staff in prosecution tools for gun cases.",
      "Dettelbach spent over two decades as a prosecutor at the Department of Justice.",
    );
    const own = new CitationIndex([nominee], { synonyms: defaultSynonyms, wordVectors: null });
    const answer = own.explain("how long was he a prosecuter at the department");
    const typed = answer.citations[0]?.terms.find((term) => term.word === "prosecuter");
    expect(answer.citations[0]?.excerpt).toContain("two decades");
    expect(typed?.matches.some((match) => match.how === "fuzzy")).toBe(true);
  });

  it("GIVEN a misspelling THEN the synonyms of the word meant count too", () => {
    const answer = index.explain("were dealers allowd to destroy records");
    const allowd = answer.citations[0]?.terms.find((term) => term.word === "allowd");
    expect(answer.citations[0]?.excerpt).toContain("permitted");
    // Found in the sentence itself, by "permitted": a synonym of "allow".
    expect(allowd?.found).toBe("sentence");
  });

  it("GIVEN a misspelling of a word the articles lack THEN the common word one edit away brings its stand-ins", () => {
    const bases = article(
      "bases",
      "Missile defense",
      "The order reviews missile defense for United States troops deployed abroad.",
      "The order also funds new radar sites across the country.",
    );
    const withVectors = new CitationIndex([bases], {
      synonyms: defaultSynonyms,
      wordVectors: defaultWordVectors,
    });
    const answer = withVectors.explain("does it protect troops statoined overseas");
    const typed = answer.citations[0]?.terms.find((term) => term.word === "statoined");
    expect(answer.citations[0]?.excerpt).toContain("deployed abroad");
    // "stationed" is one edit away and lies near "deployed": found in the sentence itself.
    expect(typed?.found).toBe("sentence");
    expect(typed?.matches.map((match) => match.term)).toContain("deploi");
  });
});

describe("the pre-filter before Fuse.js proposes spellings", () => {
  // Words that fail it never reach Fuse.js; were it ever more than the edit distance, a word
  // the edit distance would accept as the one meant could be lost.
  it("GIVEN any two words THEN the letters one has and the other lacks never outnumber the edits between them", () => {
    const word = fc.string({
      unit: fc.constantFrom("a", "b", "c", "d", "e", "é", "q", "’", "-", "😀", "😁"),
      maxLength: 12,
    });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(lettersApart(a, b)).toBeLessThanOrEqual(editDistance(a, b).steps);
      }),
      { numRuns: 2000 },
    );
  });

  it("GIVEN a transposition, a dropped letter, a doubled one moved and a changed one THEN they count 0, 1, 1 and 1 letters apart", () => {
    expect(lettersApart("exprots", "exports")).toBe(0);
    expect(lettersApart("chna", "china")).toBe(1);
    expect(lettersApart("tarrif", "tariff")).toBe(1);
    expect(lettersApart("copper", "cooper")).toBe(1);
  });
});
