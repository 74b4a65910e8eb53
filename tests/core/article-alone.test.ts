import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CitationIndex, type Article } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { readQuestions, score } from "../eval.ts";
import { ROOT } from "../helpers.ts";

// A question asked of one article (a channel's article, `ask --article`) is answered as if
// that article were the only one loaded: the same answer in a small library and in an
// archive. Measured on the discord-style questions that name their article.
const options = { synonyms: defaultSynonyms, wordVectors: defaultWordVectors };
const questions = readQuestions("discord-articles.jsonl").filter((q) => q.article !== undefined);
let sheets: Article[];
let library: CitationIndex;
let larger: CitationIndex;

beforeAll(async () => {
  const load = async (folder: string) => (await loadArticles(folder)).articles;
  const fixtures = path.join(ROOT, "tests/fixtures/articles");
  const seed = await load(DEFAULT_DATA_DIR);
  sheets = await load(path.join(fixtures, "eval"));
  const others = [
    ...(await load(path.join(fixtures, "blind-factsheets"))),
    ...(await load(path.join(fixtures, "blind-mixed"))),
  ];
  library = new CitationIndex([...seed, ...sheets], options);
  larger = new CitationIndex([...others, ...seed, ...sheets], options);
});

describe("a question asked of one article", () => {
  it("GIVEN the questions asked of their article WHEN other articles are loaded beside it THEN every answer is the same, word for word", () => {
    expect(questions.length).toBeGreaterThan(80);
    const changed = questions.filter((q) => {
      const scope = { article: q.article as string, limit: 3 };
      return JSON.stringify(library.ask(q.q, scope)) !== JSON.stringify(larger.ask(q.q, scope));
    });
    expect(changed.map((q) => q.q)).toEqual([]);
  });

  it("GIVEN the questions asked of their article THEN the answer is the one that article gives alone", () => {
    const alone = new Map(
      sheets.map((article) => [article.id, new CitationIndex([article], options)]),
    );
    for (const q of questions) {
      const own = alone.get(q.article as string);
      expect(own, q.article).toBeDefined();
      expect(library.explain(q.q, { article: q.article as string }), q.q).toEqual(
        own?.explain(q.q, { article: q.article as string }),
      );
    }
  });

  it("GIVEN the questions asked of their article in a larger library THEN the floors hold", () => {
    const result = score(larger, questions, (q) => ({ article: q.article as string }));
    const misses = result.misses.join("\n");
    expect(result.top1, misses).toBeGreaterThanOrEqual(61);
    expect(result.top3, misses).toBeGreaterThanOrEqual(69);
    expect(result.falseAbstain, misses).toBeLessThanOrEqual(5);
  });

  it("GIVEN the option turned off WHEN other articles are loaded THEN some answers change (what the option prevents)", () => {
    const off = { ...options, articleAlone: false };
    const small = new CitationIndex(library.articles, off);
    const big = new CitationIndex(larger.articles, off);
    const changed = questions.filter((q) => {
      const scope = { article: q.article as string };
      return JSON.stringify(small.ask(q.q, scope)) !== JSON.stringify(big.ask(q.q, scope));
    });
    expect(changed.length).toBeGreaterThan(0);
  });

  it("GIVEN an article id that is not loaded THEN nothing is found", () => {
    const answer = library.ask("what is the strategic bitcoin reserve", {
      article: "no-such-article",
    });
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
  });
});
