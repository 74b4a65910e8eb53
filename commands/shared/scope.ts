import type { SlashCommandBooleanOption } from "discord.js";
import type { CommandContext, Options, Place } from "../../src/bot/context.ts";

/** The `library` option of /ask and /search: every article instead of the channel's. */
export function libraryOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option
    .setName("library")
    .setDescription("Search every article, not only the one this channel discusses");
}

/**
 * The article answers come from by default where a command was used: the one its channel (or
 * the thread's channel, or the server) discusses, when one is set and still loaded, and the
 * member did not ask for the whole library.
 */
export function channelArticle(
  input: { readonly place?: Place; readonly options?: Options },
  context: CommandContext,
): string | undefined {
  if (!input.place || !context.topics) return undefined;
  if (input.options?.boolean("library") === true) return undefined;
  const topic = context.topics.resolve(input.place);
  return topic && context.corpus().index.article(topic.articleId) ? topic.articleId : undefined;
}
