import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { extractShortAnswer } from "../../src/core/answer/short-answer.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** A made-up launch: states named in one passage, only counted in another, and a society. */
const corps = new CitationIndex(
  [
    article(
      "corps",
      "Launching the Climate Corps",
      "In fact, just today, five new states are launching their own Climate Corps programs.",
      "Today, five new states – Arizona, Utah, Minnesota, North Carolina, and Maryland – are moving forward with state-based climate corps.",
      "The program was reviewed with the American Society of Consulting Arborists, which advised on tree care.",
    ),
  ],
  { synonyms: defaultSynonyms, wordVectors: null },
);

describe("a place asked as 'which N'", () => {
  it("GIVEN one passage that only counts the states and one that names them THEN 'which states are launching climate corps today' is answered by the one that names them", () => {
    const answer = corps.ask("which states are the new ones launching state climate corps today");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("Arizona, Utah");
  });

  it("GIVEN a passage that names a society, a park service and an office where states are asked THEN none of them is the short answer: the dictionary knows no state by those names", () => {
    const passage =
      "“After expert analysis and careful coordination between Peter Hart, a board-certified Master Arborist and registered consulting arborist with the American Society of Consulting Arborists, National Park Service, the White House Grounds Superintendent, the White House Executive Residence and its Office of the Curator, the Offices of the President and the First Lady, and United States Secret Service, the White House has made the careful decision to remove the Jackson Magnolia to ensure the safety of the public.";
    const question = "Which US states have the magnolia as their state flower?";
    const title = "White House to Safely Replace Historic Jackson Magnolia";
    expect(extractShortAnswer("place", question, passage, title, defaultSynonyms)).toBeNull();
  });
});
