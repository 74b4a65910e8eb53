import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectedAnswer } from "../../src/core/answer/expected.ts";
import { questionKind } from "../../src/core/answer/kinds.ts";
import { CitationIndex } from "../../src/core/index.ts";
import { normalizeDiscordText } from "../../src/core/text/normalize.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { PROJECT_ROOT } from "../../src/paths.ts";

/** The pharmaceutical-tariff and wildfire fact sheets of the fourth blind set, as scraped. */
const SHEETS = path.join(PROJECT_ROOT, "tests/fixtures/articles/blind-discord-sheets-4");

describe("chat's 'what's the deal with X'", () => {
  it("GIVEN 'what's the deal with', 'whats up with', 'what is going on with' THEN each reads 'what about'", () => {
    expect(normalizeDiscordText("what's the deal with firefighters")).toBe(
      "what about firefighters",
    );
    expect(normalizeDiscordText("ngl whats up with the tariffs")).toBe("what about the tariffs");
    expect(normalizeDiscordText("What is going on with the port?")).toBe("What about the port?");
    // A deal that is the subject stays: "what's the deal they signed".
    expect(normalizeDiscordText("what's the deal they signed")).toBe("what's the deal they signed");
  });

  it("GIVEN 'what about firefighters' THEN it asks for no person: 'about' is no noun of 'what N'", () => {
    expect(questionKind("what about firefighters and their equipment")).toBe("other");
    expect(expectedAnswer("what about firefighters and their equipment", defaultSynonyms)).toBe(
      "none",
    );
    expect(questionKind("what firefighters were hurt")).toBe("person");
  });

  it("GIVEN an article whose 'deals' are trade deals THEN 'what's the deal with firefighters' cites the firefighters", async () => {
    const articles = (await loadArticles(SHEETS)).articles.filter((a) =>
      /pharmaceutical|wildfire/u.test(a.id),
    );
    expect(articles).toHaveLength(2);
    const index = new CitationIndex(articles, { synonyms: defaultSynonyms });
    const answer = index.ask("ngl what's the deal with firefighters and their equipment");
    expect(answer.citations[0]?.excerpt).toContain("Firefighters are forced");
  });
});
