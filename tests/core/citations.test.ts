import { describe, expect, it } from "vitest";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";

function article(id: string, body: string) {
  return parseArticle(
    `/x/${id}.md`,
    new TextEncoder().encode(`---\ntitle: ${id} release\n---\n\n${body}\n`),
  );
}

const SHARED = "Tariffs on imported cars rose to 25% in April, the trade office said.";

describe("citations of one answer", () => {
  it("GIVEN the same sentence in two releases and twice in one WHEN asked about it THEN each excerpt is cited once", () => {
    const index = new CitationIndex([
      article("first", `${SHARED}\n\nFactories added shifts in May.\n\n${SHARED}`),
      article("second", `Ports were busy.\n\n${SHARED.toUpperCase()}`),
      article("third", "Tariffs on imported steel rose to 10% in April."),
    ]);
    const answer = index.ask("What did tariffs on imported cars rise to?", { limit: 5 });
    const excerpts = answer.citations.map((citation) => citation.excerpt.toLowerCase());
    expect(excerpts.length).toBeGreaterThan(1);
    expect(new Set(excerpts).size).toBe(excerpts.length);
    expect(excerpts.filter((excerpt) => excerpt.includes("25% in april"))).toHaveLength(1);
    expect(answer.citations[0]?.excerpt).toBe(SHARED);
  });
});
