import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { commands } from "../../commands/index.ts";
import type { CommandInput, CorpusOpener, UserRef } from "../../src/bot/context.ts";
import { Options, type OptionValue } from "../../src/bot/context.ts";
import { createContext, Dispatcher } from "../../src/bot/dispatch.ts";
import { openCorpus, type Corpus } from "../../src/corpus/open.ts";
import { DEFAULT_LOAD_LIMITS } from "../../src/corpus/limits.ts";
import { DEFAULT_CACHE_DIR, DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { createLogger } from "../../src/logger.ts";
import { Library } from "../../src/corpus/library.ts";
import { openStore } from "../../src/storage/database.ts";
import { ServerArticles } from "../../src/storage/server-articles.ts";
import { toDiscordMessage } from "../../src/reply/discord.ts";
import type { Reply } from "../../src/reply/types.ts";
import type { Loose } from "../emulator/types.ts";

// One temporary-folder helper and one root for every test folder.
export { folderWith, ROOT } from "../helpers.ts";

/**
 * The production logger (redaction and scrubbing included) writing JSON lines
 * into an array, for asserting on log output.
 */
export function memoryLogger(
  level = "debug",
  secrets: readonly string[] = [],
): { logger: Logger; lines: Loose[] } {
  const lines: Loose[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger(level, sink, secrets), lines };
}

let bundled: Promise<Corpus> | undefined;

/** The bundled article, loaded once. */
export function bundledCorpus(): Promise<Corpus> {
  bundled ??= openCorpus(DEFAULT_DATA_DIR);
  return bundled;
}

/** A dispatcher over the real command list, with a memory logger and a settable clock. */
export async function world(
  options: {
    corpus?: Corpus;
    dataDir?: string;
    cooldownSeconds?: number;
    /** Users who may /reload. */
    owners?: readonly string[];
    /** A database and servers' folders here: articles can be added. */
    stateDir?: string;
    /** Links to 127.0.0.1 may be added (CITEBOT_TEST_ALLOW_LOOPBACK). */
    loopbackLinks?: boolean;
    openCorpus?: CorpusOpener;
    /** The saved index's folder (/reload saves there); default: the real default. */
    cacheDir?: string;
  } = {},
) {
  const corpus = options.corpus ?? (await bundledCorpus());
  const { logger, lines } = memoryLogger();
  const clock = { now: 1_000_000 };
  const config = {
    dataDir: options.dataDir ?? corpus.dir,
    cacheDir: options.cacheDir ?? DEFAULT_CACHE_DIR,
    limits: DEFAULT_LOAD_LIMITS,
    stateDir: options.stateDir ?? path.join(tmpdir(), "citebot-unused-state"),
    buildWorkers: 0,
    allowLoopbackLinks: options.loopbackLinks ?? false,
  };
  const store = options.stateDir ? openStore(options.stateDir) : undefined;
  const library = store
    ? new Library({
        shared: corpus,
        stateDir: config.stateDir,
        limits: config.limits,
        logger,
        store: new ServerArticles(store.db),
        reopenShared: () => openCorpus(config.dataDir, { cacheDir: false }),
      })
    : undefined;
  const context = createContext({
    corpus,
    config,
    logger,
    owners: new Set(options.owners ?? []),
    ...(library ? { library } : {}),
    ...(options.openCorpus ? { openCorpus: options.openCorpus } : {}),
  });
  const dispatcher = new Dispatcher(commands, context, {
    cooldownSeconds: options.cooldownSeconds ?? 0,
    now: () => clock.now,
  });
  return { dispatcher, context, lines, clock, store };
}

export const ALICE: UserRef = { id: "111111111111111111", name: "alice" };
export const BOB: UserRef = { id: "222222222222222222", name: "bob" };

/** A command input as the Discord adapter would build it. */
export function input(
  values: Record<string, OptionValue> = {},
  extra: Partial<CommandInput> = {},
): CommandInput {
  return { user: ALICE, options: new Options(values), permissions: 0n, ...extra };
}

/** A small valid article file. */
export function articleFile(title: string, body: string): string {
  return `---\ntitle: "${title}"\nsource: "Test Wire"\npublished: "2024-09-23"\n---\n\n${body}\n`;
}

/** Everything visible in a rendered message, as one string. */
export function visible(reply: Reply): string {
  const message = toDiscordMessage(reply);
  const embed = message.embeds[0];
  return [
    message.content,
    embed?.title,
    embed?.description,
    ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value]),
    embed?.footer?.text,
  ].join("\n");
}

/** The custom id of the reply's button labelled `label` (fails the test when there is none). */
export function buttonId(reply: Reply, label: string): string {
  const button = reply.buttons?.find((candidate) => candidate.label === label);
  if (!button) throw new Error(`no “${label}” button in ${JSON.stringify(reply.buttons)}`);
  return button.customId;
}
