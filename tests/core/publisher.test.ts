import { describe, expect, it } from "vitest";
import { CitationIndex, type Article } from "../../src/core/index.ts";
import { publisherKeys } from "../../src/core/search/publisher.ts";
import { article } from "./article-fixture.ts";

/** An article published on a site: its address in the front matter. */
function published(url: string, id: string, title: string, ...paragraphs: string[]): Article {
  return { ...article(id, title, ...paragraphs), url };
}

const sheet = published(
  "https://www.whitehouse.gov/fact-sheets/2025/02/carp/",
  "carp",
  "Fact Sheet: Stopping the Carp",
  "The Order directs the Army Corps to begin construction of the lock this year.",
  "Asian carp threaten native fish such as walleye, yellow perch, and lake whitefish.",
  "Tourism on the lakes supports thousands of jobs in the region.",
);

describe("the articles' publisher named as who says what is asked", () => {
  it("GIVEN articles with addresses and sources THEN the publishers are their sites and sources, run together", () => {
    const guardian = { ...article("g", "A story", "Text."), source: "The Guardian" };
    expect([...publisherKeys([sheet, guardian])].sort()).toEqual(["guardian", "whitehouse"]);
  });

  const asked = "which native fish does the White House say the carp threaten";
  const words = (index: CitationIndex, question: string) =>
    (index.explain(question).citations[0]?.terms ?? []).map((term) => term.word);

  it("GIVEN a fact sheet of whitehouse.gov that never names the White House THEN 'does the White House say' asks what the sheet says", () => {
    const index = new CitationIndex([sheet], { wordVectors: null });
    expect(words(index, asked)).not.toContain("white");
    expect(words(index, asked)).toContain("fish");
    const plain = index.ask("which native fish do the carp threaten");
    expect(index.ask(asked).citations[0]?.excerpt).toBe(plain.citations[0]?.excerpt);
    expect(index.explain(asked).citations[0]?.coverage).toBeGreaterThan(
      index.explain("which native fish does the Corps say the carp threaten").citations[0]
        ?.coverage ?? 1,
    );
  });

  it("GIVEN the sheet on an archive's site (bidenwhitehouse.archives.gov) THEN 'the White House' still names its publisher, but 'the house' alone does not", () => {
    const archived = { ...sheet, url: "https://bidenwhitehouse.archives.gov/briefing-room/carp/" };
    const index = new CitationIndex([archived], { wordVectors: null });
    expect(words(index, asked)).not.toContain("white");
    expect(words(index, asked)).toContain("fish");
    expect(words(index, "which native fish does the house say the carp threaten")).toContain(
      "house",
    );
  });

  it("GIVEN the same sheet published elsewhere, or the White House asked about as a place THEN its words are looked for", () => {
    const elsewhere = { ...sheet, url: "https://example.org/carp/" };
    expect(words(new CitationIndex([elsewhere], { wordVectors: null }), asked)).toContain("white");
    const index = new CitationIndex([sheet], { wordVectors: null });
    expect(words(index, "which fish were served at the White House")).toContain("white");
  });

  it("GIVEN 'per' before the publisher's name running on into a noun ('per white house staffer') THEN it means 'for each': no source, its words are looked for", () => {
    const index = new CitationIndex([sheet], { wordVectors: null });
    expect(
      words(index, "which native fish do the carp threaten per white house staffer"),
    ).toContain("white");
  });

  it("GIVEN the publisher's own cited ('according to White House economists, …') THEN the publisher is dropped and the words after it stay", () => {
    const index = new CitationIndex([sheet], { wordVectors: null });
    const looked = words(
      index,
      "According to White House economists, which native fish do the carp threaten?",
    );
    expect(looked).not.toContain("white");
    expect(looked).toContain("economists");
  });

  it.each([
    "according to the White House which native fish do the carp threaten",
    "which native fish do the carp threaten accordin to the white house",
    "which native fish per the white house do the carp threaten",
    "is it true acording to the white house that the carp threaten native fish",
  ])(
    "GIVEN the publisher cited as the source inside the question (%j) THEN neither it nor the words citing it are looked for",
    (question) => {
      const index = new CitationIndex([sheet], { wordVectors: null });
      const looked = words(index, question);
      expect(looked).toContain("fish");
      for (const word of ["white", "house", "according", "acording", "per"]) {
        expect(looked).not.toContain(word);
      }
      expect(index.ask(question).citations[0]?.excerpt).toContain("native fish");
    },
  );
});
