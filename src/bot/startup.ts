import { config as loadDotenv } from "dotenv";
import type { Logger } from "pino";
import { parseConfig, type BotConfig } from "../config.ts";
import { createLogger } from "../logger.ts";

/**
 * What `npm start`, `start:sharded` and `deploy-commands` do first: read the
 * configuration from the environment and `.env` (the environment wins), and
 * build the logger that scrubs the token from every line. On a configuration
 * problem it prints the message listing every problem and exits 1.
 */
export function startup(): { config: BotConfig; logger: Logger } {
  loadDotenv({ quiet: true });
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(1);
  }
  const { config } = parsed;
  return { config, logger: createLogger(config.logLevel, undefined, [config.token]) };
}
