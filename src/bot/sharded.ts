/**
 * `npm run start:sharded`: runs citebot's shards (`SHARD_COUNT`, default: Discord's
 * advice) under discord.js's ShardingManager, one process per shard; or, with
 * `SHARD_MODE=one-process`, every shard in this process (one client, one gateway
 * connection a shard) sharing one index, so that N shards cost about the memory of one.
 *
 * As in main.ts, the signal handlers come before the heavy imports, so that a
 * signal at any moment ends the process with 0.
 */
import { fileURLToPath } from "node:url";
import type { BotConfig } from "../config.ts";

/** What a signal does now: before any shard is spawned there is nothing to stop. */
let onSignal = (_signal: NodeJS.Signals): void => process.exit(0);
process.once("SIGINT", (signal) => onSignal(signal));
process.once("SIGTERM", (signal) => onSignal(signal));

const [{ ShardingManager }, { describeDiscordFailure, startup }] = await Promise.all([
  import("discord.js"),
  import("./startup.ts"),
]);
const { config, logger } = startup();

/** How shard processes are started. */
const SHARD_SPAWN = Object.freeze({
  /**
   * Discord lets shards of one rate-limit bucket (shard id modulo `max_concurrency`) identify
   * at most once every 5 s; discord.js's ShardingManager waits this long between spawns, which
   * is right for `max_concurrency` 1. With more, consecutive shards are in different buckets:
   * the wait between spawns is this divided by `max_concurrency`, which keeps shards of one
   * bucket this far apart.
   */
  bucketDelayMs: 5_500,
});

/** What Discord advises for starting shards (`GET /gateway/bot`). */
interface GatewayAdvice {
  /** How many shards it recommends. */
  readonly shards: number;
  /** How many shards may identify at once (`session_start_limit.max_concurrency`). */
  readonly maxConcurrency: number;
}

/** Asks Discord (DISCORD_API_URL, else discord.com, as discord.js does) for its advice. */
async function gatewayAdvice(config: BotConfig): Promise<GatewayAdvice> {
  const response = await fetch(`${config.apiUrl ?? "https://discord.com/api"}/v10/gateway/bot`, {
    headers: { Authorization: `Bot ${config.token}` },
  });
  if (!response.ok) throw new Error(`GET /gateway/bot answered ${response.status}`);
  const body = (await response.json()) as {
    shards?: number;
    session_start_limit?: { max_concurrency?: number };
  };
  return {
    shards: Math.max(1, body.shards ?? 1),
    maxConcurrency: Math.max(1, body.session_start_limit?.max_concurrency ?? 1),
  };
}

/**
 * How many shards: `SHARD_COUNT`, else Discord's recommendation. discord.js's
 * own "auto" always asks discord.com, so with DISCORD_API_URL we ask that.
 */
async function shardCount(config: BotConfig): Promise<number | "auto"> {
  if (config.shardCount !== undefined) return config.shardCount;
  if (!config.apiUrl) return "auto";
  return (await gatewayAdvice(config)).shards;
}

/** main's module: the built one when this runs from the build, else the source (tsx). */
function compiledMain(): string {
  return import.meta.url.endsWith(".js") ? "./main.js" : "./main.ts";
}

if (config.shardMode === "one-process") {
  const count = await shardCount(config).catch((error: unknown) => {
    logger.fatal(`could not start the shards: ${describeDiscordFailure(error, config).message}`);
    process.exit(1);
  });
  // discord.js's client reads the shards it runs from SHARDS and SHARD_COUNT, as in the
  // processes ShardingManager spawns; main.ts then starts that one client.
  process.env["SHARDS"] = JSON.stringify(
    count === "auto" ? "auto" : Array.from({ length: count }, (_, shard) => shard),
  );
  if (count !== "auto") process.env["SHARD_COUNT"] = String(count);
  logger.info({ shards: count }, "every shard in this process");
  // main.ts installs its own signal handlers (log out cleanly) as its first statements.
  onSignal = () => undefined;
  await import(compiledMain());
} else {
  try {
    // Run from the build (npm run start:sharded), shards run the built main.js; from the
    // sources (tsx), they run main.ts through tsx.
    const compiled = import.meta.url.endsWith(".js");
    const main = fileURLToPath(new URL(compiled ? "./main.js" : "./main.ts", import.meta.url));
    const advice = await gatewayAdvice(config);
    const manager = new ShardingManager(main, {
      token: config.token,
      totalShards: config.shardCount ?? advice.shards,
      execArgv: compiled ? [] : ["--import", "tsx"],
    });
    manager.on("shardCreate", (shard) => {
      logger.info({ shard: shard.id }, "shard process started");
      shard.on("death", () => logger.warn({ shard: shard.id }, "shard process exited"));
    });
    onSignal = (signal) => {
      logger.info({ signal }, "stopping every shard");
      // Each shard process gets SIGTERM and logs out on its own.
      for (const shard of manager.shards.values()) shard.kill();
      process.exit(0);
    };
    const delay = Math.ceil(SHARD_SPAWN.bucketDelayMs / advice.maxConcurrency);
    logger.info(
      { shards: manager.totalShards, maxConcurrency: advice.maxConcurrency, delayMs: delay },
      "spawning the shards",
    );
    await manager.spawn({ delay });
    logger.info({ shards: manager.totalShards }, "all shards spawned");
  } catch (error) {
    logger.fatal(`could not start the shards: ${describeDiscordFailure(error, config).message}`);
    process.exit(1);
  }
}
