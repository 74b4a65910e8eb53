import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import type { CommandModule, Place } from "../src/bot/context.ts";
import { errorReply, type Inline } from "../src/reply/types.ts";
import { VOTE_PREFIX } from "./shared/votes.ts";
import { hasPermission } from "./shared/permissions.ts";

/** Lines per list of /gaps. */
const GAPS_LIMIT = 10;

/** `/gaps`: what members asked that the articles did not cover, and the answers voted down. */
export const data = new SlashCommandBuilder()
  .setName("gaps")
  .setDescription("Moderators: questions the articles didn't cover, and answers voted down.")
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);

function link(place: { guildId: string; channelId: string | null }, messageId?: string | null) {
  const parts = [place.guildId, place.channelId, messageId].filter(Boolean).join("/");
  return `https://discord.com/channels/${parts}`;
}

function may(permissions: bigint | null): boolean {
  return hasPermission(permissions, PermissionFlagsBits.ManageGuild);
}

const mark = (value: number) => (value === 1 ? "👍" : "👎");

/** /gaps, and the vote buttons of answers. */
export const command: CommandModule = {
  data,
  buttonPrefix: VOTE_PREFIX,
  execute(input, context) {
    const { place } = input;
    if (!place || !context.feedback) return errorReply("/gaps reports on a server: use it in one.");
    if (!may(input.permissions)) {
      return errorReply("Only members with the Manage Server permission can read /gaps.");
    }
    const gaps = context.feedback.gaps(place.guildId, GAPS_LIMIT);
    const asked: Inline[] = [];
    for (const entry of gaps.unanswered) {
      if (asked.length > 0) asked.push({ markup: "\n" });
      asked.push({ bold: `${entry.count}×` }, " ", entry.question, " · ");
      asked.push({
        link: entry.messageId ? "asked here" : "channel",
        url: link({ guildId: place.guildId, channelId: entry.channelId }, entry.messageId),
      });
    }
    const voted: Inline[] = [];
    for (const entry of gaps.downvoted) {
      if (voted.length > 0) voted.push({ markup: "\n" });
      voted.push({ bold: `${entry.down} 👎` }, ` ${entry.up} 👍 · `);
      voted.push(entry.question ?? "(question deleted after the retention time)", " · ");
      voted.push({
        link: "answer",
        url: link({ guildId: place.guildId, channelId: entry.channelId }, entry.answerId),
      });
    }
    return {
      title: "What the articles leave out",
      description:
        "Questions members asked that the articles did not cover (most asked first), and the answers most voted down: material for a follow-up story.",
      fields: [
        { name: "Asked, not covered", value: asked.length ? asked : "Nothing yet." },
        { name: "Voted down", value: voted.length ? voted : "No answer voted down yet." },
      ],
      ephemeral: true,
    };
  },
  button(input, context) {
    const [valueText, ...ref] = input.args;
    const value = Number(valueText);
    const question = context.refs.get(ref.join(":"));
    if ((value !== 1 && value !== -1) || question === undefined) return null;
    const place: Place | undefined = input.place;
    if (!place || !input.messageId || !context.feedback) {
      return errorReply("Votes are counted on answers in a server.");
    }
    const result = context.feedback.vote({
      answerId: input.messageId,
      place,
      userId: input.user.id,
      value,
      question,
    });
    const change =
      result.previous === 0
        ? ""
        : result.previous === value
          ? " (unchanged)"
          : ` (was ${mark(result.previous)})`;
    return {
      content: `Thanks: you voted ${mark(value)}${change}. This answer: ${result.up} 👍 · ${result.down} 👎.`,
      ephemeral: true,
    };
  },
};
