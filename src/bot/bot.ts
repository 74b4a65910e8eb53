import {
  Client,
  DiscordAPIError,
  RESTJSONErrorCodes,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Team,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type MessageContextMenuCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type User,
} from "discord.js";
import type { Logger } from "pino";
import { commands } from "../../commands/index.ts";
import type { BotConfig } from "../config.ts";
import type { Corpus } from "../corpus/open.ts";
import { openCorpusInWorker } from "../corpus/open-in-worker.ts";
import { buildServerCorpusInWorker } from "../corpus/server-index-in-worker.ts";
import { toChoices, toDiscordMessage, type DiscordMessage } from "../reply/discord.ts";
import { errorReply } from "../reply/types.ts";
import { Options, type OptionValue, type UserRef } from "./context.ts";
import { fetchPage } from "../corpus/fetch-page.ts";
import { ServerArticles } from "../storage/server-articles.ts";
import { Library } from "../corpus/library.ts";
import { openStore } from "../storage/database.ts";
import { Records, RETENTION } from "../storage/records.ts";
import { Feedback } from "../storage/feedback.ts";
import { ChannelArticles } from "../storage/topics.ts";
import { Conversation } from "./conversation.ts";
import { createContext, Dispatcher, UNKNOWN_COMMAND } from "./dispatch.ts";
import { listenForMessages } from "./messages.ts";
import { Deferral } from "./deferral.ts";
import { DeliveredOnce } from "./once.ts";
import { restAgent } from "./rest-pool.ts";
import { InteractionEdits } from "./edits.ts";

/** A running bot. */
export interface BotHandle {
  client: Client;
  /** Logs out and closes every connection. */
  stop(): Promise<void>;
}

function userRef(user: User): UserRef {
  return { id: user.id, name: user.globalName ?? user.username };
}

/**
 * Option values as handlers see them; a user option becomes the user it names, an attachment
 * its name, size and a reader (fetched from Discord's CDN with the page-fetching limits).
 */
function optionsOf(data: readonly CommandInteractionOption[], allowLoopback = false): Options {
  const values: Record<string, OptionValue | undefined> = {};
  for (const option of data) {
    const { attachment } = option;
    values[option.name] = option.user
      ? userRef(option.user)
      : attachment
        ? {
            name: attachment.name,
            size: attachment.size,
            read: async () =>
              (await fetchPage(attachment.url, { allowLoopback, anyType: true })).body,
          }
        : option.value;
  }
  return new Options(values);
}

/** An edit or update keeps the message's visibility: Discord refuses the ephemeral flag there. */
function withoutFlags(message: DiscordMessage): Omit<DiscordMessage, "flags"> {
  const copy = { ...message };
  delete copy.flags;
  return copy;
}

/** Adds the application's owner, or its team's members, to the owner tools' users. */
async function addApplicationOwners(client: Client, owners: Set<string>, logger: Logger) {
  try {
    const application = await client.application?.fetch();
    const owner = application?.owner;
    if (owner instanceof Team) for (const id of owner.members.keys()) owners.add(id);
    else if (owner) owners.add(owner.id);
  } catch (error) {
    logger.warn(
      { err: error },
      "could not ask Discord for the application's owner: OWNER_IDS only",
    );
  }
}

