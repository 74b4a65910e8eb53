import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { DEFAULT_RANKING } from "../../src/core/options.ts";
import { article } from "./article-fixture.ts";

/** A story about the question, its words spread over a long sentence and its title. */
const story = article(
  "reactors",
  "Nuclear energy testing",
  "The order tasks the Department with testing new designs.",
  "The President is committed to making the United States a global leader in nuclear energy again and to securing a reliable, diversified and affordable energy supply for homes and factories.",
);

/** Short notes that name the question's words in passing, under titles that do not. */
const notes = Array.from({ length: 100 }, (_, i) =>
  article(
    `note${i}`,
    `Readout of call ${i}`,
    `Both leaders reaffirmed the stability of global energy supply, call ${i}.`,
    `They also discussed nuclear talks, call ${i}.`,
  ),
);

const question = "what energy supply comes with making the us a global nuclear leader";

/** The story's best score over the best note's, in a library. */
function storyOverNote(articles: typeof notes, titleContextRarity: number): number {
  const { citations } = new CitationIndex(articles, { titleContextRarity }).ask(question, {
    limit: 10,
  });
  const of = (pick: (id: string) => boolean) =>
    Math.max(0, ...citations.filter((c) => pick(c.article)).map((c) => c.score));
  return of((id) => id === "reactors") / of((id) => id !== "reactors");
}

describe("title rarity: in an archive, a title word few titles hold says which story is meant", () => {
  it("GIVEN a hundred articles and a question word in one title THEN the story gains on the notes", () => {
    const library = [...notes, story];
    expect(storyOverNote(library, DEFAULT_RANKING.titleContextRarity)).toBeGreaterThan(
      storyOverNote(library, Infinity),
    );
  });

  it("GIVEN a library of a few articles THEN the title credit is what it was without rarity", () => {
    const library = [...notes.slice(0, 4), story];
    expect(storyOverNote(library, DEFAULT_RANKING.titleContextRarity)).toBe(
      storyOverNote(library, Infinity),
    );
  });
});
