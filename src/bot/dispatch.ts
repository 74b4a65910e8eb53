import { LRUCache } from "lru-cache";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import type { LocalConfig } from "../config.ts";
import { openCorpus, type Corpus } from "../corpus/open.ts";
import { errorReply, type Choice, type Reply } from "../reply/types.ts";
import type {
  CorpusOpener,
  AutocompleteInput,
  CommandContext,
  CommandInput,
  CommandModule,
  FeedbackStore,
  Place,
  TopicStore,
  UserRef,
} from "./context.ts";
import type { QuestionLog } from "./conversation.ts";
import { Cooldowns } from "./cooldown.ts";
import type { Library } from "../corpus/library.ts";
import { RefStore } from "../../commands/shared/state.ts";

/** Tuning of autocomplete. */
export const AUTOCOMPLETE = Object.freeze({
  /**
   * A member's suggestions are computed at most once in this many milliseconds; keystrokes
   * in between get the last ones (Discord sends one request per keystroke, and 20 from one
   * member made other members' /ask late).
   */
  intervalMs: 400,
  /** Members whose last suggestions are remembered (least recently used go first). */
  members: 10_000,
});

/** One interaction being handled, for its log line. */
interface Trace {
  readonly kind: "command" | "button" | "message";
  readonly name: string;
  readonly user: UserRef;
  readonly started: number;
}

/** How one interaction ended, for the log line. */
export type Outcome = "ok" | "throttled" | "refused" | "cooldown" | "unknown" | "stale" | "error";

/** Builds the context handlers get, holding the current articles. */
export function createContext(deps: {
  corpus: Corpus;
  config: LocalConfig;
  logger: Logger;
  refs?: RefStore;
  questions?: QuestionLog;
  topics?: TopicStore;
  feedback?: FeedbackStore;
  library?: Library;
  /** The owner tools' users; filled once the application's owner is known. */
  owners?: ReadonlySet<string>;
  /** How /reload opens the articles; default: in this thread. */
  openCorpus?: CorpusOpener;
}): CommandContext {
  let current = deps.corpus;
  const { library } = deps;
  return {
    corpus: () => (library ? library.corpus() : current),
    replaceCorpus: (corpus) => {
      current = corpus;
      library?.sharedReloaded(corpus);
    },
    isOwner: (userId) => deps.owners?.has(userId) ?? false,
    openCorpus: deps.openCorpus ?? openCorpus,
    config: {
      dataDir: deps.config.dataDir,
      cacheDir: deps.config.cacheDir,
      limits: deps.config.limits,
      stateDir: deps.config.stateDir,
      buildWorkers: deps.config.buildWorkers,
      allowLoopbackLinks: deps.config.allowLoopbackLinks,
    },
    logger: deps.logger,
    refs: deps.refs ?? new RefStore(),
    ...(deps.questions ? { questions: deps.questions } : {}),
    ...(deps.topics ? { topics: deps.topics } : {}),
    ...(deps.feedback ? { feedback: deps.feedback } : {}),
    ...(library ? { library } : {}),
  };
}

/**
 * The context a handler gets in a server: the same, with the articles that server sees, after
 * this shard applied every library change any shard logged (so an article added, removed or
 * reloaded on another shard is answered from here at once).
 */
export async function contextFor(
  context: CommandContext,
  guildId: string | undefined,
): Promise<CommandContext> {
  const { library } = context;
  if (!library) return context;
  await library.prepare(guildId);
  return { ...context, corpus: () => library.corpus(guildId) };
}

/** The same, without waiting (autocomplete must answer at once): what is built now. */
function contextNow(context: CommandContext, guildId: string | undefined): CommandContext {
  const { library } = context;
  if (!library || guildId === undefined) return context;
  // Suggestions come from what is built; a server not built yet gets it built for next time.
  void library.prepare(guildId).catch(() => undefined);
  return { ...context, corpus: () => library.corpus(guildId) };
}

/** The private answer to a command this bot does not have (an old registration, a typo). */
export const UNKNOWN_COMMAND =
  "I don't know that command: it may have been removed or renamed. Try /help to see what I can do.";
/** The private answer to a button whose state is gone (restart, eviction) or malformed. */
export const STALE_BUTTON =
  "This button has expired (the message is old or I restarted). Run the command again for fresh results.";

/**
 * Runs command modules for any front end (Discord or the console): finds the
 * handler, applies the per-user cooldown, turns any thrown error into a
 * private "Something went wrong (error id …)" reply, and logs one line per
 * interaction with its command, latency and outcome.
 */
export class Dispatcher {
  private readonly byName = new Map<string, CommandModule>();
  private readonly byPrefix = new Map<string, CommandModule>();
  private readonly cooldowns: Cooldowns;
  private readonly now: () => number;
  /** Each member's last suggestions, for the keystrokes inside {@link AUTOCOMPLETE}'s interval. */
  private readonly suggested = new LRUCache<string, { at: number; choices: readonly Choice[] }>({
    max: AUTOCOMPLETE.members,
  });

  constructor(
    commands: readonly CommandModule[],
    readonly context: CommandContext,
    options: { cooldownSeconds: number; now?: () => number },
  ) {
    for (const command of commands) {
      this.byName.set(command.data.name, command);
      if (command.button) this.byPrefix.set(command.buttonPrefix ?? command.data.name, command);
    }
    this.cooldowns = new Cooldowns(options.cooldownSeconds, options.now);
    this.now = options.now ?? Date.now;
  }