/** Answers a slash or message command, deferred first when {@link Deferral} says so. */
async function answerCommand(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  dispatcher: Dispatcher,
  deferral: Deferral,
  allowLoopback: boolean,
  edits: InteractionEdits,
): Promise<void> {
  // Acknowledged first when the answer might not be ready well within Discord's 3 seconds.
  const slow = dispatcher.find(interaction.commandName)?.defer === true;
  // Slow commands answer privately; others as the member asked (the "private" option).
  // Read from the raw options: getBoolean throws on a forged option of another type.
  const privately =
    slow || interaction.options.data.some((o) => o.name === "private" && o.value === true);
  const defer = () => interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
  if (deferral.shouldDefer(interaction.createdTimestamp, slow)) {
    await deferral.acknowledge(defer);
    // Under a burst, the other interactions' acknowledgements first: this answer can wait.
    await deferral.acknowledgementsSent();
  }
  const work = dispatcher.command(interaction.commandName, {
    user: userRef(interaction.user),
    options: optionsOf(interaction.options.data, allowLoopback),
    permissions: interaction.memberPermissions?.bitfield ?? null,
    ...(interaction.guildId && interaction.channelId
      ? {
          place: {
            guildId: interaction.guildId,
            channelId: interaction.channelId,
            ...(interaction.channel?.isThread() && interaction.channel.parentId
              ? { parentId: interaction.channel.parentId }
              : {}),
          },
        }
      : {}),
    ...(interaction.isMessageContextMenuCommand()
      ? {
          target: {
            id: interaction.targetMessage.id,
            content: interaction.targetMessage.content ?? "",
          },
        }
      : {}),
  });
  if (!interaction.deferred) {
    // An answer that waits on something (a server's articles loading) is deferred in time.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), deferral.patienceMs(interaction.createdTimestamp));
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first === "late") await deferral.acknowledge(defer);
  }
  const reply = await work;
  const message = toDiscordMessage(reply);
  if (!interaction.deferred) await interaction.reply(message);
  else if (!privately && reply.ephemeral) {
    // A private reply (a refusal, a cooldown) after a public "thinking…": an edit would
    // show it to everyone, so the placeholder goes and the reply follows privately.
    await interaction.deleteReply();
    await interaction.followUp(message);
  } else await edits.editOriginal(interaction, withoutFlags(message));
}

/** Answers one interaction; never throws (a failed send is logged, the bot keeps running). */
async function answer(
  interaction: Interaction,
  dispatcher: Dispatcher,
  deferral: Deferral,
  logger: Logger,
  allowLoopback: boolean,
  edits: InteractionEdits,
) {
  try {
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      const choices = dispatcher.autocomplete(interaction.commandName, {
        user: userRef(interaction.user),
        focused: focused.name,
        value: String(focused.value),
        options: optionsOf(interaction.options.data),
        ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
      });
      await interaction.respond(toChoices(choices));
    } else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      const done = deferral.begin();
      try {
        await answerCommand(interaction, dispatcher, deferral, allowLoopback, edits);
      } finally {
        done();
      }
    } else if (interaction.isButton()) {
      const reply = await dispatcher.button(interaction.customId, userRef(interaction.user), {
        messageId: interaction.message.id,
        ...(interaction.guildId
          ? { place: { guildId: interaction.guildId, channelId: interaction.channelId } }
          : {}),
      });
      const message = toDiscordMessage(reply);
      if (reply.update && !reply.error) await interaction.update(withoutFlags(message));
      else await interaction.reply(message);
    } else if (interaction.isRepliable()) {
      await interaction.reply(toDiscordMessage(errorReply(UNKNOWN_COMMAND)));
    }
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
      // Expired (not acknowledged within 3 s): one short line; a stack per interaction would
      // cost more CPU than answering, when a burst has made many late.
      logger.warn(
        { interactionId: interaction.id, type: interaction.type, code: error.code },
        "interaction expired before citebot could acknowledge it (Discord's 3-second deadline)",
      );
    } else {
      logger.error(
        { err: error, interactionId: interaction.id, type: interaction.type },
        "could not answer an interaction",
      );
    }
  }
}

/**
 * Starts citebot: a discord.js client with the Guilds and GuildMessages intents,
 * answering interactions with the command modules and messages that mention it
 * or reply to its answers. Resolves once the client is ready.
 * The REST base comes from `config.apiUrl` (Discord's by default);
 * `clientOptions` are merged over the defaults (tests pass `ws`, `shards`…).
 */
