// The environment citebot reads when pointed at an emulator: shared by the e2e tests and
// `npm run bench:bot`, so free of vitest.

import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DiscordEmulator } from "../emulator/emulator.ts";

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
    // One database per test process, out of the project (startWorld gives each world its own).
    CITEBOT_STATE_DIR: path.join(tmpdir(), `citebot-e2e-state-${process.pid}`),
    ...env,
  };
}
