/**
 * `npm run bench`'s quality check: the seed article's questions asked among each corpus,
 * against their answers with the seed alone and the paragraphs the seed file accepts.
 */
import { existsSync, readFileSync } from "node:fs";
import type { Top } from "./peers.ts";
import { sameTop, type SizeResult } from "./bench-report.ts";

/** A seed question: the paragraphs that answer it, or that it has no answer. */
export interface SeedQuestion {
  readonly q: string;
  readonly paragraphs?: readonly number[];
  readonly unanswerable?: boolean;
}

/** The questions of a JSONL seed file (none when it is missing). */
export function readSeedQuestions(file: string): SeedQuestion[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as SeedQuestion);
}

/** What the seed's questions show at one size (see {@link seedQuality}). */
export type SeedQuality = Pick<SizeResult, "sameTop1" | "correctTop1" | "moved" | "abstains">;

/**
 * How citebot's top-1s among a corpus (`among`) compare with its top-1s with the seed alone
 * (`alone`), question by question of `questions` (asked as `texts`, the seed's id `seedId`):
 * how many stayed, which moved, how many are in an accepted paragraph and how many
 * unanswerable ones it abstained on, here and alone.
 */
export function seedQuality(
  among: readonly (Top | null | undefined)[],
  alone: readonly (Top | null | undefined)[],
  questions: readonly SeedQuestion[],
  seedId: string | undefined,
  texts: readonly string[],
): SeedQuality {
  const same = among.filter((top, i) => sameTop(top, alone[i])).length;
  const moved: NonNullable<SizeResult["moved"]> = [];
  texts.forEach((q, i) => {
    if (!sameTop(among[i], alone[i])) {
      moved.push({ q, alone: alone[i] ?? null, among: among[i] ?? null });
    }
  });
  const score = (tops: readonly (Top | null | undefined)[]) => {
    const counts = { correct: 0, total: 0, abstained: 0, unanswerable: 0 };
    questions.forEach((question, k) => {
      const top = tops[k];
      if (question.unanswerable) {
        counts.unanswerable += 1;
        if (!top?.answered) counts.abstained += 1;
      } else if (question.paragraphs) {
        counts.total += 1;
        const accepted =
          top != null && top.article === seedId && question.paragraphs.includes(top.paragraph);
        if (top?.answered && accepted) counts.correct += 1;
      }
    });
    return counts;
  };
  const here = score(among);
  const seedAlone = score(alone);
  return {
    sameTop1: { same, total: alone.length },
    correctTop1: { correct: here.correct, total: here.total, alone: seedAlone.correct },
    moved,
    abstains: { abstained: here.abstained, total: here.unanswerable, alone: seedAlone.abstained },
  };
}
