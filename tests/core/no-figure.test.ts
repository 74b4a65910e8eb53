import { beforeAll, describe, expect, it } from "vitest";
import type { CitationIndex } from "../../src/core/index.ts";
import { fixtureIndex } from "./fixture-index.ts";

// The twenty-fifth blind set's four fact sheets: the plan against the price hike at the pump
// asks Congress to make companies "pay fees on wells…" and gives no sum for them.
let sheets: CitationIndex;
beforeAll(async () => {
  sheets = await fixtureIndex("blind-discord-sheets-25");
});

describe("a figure asked for that the best passage does not give", () => {
  it("GIVEN fees on idle wells with no sum THEN 'how much would the fee per idle well be' is declined, saying no figure answers it", () => {
    const explained = sheets.explain(
      "how much would the fee per idle well be under biden's proposal",
    );
    expect(explained.answer.answered).toBe(false);
    expect(explained.answer.answer).toBeNull();
    expect(explained.declined).toBe("no-figure");
  });

  it("GIVEN the count of unused permits said THEN 'how many unused permits does the industry have' is answered with it", () => {
    const answer = sheets.ask("how many unused permits does the industry have");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe("9,000");
  });
});
