import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";
import { commands } from "../../commands/index.ts";
import type { CommandInput, UserRef } from "../../src/bot/context.ts";
import { Options, type OptionValue } from "../../src/bot/context.ts";
import { createContext, Dispatcher } from "../../src/bot/dispatch.ts";
import { DEFAULT_DATA_DIR, openCorpus, type Corpus } from "../../src/corpus.ts";

/** The project's root folder. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A logger writing JSON lines into an array, for asserting on log output. */
export function memoryLogger(level = "debug"): {
  logger: Logger;
  lines: Record<string, unknown>[];
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level }, sink), lines };
}

let bundled: Promise<Corpus> | undefined;

/** The bundled article, loaded once. */
export function bundledCorpus(): Promise<Corpus> {
  bundled ??= openCorpus(DEFAULT_DATA_DIR);
  return bundled;
}

/** A dispatcher over the real command list, with a memory logger and a settable clock. */
export async function world(
  options: { corpus?: Corpus; dataDir?: string; cooldownSeconds?: number } = {},
) {
  const corpus = options.corpus ?? (await bundledCorpus());
  const { logger, lines } = memoryLogger();
  const clock = { now: 1_000_000 };
  const context = createContext({ corpus, dataDir: options.dataDir ?? corpus.dir, logger });
  const dispatcher = new Dispatcher(commands, context, {
    cooldownSeconds: options.cooldownSeconds ?? 0,
    now: () => clock.now,
  });
  return { dispatcher, context, lines, clock };
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

/** A temporary folder holding the given files. */
export async function folderWith(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "citebot-bot-test-"));
  for (const [name, content] of Object.entries(files))
    await writeFile(path.join(dir, name), content);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A small valid article file. */
export function articleFile(title: string, body: string): string {
  return `---\ntitle: "${title}"\nsource: "Test Wire"\npublished: "2024-09-23"\n---\n\n${body}\n`;
}
