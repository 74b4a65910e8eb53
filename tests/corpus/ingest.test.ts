// Reading what a moderator adds: uploaded files and fetched pages become .md articles with front
// matter. The pages are archive articles inside a news site's navigation, ads and footer.

import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/core/index.ts";
import {
  articleMarkdown,
  escapeMarkdown,
  ingestArticle,
  IngestRefused,
} from "../../src/corpus/ingest.ts";
import { ingestInWorker } from "../../src/corpus/ingest-in-worker.ts";
import { BINARY, fixturePage, LOGIN_PAGE } from "./page-server.ts";

const PAGE_URL = "https://news.example/2025/10/arctic";

function refused(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestRefused);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("adding an article from a page or a file", () => {
  it.each(["arctic-security-cutters", "september-jobs-report"] as const)(
    "GIVEN the %s page inside a site's furniture WHEN it is read THEN every passage of the original and none of the furniture is kept",
    (name) => {
      const { html, markdown } = fixturePage(name);
      const original = parseArticle("original.md", Buffer.from(markdown));
      const { article } = ingestArticle({
        bytes: Buffer.from(html),
        contentType: "text/html; charset=utf-8",
        url: PAGE_URL,
      });
      const texts = article.paragraphs.map((paragraph) => paragraph.text);
      // Lists are flattened the same way by both readers: the passages match one for one.
      expect(texts).toEqual(original.paragraphs.map((paragraph) => paragraph.text));
      const all = texts.join("\n");
      for (const furniture of [
        "ADVERTISEMENT",
        "cookies",
        "Subscribe",
        "Most read",
        "All rights reserved",
        "Sign up",
        "Politics",
      ]) {
        expect(all).not.toContain(furniture);
      }
    },
  );

  it("GIVEN a page with Open Graph, author, date and canonical tags THEN they become the article's metadata", () => {
    const { html, markdown } = fixturePage("arctic-security-cutters");
    const original = parseArticle("original.md", Buffer.from(markdown));
    const { article, markdown: stored } = ingestArticle({
      bytes: Buffer.from(html),
      contentType: "text/html",
      url: PAGE_URL,
    });
    expect(article).toMatchObject({
      title: original.title,
      source: "The Harbor Ledger",
      author: "Dana Whitfield",
      published: "2025-10-09T20:37:02.000Z",
      url: original.url, // the canonical address, not the one it was fetched from
    });
    // The title's words, cut to a readable length, and a hash of the text.
    expect(article.id).toMatch(/^fact-sheet-president-donald-j-trump-[a-z-]+-[a-f0-9]{8}$/u);
    expect(article.id.length).toBeLessThanOrEqual(69);
    expect(stored).toMatch(/^---\ntitle: /u);
  });

  it("GIVEN an ingested article WHEN its .md file is read back THEN title, metadata and every passage are the same", () => {
    for (const name of ["arctic-security-cutters", "september-jobs-report"] as const) {
      const { article, markdown } = ingestArticle({
        bytes: Buffer.from(fixturePage(name).html),
        contentType: "text/html",
        url: PAGE_URL,
      });
      const back = parseArticle(`${article.id}.md`, Buffer.from(markdown));
      expect(back.paragraphs.map((p) => p.text)).toEqual(article.paragraphs.map((p) => p.text));
      expect({ ...back, paragraphs: [], file: "" }).toEqual({
        ...article,
        paragraphs: [],
        file: "",
      });
    }
  });

  it("GIVEN a page with headings and a nested list WHEN its .md file is read back THEN each passage keeps its context (searched with it)", () => {
    const html = `<html><head><title>Harbor</title></head><body><article><h1>Harbor</h1><h2>The storm</h2>${"<p>The harbor reopened on Monday after the storm, said the port authority, and ships waited.</p>".repeat(3)}<h2>Ships #</h2><p>Forty ships were waiting outside the harbor when it reopened on Monday morning.</p><ul><li>Cargo<ul><li>Nested: grain and timber came in first.</li></ul></li></ul><p>After the list, the last paragraph about the harbor and what comes next.</p></article></body></html>`;
    const { article, markdown } = ingestArticle({
      bytes: Buffer.from(html),
      contentType: "text/html",
      url: PAGE_URL,
    });
    const contexts = article.paragraphs.map((p) => p.context);
    expect(contexts).toContain("The storm");
    expect(contexts).toContain("Ships # — Cargo");
    const back = parseArticle(`${article.id}.md`, Buffer.from(markdown));
    expect(back.paragraphs.map((p) => [p.context, p.text])).toEqual(
      article.paragraphs.map((p) => [p.context, p.text]),
    );
  });

  it("GIVEN passages full of Markdown's own characters WHEN written and read back THEN they read as written", () => {
    const texts = [
      "# not a heading, 1. not a list and > not a quote",
      "1. Starts like a numbered list but is one sentence of a passage.",
      "- Starts like a bullet; *stars*, _underscores_, `ticks`, [brackets](x) and <b>tags</b> & entities &amp; stay.",
      "A backslash \\ and a pipe | and a tilde ~ are text too.",
    ];
    for (const text of texts) {
      const article = {
        id: "a",
        title: "Characters: a test",
        file: "a.md",
        paragraphs: [{ number: 1, text, sentences: [] }],
      };
      const back = parseArticle("a.md", Buffer.from(articleMarkdown(article)));
      expect(back.paragraphs.map((p) => p.text)).toEqual([text]);
    }
    expect(escapeMarkdown("plain words")).toBe("plain words");
  });

  it("GIVEN the same page twice THEN it gets the same id (so the second is seen as a repeat)", () => {
    const bytes = Buffer.from(fixturePage("september-jobs-report").html);
    const first = ingestArticle({ bytes, contentType: "text/html", url: PAGE_URL });
    const second = ingestArticle({ bytes, contentType: "text/html", url: `${PAGE_URL}?utm=x` });
    expect(second.article.id).toBe(first.article.id);
  });

  it("GIVEN uploaded .md (with or without front matter), .txt and .html files THEN each is read by its kind", () => {
    const body = "The harbor reopened on Monday after the storm. ".repeat(6).trim();
    const withHeading = ingestArticle({
      bytes: Buffer.from(`# Harbor reopens\n\n${body}\n`),
      fileName: "harbor.md",
    });
    expect(withHeading.article.title).toBe("Harbor reopens");
    expect(withHeading.article.paragraphs[0]?.text).toBe(body);
    const text = ingestArticle({
      bytes: Buffer.from(`Harbor reopens\n\n2025-03-02\n\n${body}\n`),
      fileName: "harbor.txt",
    });
    expect(text.article).toMatchObject({ title: "Harbor reopens", published: "2025-03-02" });
    const page = ingestArticle({
      bytes: Buffer.from(fixturePage("september-jobs-report").html),
      fileName: "jobs.HTML",
    });
    expect(page.article.source).toBe("Midwest Daily Courier");
    expect(page.article.url).toMatch(/^https:\/\/bidenwhitehouse/u);
  });

  it("GIVEN a page with no link of its own THEN the address it came from is its link and its host its source", () => {
    const html = `<html><head><title>Harbor reopens</title></head><body><article>${"<p>The harbor reopened on Monday after the storm, said the port authority, and ships were waiting.</p>".repeat(6)}</article></body></html>`;
    const { article } = ingestArticle({
      bytes: Buffer.from(html),
      contentType: "text/html",
      url: "https://www.portnews.example/harbor",
    });
    expect(article).toMatchObject({
      url: "https://www.portnews.example/harbor",
      source: "portnews.example",
    });
  });

  it("GIVEN bad input THEN each is refused in a moderator's words", () => {
    expect(refused(() => ingestArticle({ bytes: BINARY, fileName: "photo.png" }))).toMatch(
      /Only \.md, \.txt and \.html files/u,
    );
    expect(refused(() => ingestArticle({ bytes: BINARY, fileName: "story.md" }))).toMatch(
      /binary data/u,
    );
    expect(refused(() => ingestArticle({ bytes: BINARY, contentType: "text/html" }))).toMatch(
      /binary data/u,
    );
    expect(
      refused(() => ingestArticle({ bytes: Buffer.from(LOGIN_PAGE), contentType: "text/html" })),
    ).toMatch(/no article text|too little text/u);
    expect(
      refused(() =>
        ingestArticle({ bytes: Buffer.from("Title\n\nShort body."), fileName: "a.txt" }),
      ),
    ).toMatch(/too little text to be an article/u);
    expect(
      refused(() => ingestArticle({ bytes: Buffer.from("no title here\n"), fileName: "a.md" })),
    ).toMatch(/Start it with a "# Title" line/u);
    expect(
      refused(() => ingestArticle({ bytes: Buffer.alloc(2_000_001, 65), fileName: "a.txt" })),
    ).toMatch(/larger than 2 MB/u);
  });

  it("GIVEN a page of 5 KB whose markup nests 400 levels deep WHEN added THEN it is refused at once in a moderator's words", () => {
    // Readability read it for seconds (over two minutes at 2,000 levels, 22 KB) in the bot's
    // own thread, which answers every server meanwhile.
    const page = `<html><head><title>Nested</title></head><body>${"<div>".repeat(400)}<p>${"Wombats dig burrows in the hills. ".repeat(10)}</p>${"</div>".repeat(400)}</body></html>`;
    expect(
      refused(() => ingestArticle({ bytes: Buffer.from(page), contentType: "text/html" })),
    ).toMatch(/^That cannot be read as an article: the markup nests too deeply/u);
  });
});

describe("reading an added article in a worker thread", () => {
  it("GIVEN a page WHEN read in a worker THEN the article is the one read in this thread", async () => {
    const { html } = fixturePage("arctic-security-cutters");
    const input = { bytes: Buffer.from(html), contentType: "text/html", url: PAGE_URL };
    expect(await ingestInWorker(input)).toEqual(ingestArticle(input));
  });

  it("GIVEN bad input WHEN read in a worker THEN it is refused in the same words", async () => {
    const input = { bytes: BINARY, fileName: "story.md" };
    await expect(ingestInWorker(input)).rejects.toThrow(IngestRefused);
    await expect(ingestInWorker(input)).rejects.toThrow(refused(() => ingestArticle(input)));
  });

  it("GIVEN a page that takes longer than the limit to read THEN it is refused as too slow and its worker stopped", async () => {
    // A limit of 1 ms: starting a worker alone takes longer, however idle the machine.
    const { html } = fixturePage("arctic-security-cutters");
    await expect(
      ingestInWorker({ bytes: Buffer.from(html), contentType: "text/html", url: PAGE_URL }, 1),
    ).rejects.toThrow(/^That page took more than 0 s to read/u);
  });
});