  /** The module registered under a command name. */
  find(name: string): CommandModule | undefined {
    return this.byName.get(name);
  }

  /** Answers a slash command or context menu use. */
  async command(name: string, input: CommandInput): Promise<Reply> {
    const trace: Trace = { kind: "command", name, user: input.user, started: performance.now() };
    const command = this.byName.get(name);
    if (!command) return this.finish(trace, "unknown", errorReply(UNKNOWN_COMMAND));
    const wait = this.cooldowns.take(input.user.id);
    if (wait > 0) {
      const reply = errorReply(`You're going a bit fast: try again in ${wait} s.`);
      return this.finish(trace, "cooldown", reply);
    }
    this.context.logger.debug(
      { command: name, user: input.user.id, options: input.options, target: input.target?.content },
      "command input",
    );
    return this.run(trace, async () =>
      command.execute(input, await contextFor(this.context, input.place?.guildId)),
    );
  }

  /**
   * Answers a channel message addressed to citebot (a mention, a reply to its answer) with the
   * same cooldown, error handling and log line as a command; the outcome tells a cooldown apart.
   */
  async message(
    name: string,
    user: UserRef,
    guildId: string,
    work: (context: CommandContext) => Promise<Reply> | Reply,
  ): Promise<{ reply: Reply; outcome: Outcome }> {
    const trace: Trace = { kind: "message", name, user, started: performance.now() };
    const wait = this.cooldowns.take(user.id);
    if (wait > 0) {
      const reply = errorReply(`You're going a bit fast: try again in ${wait} s.`);
      return { reply: this.finish(trace, "cooldown", reply), outcome: "cooldown" };
    }
    let outcome: Outcome = "ok";
    const reply = await this.run(
      trace,
      async () => work(await contextFor(this.context, guildId)),
      (ended) => (outcome = ended),
    );
    return { reply, outcome };
  }

  /** Answers a button press, routed by the custom id's prefix. */
  async button(
    customId: string,
    user: UserRef,
    on: { messageId?: string; place?: Place } = {},
  ): Promise<Reply> {
    const [prefix = "", ...args] = customId.split(":");
    const trace: Trace = { kind: "button", name: prefix, user, started: performance.now() };
    const command = this.byPrefix.get(prefix);
    if (!command?.button) return this.finish(trace, "stale", errorReply(STALE_BUTTON));
    const handler = command.button.bind(command);
    return this.run(trace, async () =>
      handler({ user, customId, args, ...on }, await contextFor(this.context, on.place?.guildId)),
    );
  }

  /**
   * Suggestions for an autocomplete option; never throws (a failure suggests
   * nothing) since autocomplete cannot show an error. Logged at debug: one
   * line per keystroke would drown the info log.
   */
  autocomplete(name: string, input: AutocompleteInput): readonly Choice[] {
    const started = performance.now();
    const command = this.byName.get(name);
    let outcome: Outcome = "ok";
    let choices: readonly Choice[] = [];
    // One search per member per interval: a member typing fast (or a script) gets the
    // suggestions just computed instead of a search per keystroke that others would wait for.
    const key = `${input.user.id}\u0000${name}\u0000${input.focused}`;
    const last = this.suggested.get(key);
    const now = this.now();
    if (last && now - last.at < AUTOCOMPLETE.intervalMs) {
      outcome = "throttled";
      choices = last.choices;
    } else {
      try {
        if (command?.autocomplete)
          choices = command.autocomplete(input, contextNow(this.context, input.guildId));
        else outcome = "unknown";
      } catch (error) {
        outcome = "error";
        this.context.logger.error({ err: error, command: name }, "autocomplete failed");
      }
      this.suggested.set(key, { at: now, choices });
    }
    this.context.logger.debug(
      {
        kind: "autocomplete",
        command: name,
        user: input.user.id,
        latencyMs: elapsed(started),
        outcome,
        typed: input.value,
      },
      "interaction",
    );
    return choices;
  }

  private async run(
    trace: Trace,
    work: () => Promise<Reply | null> | Reply | null,
    ended: (outcome: Outcome) => void = () => undefined,
  ): Promise<Reply> {
    try {
      const reply = await work();
      if (reply === null) return this.finish(trace, "stale", errorReply(STALE_BUTTON));
      ended(reply.error ? "refused" : "ok");
      return this.finish(trace, reply.error ? "refused" : "ok", reply);
    } catch (error) {
      ended("error");
      const errorId = randomUUID().slice(0, 8);
      this.context.logger.error(
        { err: error, errorId, kind: trace.kind, command: trace.name, user: trace.user.id },
        "handler failed",
      );
      const reply = errorReply(
        `Something went wrong (error id ${errorId}). Please try again; if it keeps happening, give the error id to a server admin.`,
      );
      return this.finish(trace, "error", reply, errorId);
    }
  }

  /** Logs the interaction's one info line and hands the reply back. */
  private finish(trace: Trace, outcome: Outcome, reply: Reply, errorId?: string): Reply {
    this.context.logger.info(
      {
        kind: trace.kind,
        command: trace.name,
        user: trace.user.id,
        latencyMs: elapsed(trace.started),
        outcome,
        ...(errorId ? { errorId } : {}),
      },
      "interaction",
    );
    return reply;
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
