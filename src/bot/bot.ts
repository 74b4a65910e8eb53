import { Client, Events, GatewayIntentBits, Team, type ClientOptions } from "discord.js";
import type { Logger } from "pino";
import { commands } from "../../commands/index.ts";
import type { BotConfig } from "../config.ts";
import type { Corpus } from "../corpus/open.ts";
import { openCorpusInWorker } from "../corpus/open-in-worker.ts";
import { buildServerCorpusInWorker } from "../corpus/server-index-in-worker.ts";
import { ServerArticles } from "../storage/server-articles.ts";
import { Library } from "../corpus/library.ts";
import { openStore } from "../storage/database.ts";
import { Records, RETENTION } from "../storage/records.ts";
import { Feedback } from "../storage/feedback.ts";
import { ChannelArticles } from "../storage/topics.ts";
import { Conversation } from "./conversation.ts";
import { createContext, Dispatcher } from "./dispatch.ts";
import { answer } from "./interactions.ts";
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
