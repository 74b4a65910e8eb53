import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ArticleError, parseArticle, parsePublished } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { LibraryError } from "../../src/corpus/load.ts";
import { folderWith, ROOT } from "../helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const { dir, cleanup } = await folderWith(files);
  cleanups.push(cleanup);
  return dir;
}

const GOOD_MD = `---
title: "A good article"
source: Example News
url: https://example.com/a
published: 2024-09-23
author: Jane Doe
---

First paragraph. It has two sentences.

Second paragraph
wrapped over two lines.
`;

function parseText(file: string, text: string) {
  return parseArticle(file, new TextEncoder().encode(text));
}

describe("parseArticle", () => {
  it("GIVEN the seed file in the plain layout THEN it loads as it is, with its title, date and 8 paragraphs", async () => {
    const bytes = await readFile(path.join(ROOT, "tests/fixtures/seed.txt"));
    const article = parseArticle("/x/000_78dd10843e31f05d.txt", bytes);
    expect(article.id).toBe("000_78dd10843e31f05d");
    expect(article.title).toBe(
      "Tesla’s Elon Musk Got a Rare Welcome on His China Visit This Week. Why This Matters",
    );
    expect(article.published).toBe("2017-04-27T06:11:00.000Z");
    expect(article.paragraphs).toHaveLength(8);
    expect(article.paragraphs[0]?.text).toMatch(/^Elon Musk made an unexpected visit/u);
    expect(article.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("GIVEN the same article in both layouts THEN both give the same paragraphs and metadata", async () => {
    const dir = path.join(ROOT, "tests/fixtures/articles");
    const [md] = (await loadArticles(path.join(dir, "md"))).articles;
    const [txt] = (await loadArticles(path.join(dir, "txt"))).articles;
    expect(md?.id).toBe("connected-vehicle-technology-2024");
    expect(txt?.id).toBe(md?.id);
    expect(txt?.title).toBe(md?.title);
    expect(txt?.published).toBe("2024-09-23");
    expect(md?.published).toBe("2024-09-23");
    expect(md?.source).toBe("The White House, Briefing Room (Statements and Releases)");
    expect(txt?.paragraphs.map((p) => p.text)).toEqual(md?.paragraphs.map((p) => p.text));
  });

  it("GIVEN a markdown article with front matter THEN metadata is read and wrapped lines are joined", () => {
    const article = parseText("/x/good.md", GOOD_MD);
    expect(article).toMatchObject({
      id: "good",
      title: "A good article",
      source: "Example News",
      url: "https://example.com/a",
      published: "2024-09-23",
      author: "Jane Doe",
    });
    expect(article.paragraphs[1]?.text).toBe("Second paragraph wrapped over two lines.");
    expect(article.paragraphs[0]?.sentences.map((s) => s.text)).toEqual([
      "First paragraph.",
      "It has two sentences.",
    ]);
  });

  it("GIVEN a plain text article without a date line THEN its first block after the title is ¶1", () => {
    const article = parseText("/x/plain.txt", "Title here\n\nBody one.\n\nBody two.\n");
    expect(article.published).toBeUndefined();
    expect(article.paragraphs.map((p) => p.text)).toEqual(["Body one.", "Body two."]);
  });

  it.each([
    ["no-title.md", "---\nsource: x\n---\n\nBody.\n", /title is missing/u],
    ["empty-title.md", '---\ntitle: ""\n---\n\nBody.\n', /title is empty/u],
    ["empty-body.md", "---\ntitle: T\n---\n\n\n", /body is empty/u],
    ["bad-yaml.md", "---\ntitle: [unclosed\n---\n\nBody.\n", /not valid YAML/u],
    ["no-front.md", "Just text.\n", /no front matter/u],
    [
      "bad-date.md",
      "---\ntitle: T\npublished: someday soon\n---\n\nBody.\n",
      /published date "someday soon" does not parse/u,
    ],
    ["bad-url.md", "---\ntitle: T\nurl: not a url\n---\n\nBody.\n", /url/u],
    [
      "bad-date.txt",
      "Title\n\nFebruary 31st, 20x7 maybe 2017\n\nBody.\n",
      /does not parse as a date/u,
    ],
    ["only-title.txt", "Title only\n", /body is empty/u],
    ["empty.txt", "", /title is missing/u],
  ])("GIVEN %s THEN parsing names the file and the problem", (name, text, problem) => {
    let caught: unknown;
    try {
      parseText(`/x/${name}`, text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ArticleError);
    expect((caught as Error).message).toContain(name);
    expect((caught as Error).message).toMatch(problem);
  });

  it("GIVEN bytes that are not UTF-8 THEN parsing says the file is unreadable", () => {
    expect(() =>
      parseArticle("/x/latin1.txt", Uint8Array.from([0x54, 0x0a, 0x0a, 0xe9, 0xff])),
    ).toThrow(/latin1\.txt: .*not UTF-8/u);
  });

  it("GIVEN a file cut inside a character between whole ones THEN only it is unreadable: no state carries from one file to the next", () => {
    const whole = new TextEncoder().encode("Café\n\nIt costs 5 €.");
    const cut = whole.subarray(0, whole.length - 2); // the € (3 bytes) cut short
    const title = (bytes: Uint8Array) => parseArticle("/x/a.txt", bytes).title;
    expect(title(whole)).toBe("Café");
    expect(() => parseArticle("/x/cut.txt", cut)).toThrow(/cut\.txt: .*not UTF-8/u);
    expect(title(whole)).toBe("Café");
    expect(parseArticle("/x/b.txt", whole).paragraphs[0]?.text).toBe("It costs 5 €.");
  });
});

describe("parsePublished", () => {
  it("GIVEN dates as people write them THEN they become ISO 8601", () => {
    expect(parsePublished("April 27, 2017, 6:11 AM UTC")).toBe("2017-04-27T06:11:00.000Z");
    expect(parsePublished("September 23, 2024")).toBe("2024-09-23");
    expect(parsePublished("2024-09-23")).toBe("2024-09-23");
    expect(parsePublished("2024-02-30")).toBeUndefined();
    expect(parsePublished("Elon Musk made an unexpected visit to China")).toBeUndefined();
  });
});

describe("loadArticles", () => {
  it("GIVEN good and broken files THEN the good ones load and each bad one is reported", async () => {
    const dir = await folder({
      "a.md": GOOD_MD,
      "b.md": "---\nsource: x\n---\n\nBody.\n",
      "c.txt": "Plain title\n\nA body paragraph.\n",
      "notes.json": "{}",
      "image.png": Uint8Array.from([0x89, 0x50]),
    });
    const { articles, problems } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(["a", "c"]);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^b\.md: the title is missing/u),
    ]);
  });

  it("GIVEN a broken file in strict mode THEN loading fails and lists it", async () => {
    const dir = await folder({ "a.md": GOOD_MD, "b.md": "no front matter\n" });
    await expect(loadArticles(dir, { strict: true })).rejects.toMatchObject({
      problems: [expect.objectContaining({ message: expect.stringContaining("b.md") })],
    });
  });

  it("GIVEN two files with the same id THEN loading fails naming both", async () => {
    const dir = await folder({ "same.md": GOOD_MD, "same.txt": "T\n\nBody.\n" });
    await expect(loadArticles(dir)).rejects.toThrow(/"same": same\.md and same\.txt/u);
  });

  it("GIVEN a missing folder, an empty folder or only broken files THEN loading fails with a clear LibraryError", async () => {
    await expect(loadArticles("/no/such/folder")).rejects.toThrow(LibraryError);
    await expect(loadArticles("/no/such/folder")).rejects.toThrow(/does not exist/u);
    await expect(loadArticles(await folder({ "readme.json": "{}" }))).rejects.toThrow(
      /holds no article/u,
    );
    await expect(loadArticles(await folder({ "x.md": "nothing\n" }))).rejects.toThrow(
      /no article .* could be loaded/u,
    );
  });
});
