// Builds the message object of something a member (or another bot, or a webhook) writes in a
// channel, as Discord dispatches it in MESSAGE_CREATE: mentions resolved from `<@id>` in the text,
// the replied message embedded, the author's member object attached.

import type { EmulatedUser } from "./state.ts";
import { messageObject } from "./channels.ts";
import type { Loose } from "./types.ts";

/** What a test says about a message written in a channel. */
export interface MemberMessageInput {
  /** The author; `bot: true` makes them another bot, `webhook: true` a webhook post. */
  readonly author: EmulatedUser;
  readonly content: string;
  /** The id of the message this one replies to. */
  readonly replyTo?: string;
  /** Whether a reply pings the replied author (Discord's default: yes, it is in `mentions`). */
  readonly pingReplied?: boolean;
  readonly bot?: boolean;
  readonly webhook?: boolean;
}

/** A member object without its user, as Discord embeds it in messages. */
export function memberOf(): Loose {
  return {
    roles: [],
    joined_at: "2024-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
  };
}

/** The public user object of an emulated user. */
export function userObject(user: EmulatedUser, bot = false): Loose {
  const plain: Loose = { ...user };
  delete plain.permissions;
  return bot ? { ...plain, bot: true } : plain;
}

/**
 * The message object for MESSAGE_CREATE. `known` resolves `<@id>` mentions (users and the bot);
 * `referenced` is the replied message, if it exists in the channel.
 */
export function memberMessage(args: {
  readonly id: string;
  readonly guildId: string;
  readonly channelId: string;
  readonly input: MemberMessageInput;
  readonly known: (id: string) => Loose | undefined;
  readonly referenced?: Loose;
  readonly attachments: Loose[];
}): Loose {
  const { input, referenced } = args;
  const author = userObject(input.author, input.bot);
  const mentions = new Map<string, Loose>();
  for (const match of input.content.matchAll(/<@!?(\d{1,20})>/gu)) {
    const user = args.known(match[1]!);
    if (user) mentions.set(user.id, user);
  }
  if (referenced && input.pingReplied !== false && referenced.author?.id !== author.id) {
    mentions.set(referenced.author.id, referenced.author);
  }
  const message: Loose = {
    ...messageObject(args.channelId, args.id, author),
    guild_id: args.guildId,
    content: input.content,
    attachments: args.attachments,
    mentions: [...mentions.values()],
    type: referenced ? 19 : 0,
  };
  if (!input.webhook) message.member = memberOf();
  if (input.webhook) {
    message.webhook_id = input.author.id;
    message.author = { ...author, bot: true };
  }
  if (referenced) {
    message.message_reference = {
      type: 0,
      message_id: referenced.id,
      channel_id: args.channelId,
      guild_id: args.guildId,
    };
    message.referenced_message = referenced;
  }
  return message;
}
