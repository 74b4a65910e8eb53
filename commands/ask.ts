import { SlashCommandBuilder } from "discord.js";
import { checkQuestion } from "../src/core/index.ts";
import { describeQuestionProblem } from "../src/reply/problems.ts";
import type { CommandContext, CommandModule, UserRef } from "../src/bot/context.ts";
import { customId, refRoom, wholeNumber } from "./shared/state.ts";
import {
  askIndex,
  citationFields,
  footerOf,
  mainArticle,
  shareButton,
  sourceLine,
} from "./shared/views.ts";
import { errorReply, type Inline, type Reply, type ReplyButton } from "../src/reply/types.ts";
import { channelArticle, libraryOption } from "./shared/scope.ts";
import { voteButtons } from "./shared/votes.ts";
import { fullParagraphButton } from "./shared/paragraph.ts";

const PREFIX = "ask";
/** Citations per page. */
const PAGE = 3;
/** How far "More passages" may page. */
const MAX_OFFSET = 30;

/** `/ask question [private] [for]`: the passage that answers, quoted and cited. */
export const data = new SlashCommandBuilder()
  .setName("ask")
  .setDescription("Ask a question about the article; get the passage that answers it, cited.")
  .addStringOption((option) =>
    option
      .setName("question")
      .setDescription("Your question, e.g. Who did Elon Musk meet in China?")
      .setRequired(true)
      .setMinLength(1)
      .setMaxLength(300),
  )
  .addBooleanOption((option) => option.setName("private").setDescription("Only you see the answer"))
  .addUserOption((option) =>
    option.setName("for").setDescription("Point the answer at this member (they are mentioned)"),
  )
  .addBooleanOption(libraryOption);

/** How one answer is shown. */
export interface AskView {
  offset: number;
  ephemeral: boolean;
  forUser?: UserRef;
  sharedBy?: UserRef;
  /** Only this article's passages (a follow-up stays on the article of its question). */
  article?: string;
  /** What the member wrote when `question` is how it was read (a follow-up: "why?"). */
  asked?: string;
}

/** Citations per page of an answer. */
export const ANSWER_PAGE = PAGE;

/** The answer to a question as a reply: one page of citations from `offset`. */
export function answerReply(context: CommandContext, question: string, view: AskView): Reply {
  const index = context.corpus().index;
  const answer = askIndex(index, question, view.offset + PAGE + 1, view.article);
  const page = answer.citations.slice(view.offset, view.offset + PAGE);
  const article = mainArticle(answer, index);
  const description: Inline[] =
    view.asked !== undefined && view.asked !== question
      ? [
          { bold: "Q:" },
          " ",
          view.asked,
          " ",
          { italic: `(read as: ${question})` },
          { markup: "\n" },
        ]
      : [{ bold: "Q:" }, " ", question, { markup: "\n" }];
  if (page.length === 0) {
    description.push({ italic: "Nothing in the article relates to this question." });
  } else if (view.offset > 0) {
    description.push({ italic: "More passages, in order of relevance:" });
  } else if (!answer.answered) {
    description.push({
      italic:
        "The article doesn't cover this. The closest passages are below: related, not an answer.",
    });
  } else if (answer.close) {
    // A close call: no bold answer that the ranking cannot back; the page shows both.
    description.push({ italic: "Two passages fit about equally well: read both." });
  } else if (answer.answer) {
    description.push({ bold: "A:" }, " ", answer.answer);
  }
  const related = !answer.answered && view.offset === 0 ? "Related · " : "";
  const buttons: ReplyButton[] = [];
  const room = (action: string, offset: number) => refRoom(PREFIX, action, offset);
  // The buttons carry the article the answer was restricted to, so that page 2 stays on it.
  const carried = `${view.article ?? ""}\n${question}`;
  if (answer.citations.length > view.offset + PAGE && view.offset + PAGE <= MAX_OFFSET) {
    const next = view.offset + PAGE;
    buttons.push({
      label: "More passages",
      customId: customId(PREFIX, "more", next, context.refs.put(carried, room("more", next))),
    });
  }
  const top = page[0];
  const topArticle = top ? index.article(top.article) : undefined;
  if (top && topArticle) buttons.push(fullParagraphButton(topArticle, top.paragraph, context.refs));
  if (!view.ephemeral && view.offset === 0 && page.length > 0) {
    buttons.push(...voteButtons(context, question));
  }
  if (view.ephemeral) {
    buttons.push(
      shareButton(
        customId(
          PREFIX,
          "share",
          view.offset,
          context.refs.put(carried, room("share", view.offset)),
        ),
      ),
    );
  }
  return {
    title: article?.title ?? "citebot",
    url: article?.url,
    description,
    fields: citationFields(page, index, related),
    footer: footerOf([sourceLine(article)], view.sharedBy),
    buttons,
    ephemeral: view.ephemeral,
    mentionUser: view.forUser?.id,
  };
}

/** /ask: handler and buttons (More passages, Share in channel). */
export const command: CommandModule = {
  data,
  execute(input, context) {
    const checked = checkQuestion(input.options.string("question") ?? "");
    if (!checked.ok) return errorReply(describeQuestionProblem(checked.problem, checked.length));
    const article = channelArticle(input, context);
    if (input.place && context.questions) {
      const answer = askIndex(context.corpus().index, checked.question, PAGE + 1, article);
      if (!answer.answered) {
        const { guildId, channelId } = input.place;
        context.questions.logUnanswered({ guildId, channelId, question: checked.question });
      }
    }
    return answerReply(context, checked.question, {
      ...(article !== undefined ? { article } : {}),
      offset: 0,
      ephemeral: input.options.boolean("private") ?? false,
      forUser: input.options.user("for"),
    });
  },
  button(input, context) {
    const [action, offsetText, ...ref] = input.args;
    const offset = wholeNumber(offsetText, MAX_OFFSET);
    const carried = context.refs.get(ref.join(":"));
    const cut = carried?.indexOf("\n") ?? -1;
    const article = carried !== undefined && cut > 0 ? carried.slice(0, cut) : undefined;
    const on = article !== undefined ? { article } : {};
    // A question carried in a button is checked like a typed one: an empty or forged one
    // ("ask:share:0:=") must not post an empty public "Q:".
    const checked = checkQuestion(carried !== undefined && cut >= 0 ? carried.slice(cut + 1) : "");
    if (offset === undefined || !checked.ok) return null;
    const question = checked.question;
    if (action === "more")
      return answerReply(context, question, { offset, ephemeral: true, ...on });
    if (action === "share") {
      return answerReply(context, question, {
        offset,
        ephemeral: false,
        sharedBy: input.user,
        ...on,
      });
    }
    return null;
  },
};
