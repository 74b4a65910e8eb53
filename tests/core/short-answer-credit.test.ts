import path from "node:path";
import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { ROOT } from "../helpers.ts";

/** A made-up article: one passage says "today", another gives the deadline's date. */
const DEADLINE = [
  "---",
  "title: New Rules for the Docks",
  "---",
  "",
  "Today, the Labor Secretary set out new regulations for dock workers, with a deadline for the ports.",
  "",
  "The deadline for the Secretary's final regulations for the docks is November 24, 2021, under the order's section 4 and its other sections.",
  "",
  "Union leaders welcomed the order.",
  "",
].join("\n");

const article = (name: string, text: string) => parseArticle(name, new TextEncoder().encode(text));

describe("a passage whose short answer can be read off", () => {
  const question = "when is the deadline for the dock regulations";

  it("GIVEN one passage with 'today' and one with the deadline's date THEN the date's passage is cited first", () => {
    const index = new CitationIndex([article("docks.md", DEADLINE)], { synonyms: defaultSynonyms });
    const answer = index.ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("November 24, 2021");
  });

  it("GIVEN no short-answer bonus THEN the passage that only says 'today' comes first (what the bonus changes)", () => {
    const index = new CitationIndex([article("docks.md", DEADLINE)], {
      synonyms: defaultSynonyms,
      shortAnswerBonus: 0,
    });
    expect(index.ask(question).citations[0]?.excerpt).toMatch(/^Today, the Labor Secretary/u);
  });
});

describe("how sure a reply sounds", () => {
  it("GIVEN the seed and the vehicles sheet, and two passages with a time each, close before their credit THEN the reply is still a close call without a short answer", async () => {
    // The seed says "this week" of this visit and "Tuesday night" of the photo: it does not
    // say when the previous trip was. The credit both get must not make "this week" sound sure.
    const seed = (await loadArticles(DEFAULT_DATA_DIR)).articles;
    const vehicles = (await loadArticles(path.join(ROOT, "tests/fixtures/articles/md"))).articles;
    const index = new CitationIndex([...seed, ...vehicles], {
      synonyms: defaultSynonyms,
      wordVectors: defaultWordVectors,
    });
    const answer = index.ask("When was Musk's previous trip to China?", { limit: 1 });
    expect(answer.answer).toBeNull();
    expect(answer.close).toBe(true);
  });
});
