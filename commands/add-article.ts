import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { AttachmentRef, CommandContext, CommandModule } from "../src/bot/context.ts";
import { LibraryRefused } from "../src/corpus/library.ts";
import { fetchPage, FetchRefused } from "../src/corpus/fetch-page.ts";
import { INGEST, IngestRefused, type Ingested } from "../src/corpus/ingest.ts";
import { ingestInWorker } from "../src/corpus/ingest-in-worker.ts";
import { errorReply } from "../src/reply/types.ts";
import { hasPermission } from "./shared/permissions.ts";
import { sourceLine } from "./shared/views.ts";

/** `/add-article link:… | file:…`: moderators add an article that their server alone sees. */
export const data = new SlashCommandBuilder()
  .setName("add-article")
  .setDescription("Add an article to this server from a web page or a file (Manage Server).")
  .addStringOption((option) =>
    option
      .setName("link")
      .setDescription("The https:// address of the article's page")
      .setMaxLength(2000),
  )
  .addAttachmentOption((option) =>
    option.setName("file").setDescription("A .md, .txt or .html file holding the article"),
  )
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

/** Reads the upload or fetches the page, and reads it as an article in a worker thread. */
async function receive(
  link: string | undefined,
  file: AttachmentRef | undefined,
  context: CommandContext,
): Promise<Ingested> {
  if (file) {
    if (file.size > INGEST.maxFileBytes) {
      throw new IngestRefused(
        `That file is larger than ${INGEST.maxFileBytes / 1_000_000} MB: articles are smaller.`,
      );
    }
    return ingestInWorker({ bytes: await file.read(), fileName: file.name });
  }
  const page = await fetchPage(link!.trim(), {
    allowLoopback: context.config.allowLoopbackLinks,
  });
  return ingestInWorker({ bytes: page.body, contentType: page.contentType, url: page.url });
}

/** /add-article: fetches or reads, extracts, stores in the server's folder, indexes at once. */
export const command: CommandModule = {
  data,
  defer: true,
  async execute(input, context) {
    const { place } = input;
    if (!place || !context.library) {
      return errorReply("Articles are added to a server: use /add-article in a server.");
    }
    // The registration's default permission can be overridden per server: check again here.
    if (!hasPermission(input.permissions, PermissionFlagsBits.ManageGuild)) {
      return errorReply("Only members with the Manage Server permission add articles.");
    }
    const link = input.options.string("link");
    const file = input.options.attachment("file");
    if ((link === undefined || link.trim() === "") === (file === undefined)) {
      return errorReply(
        "Give one article: link: with its page's https:// address, or file: with a .md, .txt or .html file.",
      );
    }
    let article;
    try {
      const ingested = await receive(link, file, context);
      article = await context.library.add(place.guildId, input.user.id, ingested);
    } catch (error) {
      if (
        error instanceof FetchRefused ||
        error instanceof IngestRefused ||
        error instanceof LibraryRefused
      ) {
        context.logger.info({ guildId: place.guildId, reason: error.message }, "article refused");
        return errorReply(`${error.message} Nothing was added.`);
      }
      throw error;
    }
    const passages = article.paragraphs.length;
    return {
      title: article.title,
      url: article.url,
      description: `Added to this server's articles (${passages} passage${passages === 1 ? "" : "s"}): members here can ask about it now. Make it a channel's article with /topic article:${article.id}; take it out with /remove-article.`,
      footer: sourceLine(article),
      ephemeral: true,
    };
  },
};
