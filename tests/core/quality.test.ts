import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CitationIndex, type Article } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { readQuestions, score } from "../eval.ts";
import { ROOT } from "../helpers.ts";

const SEED = "000_78dd10843e31f05d";
const VEHICLES = "connected-vehicle-technology-2024";

let seedOnly: CitationIndex;
let both: CitationIndex;
beforeAll(async () => {
  const seed = (await loadArticles(DEFAULT_DATA_DIR)).articles;
  const vehicles: Article[] = (await loadArticles(path.join(ROOT, "tests/fixtures/articles/md")))
    .articles;
  seedOnly = new CitationIndex(seed, {
    synonyms: defaultSynonyms,
    wordVectors: defaultWordVectors,
  });
  both = new CitationIndex([...seed, ...vehicles], {
    synonyms: defaultSynonyms,
    wordVectors: defaultWordVectors,
  });
});

describe("answer quality on the visible evaluation set", () => {
  it("GIVEN the seed's visible questions THEN top1 ≥ 27/28, top3 28/28, abstain ≥ 3/4, no false abstain, short excerpts", () => {
    const result = score(seedOnly, readQuestions("seed-questions.jsonl"));
    expect(result.misses.length, result.misses.join("\n")).toBeLessThanOrEqual(2);
    expect(result.top1).toBeGreaterThanOrEqual(27);
    expect(result.top3).toBe(28);
    expect(result.abstained).toBeGreaterThanOrEqual(3);
    expect(result.falseAbstain).toBe(0);
    expect(result.meanExcerpt).toBeLessThanOrEqual(250);
  });

  it("GIVEN the seed loaded together with another article on China and tariffs THEN the seed's questions still find the seed", () => {
    const result = score(both, readQuestions("seed-questions.jsonl"));
    expect(result.top1, result.misses.join("\n")).toBeGreaterThanOrEqual(25);
    expect(result.top3).toBeGreaterThanOrEqual(27);
    expect(result.falseAbstain).toBe(0);
  });
});

describe("answer quality on our own held-out phrasings (regression guard, not tuned per question)", () => {
  it("GIVEN paraphrases, typos and unanswerable questions about the seed THEN most are right", () => {
    const result = score(seedOnly, readQuestions("seed-paraphrases.jsonl"));
    // 25 and 1 until 4 December's evening: "Which Chinese official did Musk have a meeting
    // with?", answered wrong with the right passage second, is declined since "which official"
    // must be answered by a name and the first passage names none.
    expect(result.top3, result.misses.join("\n")).toBeGreaterThanOrEqual(24);
    expect(result.top1).toBeGreaterThanOrEqual(23);
    expect(result.falseAbstain).toBeLessThanOrEqual(2);
    expect(result.abstained).toBeGreaterThanOrEqual(7);
  });

  it("GIVEN questions about two articles loaded together THEN each is answered from the right article", () => {
    const result = score(both, readQuestions("connected-vehicles.jsonl"));
    expect(result.top1, result.misses.join("\n")).toBeGreaterThanOrEqual(17);
    expect(result.top3).toBeGreaterThanOrEqual(18);
    expect(result.abstained).toBeGreaterThanOrEqual(3);
  });
});

describe("answer quality on questions written blind (by a colleague who never ran citebot)", () => {
  // Hard paraphrases, chat-style and misspelt questions, and plausible unanswerable ones.
  // A regression guard: global settings were chosen with these in view, no rule for any one question.
  it("GIVEN blind questions about the seed THEN most are right and few are wrongly declined", () => {
    const result = score(seedOnly, readQuestions("blind-seed.jsonl"));
    // 35/41/1/9 until 3 December: "where are the companies … based" is declined since a
    // "where" passage must name a place (its says "from different Chinese cities").
    expect(result.top1, result.misses.join("\n")).toBeGreaterThanOrEqual(34);
    expect(result.top3).toBeGreaterThanOrEqual(40);
    expect(result.falseAbstain).toBeLessThanOrEqual(2);
    // 11 until 5 December: "What import tariff do German luxury cars face in China?" is
    // declined, its 25% being Tesla's, in the neighbour quoted with the German makers' sentence.
    expect(result.abstained).toBeGreaterThanOrEqual(12);
  });

  it("GIVEN blind questions about two articles loaded together THEN most are right, from the right article", () => {
    const result = score(both, readQuestions("blind-vehicles.jsonl"));
    // 35 and 2 until 4 December's evening: "Which Chinese official sat down with Elon Musk?"
    // is declined, as its paraphrase above is.
    expect(result.top1, result.misses.join("\n")).toBeGreaterThanOrEqual(29);
    expect(result.top3).toBeGreaterThanOrEqual(34);
    expect(result.abstained).toBeGreaterThanOrEqual(7);
    expect(result.falseAbstain).toBeLessThanOrEqual(3);
  });
});