export async function startBot(deps: {
  config: BotConfig;
  corpus: Corpus;
  logger: Logger;
  clientOptions?: Partial<ClientOptions>;
  /** When to acknowledge before answering (tests pass one with their clock and limits). */
  deferral?: Deferral;
}): Promise<BotHandle> {
  const { config, logger } = deps;
  const extra = deps.clientOptions ?? {};
  // The database first: a file it cannot open or a newer schema stops the start, said plainly.
  const store = openStore(config.stateDir);
  const records = new Records(store.db, {
    questionDays: config.questionRetentionDays,
    onWriteError: (error) => logger.error({ err: error }, "could not log unanswered questions"),
  });
  records.prune();
  /** The unanswered questions of the last turn, written before the database closes. */
  const flushRecords = () => {
    try {
      records.flush();
    } catch (error) {
      logger.error({ err: error }, "could not log unanswered questions");
    }
  };
  const pruning = setInterval(() => {
    try {
      records.prune();
    } catch (error) {
      logger.error({ err: error }, "could not delete old question texts");
    }
  }, RETENTION.pruneEveryMs).unref();
  const library = new Library({
    shared: deps.corpus,
    stateDir: config.stateDir,
    limits: config.limits,
    logger,
    store: new ServerArticles(store.db),
    // Another shard's /reload is followed in a worker thread too: this one keeps answering.
    reopenShared: () =>
      openCorpusInWorker(config.dataDir, {
        cacheDir: config.cacheDir,
        limits: config.limits,
        buildWorkers: config.buildWorkers,
      }),
    // A server's own index (shared articles and its added ones) is built in a worker too.
    buildServer: buildServerCorpusInWorker,
  });
  // OWNER_IDS now; the application's owner (or team) once Discord says who it is.
  const owners = new Set(config.ownerIds);
  const context = createContext({
    corpus: deps.corpus,
    config,
    logger,
    questions: records,
    topics: new ChannelArticles(store.db),
    feedback: new Feedback(store.db),
    library,
    owners,
    // Reloads parse and index in a worker thread: this one only answers.
    openCorpus: openCorpusInWorker,
  });
  const dispatcher = new Dispatcher(commands, context, {
    cooldownSeconds: config.cooldownSeconds,
  });
  // A bounded pool of kept-alive connections: a burst queues on it instead of connecting anew.
  const agent = restAgent();
  const rest = { ...(config.apiUrl ? { api: config.apiUrl } : {}), agent, ...extra.rest };
  const client = new Client({
    // GuildMessages (not privileged): messages that mention citebot or reply to it, with content.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    allowedMentions: { parse: [] },
    ...extra,
    rest,
  });
  const edits = new InteractionEdits(rest);
  const delivered = new DeliveredOnce();
  const deferral = deps.deferral ?? new Deferral();
  client.on(Events.InteractionCreate, (interaction) => {
    if (!delivered.first(interaction.id)) {
      logger.info({ interactionId: interaction.id }, "interaction delivered again: ignored");
      return;
    }
    void answer(interaction, dispatcher, deferral, logger, config.allowLoopbackLinks, edits);
  });
  listenForMessages(
    client,
    new Conversation(dispatcher, records, config.cooldownSeconds, records),
    logger,
    (id) => delivered.first(id),
  );
  client.on(Events.Error, (error) => logger.error({ err: error }, "client error"));
  client.on(Events.Warn, (message) => logger.warn({ message }, "client warning"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, "gateway disconnected"),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, "gateway reconnecting"));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, "gateway resumed"),
  );
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, "gateway connected"));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.token);
    await ready;
    await addApplicationOwners(client, owners, logger);
  } catch (error) {
    await client.destroy();
    edits.destroy();
    await agent.close();
    clearInterval(pruning);
    flushRecords();
    store.close();
    throw error;
  }
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      shards: [...client.ws.shards.keys()],
      articles: deps.corpus.index.articles.length,
    },
    "citebot ready",
  );
  let stopped: Promise<void> | undefined;
  return {
    client,
    stop: () => {
      stopped ??= client.destroy().then(async () => {
        edits.destroy();
        await agent.close();
        clearInterval(pruning);
        flushRecords();
        store.close();
        logger.info("citebot logged out");
      });
      return stopped;
    },
  };
}
