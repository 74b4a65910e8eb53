import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syntheticQuestions } from "../../bench/bench-questions.ts";
import { generateCorpus, makeArticle } from "../../bench/corpus.ts";
import { harvestPool, isProse, splitText } from "../../bench/sentence-pool.ts";
import { loadArticles } from "../../src/corpus/load.ts";

const roots: string[] = [];
async function freshRoot(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "citebot-bench-test-"));
  roots.push(root);
  return root;
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
  const out = new Map<string, string>();
  for (const name of files) out.set(name, await readFile(path.join(dir, name), "utf8"));
  return out;
}

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
});

describe("benchmark corpus generator", () => {
  it("harvests English prose sentences, sorted and unique", () => {
    const pool = harvestPool();
    expect(pool.sentences.length).toBeGreaterThan(500);
    expect(new Set(pool.sentences).size).toBe(pool.sentences.length);
    expect([...pool.sentences].sort()).toEqual(pool.sentences);
    for (const sentence of pool.sentences.slice(0, 200)) expect(isProse(sentence)).toBe(true);
  });

  it("splits text into sentences and drops list numbers", () => {
    expect(
      splitText("1. First we go home today.  2. Then we sleep well.\n\nNext one here."),
    ).toEqual(["First we go home today.", "Then we sleep well.", "Next one here."]);
  });

  it("writes the same files for the same seed, other files for another seed", async () => {
    const [a, b, c] = await Promise.all([freshRoot(), freshRoot(), freshRoot()]);
    const first = await generateCorpus({ size: 5, seed: 7, root: a });
    const second = await generateCorpus({ size: 5, seed: 7, root: b });
    const other = await generateCorpus({ size: 5, seed: 8, root: c });
    expect(first.cached).toBe(false);
    const one = await snapshot(first.dir);
    expect(one.size).toBe(6); // 5 synthetic + the seed
    expect(await snapshot(second.dir)).toEqual(one);
    const three = await snapshot(other.dir);
    expect([...three.keys()]).toEqual([...one.keys()]);
    expect([...three.values()]).not.toEqual([...one.values()]);
    // The second call finds it in the cache.
    expect((await generateCorpus({ size: 5, seed: 7, root: a })).cached).toBe(true);
  });

  it("produces articles that citebot's loader parses: front matter, ~35 sentences in ~8 paragraphs", async () => {
    const corpus = await generateCorpus({ size: 20, seed: 3, root: await freshRoot() });
    const { articles, problems } = await loadArticles(corpus.dir, { strict: true });
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(21);
    const synthetic = articles.filter((article) => article.id.startsWith("syn_"));
    expect(synthetic).toHaveLength(20);
    for (const article of synthetic) {
      expect(article.title.length).toBeGreaterThan(0);
      expect(article.source).toBeTruthy();
      expect(article.published).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(6);
      expect(article.paragraphs.length).toBeLessThanOrEqual(10);
    }
    const sentences = synthetic.flatMap((article) =>
      article.paragraphs.flatMap((paragraph) => paragraph.sentences),
    );
    const perArticle = sentences.length / synthetic.length;
    expect(perArticle).toBeGreaterThan(25);
    expect(perArticle).toBeLessThan(50);
  });

  it("makes the same article and questions from the same seed, whatever the corpus size", () => {
    const pool = harvestPool();
    expect(makeArticle(pool, 1, 42)).toEqual(makeArticle(pool, 1, 42));
    expect(makeArticle(pool, 1, 42)).not.toEqual(makeArticle(pool, 2, 42));
    const questions = syntheticQuestions(1);
    expect(questions).toHaveLength(20);
    expect(syntheticQuestions(1)).toEqual(questions);
    for (const question of questions) expect(question.q.trim().length).toBeGreaterThan(5);
  });
});
