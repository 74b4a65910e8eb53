import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { IndexView } from "../../src/core/index/view.ts";
import type { SynonymSource } from "../../src/core/synonyms.ts";
import { termOf } from "../../src/core/text/tokenize.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

const letter = article(
  "letter",
  "Letter to the council on the Norland mission",
  "About 600 troops of the United States are deployed in Norland.",
  "The mission keeps the peace in the region, which remains tense.",
  "Other states of the alliance send troops too.",
);

/** A dictionary that knows one name of two words, as WordNet does. */
const dictionary: SynonymSource = {
  synonyms: () => [],
  phraseSynonyms: (word) => (word === "america" ? [["united", "states"]] : []),
  definitionWords: () => [],
  knows: (word) => word === "america",
  properNoun: (word) => word === "america",
};

describe("names of several words the dictionary gives for a word", () => {
  it("GIVEN WordNet THEN a country's names of several words are given, common phrases are not", () => {
    expect(defaultSynonyms.phraseSynonyms?.("america")).toContainEqual(["united", "states"]);
    expect(defaultSynonyms.phraseSynonyms?.("uk")).toContainEqual(["united", "kingdom"]);
    // "hit_man" is a synonym of "gun" in WordNet, but no name: any sentence with both words would match it.
    expect(defaultSynonyms.phraseSynonyms?.("gun")).toEqual([]);
    // Russia is first the Soviet Union, then the Russian Federation; AI first Army Intelligence,
    // then artificial intelligence: a word that may mean either gets neither.
    expect(defaultSynonyms.phraseSynonyms?.("russia")).toEqual([]);
    expect(defaultSynonyms.phraseSynonyms?.("ai")).toEqual([]);
  });

  it("GIVEN an article on the Soviet Union THEN a question on Russia is not answered from it", () => {
    const history = article("history", "A history", "The Soviet Union collapsed in 1991.");
    const index = new CitationIndex([history], { synonyms: defaultSynonyms, wordVectors: null });
    expect(index.ask("when did russia collapse").answered).toBe(false);
  });

  it("GIVEN a phrase term THEN the index finds the sentences holding all its words", () => {
    const view = new IndexView([letter]);
    const phrase = (...words: string[]) => words.map(termOf).join(" ");
    expect(view.has(phrase("united", "states"))).toBe(true);
    expect(view.frequency(phrase("united", "states"))).toBe(1);
    // "states" alone is in two sentences; "mission" and "alliance" never share one.
    expect(view.frequency(termOf("states"))).toBe(2);
    expect(view.has(phrase("mission", "alliance"))).toBe(false);
    expect(view.has(phrase("united", "nowhere"))).toBe(false);
  });

  it("GIVEN an article that writes only the United States THEN a question about America finds it and is answered", () => {
    const question = "how many troops does america have in norland";
    const withPhrases = new CitationIndex([letter], { synonyms: dictionary, wordVectors: null });
    const answer = withPhrases.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toMatch(/^About 600 troops of the United States/u);
    // Without the phrase, "America" is a name the article never mentions: declined.
    const without = new CitationIndex([letter], {
      synonyms: { ...dictionary, phraseSynonyms: () => [] },
      wordVectors: null,
    });
    expect(without.ask(question).answered).toBe(false);
  });
});

describe("an acronym the dictionary spells out", () => {
  /** A dictionary that spells "us" out as WordNet does, and knows it as no proper noun. */
  const spelling: SynonymSource = {
    synonyms: () => [],
    phraseSynonyms: (word) => (word === "us" ? [["united", "states"]] : []),
    definitionWords: () => [],
    knows: () => false,
    properNoun: () => false,
  };

  it.each([
    "how many troops does the US have in norland",
    "how many troops does the us have in norland",
  ])(
    "GIVEN an article that writes only the United States WHEN asked %j THEN the US is found as its name, spelt out",
    (question) => {
      const usOf = (synonyms: SynonymSource) =>
        new CitationIndex([letter], { synonyms, wordVectors: null })
          .explain(question)
          .citations[0]?.terms.find((term) => term.word === "us");
      const spelt = usOf(spelling);
      expect(spelt?.matches.map((match) => match.term)).toContain("unit state");
      expect(spelt?.found).toBe("sentence");
      expect(spelt?.weighing.name).toBe(true);
      // Without the dictionary's spelling, the acronym has no name of several words.
      const bare = usOf({ ...spelling, phraseSynonyms: () => [] });
      expect(bare?.matches.map((match) => match.term)).not.toContain("unit state");
    },
  );
});

describe("a name of several words in the question", () => {
  const report = article(
    "report",
    "Carmaker sales report",
    "The company earned $4.2 billion in the U.S. in 2016.",
    "Its sales abroad grew more slowly.",
  );
  /** A dictionary that knows "united states" as a name, with or without its other names. */
  const dictionary = (otherNames: readonly string[]): SynonymSource => ({
    synonyms: (word) => (word === "united_states" ? otherNames : []),
    definitionWords: () => [],
    knows: () => true,
    properNoun: (word) => word === "united_states",
  });
  const question = "how much did the company earn in the united states in 2016";

  it("GIVEN an article that writes only the U.S. THEN a question on the United States is answered from it", () => {
    const index = new CitationIndex([report], { synonyms: dictionary(["us"]), wordVectors: null });
    const answer = index.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toMatch(/^The company earned \$4\.2 billion/u);
    // Without the name's other names, the article lacks the name asked about: declined.
    const without = new CitationIndex([report], { synonyms: dictionary([]), wordVectors: null });
    expect(without.ask(question).answered).toBe(false);
  });

  it("GIVEN WordNet THEN the United States, the UN and the NRC have their other names", () => {
    expect(defaultSynonyms.synonyms("united_states")).toContain("us");
    expect(defaultSynonyms.synonyms("united_nations")).toContain("un");
    expect(defaultSynonyms.synonyms("nuclear_regulatory_commission")).toContain("nrc");
  });
});

describe("two question words the dictionary has as one common noun", () => {
  const sheet = article(
    "health",
    "Health of the young",
    "Most young adults do not qualify for military service without a waiver.",
    "Schools serve lunch to millions of children every day.",
  );
  const question = "why can young adults not join the armed forces";

  it("GIVEN 'armed forces' and a passage that says 'military' THEN the compound's synonym stands for both words, and they make no name", () => {
    const index = new CitationIndex([sheet], { synonyms: defaultSynonyms, wordVectors: null });
    const [top] = index.explain(question).citations;
    expect(top?.excerpt).toContain("military service");
    for (const word of ["armed", "forces"]) {
      const term = top?.terms.find((t) => t.word === word);
      expect(term?.weighing.name).toBe(false);
      expect(term?.found).toBe("sentence");
    }
  });
});
