import type { CommandContext } from "../../src/bot/context.ts";
import type { ReplyButton } from "../../src/reply/types.ts";
import { customId, refRoom } from "./state.ts";

/** Custom id prefix of the vote buttons (handled by /gaps's module). */
export const VOTE_PREFIX = "vote";

/** The 👍 and 👎 buttons of a public answer; they carry the question for /gaps. */
export function voteButtons(context: CommandContext, question: string): ReplyButton[] {
  return ([1, -1] as const).map((value) => ({
    label: value === 1 ? "👍" : "👎",
    customId: customId(VOTE_PREFIX, value, context.refs.put(question, refRoom(VOTE_PREFIX, value))),
  }));
}
