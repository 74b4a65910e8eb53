import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { CommandModule } from "../src/bot/context.ts";
import type { Choice } from "../src/reply/types.ts";
import { errorReply } from "../src/reply/types.ts";
import { hasPermission } from "./shared/permissions.ts";

/** `/remove-article article:…`: takes out an article this server's moderators added. */
export const data = new SlashCommandBuilder()
  .setName("remove-article")
  .setDescription("Remove an article this server added (Manage Server).")
  .addStringOption((option) =>
    option
      .setName("article")
      .setDescription("The article to remove (only those added here)")
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

/** /remove-article: only what this server added; the shared articles stay. */
export const command: CommandModule = {
  data,
  async execute(input, context) {
    const { place } = input;
    if (!place || !context.library) {
      return errorReply("Articles are removed from a server: use /remove-article in a server.");
    }
    if (!hasPermission(input.permissions, PermissionFlagsBits.ManageGuild)) {
      return errorReply("Only members with the Manage Server permission remove articles.");
    }
    const wanted = (input.options.string("article") ?? "").trim();
    const removed = await context.library.remove(place.guildId, wanted);
    if (!removed) {
      const shared = context.library.sharedCorpus().index.article(wanted);
      return errorReply(
        shared
          ? `“${shared.title}” is one of the shared articles every server sees: only the bot's owner changes those. Nothing was removed.`
          : "This server added no article by that name: pick one from the list. Nothing was removed.",
      );
    }
    return {
      content: `Removed “${removed.title}” from this server's articles: it is no longer searched here.`,
      ephemeral: true,
    };
  },
  autocomplete(input, context): readonly Choice[] {
    if (input.focused !== "article" || !input.guildId || !context.library) return [];
    const words = input.value.toLowerCase().split(/\s+/u).filter(Boolean);
    return context.library
      .added(input.guildId)
      .filter((row) => words.every((word) => row.title.toLowerCase().includes(word)))
      .slice(0, 25)
      .map((row) => ({ name: row.title, value: row.articleId }));
  },
};
