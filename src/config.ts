import { z } from "zod";
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from "./corpus/limits.ts";
import { PARALLEL_BUILD, type BuildWorkers } from "./corpus/build-threads.ts";
import { DEFAULT_CACHE_DIR, DEFAULT_DATA_DIR, DEFAULT_STATE_DIR } from "./paths.ts";

/** The settings every front end needs (the console and `ask` need no more, and no token). */
export interface LocalConfig {
  /** Folder of articles (DATA_DIR). */
  dataDir: string;
  /** Folder of saved indexes (CITEBOT_CACHE_DIR). */
  cacheDir: string;
  /** How much is read from the articles folder (MAX_ARTICLE_MB, MAX_DATA_MB). */
  limits: LoadLimits;
  /** Folder of the database and of articles added to servers (CITEBOT_STATE_DIR). */
  stateDir: string;
  /**
   * Worker threads that build an index besides the calling thread (BUILD_WORKERS): "auto",
   * one thread per core for a large folder, or a number (0: one thread).
   */
  buildWorkers: BuildWorkers;
  /**
   * Links to 127.0.0.1 may be added (CITEBOT_TEST_ALLOW_LOOPBACK=1): for tests, which serve
   * pages on loopback. Off, only public https addresses are fetched.
   */
  allowLoopbackLinks: boolean;
}

/** The bot's settings, read once from the environment (and `.env`) and handed down. */
export interface BotConfig extends LocalConfig {
  token: string;
  clientId: string;
  guildId?: string;
  cooldownSeconds: number;
  logLevel: string;
  apiUrl?: string;
  /** Shards for `npm run start:sharded` (SHARD_COUNT); unset lets Discord decide. */
  shardCount?: number;
  /**
   * How `npm run start:sharded` runs its shards (SHARD_MODE): unset, one process per shard
   * (discord.js's ShardingManager); "one-process", every shard in one process sharing one
   * index (memory of about one shard).
   */
  shardMode?: "one-process";
  /** Users who may use owner tools (/reload) besides the application's owner (OWNER_IDS). */
  ownerIds: readonly string[];
  /** Days question texts are kept for /gaps (QUESTION_RETENTION_DAYS). */
  questionRetentionDays: number;
}

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Every default of the configuration, in one place (`.env.example` documents the same). */
export const DEFAULTS = Object.freeze({
  dataDir: DEFAULT_DATA_DIR,
  cacheDir: DEFAULT_CACHE_DIR,
  maxArticleMb: DEFAULT_LOAD_LIMITS.maxFileBytes / 1_000_000,
  maxDataMb: DEFAULT_LOAD_LIMITS.maxFolderBytes / 1_000_000,
  cooldownSeconds: 3,
  stateDir: DEFAULT_STATE_DIR,
  questionRetentionDays: 30,
  logLevel: "info" satisfies (typeof LEVELS)[number],
  buildWorkers: "auto" satisfies BuildWorkers,
});

/**
 * Most shards SHARD_COUNT may ask for. Every shard starts a gateway session, and Discord lets
 * a bot start 1,000 sessions a day (its `session_start_limit`) unless it is in 150,000
 * servers or more and has large bot sharding: more shards could not all connect, and in
 * processes mode each is a process of its own. 1,000 shards hold up to 2.5 million servers
 * (2,500 each at most).
 */
const MAX_SHARDS = 1000;

const SHARD_COUNT_HOW = `SHARD_COUNT must be a whole number from 1 to ${MAX_SHARDS} (Discord lets a bot start ${MAX_SHARDS.toLocaleString("en")} shards a day; each holds up to 2,500 servers), or empty to let Discord decide`;

const BUILD_WORKERS_HOW = `BUILD_WORKERS must be auto (one thread per core for a large folder of articles) or a whole number of worker threads from 0 (build in one thread) to ${PARALLEL_BUILD.maxWorkers}`;

/** Unset and blank mean the same: `.env.example` ships blank lines like `DATA_DIR=`. */
const blank = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const snowflake = (name: string, how: string) =>
  z
    .string({ error: `${name} is missing: ${how}` })
    .trim()
    .regex(/^\d{1,20}$/u, {
      error: `${name} must be a Discord id, digits only (for example 123456789012345678): ${how}`,
    });

