import { SlashCommandBuilder } from "discord.js";
import type { Article } from "../src/core/index.ts";
import type { CommandContext, CommandModule, UserRef } from "../src/bot/context.ts";
import { customId, refRoom, type RefStore } from "../src/bot/state.ts";
import {
  articleOption,
  completeArticle,
  footerOf,
  pickArticle,
  shareButton,
  sourceLine,
} from "../src/bot/views.ts";
import { errorReply, type Reply, type ReplyButton } from "../src/reply/types.ts";

const PREFIX = "quote";

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

/** The button that opens paragraph `n` of an article as a private message. */
export function fullParagraphButton(article: Article, n: number, refs: RefStore): ReplyButton {
  return {
    label: "Full paragraph",
    customId: customId(PREFIX, "show", n, refs.put(article.id, refRoom(PREFIX, "show", n))),
  };
}

/** Paragraph `n` of an article as a reply, with its navigation buttons. */
export function paragraphReply(
  article: Article,
  n: number,
  refs: RefStore,
  view: { ephemeral: boolean; sharedBy?: UserRef },
): Reply {
  const total = article.paragraphs.length;
  const paragraph = article.paragraphs[n - 1];
  if (!paragraph) {
    return errorReply(
      `Paragraph ${n} doesn't exist: “${article.title}” has ${total} paragraph${total === 1 ? "" : "s"} (1–${total}).`,
    );
  }
  const mode = view.ephemeral ? "p" : "c";
  const go = (to: number) =>
    customId(PREFIX, "go", to, mode, refs.put(article.id, refRoom(PREFIX, "go", to, mode)));
  const buttons: ReplyButton[] = [
    { label: "◀", customId: go(n - 1), disabled: n <= 1 },
    { label: "▶", customId: go(n + 1), disabled: n >= total },
  ];
  if (view.ephemeral) {
    buttons.push(
      shareButton(customId(PREFIX, "share", n, refs.put(article.id, refRoom(PREFIX, "share", n)))),
    );
  }
  return {
    title: article.title,
    url: article.url,
    description: [{ bold: `¶${n}` }, { markup: "\n" }, paragraph.text],
    footer: footerOf([`¶${n} of ${total}`, sourceLine(article)], view.sharedBy),
    buttons,
    ephemeral: view.ephemeral,
  };
}

/** /quote: handler, article autocomplete, and ◀ ▶ / Full paragraph / Share buttons. */
export const command: CommandModule = {
  data,
  execute(input, context) {
    const picked = pickArticle(context.corpus().index, input.options.string("article"));
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
    const n = Number(number);
    if (!Number.isSafeInteger(n)) return null;
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
