import { describe, expect, it } from "vitest";
import { CitationIndex, tokenize } from "../../../src/core/index.ts";
import { article } from "../article-fixture.ts";
import { IndexView } from "../../../src/core/index/view.ts";
import { DEFAULT_RANKING } from "../../../src/core/options.ts";
import { NameEvidence } from "../../../src/core/search/names.ts";
import { tesla } from "./search-fixtures.ts";

describe("article relevance: the story about the question before a passing mention", () => {
  const story = article(
    "story",
    "A record year",
    "Tesla sales in China tripled last year.",
    "Tesla expects its China sales to keep growing.",
  );
  const transcript = article(
    "transcript",
    "Press briefing",
    ...Array.from({ length: 30 }, (_, i) => `Reporters asked about the budget, item ${i}.`),
    "Someone said Tesla sales in China are up.",
  );

  it("GIVEN the same words in a story and once in a long transcript THEN the story's sentence ranks first", () => {
    const index = new CitationIndex([transcript, story]);
    expect(index.ask("How are Tesla sales in China?").citations[0]?.article).toBe("story");
  });

  it("GIVEN article relevance turned off THEN the transcript's sentence may win on its own words", () => {
    const scores = (articleRelevance: number) => {
      const citations = new CitationIndex([transcript, story], { articleRelevance }).ask(
        "How are Tesla sales in China?",
      ).citations;
      const of = (id: string) => citations.find((c) => c.article === id)?.score ?? 0;
      return of("story") / of("transcript");
    };
    expect(scores(0.7)).toBeGreaterThan(scores(0));
  });
});

describe("archive ranking: the story about the question, even when its words are spread out", () => {
  it("GIVEN a heading written in capitals (THE RIGHT JOB) THEN the ordinary word is no acronym and no name", () => {
    const headings = article(
      "jobs",
      "Economy",
      "THE RIGHT JOB: The plan adds work.",
      "Every job matters. A new job pays well. A good job lasts.",
    );
    const index = new CitationIndex([tesla, headings]);
    const answer = index.ask("What is Wang Yang's job?", { article: "tesla" });
    // "job" weighs as an ordinary word: the sentence naming Wang Yang answers.
    expect(answer.citations[0]?.excerpt).toContain("Wang Yang");
    const view = new IndexView([tesla, headings]);
    const names = new NameEvidence(view, DEFAULT_RANKING);
    const [job] = tokenize("job");
    expect(names.isName(job as ReturnType<typeof tokenize>[number])).toBe(false);
  });

  it("GIVEN a name Ai and the acronym AI in the articles THEN a lower-case 'ai' finds the acronym too", () => {
    const artist = article("artist", "Art", "Ai Weiwei showed new work in Berlin.");
    const policy = article(
      "policy",
      "Policy",
      "The order advances AI education for students.",
      "AI tools are spreading. Schools want AI lessons.",
    );
    const answer = new CitationIndex([artist, policy]).ask(
      "did trump sign anything about ai education",
    );
    expect(answer.citations[0]?.excerpt).toContain("AI education");
  });

  it("GIVEN an acronym the articles write in capitals (EV) THEN its lower-case form is still a name", () => {
    const view = new IndexView([tesla]);
    const [ev] = tokenize("ev");
    expect(
      new NameEvidence(view, DEFAULT_RANKING).isName(ev as ReturnType<typeof tokenize>[number]),
    ).toBe(true);
  });

  const visit = article(
    "visit",
    "Elon Musk visits China",
    "Musk met Vice Premier Wang Yang on Tuesday.",
    "The visit lasted a day.",
  );
  const briefing = article(
    "briefing",
    "Press briefing",
    ...Array.from({ length: 12 }, (_, i) => `Reporters asked about the budget, item ${i}.`),
    "Elon Musk said something about China.",
  );

  it("GIVEN the question's names in a story's title THEN the story's sentence outranks a stray mention elsewhere", () => {
    // Article relevance off and the penalty for lacking a name as it was when this case was
    // written (0.8; the default 0.5 alone would sink the stray mention): the title's credit decides.
    const first = (titleContextCredit: number) =>
      new CitationIndex([briefing, visit], {
        titleContextCredit,
        articleRelevance: 0,
        kindMisfit: 0.8,
      }).ask("Who did Elon Musk meet in China?").citations[0]?.article;
    expect(first(0)).toBe("briefing");
    expect(first(DEFAULT_RANKING.titleContextCredit)).toBe("visit");
  });

  it("GIVEN title words credited as every passage's context THEN the order inside the article is unchanged", () => {
    const order = (titleContextCredit: number) =>
      new CitationIndex([visit], { titleContextCredit })
        .ask("When did Musk visit China?", { limit: 2 })
        .citations.map((citation) => citation.paragraph);
    expect(order(0.5)).toEqual(order(0));
  });

  it("GIVEN a story whose heading and lead-in hold the question's words THEN its sentence is scored (shortlisted by article)", () => {
    const story = article(
      "duties",
      "Adjusted duties on imports",
      "## Duties imposed are now:\n\n- 25% tariffs on goods that break the rules of origin.",
    );
    const noise = Array.from({ length: 40 }, (_, i) =>
      article(
        `noise${i}`,
        `Report ${i}`,
        `Adjusted goods still face a 25% rise, report ${i} says.`,
      ),
    );
    const found = (articleShortlist: number) =>
      new CitationIndex([...noise, story], { articleShortlist, shortlistSize: 5 })
        .ask("under the adjusted duties which goods still face 25%", { limit: 40 })
        .citations.some((citation) => citation.article === "duties");
    expect(found(0)).toBe(false);
    expect(found(20)).toBe(true);
  });
});