/**
 * A whole number written in decimal digits, from `min` to `max`: "0x10", "1e1" and " 16.0"
 * are refused as a size is, not read as 16 and 10 ("sixteen" typed oddly is more often a typo).
 */
const wholeNumber = (min: number, max: number, how: { digits: string; range: string }) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/u, { error: how.digits })
    .transform(Number)
    .refine((value) => value >= min && value <= max, { error: how.range });

/** A size in megabytes (whole or decimal, above 0). */
const megabytes = (name: string, what: string, fallback: number) =>
  z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d+(?:\.\d+)?$/u, {
        error: `${name} (${what}) must be a number of megabytes, such as ${fallback}`,
      })
      .transform(Number)
      .refine((value) => value > 0, { error: `${name} (${what}) must be more than 0 megabytes` })
      .default(fallback),
  );

/** The variables of {@link LocalConfig}: part of every schema. */
const localFields = {
  DATA_DIR: z.preprocess(blank, z.string().default(DEFAULTS.dataDir)),
  CITEBOT_CACHE_DIR: z.preprocess(blank, z.string().default(DEFAULTS.cacheDir)),
  MAX_ARTICLE_MB: megabytes(
    "MAX_ARTICLE_MB",
    "the largest article file read",
    DEFAULTS.maxArticleMb,
  ),
  MAX_DATA_MB: megabytes(
    "MAX_DATA_MB",
    "the most read from the articles folder",
    DEFAULTS.maxDataMb,
  ),
  CITEBOT_STATE_DIR: z.preprocess(blank, z.string().default(DEFAULTS.stateDir)),
  BUILD_WORKERS: z.preprocess(
    (value) => (typeof value === "string" ? blank(value.trim().toLowerCase()) : value),
    z
      .string()
      .regex(/^(?:auto|\d{1,3})$/u, { error: BUILD_WORKERS_HOW })
      .transform((value): BuildWorkers => (value === "auto" ? "auto" : Number(value)))
      .refine((value) => value === "auto" || value <= PARALLEL_BUILD.maxWorkers, {
        error: BUILD_WORKERS_HOW,
      })
      .default(DEFAULTS.buildWorkers),
  ),
  CITEBOT_TEST_ALLOW_LOOPBACK: z.preprocess(
    blank,
    z
      .enum(["0", "1"], {
        error: "CITEBOT_TEST_ALLOW_LOOPBACK must be 1 (tests only) or 0/empty",
      })
      .default("0"),
  ),
};

const localSchema = z.object(localFields);

const schema = z.object({
  ...localFields,
  DISCORD_TOKEN: z.preprocess(
    blank,
    z
      .string({
        error:
          "DISCORD_TOKEN is missing: in the Discord Developer Portal open your application → Bot → Reset Token, and put the token in .env as DISCORD_TOKEN=…",
      })
      .trim()
      .regex(/^[\w.-]+$/u, {
        error:
          "DISCORD_TOKEN is malformed (it has spaces, quotes or other characters a bot token never has): copy it again from the Developer Portal → Bot",
      }),
  ),
  DISCORD_CLIENT_ID: z.preprocess(
    blank,
    snowflake(
      "DISCORD_CLIENT_ID",
      "copy the Application ID from the Developer Portal → General Information",
    ),
  ),
  DISCORD_GUILD_ID: z.preprocess(
    blank,
    snowflake(
      "DISCORD_GUILD_ID",
      "enable Developer Mode in Discord, right-click the server → Copy Server ID, or leave it empty to register commands globally",
    ).optional(),
  ),
  COOLDOWN_SECONDS: z.preprocess(
    blank,
    wholeNumber(0, 3600, {
      digits:
        "COOLDOWN_SECONDS must be a whole number of seconds, digits only (0 turns the cooldown off)",
      range: "COOLDOWN_SECONDS is at most 3600 (one hour)",
    }).default(DEFAULTS.cooldownSeconds),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === "string" ? blank(value.toLowerCase()) : value),
    z
      .enum(LEVELS, { error: `LOG_LEVEL must be one of ${LEVELS.join(", ")}` })
      .default(DEFAULTS.logLevel),
  ),
  DISCORD_API_URL: z.preprocess(
    blank,
    z
      .url({
        protocol: /^https?$/u,
        error:
          "DISCORD_API_URL must be an http(s) address such as http://127.0.0.1:8080/api, or empty for Discord's own",
      })
      .optional(),
  ),
  OWNER_IDS: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\d{1,20}(?:\s*,\s*\d{1,20})*$/u, {
        error:
          "OWNER_IDS must be Discord user ids separated by commas (for example 123456789012345678,234567890123456789), or empty for the application's owner only",
      })
      .optional(),
  ),
  QUESTION_RETENTION_DAYS: z.preprocess(
    blank,
    wholeNumber(1, 3650, {
      digits: "QUESTION_RETENTION_DAYS must be a whole number of days from 1 to 3650",
      range: "QUESTION_RETENTION_DAYS must be a whole number of days from 1 to 3650",
    }).default(DEFAULTS.questionRetentionDays),
  ),
  SHARD_MODE: z.preprocess(
    blank,
    z
      .enum(["processes", "one-process"], {
        error: 'SHARD_MODE must be "processes" or "one-process", or empty for processes',
      })
      .optional(),
  ),
  SHARD_COUNT: z.preprocess(
    blank,
    wholeNumber(1, MAX_SHARDS, { digits: SHARD_COUNT_HOW, range: SHARD_COUNT_HOW }).optional(),
  ),
});

