/** Timing helpers shared by the benchmark's parent and its measuring children. */

/** The q-quantile (0..1) of sorted samples, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export interface LoopLimits {
  /** Stop once this many timed questions were asked. */
  readonly samples: number;
  /** Stop once this much time went by (after at least one sample), in ms. */
  readonly budgetMs: number;
}

export interface TimingResult {
  readonly samples: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  /** True when the time budget, not the sample target, ended the loop. */
  readonly capped: boolean;
  readonly elapsedMs: number;
  /** Median time of each question (by position in the question set; NaN if never asked). */
  readonly perQuestionMs: number[];
}

/**
 * Asks the questions in turn (cycling) until the sample target or the time
 * budget is reached, timing each call on its own.
 */
export function timeQuestions(
  questions: readonly string[],
  ask: (question: string) => unknown,
  limits: LoopLimits,
): TimingResult {
  const times: number[] = [];
  const byQuestion: number[][] = questions.map(() => []);
  const started = performance.now();
  let sink = 0;
  let capped = false;
  for (let i = 0; times.length < limits.samples; i += 1) {
    if (times.length > 0 && performance.now() - started > limits.budgetMs) {
      capped = true;
      break;
    }
    const question = questions[i % questions.length] as string;
    const t0 = performance.now();
    const result = ask(question);
    const elapsed = performance.now() - t0;
    times.push(elapsed);
    byQuestion[i % questions.length]?.push(elapsed);
    if (result !== undefined) sink += 1;
  }
  if (sink < 0) console.log(sink); // keep the results observable
  const elapsedMs = performance.now() - started;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    samples: times.length,
    medianMs: quantile(sorted, 0.5),
    p99Ms: quantile(sorted, 0.99),
    meanMs: times.reduce((sum, t) => sum + t, 0) / Math.max(1, times.length),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    capped,
    elapsedMs,
    perQuestionMs: byQuestion.map((list) =>
      quantile(
        [...list].sort((a, b) => a - b),
        0.5,
      ),
    ),
  };
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
