import { describe, expect, it } from "vitest";
import { readFrontMatter } from "../../src/core/article/front-matter.ts";

describe("readFrontMatter", () => {
  it("GIVEN a title of the wrong kind THEN the problem says so instead of calling the title missing; a bare number is a title", () => {
    for (const title of [["a", "b"], { text: "x" }, true]) {
      expect(readFrontMatter({ title })).toMatchObject({
        ok: false,
        problem: expect.stringContaining("the title must be text"),
      });
    }
    expect(readFrontMatter({})).toMatchObject({ ok: false, problem: "the title is missing" });
    expect(readFrontMatter({ title: 12345 })).toMatchObject({
      ok: true,
      value: { title: "12345" },
    });
  });

  it("GIVEN the archive's scraper keys (date, published_time, source_url) THEN the article gets its date-time and link, and unknown keys are ignored", () => {
    expect(
      readFrontMatter({
        title: "Reciprocal Trade and Tariffs",
        date: "2025-02-13",
        published_time: "2025-02-13 15:56:42-05:00",
        modified_time: "2025-02-13 15:58:35-05:00",
        source_url: "https://www.whitehouse.gov/articles/2025/02/reciprocal-trade-and-tariffs/",
        tags: "articles",
      }),
    ).toEqual({
      ok: true,
      value: {
        title: "Reciprocal Trade and Tariffs",
        source: undefined,
        published: "2025-02-13T20:56:42.000Z",
        url: "https://www.whitehouse.gov/articles/2025/02/reciprocal-trade-and-tariffs/",
        author: undefined,
      },
    });
  });

  it.each([
    [{ published: "2024-09-23" }, "2024-09-23"],
    [{ published_time: "2024-09-23T10:00:00Z" }, "2024-09-23T10:00:00.000Z"],
    [{ pubDate: "Mon, 23 Sep 2024 10:00:00 GMT" }, "2024-09-23T10:00:00.000Z"],
    [{ date: "2024-09-23" }, "2024-09-23"],
    [{ date: new Date("2024-09-23T10:00:00Z") }, "2024-09-23T10:00:00.000Z"],
  ])("GIVEN the date as %o THEN it is the publication date %s", (fields, published) => {
    const result = readFrontMatter({ title: "T", ...fields });
    expect(result.ok && result.value.published).toBe(published);
  });

  it.each([["url"], ["source_url"], ["canonical_url"], ["link"]])(
    "GIVEN the address under %s THEN it is the article's link",
    (key) => {
      const result = readFrontMatter({ title: "T", [key]: "https://example.com/a" });
      expect(result.ok && result.value.url).toBe("https://example.com/a");
    },
  );

  it.each([
    [{ author: "Jane Doe" }, "Jane Doe"],
    [{ byline: "By Jane Doe" }, "By Jane Doe"],
    [{ author: ["Jane Doe", "John Roe"] }, "Jane Doe, John Roe"],
  ])("GIVEN the author as %o THEN the author is %s", (fields, author) => {
    const result = readFrontMatter({ title: "T", ...fields });
    expect(result.ok && result.value.author).toBe(author);
  });

  it("GIVEN two keys for one field THEN the preferred one wins (published over date, url over link)", () => {
    const result = readFrontMatter({
      title: "T",
      date: "2024-01-01",
      published: "2024-09-23",
      link: "https://example.com/b",
      url: "https://example.com/a",
    });
    expect(result).toMatchObject({
      ok: true,
      value: { published: "2024-09-23", url: "https://example.com/a" },
    });
  });

  it("GIVEN a bad value under an alias THEN the problem names that key, and every problem is told at once", () => {
    const result = readFrontMatter({ title: "T", source_url: "not a link", pubDate: "soon" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatch(/source_url is not a valid web address/u);
    expect(result.problem).toMatch(/pubDate date "soon" does not parse/u);
  });

  it("GIVEN a number as the title THEN it is the title; GIVEN none THEN the title is missing", () => {
    expect(readFrontMatter({ title: 1984 })).toMatchObject({ ok: true, value: { title: "1984" } });
    expect(readFrontMatter({ date: "2024-01-01" })).toEqual({
      ok: false,
      problem: "the title is missing",
    });
    expect(readFrontMatter(["title"])).toMatchObject({ ok: false });
  });
});
