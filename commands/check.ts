import { ApplicationCommandType, ContextMenuCommandBuilder } from "discord.js";
import { checkQuestion, MAX_QUESTION_LENGTH } from "../src/core/index.ts";
import type { CommandContext, CommandModule, UserRef } from "../src/bot/context.ts";
import { channelArticle } from "./shared/scope.ts";
import { customId, refRoom } from "./shared/state.ts";
import {
  askIndex,
  citationFields,
  footerOf,
  mainArticle,
  shareButton,
  sourceLine,
} from "./shared/views.ts";
import { errorReply, type Inline, type Reply, type ReplyButton } from "../src/reply/types.ts";

const PREFIX = "check";

/** Message context menu "Check against article": what the article says about a message. */
export const data = new ContextMenuCommandBuilder()
  .setName("Check against article")
  .setType(ApplicationCommandType.Message);

/** The passages bearing on a claim, privately unless shared. */
export function checkReply(
  context: CommandContext,
  claim: string,
  view: { ephemeral: boolean; sharedBy?: UserRef; article?: string },
): Reply {
  const index = context.corpus().index;
  const answer = askIndex(index, claim, 3, view.article);
  const article = mainArticle(answer, index);
  const description: Inline[] = [{ bold: "Claim:" }, " ", claim, { markup: "\n" }];
  if (answer.citations.length === 0) {
    description.push({ italic: "The article doesn't cover this: no passage relates to it." });
  } else if (answer.answered) {
    description.push({ italic: "The article bears on this in these passages:" });
  } else {
    description.push({
      italic: "The article doesn't cover this. The closest passages are only related:",
    });
  }
  const buttons: ReplyButton[] = [];
  if (view.ephemeral) {
    buttons.push(
      shareButton(customId(PREFIX, "share", context.refs.put(claim, refRoom(PREFIX, "share")))),
    );
  }
  return {
    title: `Check against “${article?.title ?? "the article"}”`,
    url: article?.url,
    description,
    fields: citationFields(answer.citations, index, answer.answered ? "" : "Related · "),
    footer: footerOf([sourceLine(article)], view.sharedBy),
    buttons,
    ephemeral: view.ephemeral,
  };
}

/** "Check against article": handler and its Share button. */
export const command: CommandModule = {
  data,
  buttonPrefix: PREFIX,
  execute(input, context) {
    const text = (input.target?.content ?? "").slice(0, MAX_QUESTION_LENGTH);
    const checked = checkQuestion(text);
    if (!checked.ok) {
      return errorReply(
        "This message has no text to check (only text is looked up, not images or embeds).",
      );
    }
    const article = channelArticle(input, context);
    return checkReply(context, checked.question, {
      ephemeral: true,
      ...(article !== undefined ? { article } : {}),
    });
  },
  button(input, context) {
    const [action, ...ref] = input.args;
    const checked = checkQuestion(context.refs.get(ref.join(":")) ?? "");
    if (action !== "share" || !checked.ok) return null;
    return checkReply(context, checked.question, { ephemeral: false, sharedBy: input.user });
  },
};
