/**
 * Counts the characters that the loading passes read and write (sentence and paragraph
 * splitting, comment checks, the passages handed on). Passes add to it as they go, so a
 * test can check without a clock that loading work grows linearly with the input: a pass
 * that re-read a growing span would show as a count that grows with the square.
 */
export interface WorkMeter {
  steps: number;
}
