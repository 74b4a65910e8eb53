import { beforeAll, describe, expect, it } from "vitest";
import { readQuestions, score, type EvalScore } from "../eval.ts";
import { DEV_SCORINGS, loadDevLibraries, type DevLibraries } from "./dev-libraries.ts";

let libs: DevLibraries;
beforeAll(async () => {
  libs = await loadDevLibraries();
});

/** What a set must reach: at least these top1, top3 and unanswerables declined, at most these false abstains. */
interface Floor {
  top1: number;
  top3: number;
  abstained: number;
  falseAbstain: number;
}

/** Floors at what citebot reaches today: a regression fails, an improvement raises them. */
function expectAtLeast(result: EvalScore, floor: Floor): void {
  const misses = result.misses.join("\n");
  expect(result.top1, misses).toBeGreaterThanOrEqual(floor.top1);
  expect(result.top3, misses).toBeGreaterThanOrEqual(floor.top3);
  expect(result.abstained, misses).toBeGreaterThanOrEqual(floor.abstained);
  expect(result.falseAbstain, misses).toBeLessThanOrEqual(floor.falseAbstain);
}

/**
 * The floors of the Discord-style and blind dev sets, by their name in DEV_SCORINGS (which
 * says the questions' file and the library asked; the seed and vehicle sets are
 * quality.test.ts's).
 */
const FLOORS: readonly (readonly [string, Floor])[] = [
  ["discord seed / seed", { top1: 25, top3: 26, abstained: 9, falseAbstain: 3 }],
  ["discord seed / library", { top1: 24, top3: 27, abstained: 8, falseAbstain: 1 }],
  ["discord sheets / library", { top1: 63, top3: 67, abstained: 18, falseAbstain: 1 }],
  ["discord sheets / sheets", { top1: 62, top3: 67, abstained: 18, falseAbstain: 1 }],
  ["blind sheets / own", { top1: 30, top3: 33, abstained: 14, falseAbstain: 4 }],
  ["blind sheets / library", { top1: 28, top3: 32, abstained: 14, falseAbstain: 5 }],
  ["blind mixed / own", { top1: 30, top3: 36, abstained: 9, falseAbstain: 1 }],
  ["blind mixed / library", { top1: 30, top3: 35, abstained: 9, falseAbstain: 2 }],
  ["transcripts / own", { top1: 24, top3: 28, abstained: 7, falseAbstain: 2 }],
  ["actions / own", { top1: 19, top3: 22, abstained: 12, falseAbstain: 5 }],
  ["blind discord 1 / own", { top1: 53, top3: 55, abstained: 20, falseAbstain: 16 }],
  ["blind discord 1 / library", { top1: 49, top3: 53, abstained: 20, falseAbstain: 17 }],
  ["blind discord 2 / own", { top1: 50, top3: 54, abstained: 17, falseAbstain: 16 }],
  ["blind discord 2 / library", { top1: 47, top3: 54, abstained: 16, falseAbstain: 15 }],
  ["blind discord 3 / own", { top1: 55, top3: 60, abstained: 21, falseAbstain: 13 }],
  ["blind discord 4 / own", { top1: 51, top3: 59, abstained: 15, falseAbstain: 10 }],
  ["blind discord 5 / own", { top1: 62, top3: 66, abstained: 18, falseAbstain: 7 }],
  ["blind discord 6 / own", { top1: 49, top3: 57, abstained: 21, falseAbstain: 15 }],
  ["blind discord 7 / own", { top1: 60, top3: 66, abstained: 21, falseAbstain: 6 }],
  ["blind discord 8 / own", { top1: 50, top3: 57, abstained: 18, falseAbstain: 9 }],
  ["blind discord 9 / own", { top1: 47, top3: 56, abstained: 19, falseAbstain: 10 }],
  ["blind discord 10 / own", { top1: 53, top3: 60, abstained: 17, falseAbstain: 8 }],
  ["blind discord 12 / own", { top1: 57, top3: 62, abstained: 17, falseAbstain: 11 }],
  ["blind discord 14 / own", { top1: 52, top3: 63, abstained: 21, falseAbstain: 6 }],
  ["blind discord 16 / own", { top1: 54, top3: 61, abstained: 18, falseAbstain: 11 }],
  ["blind discord 20 / own", { top1: 63, top3: 69, abstained: 13, falseAbstain: 3 }],
  ["blind discord 22 / own", { top1: 66, top3: 71, abstained: 16, falseAbstain: 1 }],
  ["blind discord 23 / own", { top1: 59, top3: 70, abstained: 17, falseAbstain: 4 }],
  ["blind discord 24 / own", { top1: 58, top3: 67, abstained: 19, falseAbstain: 6 }],
  ["blind discord 25 / own", { top1: 64, top3: 67, abstained: 15, falseAbstain: 7 }],
  ["blind discord 26 / own", { top1: 60, top3: 67, abstained: 14, falseAbstain: 2 }],
  ["blind discord 27 / own", { top1: 65, top3: 72, abstained: 17, falseAbstain: 1 }],
  ["blind discord 28 / own", { top1: 63, top3: 67, abstained: 15, falseAbstain: 4 }],
  ["blind discord 29 / own", { top1: 68, top3: 72, abstained: 12, falseAbstain: 2 }],
  ["blind discord 30 / own", { top1: 61, top3: 68, abstained: 19, falseAbstain: 3 }],
  ["blind discord 31 / own", { top1: 60, top3: 65, abstained: 17, falseAbstain: 6 }],
];

describe("answer quality on questions typed the Discord way (written blind)", () => {
  it("GIVEN the floors THEN each names a dev set of DEV_SCORINGS", () => {
    const names = new Set(DEV_SCORINGS.map((scoring) => scoring.name));
    expect(FLOORS.map(([name]) => name).filter((name) => !names.has(name))).toEqual([]);
  });

  it.each(FLOORS)("GIVEN the dev set %s THEN the floors hold", (name, floor) => {
    const scoring = DEV_SCORINGS.find((candidate) => candidate.name === name);
    if (!scoring) throw new Error(`no dev set named ${name}`);
    expectAtLeast(score(scoring.library(libs), readQuestions(scoring.file)), floor);
  });
});
