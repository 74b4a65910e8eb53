import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { CommandModule } from "../src/bot/context.ts";
import { errorReply } from "../src/reply/types.ts";
import { hasPermission } from "./shared/permissions.ts";
import { articleOption, completeArticle, pickArticle, sourceLine } from "./shared/views.ts";

/** `/topic [article] [server] [clear]`: the article a channel discusses, set by moderators. */
export const data = new SlashCommandBuilder()
  .setName("topic")
  .setDescription("Set the article this channel discusses (Manage Channels), or see it.")
  .addStringOption((option) =>
    articleOption(option).setDescription("The article to discuss here (threads follow)"),
  )
  .addBooleanOption((option) =>
    option.setName("server").setDescription("The server's default instead (Manage Server)"),
  )
  .addBooleanOption((option) =>
    option.setName("clear").setDescription("Forget the choice: answer from every article again"),
  )
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
  .setContexts(InteractionContextType.Guild);

const WHERE = { channel: "this channel", parent: "this thread's channel", server: "the server" };

/** /topic: shows, sets or clears the article of a channel or of the server. */
export const command: CommandModule = {
  data,
  execute(input, context) {
    const { place } = input;
    if (!place || !context.topics) {
      return errorReply("Articles are chosen per server channel: use /topic in a server.");
    }
    const server = input.options.boolean("server") === true;
    const needed = server ? PermissionFlagsBits.ManageGuild : PermissionFlagsBits.ManageChannels;
    const index = context.corpus().index;
    const wanted = input.options.string("article");
    const clear = input.options.boolean("clear") === true;
    if (wanted === undefined && !clear) {
      const topic = context.topics.resolve(place);
      const article = topic ? index.article(topic.articleId) : undefined;
      if (!topic || !article) {
        return errorReply(
          "No article is set here: citebot answers from every article. Moderators choose one with /topic article:…",
        );
      }
      return {
        content: `This channel discusses “${article.title}” (chosen for ${WHERE[topic.from]}).`,
        ephemeral: true,
      };
    }
    if (!hasPermission(input.permissions, needed)) {
      return errorReply(
        server
          ? "Only members with the Manage Server permission choose the server's article."
          : "Only members with the Manage Channels permission choose a channel's article.",
      );
    }
    const channelId = server ? null : place.channelId;
    const where = server ? "This server" : "This channel";
    if (clear) {
      const had = context.topics.clear(place.guildId, channelId);
      return had
        ? { content: `${where} no longer has an article of its own.` }
        : errorReply(`${where} had no article set: nothing changed.`);
    }
    const picked = pickArticle(index, wanted);
    if ("refusal" in picked) return picked.refusal;
    const { article } = picked;
    context.topics.set(place.guildId, channelId, article.id, input.user.id);
    return {
      title: article.title,
      url: article.url,
      description: `${where} now discusses this article: /ask, /search, /quote, /article, mentions and “Check against article” answer from it${server ? " wherever a channel has no article of its own" : ""}. Add library:true to /ask or /search to search every article.`,
      footer: sourceLine(article),
    };
  },
  autocomplete: completeArticle,
};
