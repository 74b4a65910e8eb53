import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndexData, parseArticle, type Article } from "../../src/core/index.ts";
import { ArticleEncoder } from "../../src/corpus/article-encoder.ts";
import { streamedChunk } from "../../src/corpus/chunk-build.ts";
import { mergeIndexData } from "../../src/corpus/chunk-merge.ts";
import { ROOT } from "../helpers.ts";

/**
 * Chunks of a folder built apart are joined into the index one build makes
 * (`chunk-merge.ts`); a chunk whose sentence columns do not follow its articles is refused.
 */

/** The fixture articles of three folders (one of transcripts), in name order. */
async function fixtureArticles(): Promise<Article[]> {
  const articles: Article[] = [];
  for (const sub of ["md", "eval", "blind-transcripts"]) {
    const dir = path.join(ROOT, "tests/fixtures/articles", sub);
    for (const name of (await readdir(dir)).sort()) {
      articles.push(parseArticle(path.join(dir, name), await readFile(path.join(dir, name))));
    }
  }
  return articles;
}

const key = new Uint8Array(32).fill(1);

/** A chunk of articles as this thread builds its own (`streamedChunk`), its index data given. */
function chunkOf(articles: Article[], data = buildIndexData(articles)) {
  const encoder = new ArticleEncoder();
  for (const article of articles) encoder.add(article);
  return streamedChunk({ encoder, data, problems: [] }, key);
}

describe("joining chunks built apart", () => {
  it("GIVEN fixture articles built in three chunks WHEN joined THEN the index is the one a single build makes", async () => {
    const articles = await fixtureArticles();
    const cuts = [0, 1, Math.ceil(articles.length / 2), articles.length];
    const chunks = cuts.slice(1).map((end, i) => chunkOf(articles.slice(cuts[i], end)));
    const joined = mergeIndexData(chunks);
    const whole = buildIndexData(articles);
    expect(joined.sentences).toEqual(whole.sentences);
    expect([...joined.postings]).toEqual([...whole.postings]);
    // Each term's postings as asked for one by one (made when first asked for), and again.
    expect(joined.postings.size).toBe(whole.postings.size);
    for (const [term, posting] of whole.postings) {
      expect(joined.postings.get(term)).toEqual(posting);
      expect(joined.postings.get(term)).toBe(joined.postings.get(term));
    }
    expect(joined.postings.has("notaterm")).toBe(false);
    expect(joined.postings.get("notaterm")).toBeUndefined();
    expect([...joined.postings]).toEqual([...whole.postings]);
    expect([...joined.vocabulary]).toEqual([...whole.vocabulary]);
    expect(joined.contextOf).toEqual(whole.contextOf);
    expect(joined.contextTerms).toEqual(whole.contextTerms);
    expect(joined.speakerOf).toEqual(whole.speakerOf);
    expect(joined.questionDistance).toEqual(whole.questionDistance);
    expect(whole.questionDistance.some((distance) => distance > 0)).toBe(true);
    expect(joined.speakers).toEqual(whole.speakers);
    expect(whole.speakers.length).toBeGreaterThan(1);
    expect(joined.titleTerms).toEqual(whole.titleTerms);
    expect(joined.averageLength).toBe(whole.averageLength);
  });

  it("GIVEN a chunk whose paragraph column does not follow its articles WHEN joined THEN the join is refused", async () => {
    const articles = await fixtureArticles();
    const data = buildIndexData(articles.slice(1));
    const paragraph = data.sentences.paragraph.slice();
    paragraph[paragraph.length - 1] = 99;
    const wrong = { ...data, sentences: { ...data.sentences, paragraph } };
    expect(() =>
      mergeIndexData([chunkOf(articles.slice(0, 1)), chunkOf(articles.slice(1), wrong)]),
    ).toThrow("paragraph column does not follow the articles");
  });
});
