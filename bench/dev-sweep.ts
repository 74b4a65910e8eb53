// Scores every dev set (tests/core/dev-libraries.ts's DEV_SCORINGS) under ranking settings, so a
// tuning number is chosen on all of them at once: the defaults first, then each setting given.
//
//   npm run bench:dev-sweep -- '{"titleDiscount":0.7}' '{"answerCoverage":0.33,"kindMisfit":0.4}'
//
// Each argument is a JSON object of RankingOptions numbers or booleans (src/core/options.ts).
// Prints, per setting, the totals (top1, top3, unanswerables declined, answerable declined)
// and every set whose figures differ from the defaults'.

import { DEFAULT_RANKING, type RankingOptions } from "../src/core/index.ts";
import { readQuestions, score, type EvalScore } from "../tests/eval.ts";
import { DEV_SCORINGS, loadDevLibraries } from "../tests/core/dev-libraries.ts";

type Setting = Partial<RankingOptions>;

/** Figures of one set: top1, top3, unanswerables declined, answerable declined. */
type Figures = readonly [number, number, number, number];

/** A setting from the command line, or a message that says what is wrong with it. */
function parseSetting(text: string): Setting | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return `not JSON: ${text}`;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return `not an object of options: ${text}`;
  }
  for (const [key, option] of Object.entries(value)) {
    const current: unknown = (DEFAULT_RANKING as Record<string, unknown>)[key];
    if (current === undefined) return `no ranking option "${key}" (see src/core/options.ts)`;
    if (typeof option !== typeof current || !["number", "boolean"].includes(typeof option)) {
      return `"${key}" takes a ${typeof current}, got ${JSON.stringify(option)}`;
    }
  }
  return value as Setting;
}

async function figuresOf(setting: Setting): Promise<Figures[]> {
  const libs = await loadDevLibraries(setting);
  return DEV_SCORINGS.map(({ file, library }) => {
    const result: EvalScore = score(library(libs), readQuestions(file));
    return [result.top1, result.top3, result.abstained, result.falseAbstain] as const;
  });
}

const show = ([top1, top3, declined, falseAbstain]: Figures) =>
  `top1 ${top1} top3 ${top3} declined ${declined} false-abstain ${falseAbstain}`;

const total = (rows: readonly Figures[]): Figures =>
  rows.reduce<Figures>(
    (sum, row) => [sum[0] + row[0], sum[1] + row[1], sum[2] + row[2], sum[3] + row[3]],
    [0, 0, 0, 0],
  );

async function main(): Promise<void> {
  const settings: Setting[] = [];
  for (const argument of process.argv.slice(2)) {
    const parsed = parseSetting(argument);
    if (typeof parsed === "string") {
      console.error(`bench:dev-sweep: ${parsed}`);
      process.exit(2);
    }
    settings.push(parsed);
  }
  const defaults = await figuresOf({});
  console.log(`${DEV_SCORINGS.length} set and library pairs`);
  console.log(`defaults: ${show(total(defaults))}`);
  for (const setting of settings) {
    const rows = await figuresOf(setting);
    console.log(`${JSON.stringify(setting)}: ${show(total(rows))}`);
    rows.forEach((row, i) => {
      const before = defaults[i] as Figures;
      if (row.every((value, k) => value === before[k])) return;
      console.log(`  ${DEV_SCORINGS[i]?.name}: ${show(before)} -> ${show(row)}`);
    });
  }
}

await main();
