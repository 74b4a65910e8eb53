import { config as loadDotenv } from "dotenv";
import type { Logger } from "pino";
import { parseConfig, type BotConfig } from "../config.ts";
import { describeFailure, type Failure } from "../failure.ts";
import { createLogger } from "../logger.ts";

/**
 * Variables discord.js reads from the environment by itself (a shard process
 * gets them from the ShardingManager): `SHARD_COUNT=` as `.env.example` ships
 * it would make a shard count of 0 and stop the client.
 */
const DISCORD_JS_VARIABLES = ["SHARD_COUNT", "SHARDS"] as const;

/** Removes blank variables: unset and blank mean the same in citebot's configuration. */
export function forgetBlank(env: NodeJS.ProcessEnv, names: readonly string[]): void {
  for (const name of names) if (env[name]?.trim() === "") delete env[name];
}

/**
 * What `npm start`, `start:sharded` and `deploy-commands` do first: read the
 * configuration from the environment and `.env` (the environment wins), and
 * build the logger that scrubs the token from every line. On a configuration
 * problem it prints the message listing every problem and exits 1.
 */
export function startup(): { config: BotConfig; logger: Logger } {
  loadDotenv({ quiet: true });
  forgetBlank(process.env, DISCORD_JS_VARIABLES);
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(parsed.message);
    process.exit(1);
  }
  const { config } = parsed;
  return { config, logger: createLogger(config.logLevel, undefined, [config.token]) };
}

/**
 * Why talking to Discord failed, in one line for the admin: Discord out of
 * reach (with the cause and the address tried), the token refused, or the
 * error's own message; never a stack.
 */
export function describeDiscordFailure(error: unknown, config: Pick<BotConfig, "apiUrl">): Failure {
  const where = config.apiUrl
    ? `Discord at ${config.apiUrl} (DISCORD_API_URL)`
    : "Discord (discord.com): check the network and any proxy or firewall";
  const { code, status } = (error ?? {}) as { code?: unknown; status?: unknown };
  if (code === "TokenInvalid" || status === 401) {
    return {
      message:
        "Discord refused DISCORD_TOKEN: in the Developer Portal open your application → Bot → Reset Token, and put the new token in .env",
      details: [],
    };
  }
  return describeFailure(error, where);
}
