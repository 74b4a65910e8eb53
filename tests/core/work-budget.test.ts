import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle, TYPO_MATCHING } from "../../src/core/index.ts";

function article(id: string, body: string) {
  return parseArticle(
    `/x/${id}.md`,
    new TextEncoder().encode(`---\ntitle: ${id}\n---\n\n${body}\n`),
  );
}

/** Many sentences sharing common words, and one that also holds a rare word. */
function crowded() {
  const filler = Array.from(
    { length: 400 },
    (_, i) => `The committee said the report on trade policy was ready in week ${i + 1}.`,
  ).join("\n\n");
  return [
    article("filler", filler),
    article("answer", "The committee said the report on trade policy names Zanzibar first."),
  ];
}

describe("the ranker's work budget", () => {
  it("GIVEN a budget far below the common words' postings WHEN asked THEN the rare word's passage is still found first (the budget degrades, it does not drop the answer)", () => {
    const question = "Which place does the committee's trade policy report name first, Zanzibar?";
    const tight = new CitationIndex(crowded(), { synonyms: null, postingsBudget: 20 });
    const roomy = new CitationIndex(crowded(), { synonyms: null });
    expect(tight.ask(question).citations[0]?.excerpt).toMatch(/Zanzibar/u);
    expect(tight.ask(question).citations[0]).toEqual(roomy.ask(question).citations[0]);
  });

  it("GIVEN a budget of zero entries THEN a question finds nothing rather than walking the lists", () => {
    const index = new CitationIndex(crowded(), { synonyms: null, postingsBudget: 0 });
    expect(index.ask("committee trade policy report").citations).toEqual([]);
  });

  it("GIVEN more misspelled words than the look-up budget THEN the words past it are not matched, and asked alone later they are", () => {
    const index = new CitationIndex(
      [article("a", "The harbour master counted forty lighthouses along the coast.")],
      { synonyms: null },
    );
    const noise = Array.from(
      { length: TYPO_MATCHING.lookupsPerQuestion },
      (_, i) => `qwzx${"abcdefgh"[i]}vbn`,
    );
    const late = index.explain(`${noise.join(" ")} lighthouzes`).citations[0];
    const fuzzy = (citation: typeof late) =>
      citation?.terms.some((term) => term.word === "lighthouzes" && term.found !== "nowhere");
    expect(fuzzy(late)).toBeFalsy();
    expect(fuzzy(index.explain("lighthouzes").citations[0])).toBe(true);
  });
});
