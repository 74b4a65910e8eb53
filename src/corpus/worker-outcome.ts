import type { Worker } from "node:worker_threads";

/** A worker's report of an exception it caught, as it crosses threads. */
export interface CrashReport {
  readonly message: string;
  readonly stack: string | undefined;
}

/** The Error a worker's crash report stands for, `doing` saying what failed ("building the index"). */
export function crashError(doing: string, report: CrashReport): Error {
  const error = new Error(`${doing} failed: ${report.message}`);
  if (report.stack) error.stack = report.stack;
  return error;
}

/**
 * A worker's outcome as a promise, settled once. Every message goes to `onMessage` (also those
 * after the outcome, which it may use for later news), which returns the outcome, `undefined` to
 * keep waiting, or throws to reject; the worker's error, or its exit before an outcome, rejects
 * (`name`, e.g. "a build worker", says which stopped).
 */
export function workerOutcome<Reply, T>(
  worker: Worker,
  name: string,
  onMessage: (reply: Reply) => T | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    worker.on("message", (reply: Reply) => {
      let outcome: T | undefined;
      try {
        outcome = onMessage(reply);
      } catch (error) {
        return fail(error);
      }
      if (outcome === undefined || settled) return;
      settled = true;
      resolve(outcome);
    });
    worker.on("error", fail);
    worker.on("exit", (code) =>
      fail(new Error(`${name} stopped (exit code ${code}) before it was done`)),
    );
  });
}
