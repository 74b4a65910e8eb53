import type {
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from "discord.js";
import type { Logger } from "pino";
import type { LocalConfig } from "../config.ts";
import type { Corpus, OpenCorpusOptions } from "../corpus/open.ts";
import type { Choice, Reply } from "../reply/types.ts";
import type { RefStore } from "../../commands/shared/state.ts";
import type { QuestionLog } from "./conversation.ts";
import type { Library } from "../corpus/library.ts";

/** A user as handlers see them. */
export interface UserRef {
  readonly id: string;
  readonly name: string;
}

/** A file attached to a command: what Discord says of it, and how to read its bytes. */
export interface AttachmentRef {
  readonly name: string;
  /** Size in bytes as Discord reports it (checked again while reading). */
  readonly size: number;
  /** Reads the bytes (Discord: from its CDN, with the fetch limits; the console: a local file). */
  read(): Promise<Uint8Array>;
}

/** An option value as it arrived (Discord may send any type; handlers check). */
export type OptionValue = string | number | boolean | UserRef | AttachmentRef;

/**
 * The options of one command use, with typed getters that answer `undefined`
 * for a missing option or one of the wrong type, so malformed input is handled
 * like absent input.
 */
export class Options {
  constructor(private readonly values: Readonly<Record<string, OptionValue | undefined>> = {}) {}

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === "string" ? value : undefined;
  }

  integer(name: string): number | undefined {
    const value = this.values[name];
    return typeof value === "number" && Number.isSafeInteger(value) ? value : undefined;
  }

  boolean(name: string): boolean | undefined {
    const value = this.values[name];
    return typeof value === "boolean" ? value : undefined;
  }

  user(name: string): UserRef | undefined {
    const value = this.values[name];
    return typeof value === "object" && "id" in value ? value : undefined;
  }

  attachment(name: string): AttachmentRef | undefined {
    const value = this.values[name];
    return typeof value === "object" && "read" in value ? value : undefined;
  }
}

/** A server's channel or thread; a thread names its parent channel. */
export interface Place {
  readonly guildId: string;
  readonly channelId: string;
  readonly parentId?: string;
}

/** The article a place discusses, and whose choice it is. */
export interface Topic {
  readonly articleId: string;
  readonly from: "channel" | "parent" | "server";
}

/** The articles channels discuss (set by moderators), shared by every shard. */
export interface TopicStore {
  /** Sets the article of a channel, or of the server when `channelId` is null. */
  set(guildId: string, channelId: string | null, articleId: string, userId: string): void;
  /** Forgets a channel's (or the server's) choice; false when there was none. */
  clear(guildId: string, channelId: string | null): boolean;
  /** The channel's article, else its parent's, else the server's. */
  resolve(place: Place): Topic | undefined;
}

/** One use of a command (slash command or context menu), whoever delivered it. */
export interface CommandInput {
  readonly user: UserRef;
  readonly options: Options;
  /** Permissions of the member in this channel; null outside a server. */
  readonly permissions: bigint | null;
  /** Where it was used: a server's channel or thread (absent in DMs and the console). */
  readonly place?: Place;
  /** The message a message context menu was used on. */
  readonly target?: { readonly id: string; readonly content: string };
}

/** A button press: its custom id split on ":" after the command name. */
export interface ButtonInput {
  readonly user: UserRef;
  readonly customId: string;
  /** The parts of the custom id after `<command>:`. */
  readonly args: readonly string[];
  /** The message the button is on, and where (absent in the console). */
  readonly messageId?: string;
  readonly place?: Place;
}

/** A member's vote on an answer, with what it changed. */
export interface VoteResult {
  readonly up: number;
  readonly down: number;
  /** The member's earlier vote on this answer (0: none). */
  readonly previous: -1 | 0 | 1;
}

/** What moderators read in /gaps. */
export interface Gaps {
  readonly unanswered: readonly {
    question: string;
    count: number;
    channelId: string | null;
    messageId: string | null;
  }[];
  readonly downvoted: readonly {
    answerId: string;
    channelId: string | null;
    question: string | null;
    up: number;
    down: number;
  }[];
}

/** One member's vote on one answer. */
export interface Vote {
  answerId: string;
  place: Place;
  userId: string;
  value: -1 | 1;
  question: string;
}

/** Votes on answers and what /gaps reports, when there is a database. */
export interface FeedbackStore {
  vote(vote: Vote): VoteResult;
  gaps(guildId: string, limit: number): Gaps;
}

/** Typing in an autocomplete option. */
export interface AutocompleteInput {
  readonly user: UserRef;
  /** The option being typed. */
  readonly focused: string;
  readonly value: string;
  readonly options: Options;
  /** The server it is typed in (suggestions come from the articles that server sees). */
  readonly guildId?: string;
}

/** Opens a folder of articles as `openCorpus` (`src/corpus/open.ts`) does. */
export type CorpusOpener = (
  dir: string,
  options: Omit<OpenCorpusOptions, "onProgress" | "clock">,
) => Promise<Corpus>;

/** What every handler may use: no globals, so the console and tests can build their own. */
export interface CommandContext {
  /**
   * The articles the server a command is used in sees now: the shared ones and those its
   * moderators added (the dispatcher hands each handler a context for its server).
   */
  corpus(): Corpus;
  /** Swaps in a freshly loaded shared folder (on every shard, when there is a library). */
  replaceCorpus(corpus: Corpus): void;
  /** Servers' added articles, when there is a database. */
  readonly library?: Library;
  /** Whether a user may use owner tools (/reload): the application's owner or OWNER_IDS. */
  isOwner(userId: string): boolean;
  /**
   * Opens the articles for /reload. The bot opens them in a worker thread
   * (`openCorpusInWorker`), so that its own thread goes on answering from the current
   * corpus meanwhile; the console and tests may open them in their own thread.
   */
  readonly openCorpus: CorpusOpener;
  /** Where the articles and their saved index live (from the configuration, never re-read). */
  readonly config: Readonly<LocalConfig>;
  readonly logger: Logger;
  /** Keeps button state that does not fit in a custom id. */
  readonly refs: RefStore;
  /** Where questions the articles did not cover are logged (for /gaps), when there is a database. */
  readonly questions?: QuestionLog;
  /** The articles channels discuss, when there is a database. */
  readonly topics?: TopicStore;
  /** Votes on answers and the /gaps report, when there is a database. */
  readonly feedback?: FeedbackStore;
}

type Awaitable<T> = T | Promise<T>;

/** One command module: its registration JSON and its handlers. */
export interface CommandModule {
  /** The builder (or anything with `toJSON`) that deploy-commands registers. */
  readonly data: {
    readonly name: string;
    toJSON():
      | RESTPostAPIChatInputApplicationCommandsJSONBody
      | RESTPostAPIContextMenuApplicationCommandsJSONBody;
  };
  /** Answer with a deferred reply first (for work that may take longer than 3 s). */
  readonly defer?: boolean;
  execute(input: CommandInput, context: CommandContext): Awaitable<Reply>;
  autocomplete?(input: AutocompleteInput, context: CommandContext): readonly Choice[];
  /**
   * Handles buttons whose custom id starts with `<prefix>:`; null when the
   * state they carry is gone or malformed (a stale button).
   */
  button?(input: ButtonInput, context: CommandContext): Awaitable<Reply | null>;
  /** Short name used in custom ids, when `data.name` is long or has spaces. */
  readonly buttonPrefix?: string;
}
