// The environment citebot reads when pointed at an emulator: shared by the e2e tests and
// `npm run bench:bot`, so free of vitest.

import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import type { DiscordEmulator } from "../emulator/emulator.ts";

/**
 * The state folder of a caller that names none: one per process, out of the project, deleted
 * when the process exits (benchmarks run the bot in-process or as a child). Tests name their own
 * and delete it when they stop, since a test runner's workers may be killed without an exit.
 */
const processStateDir = path.join(tmpdir(), `citebot-e2e-state-${process.pid}`);
process.once("exit", () => rmSync(processStateDir, { recursive: true, force: true }));

/** The environment the bot reads, pointed at the emulator (no cooldown); `env` wins. */
export function envFor(
  emulator: Pick<DiscordEmulator, "token" | "applicationId" | "apiUrl">,
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    DISCORD_TOKEN: emulator.token,
    DISCORD_CLIENT_ID: emulator.applicationId,
    DATA_DIR: DEFAULT_DATA_DIR,
    COOLDOWN_SECONDS: "0",
    LOG_LEVEL: "info",
    DISCORD_API_URL: emulator.apiUrl,
    // startWorld gives each world its own database; see processStateDir for the rest.
    CITEBOT_STATE_DIR: processStateDir,
    ...env,
  };
}
