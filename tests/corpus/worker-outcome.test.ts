import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { crashError, workerOutcome } from "../../src/corpus/worker-outcome.ts";

/** A worker thread running `code` (plain JavaScript, `parentPort` in scope). */
const workerRunning = (code: string) =>
  new Worker(`const { parentPort } = require("node:worker_threads");\n${code}`, { eval: true });

describe("a worker's outcome as a promise", () => {
  it("GIVEN a worker that sends news, then its result, then more WHEN awaited THEN the result settles it and later messages still reach the handler", async () => {
    const seen: string[] = [];
    const outcome = await workerOutcome(
      workerRunning(`for (const m of ["progress", "done", "after"]) parentPort.postMessage(m);`),
      "a test worker",
      (reply: string) => {
        seen.push(reply);
        return reply === "done" ? `got ${reply}` : undefined;
      },
    );
    expect(outcome).toBe("got done");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual(["progress", "done", "after"]);
  });

  it("GIVEN a worker that exits without a result WHEN awaited THEN it rejects naming the worker and its exit code", async () => {
    await expect(
      workerOutcome(workerRunning("process.exit(3);"), "a test worker", () => "never"),
    ).rejects.toThrow("a test worker stopped (exit code 3) before it was done");
  });

  it("GIVEN a worker that throws WHEN awaited THEN it rejects with the worker's error", async () => {
    await expect(
      workerOutcome(workerRunning('throw new Error("boom");'), "a test worker", () => "never"),
    ).rejects.toThrow("boom");
  });

  it("GIVEN a handler that throws on a crash report WHEN awaited THEN it rejects with the report's message and stack", async () => {
    const failure = workerOutcome(
      workerRunning(
        'parentPort.postMessage({ message: "no disk", stack: "Error: no disk\\n    at worker" });',
      ),
      "a test worker",
      (report: { message: string; stack: string }) => {
        throw crashError("saving", report);
      },
    );
    await expect(failure).rejects.toThrow("saving failed: no disk");
    await expect(failure).rejects.toHaveProperty("stack", "Error: no disk\n    at worker");
  });
});
