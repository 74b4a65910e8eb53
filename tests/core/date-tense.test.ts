import { describe, expect, it } from "vitest";
import { extractShortAnswer } from "../../src/core/answer/short-answer.ts";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

const DEADLINE = "The pilot program aims for three reactors to reach criticality by July 4, 2026.";
const PAST = "The first reactor of its kind was built in 1951 in Idaho.";

describe("a date of the tense the question asks in", () => {
  it.each([
    ["when did the first reactor reach criticality", DEADLINE, "2025-05-23", null],
    ["when will the reactors reach criticality", DEADLINE, "2025-05-23", "July 4, 2026"],
    ["when was the first reactor built", PAST, "2025-05-23", "in 1951"],
    ["when will the first reactor be built", PAST, "2025-05-23", null],
    // Without the article's date, the tense cannot be told: the date stands.
    ["when did the first reactor reach criticality", DEADLINE, undefined, "July 4, 2026"],
  ] as const)(
    "GIVEN %j, the passage %j and an article of %s THEN the short answer is %j",
    (question, passage, published, expected) => {
      const answer = extractShortAnswer("date", question, passage, "", null, undefined, published);
      expect(answer).toBe(expected);
    },
  );

  it("GIVEN an article dated 2025 whose only date is a 2026 deadline THEN 'when did…' gets no short answer and 'when will…' gets the deadline", () => {
    const text = [
      "---",
      "title: Reactor Testing",
      "date: '2025-05-23'",
      "---",
      "",
      DEADLINE,
      "",
    ].join("\n");
    const index = new CitationIndex([parseArticle("reactors.md", new TextEncoder().encode(text))], {
      synonyms: defaultSynonyms,
    });
    expect(index.ask("when did the reactors reach criticality").answer).toBeNull();
    expect(index.ask("when will the reactors reach criticality").answer).toBe("July 4, 2026");
  });

  it("GIVEN 'when did…' and a passage of what is to come 'tomorrow' beside one with a past date THEN the past date answers, with no close call", () => {
    const text = [
      "---",
      "title: The President's Trip",
      "date: '2024-12-02'",
      "---",
      "",
      "This visit follows a meeting in November 2023, when President Biden hosted President Lourenço in Washington.",
      "",
      "Tomorrow, President Biden and President Lourenço will co-host a summit in Lobito.",
      "",
    ].join("\n");
    const index = new CitationIndex([parseArticle("trip.md", new TextEncoder().encode(text))], {
      synonyms: defaultSynonyms,
    });
    const answer = index.ask("when did biden host lourenco");
    expect(answer).toMatchObject({ answered: true, answer: "November 2023", close: false });
  });
});
