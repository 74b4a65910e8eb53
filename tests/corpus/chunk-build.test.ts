import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ArticleError,
  buildIndexData,
  parseArticle,
  type Article,
  type IndexData,
} from "../../src/core/index.ts";
import { ArticleEncoder, encodeArticles } from "../../src/corpus/article-encoder.ts";
import { ContainerWriter } from "../../src/corpus/binary.ts";
import { buildStreamed } from "../../src/corpus/chunk-build.ts";
import { ROOT } from "../helpers.ts";

/**
 * A chunk is parsed, indexed and encoded one article at a time (`chunk-build.ts`), each
 * article let go once added: the index and the articles' sections must be exactly those of
 * parsing every file first, then `buildIndexData` and `encodeArticles`.
 */

const key = new Uint8Array(32).fill(5);

/** Every fixture article file (Markdown, plain text, the evaluation's) and a broken one, in order. */
async function fixtureFiles(): Promise<{ dir: string; files: { name: string; bytes: Buffer }[] }> {
  const dir = path.join(ROOT, "tests/fixtures/articles");
  const files: { name: string; bytes: Buffer }[] = [];
  for (const sub of ["md", "txt", "eval"]) {
    for (const name of (await readdir(path.join(dir, sub))).sort()) {
      files.push({ name: path.join(sub, name), bytes: await readFile(path.join(dir, sub, name)) });
    }
  }
  files.splice(3, 0, { name: "broken.md", bytes: Buffer.from("---\ntitle: [unclosed\n---\n") });
  return { dir, files };
}

/** The container of the articles' sections an encoder writes. */
function sectionsOf(write: (writer: ContainerWriter) => void): Buffer {
  const writer = new ContainerWriter(1);
  write(writer);
  return writer.finish(key);
}

function expectSameIndex(built: IndexData, whole: IndexData): void {
  expect(built.sentences).toEqual(whole.sentences);
  expect([...built.postings]).toEqual([...whole.postings]);
  expect([...built.vocabulary]).toEqual([...whole.vocabulary]);
  expect(built.titleTerms).toEqual(whole.titleTerms);
  expect(built.contextOf).toEqual(whole.contextOf);
  expect(built.contextTerms).toEqual(whole.contextTerms);
  expect(built.averageLength).toBe(whole.averageLength);
}

describe("building a chunk one article at a time", () => {
  it("GIVEN fixture files and a broken one WHEN built one article at a time THEN the index, the articles' sections and the problems are those of a build of all the parsed articles", async () => {
    const { dir, files } = await fixtureFiles();
    const articles: Article[] = [];
    const problems: { file: string; problem: string }[] = [];
    for (const file of files) {
      try {
        articles.push(parseArticle(path.join(dir, file.name), file.bytes));
      } catch (error) {
        if (!(error instanceof ArticleError)) throw error;
        problems.push({ file: error.file, problem: error.problem });
      }
    }
    expect(problems).toHaveLength(1);

    const built = buildStreamed(dir, files);

    expectSameIndex(built.data, buildIndexData(articles));
    expect(built.problems).toEqual(problems);
    expect(sectionsOf((writer) => built.encoder.write(writer))).toEqual(
      sectionsOf((writer) => encodeArticles(writer, articles)),
    );
  });

  it("GIVEN room for far fewer bytes than the texts hold WHEN articles are added THEN the buffer grows and the sections are the same", async () => {
    const { dir, files } = await fixtureFiles();
    const articles = files
      .filter((file) => file.name !== "broken.md")
      .map((file) => parseArticle(path.join(dir, file.name), file.bytes));
    const small = new ArticleEncoder(16);
    for (const article of articles) small.add(article);
    expect(sectionsOf((writer) => small.write(writer))).toEqual(
      sectionsOf((writer) => encodeArticles(writer, articles)),
    );
  });
});
