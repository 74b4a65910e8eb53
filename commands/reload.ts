import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { LibraryError } from "../src/corpus/load.ts";
import type { CommandContext, CommandModule } from "../src/bot/context.ts";
import { reportSaveFailure } from "../src/corpus/save-failure.ts";
import { errorReply, type Reply, type ReplyField } from "../src/reply/types.ts";

/**
 * `/reload`: the bot's owner reloads the shared articles folder without a restart, on every
 * shard. Every server sees that folder, so a server's Manage Server permission is not enough.
 */
export const data = new SlashCommandBuilder()
  .setName("reload")
  .setDescription("Reload the shared articles folder from disk (the bot's owner).")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

function list(items: readonly string[]): string {
  const shown = items.slice(0, 20).join("\n");
  return items.length > 20 ? `${shown}\n… and ${items.length - 20} more` : shown;
}

/** /reload: handler (deferred; only the owner; every shard follows). */
export const command: CommandModule = {
  data,
  defer: true,
  async execute(input, context) {
    // Registered for Manage Server so that members do not see it; what decides is who asks.
    if (!context.isOwner(input.user.id)) {
      return errorReply(
        "Only the bot's owner can reload the shared articles (every server sees them). Moderators add articles to their own server with /add-article.",
      );
    }
    // Reloads asked for while one runs share it: two admins (or one double click) rebuild once.
    let running = inFlight.get(context);
    if (!running) {
      running = reload(context).finally(() => inFlight.delete(context));
      inFlight.set(context, running);
    } else {
      context.logger.info("a reload is already running: this one shares its result");
    }
    return running;
  },
};

/** The reload running for a context, if any. */
const inFlight = new WeakMap<CommandContext, Promise<Reply>>();

/** Loads the articles again and swaps them in; the reply says what loaded and what was skipped. */
async function reload(context: CommandContext): Promise<Reply> {
  const dir = context.config.dataDir;
  try {
    // In the bot a worker thread opens them: answers come from the current articles meanwhile.
    const corpus = await context.openCorpus(dir, {
      cacheDir: context.config.cacheDir,
      limits: context.config.limits,
      buildWorkers: context.config.buildWorkers,
    });
    context.replaceCorpus(corpus);
    for (const warning of corpus.warnings) context.logger.warn(warning);
    void reportSaveFailure(corpus, context.logger);
    context.logger.info(
      { articles: corpus.index.articles.length, broken: corpus.problems.length },
      "articles reloaded",
    );
    const fields: ReplyField[] = [
      {
        name: `Loaded (${corpus.index.articles.length})`,
        value: list(corpus.index.articles.map((a) => `${a.id}: ${a.title}`)),
      },
    ];
    if (corpus.problems.length > 0) {
      fields.push({
        name: `Broken files, skipped (${corpus.problems.length})`,
        value: list(corpus.problems.map((problem) => problem.message)),
      });
    }
    return { title: "Articles reloaded", fields, ephemeral: true };
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    context.logger.warn({ err: error }, "reload failed; keeping the previous articles");
    const previous = context.corpus().index.articles.length;
    const problems = error.problems.map((problem) => problem.message);
    return errorReply(
      `Reload failed: ${error.message}. Still answering from the ${previous} article${previous === 1 ? "" : "s"} loaded before.${problems.length > 0 ? `\nBroken files:\n${list(problems)}` : ""}`,
    );
  }
}
