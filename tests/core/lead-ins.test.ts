import { describe, expect, it } from "vitest";
import { CitationIndex, DEFAULT_RANKING, parseArticle } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A fact sheet's paragraph and list, cut from the archive, and a made-up announcement. */
const ARTICLE = [
  "---",
  "title: Ending Illegal Discrimination",
  "---",
  "",
  "**RESTORING THE VALUES OF INDIVIDUAL DIGNITY, HARD WORK, AND EXCELLENCE**: Individual dignity, hard work, and excellence are fundamental to American greatness. This Executive Order reaffirms these values by ending the Biden-Harris Administration’s anti-constitutional and deeply demeaning “equity” mandates, terminating DEI, and protecting civil rights:",
  "",
  "-   Reversing the progress made in the decades since the Civil Rights Act of 1964 toward a colorblind and competence-based workplace, radical DEI has dangerously tainted many of our critical businesses.",
  "",
  "The duties on imported steel and aluminum from Canada and Mexico are now:",
  "",
  "-   25% on steel and aluminum goods from Canada and Mexico that do not satisfy the rules of origin.",
  "",
].join("\n");

/** The article's index, its lead-ins scored `leadInFactor` of their score. */
const indexWith = (leadInFactor: number) =>
  new CitationIndex([parseArticle("dei.md", new TextEncoder().encode(ARTICLE))], {
    synonyms: defaultSynonyms,
    leadInFactor,
  });

const index = indexWith(DEFAULT_RANKING.leadInFactor);

/** The score of the cited passage that ends with `ending`, at a lead-in factor. */
function scoreOf(question: string, ending: string, leadInFactor: number): number | undefined {
  const { citations } = indexWith(leadInFactor).explain(question, { limit: 5 });
  return citations.find((citation) => citation.excerpt.endsWith(ending))?.score;
}

describe("a passage that ends with a colon", () => {
  it("GIVEN a clause that states its fact before the list THEN it answers what it states", () => {
    const answer = index.ask("what happend to the biden harris equity mandates");
    expect(answer.citations[0]?.excerpt).toContain("by ending the Biden-Harris Administration");
  });

  it.each([
    [
      "what are the duties on steel from canada and mexico now",
      "are now:",
      DEFAULT_RANKING.leadInFactor,
    ],
    ["what happend to the biden harris equity mandates", "protecting civil rights:", 1],
  ])("GIVEN %j THEN the passage ending %j scores %d of its score", (question, ending, share) => {
    const full = scoreOf(question, ending, 1) as number;
    expect(full).toBeGreaterThan(0);
    expect(scoreOf(question, ending, DEFAULT_RANKING.leadInFactor)).toBeCloseTo(full * share, 6);
  });
});
