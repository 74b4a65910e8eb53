import { beforeAll, describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { article } from "./article-fixture.ts";

let seed: CitationIndex;
beforeAll(async () => {
  seed = new CitationIndex((await loadArticles(DEFAULT_DATA_DIR)).articles, {
    synonyms: defaultSynonyms,
  });
});

/** The index terms that stood for `word` in the top citation. */
function standIns(question: string, word: string): string[] {
  const [top] = seed.explain(question).citations;
  const term = top?.terms.find((explained) => explained.word === word);
  return term?.matches.map((match) => match.term) ?? [];
}

describe("a capital that names its government", () => {
  it("GIVEN a capital WordNet defines as one THEN the dictionary gives its country; a provincial capital gets none", () => {
    expect(defaultSynonyms.standsFor?.("beijing")).toContain("china");
    expect(defaultSynonyms.standsFor?.("washington")).toContain("us");
    expect(defaultSynonyms.standsFor?.("guangzhou")).toEqual([]);
    expect(defaultSynonyms.standsFor?.("tesla")).toEqual([]);
  });

  it("GIVEN a capital as the one who acts THEN the article's country stands for it; GIVEN it as a place THEN it is the city, missing from the article", () => {
    expect(standIns("How big is the levy Beijing puts on imported cars?", "beijing")).toContain(
      "china",
    );
    expect(standIns("What did Musk eat in Beijing?", "beijing")).not.toContain("china");
    // The seed never says what Musk ate, nor names Beijing: still declined.
    expect(seed.ask("What did Musk eat in Beijing?").answered).toBe(false);
  });
});

describe("a building that names the body it houses", () => {
  it("GIVEN the Pentagon, the headquarters of the Department of Defense to WordNet THEN the department's words stand for it; a city that houses offices among much else gets none", () => {
    expect(defaultSynonyms.standsFor?.("pentagon")).toEqual(expect.arrayContaining(["dod"]));
    expect(defaultSynonyms.standsFor?.("geneva")).toEqual([]);
  });

  it("GIVEN an article that writes 'DoD' THEN 'why is the pentagon doing climate assessments' is not declined as a name it never mentions", () => {
    const sheet = article(
      "bases",
      "Agency Climate Adaptation Plans",
      "Climate change is a critical national security threat and threat multiplier.",
      "As a result, DoD has undertaken assessments of the impacts of the climate crisis on military installations.",
      "The Department of Agriculture will protect forests.",
    );
    const library = new CitationIndex([sheet], { synonyms: defaultSynonyms, wordVectors: null });
    const explained = library.explain("why is the pentagon doing climate assessments at its bases");
    expect(explained.declined).not.toBe("missing-name");
    expect(explained.answer.answered).toBe(true);
    expect(explained.citations[0]?.excerpt).toContain("DoD has undertaken assessments");
  });
});
