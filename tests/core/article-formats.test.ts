import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { folderWith, ROOT } from "../helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

function parseText(file: string, text: string) {
  return parseArticle(file, new TextEncoder().encode(text));
}

describe("characters invisible inside a word", () => {
  it.each([
    [
      "Markdown with an entity",
      "story.md",
      "---\ntitle: Erup\u00ADtion\n---\n\nThe Gua&shy;temalan volca&shy;no erupted on Tuesday.\n",
    ],
    [
      "plain text with the characters",
      "story.txt",
      "Erup\u200Dtion\n\nThe Gua\u00ADtemalan volca\u200Bno erupted on Tuesday.\n",
    ],
    [
      "HTML with an entity",
      "story.html",
      "<html><head><title>Erup&shy;tion</title></head><body><article><p>The Gua&shy;temalan volca&#8203;no erupted on Tuesday, the agency said in a statement.</p></article></body></html>",
    ],
  ])(
    "GIVEN %s (a soft hyphen, a zero-width space or joiner) THEN the words of the passages and the title are whole and a question typed without them is answered",
    (_kind, file, text) => {
      const article = parseText(file, text);
      expect(article.paragraphs[0]?.text).toContain("The Guatemalan volcano erupted on Tuesday");
      expect(article.title).toBe("Eruption");
      const answer = new CitationIndex([article]).ask("When did the Guatemalan volcano erupt?");
      expect(answer.answered).toBe(true);
      expect(answer.answer).toBe("Tuesday");
    },
  );
});

