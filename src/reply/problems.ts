import { MAX_QUESTION_LENGTH, type QuestionProblem } from "../core/index.ts";

/**
 * Why a question or search cannot be run, in the asker's words: the core only
 * says which problem it is.
 *
 * @param what - what the person typed: a "question" (ask, the console) or a "search".
 */
export function describeQuestionProblem(
  problem: QuestionProblem,
  length: number,
  what: "question" | "search" = "question",
): string {
  switch (problem) {
    case "empty":
      return `The ${what} is empty: ask something about the article.`;
    case "too-long":
      return `The ${what} is too long (${length} characters; at most ${MAX_QUESTION_LENGTH}).`;
    case "no-words":
      return `The ${what} has no words to search for.`;
  }
}
