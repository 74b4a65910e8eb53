import { beforeAll, describe, expect, it } from "vitest";
import type { CitationIndex } from "../../src/core/index.ts";
import { fixtureIndex } from "./fixture-index.ts";

// The twenty-sixth blind set's four fact sheets: the Castner Range release sizes that monument
// (6,672 acres) and names the Avi Kwa Ame National Monument in another sentence, unsized.
let sheets: CitationIndex;
beforeAll(async () => {
  sheets = await fixtureIndex("blind-discord-sheets-26");
});

describe("a figure of another thing of the same name's kind", () => {
  it("GIVEN acres only for Castner Range National Monument THEN 'how many acres is avi kwa ame national monument' is declined, as about another name", () => {
    const explained = sheets.explain("how many acres is avi kwa ame national monument");
    expect(explained.answer).toMatchObject({ answered: false, answer: null });
    expect(explained.declined).toBe("other-name");
  });

  it("GIVEN the same release THEN 'how many acres is castner range national monument' is answered 6,672", () => {
    const answer = sheets.ask("how many acres is castner range national monument");
    expect(answer).toMatchObject({ answered: true, answer: "6,672" });
  });
});
