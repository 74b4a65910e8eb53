import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A made-up article: a shipyard established by one official, a set of rules by another. */
const ARTICLE = [
  "---",
  "title: A New Shipyard",
  "---",
  "",
  "The Memorandum directs the Secretary of the Navy to establish a fifth shipyard on the coast.",
  "",
  "The Naval Sea Systems Command will inspect the new shipyard's dry docks.",
  "",
].join("\n");

const index = new CitationIndex([parseArticle("yard.md", new TextEncoder().encode(ARTICLE))], {
  synonyms: defaultSynonyms,
});

describe("a verb typed with its particle", () => {
  it("GIVEN 'set up' THEN the dictionary's meaning of the two words ('establish') stands in for 'set'", () => {
    const terms = index.explain("who is going to set up the new shipyard").citations[0]?.terms;
    const set = terms?.find((term) => term.word === "set");
    expect(set?.matches.map((match) => match.term)).toContain("establish");
  });

  it("GIVEN 'who will set up the new shipyard' THEN the passage that establishes it comes first, not the one that inspects it", () => {
    const answer = index.ask("who will set up the new shipyard");
    expect(answer.citations[0]?.excerpt).toContain("to establish a fifth shipyard");
  });

  it.each([
    ["setting", "up", "establish"],
    ["figured", "out", "solve"],
    ["went", "up", "rise"],
  ])("GIVEN %j %j THEN the dictionary gives %j among its synonyms", (verb, particle, synonym) => {
    expect(defaultSynonyms.phrasalVerb?.(verb, particle)?.synonyms).toContain(synonym);
  });

  it("GIVEN a verb and a particle the dictionary does not know together THEN there is no meaning", () => {
    expect(defaultSynonyms.phrasalVerb?.("announce", "up")).toBeUndefined();
  });
});
