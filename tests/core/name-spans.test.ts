import { describe, expect, it } from "vitest";
import { namesIn } from "../../src/core/answer/name-spans.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** The texts of the names an excerpt holds, in order. */
const names = (excerpt: string) => namesIn(excerpt, defaultSynonyms).map((span) => span.text);

describe("the names of an excerpt", () => {
  it("GIVEN a preposition that opens the sentence before a name THEN it is no word of the name", () => {
    expect(names("In Germany today, President Biden will meet with G7 leaders.")).toEqual([
      "Germany",
      "President Biden",
      "G7",
    ]);
    expect(names("Since President Trump took office, job gains rose.")[0]).toBe("President Trump");
  });

  it("GIVEN a name that opens with a word that may be a preposition ('Under Secretary', 'Near Eastern Studies') THEN it keeps it", () => {
    expect(names("Under Secretary Smith spoke today.")[0]).toBe("Under Secretary Smith");
    expect(
      names("She holds an M.A. in Near Eastern Studies from the University of Arizona."),
    ).toContain("Near Eastern Studies");
  });
});