/** A parsed configuration, or the message listing every problem. */
export type Parsed<T> = { ok: true; config: T } | { ok: false; message: string };

/** One message listing every problem, one a line; values are never repeated. */
function problemsMessage(error: z.ZodError): { ok: false; message: string } {
  const problems = error.issues.map((issue) => `  - ${issue.message}`);
  return {
    ok: false,
    message: `citebot cannot start: ${problems.length} problem${problems.length === 1 ? "" : "s"} with the configuration (environment variables or .env; see .env.example):\n${problems.join("\n")}`,
  };
}

function localOf(values: z.infer<typeof localSchema>): LocalConfig {
  return {
    dataDir: values.DATA_DIR,
    cacheDir: values.CITEBOT_CACHE_DIR,
    limits: {
      maxFileBytes: Math.round(values.MAX_ARTICLE_MB * 1_000_000),
      maxFolderBytes: Math.round(values.MAX_DATA_MB * 1_000_000),
    },
    stateDir: values.CITEBOT_STATE_DIR,
    buildWorkers: values.BUILD_WORKERS,
    allowLoopbackLinks: values.CITEBOT_TEST_ALLOW_LOOPBACK === "1",
  };
}

/**
 * Reads the settings of the console and the command line from environment
 * variables: those of {@link LocalConfig}, no token.
 */
export function parseLocalConfig(env: Record<string, string | undefined>): Parsed<LocalConfig> {
  const result = localSchema.safeParse(env);
  return result.success
    ? { ok: true, config: localOf(result.data) }
    : problemsMessage(result.error);
}

/**
 * Reads the bot's configuration from environment variables. On failure the
 * message lists every problem, one a line, with how to fix it; it never
 * repeats a value, so a token pasted into the wrong variable is not printed.
 */
export function parseConfig(env: Record<string, string | undefined>): Parsed<BotConfig> {
  const result = schema.safeParse(env);
  if (!result.success) return problemsMessage(result.error);
  const values = result.data;
  const config: BotConfig = {
    token: values.DISCORD_TOKEN,
    clientId: values.DISCORD_CLIENT_ID,
    ...localOf(values),
    cooldownSeconds: values.COOLDOWN_SECONDS,
    logLevel: values.LOG_LEVEL,
    ownerIds: values.OWNER_IDS ? values.OWNER_IDS.split(",").map((id) => id.trim()) : [],
    questionRetentionDays: values.QUESTION_RETENTION_DAYS,
  };
  if (values.DISCORD_GUILD_ID !== undefined) config.guildId = values.DISCORD_GUILD_ID;
  if (values.DISCORD_API_URL !== undefined)
    config.apiUrl = values.DISCORD_API_URL.replace(/\/+$/u, "");
  if (values.SHARD_COUNT !== undefined) config.shardCount = values.SHARD_COUNT;
  if (values.SHARD_MODE === "one-process") config.shardMode = "one-process";
  return { ok: true, config };
}
