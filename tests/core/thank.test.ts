import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { article } from "./article-fixture.ts";

describe("'thank' in a question", () => {
  const statement = article(
    "statement",
    "Statement from President Joe Biden on the Budget Agreement",
    "Tonight, Senators from both parties voted to prevent a first-ever default.",
    "I want to thank Leader Schumer and Leader McConnell for quickly passing the bill.",
    "No one gets everything they want in a negotiation.",
  );
  const index = new CitationIndex([statement], { synonyms: defaultSynonyms, wordVectors: null });

  it("GIVEN a passage where someone thanks two leaders THEN 'who did biden thank' is answered from it: 'thank' is the question's verb, not chat", () => {
    const answer = index.ask("who did biden thank");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("I want to thank Leader Schumer");
  });

  it("GIVEN 'thanks' around a question THEN it is still dropped as chat", () => {
    const plain = index.ask("who passed the bill");
    const polite = index.ask("thanks, who passed the bill");
    expect(polite.answered).toBe(plain.answered);
    expect(polite.citations[0]?.excerpt).toBe(plain.citations[0]?.excerpt);
  });
});
