import { beforeAll, describe, expect, it } from "vitest";
import { readQuestions, score, type EvalScore } from "../eval.ts";
import { loadDevLibraries, type DevLibraries } from "./dev-libraries.ts";

let libs: DevLibraries;
beforeAll(async () => {
  libs = await loadDevLibraries();
});

/** Floors at what citebot reaches today: a regression fails, an improvement raises them. */
function expectAtLeast(
  result: EvalScore,
  floor: { top1: number; top3: number; abstained: number; falseAbstain: number },
): void {
  const misses = result.misses.join("\n");
  expect(result.top1, misses).toBeGreaterThanOrEqual(floor.top1);
  expect(result.top3, misses).toBeGreaterThanOrEqual(floor.top3);
  expect(result.abstained, misses).toBeGreaterThanOrEqual(floor.abstained);
  expect(result.falseAbstain, misses).toBeLessThanOrEqual(floor.falseAbstain);
}

describe("answer quality on questions typed the Discord way (written blind)", () => {
  it("GIVEN the discord-style seed questions and the seed alone THEN the floors hold", () => {
    expectAtLeast(score(libs.seedOnly, readQuestions("discord-seed.jsonl")), {
      top1: 25,
      top3: 26,
      abstained: 9,
      falseAbstain: 3,
    });
  });

  it("GIVEN the discord-style seed questions and the whole libs.library THEN the floors hold", () => {
    expectAtLeast(score(libs.library, readQuestions("discord-seed.jsonl")), {
      top1: 24,
      top3: 27,
      abstained: 8,
      falseAbstain: 1,
    });
  });

  it("GIVEN the discord-style fact-sheet questions and the whole libs.library THEN the floors hold", () => {
    expectAtLeast(score(libs.library, readQuestions("discord-articles.jsonl")), {
      top1: 62,
      top3: 67,
      abstained: 18,
      falseAbstain: 1,
    });
  });

  it("GIVEN the blind fact-sheet questions and their four sheets alone THEN the floors hold", () => {
    expectAtLeast(score(libs.blindOnly, readQuestions("blind-factsheets.jsonl")), {
      top1: 30,
      top3: 33,
      abstained: 13,
      falseAbstain: 4,
    });
  });

  it("GIVEN the blind fact-sheet questions and the whole libs.library THEN the floors hold", () => {
    expectAtLeast(score(libs.blindLibrary, readQuestions("blind-factsheets.jsonl")), {
      top1: 28,
      top3: 32,
      abstained: 11,
      falseAbstain: 5,
    });
  });

  it("GIVEN the blind questions on articles of other kinds and their four articles alone THEN the floors hold", () => {
    expectAtLeast(score(libs.mixedOnly, readQuestions("blind-mixed.jsonl")), {
      top1: 30,
      top3: 36,
      abstained: 8,
      falseAbstain: 1,
    });
  });

  it("GIVEN the blind questions on articles of other kinds and the whole libs.library THEN the floors hold", () => {
    expectAtLeast(score(libs.mixedLibrary, readQuestions("blind-mixed.jsonl")), {
      top1: 30,
      top3: 35,
      abstained: 8,
      falseAbstain: 2,
    });
  });

  it("GIVEN the blind questions on four transcripts and those transcripts alone THEN the floors hold", () => {
    expectAtLeast(score(libs.transcriptsOnly, readQuestions("blind-transcripts.jsonl")), {
      top1: 22,
      top3: 28,
      abstained: 7,
      falseAbstain: 2,
    });
  });

  it("GIVEN the blind questions on four presidential actions and those alone THEN the floors hold", () => {
    expectAtLeast(score(libs.actionsOnly, readQuestions("blind-actions.jsonl")), {
      top1: 18,
      top3: 22,
      abstained: 10,
      falseAbstain: 5,
    });
  });

  it("GIVEN the blind Discord-style questions on four more fact sheets and those alone THEN the floors hold", () => {
    expectAtLeast(score(libs.discordSheetsOnly, readQuestions("blind-discord-sheets.jsonl")), {
      top1: 53,
      top3: 55,
      abstained: 17,
      falseAbstain: 16,
    });
  });

  it("GIVEN the blind Discord-style questions on four more fact sheets and the libs.library THEN the floors hold", () => {
    expectAtLeast(score(libs.discordSheetsLibrary, readQuestions("blind-discord-sheets.jsonl")), {
      top1: 50,
      top3: 54,
      abstained: 16,
      falseAbstain: 16,
    });
  });

  it("GIVEN the second blind Discord-style set and its four sheets alone THEN the floors hold", () => {
    expectAtLeast(score(libs.discordSheets2Only, readQuestions("blind-discord-sheets-2.jsonl")), {
      top1: 49,
      top3: 54,
      abstained: 13,
      falseAbstain: 17,
    });
  });

  it("GIVEN the second blind Discord-style set and the libs.library with both sets' sheets THEN the floors hold", () => {
    expectAtLeast(
      score(libs.discordSheets2Library, readQuestions("blind-discord-sheets-2.jsonl")),
      {
        top1: 46,
        top3: 52,
        abstained: 12,
        falseAbstain: 19,
      },
    );
  });

  it("GIVEN the third blind Discord-style set and its four sheets alone THEN the floors hold", () => {
    expectAtLeast(score(libs.discordSheets3Only, readQuestions("blind-discord-sheets-3.jsonl")), {
      top1: 54,
      top3: 59,
      abstained: 16,
      falseAbstain: 14,
    });
  });

  it("GIVEN the fourth blind Discord-style set and its four sheets alone THEN the floors hold", () => {
    expectAtLeast(score(libs.discordSheets4Only, readQuestions("blind-discord-sheets-4.jsonl")), {
      top1: 47,
      top3: 55,
      abstained: 14,
      falseAbstain: 15,
    });
  });

  it("GIVEN the fifth blind Discord-style set and its four sheets alone THEN the floors hold", () => {
    expectAtLeast(score(libs.discordSheets5Only, readQuestions("blind-discord-sheets-5.jsonl")), {
      top1: 56,
      top3: 64,
      abstained: 14,
      falseAbstain: 9,
    });
  });

  it("GIVEN the sixth blind Discord-style set and its four sheets alone THEN the floors hold", () => {
    expectAtLeast(score(libs.discordSheets6Only, readQuestions("blind-discord-sheets-6.jsonl")), {
      top1: 45,
      top3: 55,
      abstained: 18,
      falseAbstain: 17,
    });
  });

  it("GIVEN the discord-style fact-sheet questions and the sheets alone THEN the floors hold", () => {
    expectAtLeast(score(libs.sheetsOnly, readQuestions("discord-articles.jsonl")), {
      top1: 60,
      top3: 64,
      abstained: 16,
      falseAbstain: 3,
    });
  });
});
