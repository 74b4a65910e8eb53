import { describe, expect, it } from "vitest";
import { judgeConfidence } from "../../src/core/answer/confidence.ts";
import { CONFIDENCE } from "../../src/core/fixed-tuning.ts";
import type { Citation } from "../../src/core/index.ts";

/** A citation of the given score and excerpt. */
function cited(score: number, excerpt: string, paragraph = 1): Citation {
  return { article: "a", title: "A story", paragraph, excerpt, score, matched: [] };
}

const QUESTION = "Which research firm tracked the exports?";
const FIRM = "Exports rose 376%, according to researcher JL Warren Capital.";
const OTHER = "The exports were counted by analysts at Dragon Trade Data.";

describe("a close call between the best two passages", () => {
  it("GIVEN a second passage scoring within the margin and naming someone else THEN it is a close call without a short answer", () => {
    const second = 10 * (1 - CONFIDENCE.closeMargin / 2);
    expect(judgeConfidence("person", QUESTION, [cited(10, FIRM), cited(second, OTHER, 2)])).toEqual(
      { answer: null, close: true },
    );
  });

  it("GIVEN a best passage leading by more than the margin THEN its short answer stands", () => {
    const second = 10 * (1 - CONFIDENCE.closeMargin * 2);
    expect(judgeConfidence("person", QUESTION, [cited(10, FIRM), cited(second, OTHER, 2)])).toEqual(
      { answer: "JL Warren Capital", close: false },
    );
  });

  it("GIVEN two close passages giving the same short answer THEN the answer stands: both back it", () => {
    const again = "The exports were tracked by JL Warren Capital, a research firm.";
    expect(judgeConfidence("person", QUESTION, [cited(10, FIRM), cited(9.9, again, 2)])).toEqual({
      answer: "JL Warren Capital",
      close: false,
    });
  });

  it("GIVEN close passages for a question without a short answer THEN it is still a close call", () => {
    const why = "Why did exports rise?";
    expect(judgeConfidence("none", why, [cited(10, FIRM), cited(9.95, OTHER, 2)])).toEqual({
      answer: null,
      close: true,
    });
  });

  it("GIVEN a single passage THEN there is nothing to be close to", () => {
    expect(judgeConfidence("person", QUESTION, [cited(10, FIRM)])).toEqual({
      answer: "JL Warren Capital",
      close: false,
    });
  });
});
