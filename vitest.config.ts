import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Test files share their worker's process instead of a fresh process each: discord.js, the
    // core and their dependencies are imported once per worker, not once per file. Tests keep no
    // state in modules (no module mocks, no changes to process.env), so sharing changes nothing
    // they check. With two workers below: the suite's CPU 204-207 s -> 105-107 s on 2 cores.
    isolate: false,
    // At least two files at once, even on 2 cores: much of the suite waits on the processes it
    // starts (the bot, the console, `ask`) and on the emulator, leaving a core idle with one.
    // Wall time at load 8.5-12.8: 424-590 s -> 201-236 s at load 11.6-12.1 (docs/testing.md).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Generous: a test fails on what happens, not on a busy machine's speed (the emulator's
    // waits are 30 s, tests/emulator/emulator.ts WAIT_MS).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
