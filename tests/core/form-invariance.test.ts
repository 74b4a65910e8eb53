import { beforeAll, describe, expect, it } from "vitest";
import { expectAskReadsNormalizedText, expectFormInvariant, verdict } from "./forms.ts";
import { loadDevLibraries, type DevLibraries } from "./dev-libraries.ts";

// The verdict and the top citation of every dev question must not depend on how it is typed.
let libs: DevLibraries;
beforeAll(async () => {
  libs = await loadDevLibraries();
});

describe("the verdict does not depend on how a question is typed", () => {
  it("GIVEN a model letter typed in lower case THEN it is read as the capital after a name is", () => {
    for (const question of [
      "When will the Model S launch in India?",
      "What did Musk say about the Model X?",
    ]) {
      const lower = question.toLowerCase();
      expect(verdict(libs.library.ask(lower)), lower).toBe(verdict(libs.library.ask(question)));
    }
  });

  it("GIVEN a name typed as a lower-case plural ('teslas') THEN it is read as the articles' name, not the dictionary's unit", () => {
    const term = (question: string) =>
      libs.library.explain(question).citations[0]?.terms.find((t) => t.word.startsWith("tesla"));
    const plural = term("anyone know when teslas gonna sign the jv?? like timing");
    expect(plural?.weighing.name).toBe(true);
    expect(plural?.matches.map((match) => match.how)).not.toContain("definition");
    expect(
      verdict(libs.library.ask("anyone know when teslas gonna sign the jv?? like timing")),
    ).toBe(verdict(libs.library.ask("anyone know when tesla's gonna sign the jv?? like timing")));
  });

  it("GIVEN letters joined by a sign (R&D) THEN neither is read as a model letter", () => {
    const words = (question: string) =>
      libs.library.explain(question).citations[0]?.terms.map((term) => term.word) ?? [];
    expect(words("who leads supersonic R&D coordination")).not.toContain("r");
    expect(words("when will the model s launch in india")).toContain("s");
  });

  it("GIVEN every form of the Discord-style seed questions THEN asking it as typed and asking its normalized text give the same verdict (what lets the property ask each normalized text once)", () => {
    expectAskReadsNormalizedText(["discord-seed.jsonl"], libs.library);
  });

  it("GIVEN every question of the visible and discord-style sets in twenty Discord forms THEN each gives the same verdict and top citation", () => {
    expectFormInvariant(
      ["seed-questions.jsonl", "discord-seed.jsonl", "discord-articles.jsonl"],
      libs.library,
      1000,
    );
  });

  it("GIVEN every question of our fixture sets in the twenty forms THEN each gives the same verdict and top citation", () => {
    expectFormInvariant(
      [
        "seed-paraphrases.jsonl",
        "blind-seed.jsonl",
        "connected-vehicles.jsonl",
        "blind-vehicles.jsonl",
      ],
      libs.library,
      1100,
    );
  });

  it.each([
    ["the blind fact-sheet set", "blind-factsheets.jsonl", () => libs.blindLibrary, 800],
    ["the blind transcript set", "blind-transcripts.jsonl", () => libs.transcriptsOnly, 600],
    ["the blind set on presidential actions", "blind-actions.jsonl", () => libs.actionsOnly, 500],
    ["the blind set on articles of other kinds", "blind-mixed.jsonl", () => libs.mixedLibrary, 800],
  ] as const)(
    "GIVEN every question of %s in the forms THEN each gives the same verdict and top citation",
    (_name, file, index, atLeast) => expectFormInvariant([file], index(), atLeast),
  );
});
