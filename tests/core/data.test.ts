import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { ROOT } from "../helpers.ts";

describe("the bundled data/ folder", () => {
  it("GIVEN data/ THEN every article parses strictly, ids are unique and no text is empty", async () => {
    const { articles, problems } = await loadArticles(DEFAULT_DATA_DIR, { strict: true });
    expect(problems).toEqual([]);
    expect(articles.length).toBeGreaterThan(0);
    expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
    for (const article of articles) {
      expect(article.title.trim()).not.toBe("");
      for (const paragraph of article.paragraphs) {
        expect(paragraph.text.trim()).not.toBe("");
        expect(paragraph.sentences.length).toBeGreaterThan(0);
      }
    }
  });

  it("GIVEN the seed article THEN data/ holds its text exactly as published", async () => {
    const { articles } = await loadArticles(DEFAULT_DATA_DIR);
    const bundled = articles.find((a) => a.id === "000_78dd10843e31f05d");
    const original = parseArticle(
      "seed.txt",
      await readFile(path.join(ROOT, "tests/fixtures/seed.txt")),
    );
    expect(bundled?.title).toBe(original.title);
    expect(bundled?.published).toBe(original.published);
    expect(bundled?.paragraphs.map((p) => p.text)).toEqual(original.paragraphs.map((p) => p.text));
    expect(bundled?.source).toBe("Fortune");
    expect(bundled?.paragraphs[5]?.text).toContain("Tesla’s imported cars");
  });
});
