// Members writing in channels, for the e2e tests: a message to citebot and the reply it gets.

import type { EmulatedUser, Loose, PostedMessage } from "../emulator/emulator.ts";
import type { World } from "./harness.ts";

/** `<@citebot>` as a member types it. */
export function mentionOf(world: World): string {
  return `<@${world.emulator.applicationId}>`;
}

/** Options of {@link say}. */
export interface SayOptions {
  user?: EmulatedUser;
  channelId?: string;
  replyTo?: string;
  pingReplied?: boolean;
}

/** A member writes `content` in the first guild; resolves with their message and citebot's reply to it. */
export async function say(
  world: World,
  content: string,
  options: SayOptions = {},
): Promise<{ asked: Loose; reply: PostedMessage }> {
  const { message } = world.emulator.postMessage(world.guild, {
    author: options.user ?? world.alice,
    content,
    ...(options.channelId ? { channelId: options.channelId } : {}),
    ...(options.replyTo ? { replyTo: options.replyTo } : {}),
    ...(options.pingReplied !== undefined ? { pingReplied: options.pingReplied } : {}),
  });
  const reply = await world.emulator.waitForReply(message.id);
  return { asked: message, reply };
}

/** Replies citebot posted to any of `messageIds`. */
export function repliesTo(world: World, messageIds: readonly string[]): PostedMessage[] {
  return world.emulator.channels.posted.filter((p) => p.replyTo && messageIds.includes(p.replyTo));
}
