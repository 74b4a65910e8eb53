/**
 * Why a question is declined: the first test of the verdict its best passage fails, in the
 * ranker's order. `--explain` says it in words (src/cli/explain.ts); the core names it only.
 */
export type DeclineReason =
  /** No passage shares a word with the question, or the question has none to look for. */
  | "no-passage"
  /** One ordinary word is all the question asks about: too many passages hold it. */
  | "too-vague"
  /** A name is asked for ("which official", "where") and the best passage gives none. */
  | "no-name"
  /** The question's year is not the passage's ("…in 2023" against a passage on 2024). */
  | "other-year"
  /** A comparison of two things, and the passage names only one. */
  | "one-side"
  /** The best passage covers too little of the question's weight (`answerCoverage`). */
  | "low-coverage"
  /** A name the question asks about is in no article. */
  | "missing-name"
  /** The attribute asked of something ("the cap on …") is not in the passage. */
  | "missing-attribute"
  /** A count, a date, a sum… is asked for and the passage holds none. */
  | "no-kind"
  /** A date is asked for an event ("created", "passed") the passage never speaks of. */
  | "event-not-said"
  /** The figure stands only in the neighbour quoted with the passage, which shares none of its words. */
  | "neighbour-figure"
  /** The question names a place the passage does not, and the figure's sentence names another. */
  | "other-place";

/** One test of the verdict: the reason it declines for, and whether it fails (read lazily). */
export type VerdictTest = readonly [DeclineReason, () => boolean];

/** The reason of the first test that fails, or undefined when every test passes (answered). */
export function firstDecline(tests: readonly VerdictTest[]): DeclineReason | undefined {
  for (const [reason, fails] of tests) if (fails()) return reason;
  return undefined;
}