describe("articles in the archive's Markdown", () => {
  it("GIVEN a scraped fact sheet THEN its scraper front matter gives date and link, and each list item is its own numbered paragraph", async () => {
    const file = path.join(ROOT, "tests/fixtures/markdown/nested-lists.md");
    const article = parseArticle(file, await readFile(file));
    expect(article).toMatchObject({
      id: "nested-lists",
      title:
        "Fact Sheet: President Donald J. Trump Adjusts Tariffs on Canada and Mexico to Minimize Disruption to the Automotive Industry",
      published: "2025-03-06T21:25:44.000Z",
      url: "https://www.whitehouse.gov/fact-sheets/2025/03/fact-sheet-president-donald-j-trump-adjusts-tariffs-on-canada-and-mexico-to-minimize-disruption-to-the-automotive-industry/",
    });
    expect(article.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(article.paragraphs[4]?.text).toBe(
      "A lower 10% tariff on any potash imported from Canada and Mexico that falls outside the USMCA preference.",
    );
    expect(article.paragraphs[4]?.context).toBe(
      "Duties imposed to address the flow of illicit drugs across our borders are now:",
    );
    expect(article.paragraphs[0]?.context).toBeUndefined();
    expect(article.paragraphs[0]?.sentences.map((s) => s.text)).toEqual([
      "USING LEVERAGE TO PROTECT AMERICANS: Today, President Donald J. Trump announced adjustments to tariffs imposed on imports from Canada and Mexico in recognition of the structure of the automotive supply chain that strives to bring production into America.",
    ]);
  });

  it("GIVEN a press release ending in the archive's escaped ### and a * * * break THEN neither is a paragraph and the numbering skips nothing", () => {
    const markdown = parseText(
      "release.md",
      "---\ntitle: Readout\n---\n\nThe leaders met today.\n\n\\* \\* \\*\n\nThey agreed to talk again.\n\n\\###\n",
    );
    expect(markdown.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, "The leaders met today."],
      [2, "They agreed to talk again."],
    ]);
    const plain = parseText(
      "release.txt",
      "Readout\n\nThe leaders met today.\n\n* * *\n\nThey agreed to talk again.\n\n###\n",
    );
    expect(plain.paragraphs.map((p) => p.text)).toEqual([
      "The leaders met today.",
      "They agreed to talk again.",
    ]);
    // Marks inside a paragraph with words stay: only a block of marks alone is dropped.
    expect(parseText("note.txt", "Note\n\n— 25% —\n").paragraphs.map((p) => p.text)).toEqual([
      "— 25% —",
    ]);
  });

  it("GIVEN a scraped transcript whose paragraphs are parted by lines of no-break spaces THEN each is a paragraph of its own, in Markdown and .txt", () => {
    // As the archive's speeches write them: "<p>&nbsp;</p>" spacers, hard line breaks.
    const body =
      "GOVERNOR NEWSOM:\u00A0 Welcome, Mr. President.  \n\u00A0  \nWe lost 440 homes.  \n\u00A0\nTHE PRESIDENT: Thank you.\n";
    const markdown = parseText("remarks.md", `---\ntitle: Remarks\n---\n\n${body}`);
    expect(markdown.paragraphs.map((p) => [p.number, p.text])).toEqual([
      [1, "GOVERNOR NEWSOM: Welcome, Mr. President."],
      [2, "We lost 440 homes."],
      [3, "THE PRESIDENT: Thank you."],
    ]);
    const plain = parseText("remarks.txt", `Remarks\n\n${body}`);
    expect(plain.paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it("GIVEN a table's rows THEN a question about one row cites that row as its own paragraph", async () => {
    const file = path.join(ROOT, "tests/fixtures/markdown/html-table.md");
    const index = new CitationIndex([parseArticle(file, await readFile(file))]);
    const top = index.ask("How much does the TCJA extension add to the deficit?").citations[0];
    expect(top).toMatchObject({ paragraph: 6, excerpt: "TCJA Extension | $3,760" });
  });
});

describe("headings as context", () => {
  const TRADE = `---
title: Trade measures
---

## Canada

Tariffs are 25% on most goods.

## Mexico

Tariffs are 10% on most goods.
`;

  it("GIVEN two sections that differ only by their heading WHEN asked about one THEN its passage ranks first and no heading is quoted", () => {
    const index = new CitationIndex([parseText("/x/trade.md", TRADE)]);
    const answer = index.ask("What is the tariff on goods from Mexico?");
    expect(answer.citations[0]).toMatchObject({
      paragraph: 2,
      excerpt: "Tariffs are 10% on most goods.",
    });
    for (const citation of answer.citations)
      expect(citation.excerpt).not.toMatch(/^(?:Canada|Mexico)$/u);
    expect(index.articles[0]?.paragraphs.map((p) => p.context)).toEqual(["Canada", "Mexico"]);
  });
});

describe("web pages", () => {
  it("GIVEN an .html file among the articles THEN Readability's article is loaded with the page's title, link, date and author", async () => {
    const page = `<!doctype html><html><head><title>Harbour reopens</title>
<link rel="canonical" href="https://news.example/harbour">
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<meta name="author" content="Ann Lee"></head><body><nav>Home · Sport · Weather</nav>
<article><h1>Harbour reopens</h1>
<p>The harbour reopened on Thursday after six weeks of repairs to the sea wall, the port authority said in a statement.</p>
<p>Ferries to the islands will run every hour from May, and fishing boats may land their catch at the north quay again.</p>
</article><footer>© News Example</footer></body></html>`;
    const { dir, cleanup } = await folderWith({ "harbour.html": page });
    cleanups.push(cleanup);
    const { articles, problems } = await loadArticles(dir);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      id: "harbour",
      title: "Harbour reopens",
      url: "https://news.example/harbour",
      published: "2024-05-02T08:00:00.000Z",
      author: "Ann Lee",
    });
    expect(articles[0]?.paragraphs.map((p) => p.text)).toEqual([
      "The harbour reopened on Thursday after six weeks of repairs to the sea wall, the port authority said in a statement.",
      "Ferries to the islands will run every hour from May, and fishing boats may land their catch at the north quay again.",
    ]);
  });

  it("GIVEN a page whose own date tag is junk THEN the date is left out rather than the page refused", () => {
    const article = parseText(
      "/x/p.html",
      `<html><head><title>T</title><meta property="article:published_time" content="soon"></head><body><article><p>${"Words of a long enough paragraph for the reader view to keep it. ".repeat(4)}</p></article></body></html>`,
    );
    expect(article.title).toBe("T");
    expect(article.published).toBeUndefined();
    expect(article.paragraphs).toHaveLength(1);
  });
});
