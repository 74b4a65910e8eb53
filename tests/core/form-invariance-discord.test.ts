import { beforeAll, describe, it } from "vitest";
import { loadDevLibraries, type DevLibraries } from "./dev-libraries.ts";
import { expectFormInvariant } from "./forms.ts";

// The form-invariance property over the nine blind Discord-style sets (the rest of the dev
// sets are in form-invariance.test.ts; two files, so that two workers check them at once).
let libs: DevLibraries;
beforeAll(async () => {
  libs = await loadDevLibraries();
});

describe("the verdict does not depend on how a question is typed (blind Discord-style sets)", () => {
  it.each([
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
    [
      "the sixth blind Discord-style set",
      "blind-discord-sheets-6.jsonl",
      () => libs.discordSheets6Only,
      1400,
    ],
    [
      "the seventh blind Discord-style set",
      "blind-discord-sheets-7.jsonl",
      () => libs.discordSheets7Only,
      1400,
    ],
    [
      "the eighth blind Discord-style set",
      "blind-discord-sheets-8.jsonl",
      () => libs.discordSheets8Only,
      1400,
    ],
    [
      "the ninth blind Discord-style set",
      "blind-discord-sheets-9.jsonl",
      () => libs.discordSheets9Only,
      1400,
    ],
  ] as const)(
    "GIVEN every question of %s in the forms THEN each gives the same verdict and top citation",
    (_name, file, index, atLeast) => expectFormInvariant([file], index(), atLeast),
  );
});
