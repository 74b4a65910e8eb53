import { SlashCommandBuilder } from "discord.js";
import { extractFigures, formatDate } from "../src/core/index.ts";
import type { CommandModule } from "../src/bot/context.ts";
import { channelArticle } from "./shared/scope.ts";
import { articleOption, completeArticle, pickArticle } from "./shared/views.ts";
import type { Inline, ReplyField } from "../src/reply/types.ts";

/** How many key figures to list. */
const MAX_FIGURES = 12;

/** `/article [article]`: what the article is, its lead paragraph and its key figures. */
export const data = new SlashCommandBuilder()
  .setName("article")
  .setDescription("About the article: source, date, link, lead paragraph and key figures.")
  .addStringOption(articleOption);

/** /article: handler and article autocomplete. */
export const command: CommandModule = {
  data,
  execute(input, context) {
    const index = context.corpus().index;
    const picked = pickArticle(
      index,
      input.options.string("article") ?? channelArticle(input, context),
    );
    if ("refusal" in picked) return picked.refusal;
    const { article } = picked;
    const fields: ReplyField[] = [];
    if (article.source) fields.push({ name: "Source", value: article.source, inline: true });
    if (article.published) {
      fields.push({ name: "Published", value: formatDate(article.published), inline: true });
    }
    if (article.author) fields.push({ name: "Author", value: article.author, inline: true });
    fields.push({ name: "Paragraphs", value: String(article.paragraphs.length), inline: true });
    if (article.url)
      fields.push({ name: "Link", value: [{ link: article.url, url: article.url }] });
    const lead = article.paragraphs[0];
    if (lead) fields.push({ name: "Lead (¶1)", value: lead.text });
    const figures = extractFigures(article).slice(0, MAX_FIGURES);
    if (figures.length > 0) {
      const value: Inline[] = [];
      for (const figure of figures) {
        if (value.length > 0) value.push({ markup: "\n" });
        value.push(
          { markup: "• " },
          { bold: figure.text },
          ` (${figure.kind}) · ¶${figure.paragraph}`,
        );
      }
      fields.push({ name: "Key figures", value });
    }
    return {
      title: article.title,
      url: article.url,
      description:
        index.articles.length > 1
          ? `One of ${index.articles.length} loaded articles (id ${article.id}).`
          : undefined,
      fields,
      footer: `Ask about it with /ask, or quote a paragraph with /quote.`,
    };
  },
  autocomplete: completeArticle,
};
