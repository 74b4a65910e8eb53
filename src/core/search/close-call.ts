import type { AnswerType } from "../answer/expected.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { cite } from "./cite.ts";
import type { Candidate } from "./score.ts";
import type { Citation } from "./types.ts";

/**
 * The first citation and its runner-up, scored without their short answers' credit
 * (`answerCredit`): that credit may change the order, not how sure the reply sounds.
 */
export function closeCallPair(
  leaders: readonly Candidate[],
  citations: readonly Citation[],
  inFirst: ReadonlySet<number>,
  terms: Parameters<typeof cite>[1],
  expected: AnswerType,
  view: IndexView,
  options: Readonly<RankingOptions>,
): Citation[] {
  const [first, ...others] = leaders;
  const [top] = citations;
  if (!first || !top || !leaders.some((c) => c.answerCredit > 0)) return [...citations];
  const unbiased = (candidate: Candidate) => candidate.score - candidate.answerCredit;
  let runnerUp: Candidate | undefined;
  for (const candidate of others) {
    if (inFirst.has(candidate.sentenceId)) continue;
    if (!runnerUp || unbiased(candidate) > unbiased(runnerUp)) runnerUp = candidate;
  }
  if (!runnerUp) return [...citations];
  const quoted = cite(runnerUp, terms, new Set(), view, options, false, expected);
  return [
    { ...top, score: unbiased(first) },
    { ...quoted, score: unbiased(runnerUp) },
  ];
}
