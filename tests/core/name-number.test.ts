import { describe, expect, it } from "vitest";
import { CitationIndex, DEFAULT_RANKING } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

/** A made-up order: one executive order signed today, another (by its number) revoked. */
const index = new CitationIndex(
  [
    article(
      "readiness",
      "The Governor Signs an Order on Readiness",
      "Today, the Governor signed an Executive Order directing the department to update its standards for service.",
      "Troops must meet strict physical standards to deploy.",
      "The Executive Order revokes the previous administration's Executive Order 14004 and all guidance issued under it.",
      "Medical waivers will be reviewed case by case.",
      "The department will report back within 60 days.",
    ),
  ],
  { synonyms: defaultSynonyms },
);

describe("a name with a number ('Executive Order 14004')", () => {
  it("GIVEN a passage that says 'Executive Order' without 14004 THEN the name's words count for it at nameNumberMissingCredit, and in full where 14004 is", () => {
    const { citations } = index.explain("When was Executive Order 14004 signed?");
    const creditOf = (start: string, word: string) =>
      citations
        .find((citation) => citation.excerpt.startsWith(start))
        ?.terms.find((term) => term.word === word)?.credit;
    expect(creditOf("Today", "executive")).toBe(DEFAULT_RANKING.nameNumberMissingCredit);
    expect(creditOf("Today", "order")).toBe(DEFAULT_RANKING.nameNumberMissingCredit);
    expect(creditOf("The Executive Order revokes", "executive")).toBe(1);
  });

  it("GIVEN the passage that names 14004 THEN 'what happens to executive order 14004' cites it first", () => {
    const answer = index.ask("what happens to executive order 14004");
    expect(answer.citations[0]?.excerpt).toContain("revokes");
  });

  it("GIVEN --explain THEN the words of the name in the other passage say their number is missing", () => {
    const { citations } = index.explain("When was Executive Order 14004 signed?");
    const today = citations.find((citation) => citation.excerpt.startsWith("Today"));
    const order = today?.terms.find((term) => term.word === "order");
    expect(order?.notes).toContain("number-missing");
  });
});
