import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULTS, parseConfig, parseLocalConfig } from "../../src/config.ts";
import { PARALLEL_BUILD } from "../../src/corpus/build-threads.ts";
import { DEFAULT_LOAD_LIMITS } from "../../src/corpus/limits.ts";
import { DEFAULT_CACHE_DIR, DEFAULT_DATA_DIR, DEFAULT_STATE_DIR } from "../../src/paths.ts";
import { ROOT } from "./helpers.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.secret_token-value";
const VALID = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "123456789012345678" };

describe("configuration", () => {
  it("GIVEN a token and a client id THEN the other settings take their defaults", () => {
    expect(parseConfig(VALID)).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        clientId: "123456789012345678",
        dataDir: DEFAULT_DATA_DIR,
        cacheDir: DEFAULT_CACHE_DIR,
        limits: DEFAULT_LOAD_LIMITS,
        cooldownSeconds: 3,
        logLevel: "info",
        stateDir: DEFAULT_STATE_DIR,
        buildWorkers: "auto",
        allowLoopbackLinks: false,
        ownerIds: [],
        questionRetentionDays: 30,
      },
    });
  });

  it("GIVEN no token WHEN the console or the command line reads its settings THEN the folders are read and nothing else is asked for", () => {
    expect(parseLocalConfig({})).toEqual({
      ok: true,
      config: {
        dataDir: DEFAULT_DATA_DIR,
        cacheDir: DEFAULT_CACHE_DIR,
        limits: DEFAULT_LOAD_LIMITS,
        stateDir: DEFAULT_STATE_DIR,
        buildWorkers: "auto",
        allowLoopbackLinks: false,
      },
    });
    expect(
      parseLocalConfig({
        DATA_DIR: "/srv/articles",
        CITEBOT_CACHE_DIR: "/var/cache/citebot",
        MAX_ARTICLE_MB: "0.5",
        MAX_DATA_MB: "20",
        BUILD_WORKERS: "3",
      }),
    ).toEqual({
      ok: true,
      config: {
        dataDir: "/srv/articles",
        cacheDir: "/var/cache/citebot",
        limits: { maxFileBytes: 500_000, maxFolderBytes: 20_000_000 },
        stateDir: DEFAULT_STATE_DIR,
        buildWorkers: 3,
        allowLoopbackLinks: false,
      },
    });
  });

  it("GIVEN size limits that are not a positive number of megabytes THEN each is refused, by name", () => {
    const parsed = parseLocalConfig({ MAX_ARTICLE_MB: "0", MAX_DATA_MB: "1e3" });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(/^ {2}- MAX_ARTICLE_MB .*more than 0/mu);
    expect(parsed.message).toMatch(/^ {2}- MAX_DATA_MB .*number of megabytes/mu);
  });

  it("GIVEN the sources THEN only src/config.ts reads the folders' variables from the environment", async () => {
    const readers: string[] = [];
    for (const file of await readdir(path.join(ROOT, "src"), { recursive: true })) {
      if (!file.endsWith(".ts") || file === "config.ts") continue;
      const text = await readFile(path.join(ROOT, "src", file), "utf8");
      if (/env\.(?:DATA_DIR|CITEBOT_CACHE_DIR)|env\[["'](?:DATA_DIR|CITEBOT_CACHE_DIR)/u.test(text))
        readers.push(file);
    }
    expect(readers).toEqual([]);
  });

  it("GIVEN BUILD_WORKERS as auto in any case, blank, or a number of workers up to the most THEN it is read, and anything else is refused saying what it takes", () => {
    const read = (value: string) => {
      const parsed = parseLocalConfig({ BUILD_WORKERS: value });
      return parsed.ok ? parsed.config.buildWorkers : parsed.message;
    };
    expect(read(" AUTO ")).toBe("auto");
    expect(read("")).toBe("auto");
    expect(read("0")).toBe(0);
    expect(read(String(PARALLEL_BUILD.maxWorkers))).toBe(PARALLEL_BUILD.maxWorkers);
    for (const bad of [String(PARALLEL_BUILD.maxWorkers + 1), "-1", "1.5", "two", "all"]) {
      expect(read(bad)).toMatch(
        /^ {2}- BUILD_WORKERS must be auto .* from 0 \(build in one thread\) to 8$/mu,
      );
    }
  });

  it("GIVEN .env.example THEN it has a line for every variable citebot reads, and states the defaults of the one frozen DEFAULTS object", async () => {
    const example = await readFile(path.join(ROOT, ".env.example"), "utf8");
    for (const name of [
      "DISCORD_TOKEN",
      "DISCORD_CLIENT_ID",
      "DISCORD_GUILD_ID",
      "DATA_DIR",
      "CITEBOT_CACHE_DIR",
      "MAX_ARTICLE_MB",
      "MAX_DATA_MB",
      "COOLDOWN_SECONDS",
      "LOG_LEVEL",
      "DISCORD_API_URL",
      "SHARD_COUNT",
      "SHARD_MODE",
      "CITEBOT_STATE_DIR",
      "QUESTION_RETENTION_DAYS",
      "OWNER_IDS",
      "CITEBOT_TEST_ALLOW_LOOPBACK",
      "BUILD_WORKERS",
    ]) {
      expect(example).toMatch(new RegExp(`^${name}=$`, "mu"));
    }
    expect(Object.isFrozen(DEFAULTS)).toBe(true);
    expect(example).toContain(`(default ${DEFAULTS.cooldownSeconds}; 0 turns the cooldown off)`);
    expect(example).toContain(`${DEFAULTS.logLevel} (default)`);
    expect(example).toContain(`(default ${DEFAULTS.maxArticleMb})`);
    expect(example).toContain(`(default ${DEFAULTS.maxDataMb})`);
    expect(example).toContain(`deleted (default ${DEFAULTS.questionRetentionDays})`);
    expect(example).toContain(`${DEFAULTS.buildWorkers} (default)`);
  });

  it("GIVEN blank optional values as in .env.example THEN they count as unset", () => {
    const parsed = parseConfig({
      ...VALID,
      DISCORD_GUILD_ID: "",
      DATA_DIR: " ",
      COOLDOWN_SECONDS: "",
      LOG_LEVEL: "",
      DISCORD_API_URL: "",
    });
    expect(parsed.ok && parsed.config).toMatchObject({
      dataDir: DEFAULT_DATA_DIR,
      cooldownSeconds: 3,
      logLevel: "info",
    });
    expect(parsed.ok && "guildId" in parsed.config).toBe(false);
  });

  it("GIVEN every optional value THEN each is read", () => {
    const parsed = parseConfig({
      ...VALID,
      DISCORD_GUILD_ID: "876543210987654321",
      DATA_DIR: "/srv/articles",
      CITEBOT_CACHE_DIR: "/var/cache/citebot",
      COOLDOWN_SECONDS: "0",
      LOG_LEVEL: "DEBUG",
      DISCORD_API_URL: "http://127.0.0.1:9999/api/",
      SHARD_COUNT: "2",
      SHARD_MODE: "one-process",
      CITEBOT_STATE_DIR: "/var/lib/citebot",
      QUESTION_RETENTION_DAYS: "7",
      OWNER_IDS: "111111111111111111, 222222222222222222",
      CITEBOT_TEST_ALLOW_LOOPBACK: "1",
      BUILD_WORKERS: "0",
    });
    expect(parsed).toEqual({
      ok: true,
      config: {
        ...{ token: TOKEN, clientId: "123456789012345678" },
        guildId: "876543210987654321",
        dataDir: "/srv/articles",
        cacheDir: "/var/cache/citebot",
        limits: DEFAULT_LOAD_LIMITS,
        cooldownSeconds: 0,
        logLevel: "debug",
        apiUrl: "http://127.0.0.1:9999/api",
        shardCount: 2,
        shardMode: "one-process",
        stateDir: "/var/lib/citebot",
        buildWorkers: 0,
        allowLoopbackLinks: true,
        ownerIds: ["111111111111111111", "222222222222222222"],
        questionRetentionDays: 7,
      },
    });
  });

  it("GIVEN an empty environment THEN the message names both required variables and how to get them", () => {
    const parsed = parseConfig({});
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.message).toMatch(/DISCORD_TOKEN is missing.*Developer Portal/u);
    expect(parsed.message).toMatch(/DISCORD_CLIENT_ID is missing.*Application ID/u);
  });

  it("GIVEN several invalid values THEN one message lists every problem, one a line", () => {
    const parsed = parseConfig({
      DISCORD_TOKEN: "has spaces in it",
      DISCORD_CLIENT_ID: "my-app",
      DISCORD_GUILD_ID: "guild",
      COOLDOWN_SECONDS: "soon",
      LOG_LEVEL: "loud",
      DISCORD_API_URL: "ftp://x",
      SHARD_COUNT: "0",
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    for (const name of [
      "DISCORD_TOKEN",
      "DISCORD_CLIENT_ID",
      "DISCORD_GUILD_ID",
      "COOLDOWN_SECONDS",
      "LOG_LEVEL",
      "DISCORD_API_URL",
      "SHARD_COUNT",
    ]) {
      expect(parsed.message).toMatch(new RegExp(`^  - ${name} `, "mu"));
    }
    expect(parsed.message).toMatch(/7 problems/u);
  });

  it("GIVEN a retention of 0, a fraction or words THEN it is refused with the allowed range", () => {
    for (const days of ["0", "1.5", "a month", "3651"]) {
      const parsed = parseConfig({ ...VALID, QUESTION_RETENTION_DAYS: days });
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.message).toContain(
        "QUESTION_RETENTION_DAYS must be a whole number of days from 1 to 3650",
      );
    }
  });

  it("GIVEN a negative or fractional cooldown THEN it is refused", () => {
    expect(parseConfig({ ...VALID, COOLDOWN_SECONDS: "-1" }).ok).toBe(false);
    expect(parseConfig({ ...VALID, COOLDOWN_SECONDS: "1.5" }).ok).toBe(false);
  });

  it("GIVEN a number written in hex, with an exponent or a decimal point THEN it is refused as a size is, not read as another number", () => {
    for (const [name, value] of [
      ["COOLDOWN_SECONDS", "0x10"],
      ["COOLDOWN_SECONDS", "16.0"],
      ["QUESTION_RETENTION_DAYS", "1e1"],
      ["SHARD_COUNT", "0x2"],
    ] as const) {
      const parsed = parseConfig({ ...VALID, [name]: value });
      expect(parsed.ok, `${name}=${value}`).toBe(false);
      expect(!parsed.ok && parsed.message).toContain(`${name} must be a whole number`);
    }
    const huge = parseConfig({ ...VALID, COOLDOWN_SECONDS: "9999999999" });
    expect(!huge.ok && huge.message).toContain("COOLDOWN_SECONDS is at most 3600");
    const spaced = parseConfig({ ...VALID, COOLDOWN_SECONDS: " 30 ", SHARD_COUNT: "2" });
    expect(spaced.ok && [spaced.config.cooldownSeconds, spaced.config.shardCount]).toEqual([30, 2]);
  });

  it("GIVEN a SHARD_COUNT above 1000 THEN it is refused with the range and why, and 1000 is accepted", () => {
    for (const shards of ["1001", "250000", "9007199254740991", "99999999999999999999"]) {
      const parsed = parseConfig({ ...VALID, SHARD_COUNT: shards });
      expect(parsed.ok, shards).toBe(false);
      expect(!parsed.ok && parsed.message).toContain(
        "SHARD_COUNT must be a whole number from 1 to 1000",
      );
      expect(!parsed.ok && parsed.message).not.toContain(shards);
    }
    const most = parseConfig({ ...VALID, SHARD_COUNT: "1000" });
    expect(most.ok && most.config.shardCount).toBe(1000);
  });

  it("GIVEN the token pasted into the wrong variables THEN no message ever contains it", () => {
    const variants = [
      { DISCORD_TOKEN: TOKEN },
      { DISCORD_TOKEN: `${TOKEN} x`, DISCORD_CLIENT_ID: TOKEN },
      {
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: TOKEN,
        DISCORD_GUILD_ID: TOKEN,
        LOG_LEVEL: TOKEN,
        COOLDOWN_SECONDS: TOKEN,
        DISCORD_API_URL: TOKEN,
      },
    ];
    for (const env of variants) {
      const parsed = parseConfig(env);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).not.toContain("secret_token");
    }
  });
});