describe("typos, false friends and the kind of answer", () => {
  it("GIVEN misspelt words THEN the passage is still found", () => {
    for (const [question, paragraph] of [
      ["how much did tesla exprots to chna rise", 2],
      ["Guangdon province leader", 7],
      ["teslla tarifs", 6],
    ] as const) {
      const answer = seedOnly.ask(question);
      expect(answer.citations[0]?.paragraph, question).toBe(paragraph);
    }
  });

  it("GIVEN a question that shares only a false friend with the article THEN it is declined", () => {
    for (const question of [
      "How many Model 3 cars did Tesla deliver?", // "role model"
      "What is Tesla's stock price today?", // "Today, … sticker prices"
      "Who is the CEO of Apple?", // a name the article never uses
      "who is the ceo of apple", // the same, typed in lower case
      "What did Musk eat in Beijing?",
    ]) {
      const answer = seedOnly.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.citations.length, question).toBeGreaterThan(0);
    }
  });

  it("GIVEN a question about a place the article never names THEN it is declined, however much else it shares", () => {
    // The seed gives Tesla's 2016 revenue in China and the U.S., never in Europe.
    for (const question of [
      "What was Tesla's revenue in Europe in 2016?",
      "how much revenue did tesla make in europe in 2016",
    ]) {
      expect(seedOnly.ask(question).answered, question).toBe(false);
    }
    expect(seedOnly.ask("What was Tesla's revenue in China in 2016?").answered).toBe(true);
    // An abbreviation may be spelt out where the article speaks of it: no decline for it alone.
    expect(seedOnly.ask("What was Tesla's revenue in the US in 2016?").answered).toBe(true);
  });

  it("GIVEN a question for an attribute of something the article names THEN it is declined where no passage near the best one states that attribute", () => {
    // The seed names China and Guangdong often, never their populations.
    const unstated = ["What is the population of China?", "what is the population of guangdong"];
    for (const question of unstated) {
      const { answer, citations } = seedOnly.explain(question);
      expect(answer.answered, question).toBe(false);
      const population = citations[0]?.terms.find((term) => term.word === "population");
      expect(population?.notes, question).toContain("attribute-missing");
    }
    // Without the check, the shared names are enough to answer: the test would fail.
    const unchecked = new CitationIndex(seedOnly.articles, {
      ...seedOnly.options,
      declineMissingAttribute: false,
    });
    expect(unchecked.ask(unstated[0] as string).answered).toBe(true);
    // A frame noun is answered by a value of its kind, not by the word: "the job of" by a role.
    expect(seedOnly.ask("What is the job of Wang Yang?").answered).toBe(true);
  });

  it("GIVEN an attribute tied by 'on' or 'if' ('the cap on', 'the penalty if') THEN it is checked as one tied by 'of' is", () => {
    // The seed states the tariff on Tesla's imported cars, never a cap or a penalty.
    for (const [question, attribute] of [
      ["What is the cap on Tesla's imported cars?", "cap"],
      ["What's the penalty if Tesla sells cars in China?", "penalty"],
    ] as const) {
      const { answer, citations } = seedOnly.explain(question);
      expect(answer.answered, question).toBe(false);
      const asked = citations[0]?.terms.find((term) => term.word === attribute);
      expect(asked?.notes, question).toContain("attribute-missing");
    }
    // The attribute the passage states still answers.
    const tariff = seedOnly.ask("What is the tariff on Tesla's imported cars?");
    expect(tariff.answered).toBe(true);
    expect(tariff.citations[0]?.excerpt).toContain("25% tariffs on Tesla");
  });

  it("GIVEN chat's 'the latest on', 'the person on' or 'the difference between' THEN no attribute is asked: the news, someone, a contrast", () => {
    for (const [question, word] of [
      ["what's the latest on tesla's joint venture", "latest"],
      ["what's the lowdown on tesla's joint venture", "lowdown"],
      ["what's the stance on tesla's joint venture", "stance"],
      ["who is the person on tesla's joint venture", "person"],
      ["what's the difference between tesla's prices in china and the us", "difference"],
    ] as const) {
      const terms = seedOnly.explain(question).citations[0]?.terms ?? [];
      const notes = terms.find((term) => term.word === word)?.notes ?? [];
      expect(notes, question).not.toContain("attribute-missing");
    }
    expect(seedOnly.ask("what's the latest on tesla's joint venture").answered).toBe(true);
  });

  it("GIVEN a question asking for a number or a name THEN the short answer is taken verbatim from the cited sentence", () => {
    const tariff = seedOnly.ask("What tariff is applied to Tesla's imported cars?");
    expect(tariff.answer).toBe("25%");
    expect(tariff.citations[0]?.excerpt).toContain(tariff.answer);
    const exports = seedOnly.ask("By how much did vehicle exports to China rise in early 2017?");
    expect(exports.answer).toBe("376%");
    const researcher = seedOnly.ask("Which researcher reported the export numbers?");
    expect(researcher.answer).toBe("JL Warren Capital");
    expect(seedOnly.ask("Why does Guangdong matter?").answer).toBeNull();
    // Of two amounts in one sentence, the one next to the question's words.
    expect(seedOnly.ask("How much revenue did Tesla make in the U.S.?").answer).toBe(
      "$4.2 billion",
    );
    // A question about change wants the rate or multiple, not the amount.
    expect(seedOnly.ask("How much did Tesla's sales in China grow last year?").answer).toBe(
      "tripled",
    );
  });

  it("GIVEN a question about what an abbreviation stands for THEN the sentence that spells it out comes first", () => {
    for (const question of ["What does VCS stand for?", "what does ADS mean in the rule"]) {
      const top = both.ask(question).citations[0];
      expect(top?.excerpt, question).toContain("(VCS)");
    }
  });

  it('GIVEN "what are X" THEN the sentence that defines X comes first, and without one the question is declined', () => {
    const defined = both.ask("What are automated driving systems?");
    expect(defined.answered).toBe(true);
    expect(defined.citations[0]?.excerpt).toContain("(ADS), which allow");
    // The article says "Chinese electric vehicles" but never what they are.
    expect(both.ask("what are chinese electric vehicles").answered).toBe(false);
  });

  it("GIVEN an article filter THEN citations come from that article only", () => {
    const answer = both.ask("What tariff applies to Chinese electric vehicles?", {
      article: SEED,
      limit: 5,
    });
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((citation) => citation.article === SEED)).toBe(true);
    const other = both.ask("What tariff applies to Chinese electric vehicles?", {
      article: VEHICLES,
    });
    expect(other.citations[0]?.article).toBe(VEHICLES);
  });
});

describe("questions about the article itself", () => {
  it("GIVEN a question about the date, source or title THEN the front matter answers, citing the lead", () => {
    const published = seedOnly.ask("When was the article published?");
    expect(published).toMatchObject({ answered: true, answer: "27 April 2017, 06:11 UTC" });
    expect(published.citations[0]).toMatchObject({ article: SEED, paragraph: 1 });
    expect(seedOnly.ask("What is the source of this article?").answer).toBe("Fortune");
    expect(seedOnly.ask("What is the headline?").answer).toMatch(
      /^Tesla’s Elon Musk Got a Rare Welcome/u,
    );
  });

  it("GIVEN a question about a detail the front matter lacks THEN it is declined", () => {
    expect(seedOnly.ask("Who wrote the article?").answered).toBe(false);
  });

  it("GIVEN several articles THEN the article named by the question's other words answers", () => {
    const answer = both.ask("When was the connected vehicle fact sheet published?");
    expect(answer.answer).toBe("23 September 2024");
    expect(answer.citations[0]?.article).toBe(VEHICLES);
  });
});
