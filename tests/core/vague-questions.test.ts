import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { article } from "./article-fixture.ts";

describe("a question too vague to answer", () => {
  const funds = article(
    "funds",
    "Wealth funds",
    "The state of Norway runs a wealth fund from its oil revenue.",
    "Its manager Nicolai Tangen invests in companies across the country.",
  );
  const weather = article("weather", "Mountain weather", "Snow closed the pass.");
  const index = new CitationIndex([funds, weather], { synonyms: null, wordVectors: null });

  it("GIVEN a question whose only word of substance is an ordinary one THEN it is declined, with the closest passages", () => {
    const vague = index.ask("lol which other country is doing one of these");
    expect(vague.answered).toBe(false);
    expect(vague.citations[0]?.excerpt).toContain("country");
  });

  it("GIVEN one more word, or a name THEN it is answered", () => {
    expect(index.ask("which country runs a wealth fund").answered).toBe(true);
    expect(index.ask("what about norway").answered).toBe(true);
  });
});
