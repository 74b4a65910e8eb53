import { beforeAll, describe, expect, it } from "vitest";
import { CitationIndex, DEFAULT_RANKING } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";

let seed: CitationIndex;
beforeAll(async () => {
  seed = new CitationIndex((await loadArticles(DEFAULT_DATA_DIR)).articles, {
    synonyms: defaultSynonyms,
    wordVectors: defaultWordVectors,
  });
});

describe("a role is not the role another word makes of it", () => {
  it("GIVEN 'who is china's premier' and an article naming only the Vice Premier THEN the vice premier is not the answer", () => {
    const answer = seed.ask("who is china's premier");
    expect(answer.answer ?? "").not.toMatch(/premier/iu);
    const vicePremier = seed
      .explain("who is china's premier", { limit: 10 })
      .citations.find((citation) => citation.excerpt.includes("Vice Premier Wang has ever met"));
    const premier = vicePremier?.terms.find((term) => term.word === "premier");
    expect(premier?.notes).toContain("other-role");
    expect(premier?.credit).toBeCloseTo(DEFAULT_RANKING.otherRoleCredit, 5);
  });

  it("GIVEN a question that says the modifier itself, even misspelt THEN the vice premier answers it", () => {
    for (const question of ["who is the vice premier", "who is the vise premier musk met"]) {
      expect(seed.ask(question).answer, question).toBe("Vice Premier Wang");
    }
  });

  it("GIVEN a question about the past THEN a former holder of the role answers it", () => {
    const [top] = seed.explain("who was the leader of guangdong").citations;
    expect(top?.excerpt).toContain("a former leader of Guangdong");
    expect(top?.terms.flatMap((term) => term.notes)).not.toContain("other-role");
  });

  it("GIVEN no credit cut for another role THEN the vice premier is the confident answer again", () => {
    const lenient = new CitationIndex(seed.articles, {
      synonyms: defaultSynonyms,
      wordVectors: defaultWordVectors,
      otherRoleCredit: 1,
    });
    expect(lenient.ask("who is china's premier").answer).toBe("Vice Premier Wang");
  });
});
