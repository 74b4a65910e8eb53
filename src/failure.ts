/**
 * What a front end says when it cannot go on: one function shared by the
 * bot, the console and the command line, so a broken articles folder reads
 * the same everywhere.
 */
import { LibraryError } from "./corpus/load.ts";

/** An error in words: a one-line message and, for a broken folder, one line per broken file. */
export interface Failure {
  readonly message: string;
  readonly details: readonly string[];
}

/** Describes why loading or starting failed, without a stack. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof LibraryError) {
    return {
      message: `cannot load the articles: ${error.message}`,
      details: error.problems.map((problem) => problem.message),
    };
  }
  return {
    message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    details: [],
  };
}

/** Prints a {@link Failure} for a person at a terminal: `program: message`, then each detail indented. */
export function printFailure(
  program: string,
  error: unknown,
  write: (line: string) => void = (line) => console.error(line),
): void {
  const { message, details } = describeFailure(error);
  write(`${program}: ${message}`);
  for (const detail of details) write(`  ${detail}`);
}
