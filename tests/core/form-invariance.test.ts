import { beforeAll, describe, expect, it } from "vitest";
import type { Answer, CitationIndex } from "../../src/core/index.ts";
import { readQuestions } from "../eval.ts";
import { loadDevLibraries, type DevLibraries } from "./dev-libraries.ts";

// The verdict and the top citation of every dev question must not depend on how it is typed.
let libs: DevLibraries;
beforeAll(async () => {
  libs = await loadDevLibraries();
});

/** Ways the same question is typed on Discord. */
const FORMS: readonly [string, (question: string) => string][] = [
  ["lower case", (q) => q.toLowerCase()],
  ["a leading mention", (q) => `<@123456789012345678> ${q}`],
  ["a custom emoji", (q) => `<:pepe:123456789012345678> ${q}`],
  ["a trailing emoji", (q) => `${q} 🤔`],
  ["bold", (q) => q.replace(/^(\S+)/u, "**$1**")],
  // The first long word outside a mention or custom emoji ("<:thinking:123>" stays one).
  ["bold inside", (q) => q.replace(/(?<!<[^>]*)(\p{L}{6,})/u, "**$1**")],
  ["no apostrophes", (q) => q.replace(/['’]/gu, "")],
  ["upper case", (q) => q.toUpperCase()],
  ["a chat frame", (q) => `does anyone know ${q}`],
  ["a greeting", (q) => `hey citebot, ${q}`],
  ["a request", (q) => `can u tell me ${q}`],
  ["fillers", (q) => `btw quick q: ${q}`],
  ["title case", (q) => q.replace(/(?<![\p{L}\p{N}'])\p{Ll}/gu, (c) => c.toUpperCase())],
  ["a trailing filler", (q) => `${q.replace(/[?!.]+$/u, "")} fr`],
  ["right now", (q) => `${q.replace(/[?!.]+$/u, "")} rn`],
];

/** What must not change with the form: the verdict and the top citation. */
function verdict(answer: Answer): string {
  const top = answer.citations[0];
  return JSON.stringify([answer.answered, top?.article, top?.paragraph, top?.excerpt]);
}

/** Retypes every question of the sets in the forms; lists the variants whose verdict or top citation changed. */
function formChanges(
  files: readonly string[],
  forms: typeof FORMS,
  index: CitationIndex = libs.library,
): { variants: number; changed: string[] } {
  const changed: string[] = [];
  let variants = 0;
  for (const file of files) {
    for (const { q } of readQuestions(file)) {
      const expected = verdict(index.ask(q));
      for (const [form, retype] of forms) {
        variants += 1;
        const question = retype(q);
        if (verdict(index.ask(question)) !== expected) changed.push(`${form}: ${question}`);
      }
    }
  }
  return { variants, changed };
}

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

  it("GIVEN every question of the visible and discord-style sets in fifteen Discord forms THEN each gives the same verdict and top citation", () => {
    const { variants, changed } = formChanges(
      ["seed-questions.jsonl", "discord-seed.jsonl", "discord-articles.jsonl"],
      FORMS,
    );
    expect(variants).toBeGreaterThan(1000);
    expect(changed, changed.join("\n")).toEqual([]);
  });

  it("GIVEN every question of our fixture sets in the fifteen forms THEN each gives the same verdict and top citation", () => {
    const { variants, changed } = formChanges(
      [
        "seed-paraphrases.jsonl",
        "blind-seed.jsonl",
        "connected-vehicles.jsonl",
        "blind-vehicles.jsonl",
      ],
      FORMS,
    );
    expect(variants).toBeGreaterThan(1100);
    expect(changed, changed.join("\n")).toEqual([]);
  });

  it.each([
    ["the blind fact-sheet set", "blind-factsheets.jsonl", () => libs.blindLibrary, 800],
    ["the blind transcript set", "blind-transcripts.jsonl", () => libs.transcriptsOnly, 600],
    [
      "the blind Discord-style set",
      "blind-discord-sheets.jsonl",
      () => libs.discordSheetsLibrary,
      1400,
    ],
    [
      "the second blind Discord-style set",
      "blind-discord-sheets-2.jsonl",
      () => libs.discordSheets2Library,
      1400,
    ],
    [
      "the third blind Discord-style set",
      "blind-discord-sheets-3.jsonl",
      () => libs.discordSheets3Only,
      1400,
    ],
    [
      "the fourth blind Discord-style set",
      "blind-discord-sheets-4.jsonl",
      () => libs.discordSheets4Only,
      1400,
    ],
    [
      "the fifth blind Discord-style set",
      "blind-discord-sheets-5.jsonl",
      () => libs.discordSheets5Only,
      1400,
    ],
    ["the blind set on presidential actions", "blind-actions.jsonl", () => libs.actionsOnly, 500],
    ["the blind set on articles of other kinds", "blind-mixed.jsonl", () => libs.mixedLibrary, 800],
  ] as const)(
    "GIVEN every question of %s in the forms THEN each gives the same verdict and top citation",
    (_name, file, index, atLeast) => {
      const { variants, changed } = formChanges([file], FORMS, index());
      expect(variants).toBeGreaterThan(atLeast);
      expect(changed, changed.join("\n")).toEqual([]);
    },
  );
});
