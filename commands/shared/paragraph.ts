/**
 * A paragraph of an article as a reply, and the button that opens one: shared
 * by /quote (which handles the buttons) and /ask (whose answers offer "Full
 * paragraph"), so that no command imports another.
 */
import type { Article } from "../../src/core/index.ts";
import type { UserRef } from "../../src/bot/context.ts";
import { errorReply, type Reply, type ReplyButton } from "../../src/reply/types.ts";
import { customId, refRoom, type RefStore } from "./state.ts";
import { footerOf, shareButton, sourceLine } from "./views.ts";

/** The custom-id prefix of paragraph buttons: /quote handles them. */
export const QUOTE_PREFIX = "quote";

/** The button that opens paragraph `n` of an article as a private message. */
export function fullParagraphButton(article: Article, n: number, refs: RefStore): ReplyButton {
  return {
    label: "Full paragraph",
    customId: customId(
      QUOTE_PREFIX,
      "show",
      n,
      refs.put(article.id, refRoom(QUOTE_PREFIX, "show", n)),
    ),
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
    customId(
      QUOTE_PREFIX,
      "go",
      to,
      mode,
      refs.put(article.id, refRoom(QUOTE_PREFIX, "go", to, mode)),
    );
  const buttons: ReplyButton[] = [
    { label: "◀", customId: go(n - 1), disabled: n <= 1 },
    { label: "▶", customId: go(n + 1), disabled: n >= total },
  ];
  if (view.ephemeral) {
    buttons.push(
      shareButton(
        customId(QUOTE_PREFIX, "share", n, refs.put(article.id, refRoom(QUOTE_PREFIX, "share", n))),
      ),
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
