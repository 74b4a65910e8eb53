import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Generous: a test fails on what happens, not on a busy machine's speed (the emulator's
    // waits are 30 s, tests/emulator/emulator.ts WAIT_MS).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
