import { SlashCommandBuilder } from "discord.js";
import type { CommandContext, CommandModule } from "../src/bot/context.ts";
import { errorReply } from "../src/reply/types.ts";
import { paragraphReply, QUOTE_PREFIX } from "./shared/paragraph.ts";
import { channelArticle } from "./shared/scope.ts";
import { wholeNumber } from "./shared/state.ts";
import { articleOption, completeArticle, pickArticle } from "./shared/views.ts";

/** `/quote paragraph:<n> [article]`: the whole paragraph, with ◀ ▶ for its neighbours. */
export const data = new SlashCommandBuilder()
  .setName("quote")
  .setDescription("Show a whole paragraph of the article, with its number.")
  .addIntegerOption((option) =>
    option
      .setName("paragraph")
      .setDescription("Paragraph number (1 is the first paragraph)")
      .setRequired(true)
      .setMinValue(1)
      .setMaxValue(10_000),
  )
  .addStringOption(articleOption);

/** /quote: handler, article autocomplete, and ◀ ▶ / Full paragraph / Share buttons. */
export const command: CommandModule = {
  data,
  buttonPrefix: QUOTE_PREFIX,
  execute(input, context) {
    const picked = pickArticle(
      context.corpus().index,
      input.options.string("article") ?? channelArticle(input, context),
    );
    if ("refusal" in picked) return picked.refusal;
    const { article } = picked;
    const n = input.options.integer("paragraph");
    if (n === undefined)
      return errorReply("Give a paragraph number, for example /quote paragraph:1.");
    return paragraphReply(article, n, context.refs, { ephemeral: false });
  },
  autocomplete: completeArticle,
  button(input, context: CommandContext) {
    const [action, number, ...rest] = input.args;
    const n = wholeNumber(number, 10_000);
    if (n === undefined) return null;
    if (action === "go") {
      const [mode, ...ref] = rest;
      const article = context.corpus().index.article(context.refs.get(ref.join(":")) ?? "");
      if (!article || (mode !== "p" && mode !== "c")) return null;
      return {
        ...paragraphReply(article, n, context.refs, { ephemeral: mode === "p" }),
        update: true,
      };
    }
    const article = context.corpus().index.article(context.refs.get(rest.join(":")) ?? "");
    if (!article) return null;
    if (action === "show") return paragraphReply(article, n, context.refs, { ephemeral: true });
    if (action === "share") {
      return paragraphReply(article, n, context.refs, { ephemeral: false, sharedBy: input.user });
    }
    return null;
  },
};
