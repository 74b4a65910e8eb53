// Channel messages for the emulator: what members write (MESSAGE_CREATE, filtered by the intents the
// client identified with, without content unless Discord would send it), what the bot posts with
// `POST /channels/{id}/messages` (Discord's limits, reply references and allowed mentions checked),
// threads, and attachments served from a CDN path on the emulator's own port.

import { messageProblems } from "./limits.ts";
import type { Loose } from "./types.ts";

/** Gateway intent bits the emulator filters by. */
export const Intent = Object.freeze({
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  MessageContent: 1 << 15,
});

/** Message flags a bot may set on a channel message (suppress embeds, suppress notifications). */
const CHANNEL_MESSAGE_FLAGS = 4 | 4096;

/** A file attached to a member's message. */
export interface AttachmentInput {
  readonly filename: string;
  readonly data: string | Buffer;
  readonly contentType?: string;
}

/** A stored attachment, served at `GET /attachments/{channel}/{id}/{filename}`. */
interface StoredAttachment {
  readonly data: Buffer;
  readonly contentType: string;
}

/** A message the bot posted in a channel, as recorded for the tests. */
export interface PostedMessage {
  readonly id: string;
  readonly channelId: string;
  readonly at: number;
  /** The request body as the bot sent it. */
  readonly body: Loose;
  /** The message it replies to (`message_reference.message_id`), if any. */
  readonly replyTo?: string;
  /** Users Discord would notify: content mentions allowed by `allowed_mentions`, and the replied author when `replied_user` allows it. */
  readonly pinged: readonly string[];
}

/** A channel or thread the emulator knows, with its messages. */
export interface EmulatedChannel {
  readonly id: string;
  readonly guildId: string;
  readonly name: string;
  /** 0 text channel, 11 public thread. */
  readonly type: 0 | 11;
  readonly parentId: string | null;
  readonly ownerId?: string;
}

/**
 * The emulator's channels and messages: plain data and rules, no sockets. The emulator owns one and
 * routes `/channels/…` and `/attachments/…` requests here.
 */
export class ChannelStore {
  readonly channels = new Map<string, EmulatedChannel>();
  /** Every message by id (members' and the bot's), as Discord would return it. */
  readonly messages = new Map<string, Loose>();
  /** What the bot posted, in order. */
  readonly posted: PostedMessage[] = [];
  private readonly attachments = new Map<string, StoredAttachment>();

  constructor(
    private readonly botUser: Loose,
    private readonly newId: () => string,
  ) {}

  /** Registers a guild's text channel. */
  addChannel(channel: EmulatedChannel): void {
    this.channels.set(channel.id, channel);
  }

  /** The channel object as the gateway and REST describe it. */
  channelObject(channel: EmulatedChannel): Loose {
    const base: Loose = {
      id: channel.id,
      type: channel.type,
      guild_id: channel.guildId,
      name: channel.name,
      parent_id: channel.parentId,
      last_message_id: null,
      flags: 0,
    };
    if (channel.type === 0) {
      return { ...base, position: 0, permission_overwrites: [], nsfw: false, topic: null };
    }
    return {
      ...base,
      owner_id: channel.ownerId,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      rate_limit_per_user: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: new Date().toISOString(),
        locked: false,
        create_timestamp: new Date().toISOString(),
      },
    };
  }

  /** Threads of a guild, for GUILD_CREATE. */
  threadsOf(guildId: string): Loose[] {
    return [...this.channels.values()]
      .filter((c) => c.guildId === guildId && c.type === 11)
      .map((c) => this.channelObject(c));
  }

  /** Stores the files of a member's message and gives their attachment objects. */
  storeAttachments(baseUrl: string, channelId: string, files: readonly AttachmentInput[]): Loose[] {
    return files.map((file) => {
      const id = this.newId();
      const data = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data, "utf8");
      const contentType = file.contentType ?? "text/plain; charset=utf-8";
      const key = `${channelId}/${id}/${file.filename}`;
      this.attachments.set(key, { data, contentType });
      const url = `${baseUrl}/attachments/${key}`;
      return {
        id,
        filename: file.filename,
        size: data.length,
        url,
        proxy_url: url,
        content_type: contentType,
      };
    });
  }

  /** An attachment's bytes for the CDN route, or undefined. */
  attachment(key: string): StoredAttachment | undefined {
    return this.attachments.get(key);
  }

  /**
   * The MESSAGE_CREATE a client identified with `intents` receives for `message`, or undefined when
   * it receives none. Without the Message Content intent, content, embeds, attachments and
   * components are emptied unless the message mentions the bot, replies to it, or is its own.
   */
  visibleTo(intents: number, message: Loose): Loose | undefined {
    if (message.guild_id && !(intents & Intent.GuildMessages)) return undefined;
    const botId = this.botUser.id;
    const addressed =
      message.author?.id === botId ||
      (message.mentions ?? []).some((u: Loose) => u.id === botId) ||
      message.referenced_message?.author?.id === botId;
    if (intents & Intent.MessageContent || addressed) return message;
    return { ...message, content: "", embeds: [], attachments: [], components: [] };
  }

  /**
   * Checks and stores a bot's `POST /channels/{id}/messages`. Returns the HTTP status and body
   * Discord would answer with.
   */
  post(channelId: string, body: Loose, at: number): { status: number; json: Loose } {
    const channel = this.channels.get(channelId);
    if (!channel) return { status: 404, json: { message: "Unknown Channel", code: 10003 } };
    const problems = messageProblems(body);
    const flags = Number(body?.flags ?? 0);
    if (flags & ~CHANNEL_MESSAGE_FLAGS) problems.push(`flags ${flags} not allowed on a message`);
    const allowed = body?.allowed_mentions;
    const parse: unknown[] = Array.isArray(allowed?.parse) ? allowed.parse : [];
    if (parse.includes("users") && Array.isArray(allowed?.users)) {
      problems.push("allowed_mentions: parse users and a users list are mutually exclusive");
    }
    let referenced: Loose;
    const reference = body?.message_reference;
    if (reference) {
      referenced = this.messages.get(String(reference.message_id));
      const sameChannel =
        referenced && (reference.channel_id ?? channelId) === channelId
          ? referenced.channel_id === channelId
          : false;
      if (!sameChannel && reference.fail_if_not_exists !== false) {
        problems.push("message_reference: Unknown message");
      }
      if (!sameChannel) referenced = undefined;
    }
    if (problems.length) {
      return { status: 400, json: { message: "Invalid Form Body", code: 50035, errors: problems } };
    }
    const id = this.newId();
    const message: Loose = {
      ...messageObject(channelId, id, this.botUser),
      ...body,
      guild_id: channel.guildId,
      type: referenced ? 19 : 0,
      mentions: [],
      ...(referenced
        ? {
            message_reference: {
              type: 0,
              message_id: referenced.id,
              channel_id: channelId,
              guild_id: channel.guildId,
            },
            referenced_message: referenced,
          }
        : {}),
    };
    delete message.allowed_mentions;
    this.messages.set(id, message);
    this.posted.push({
      id,
      channelId,
      at,
      body,
      ...(referenced ? { replyTo: String(referenced.id) } : {}),
      pinged: pinged(body, referenced),
    });
    return { status: 200, json: message };
  }
}

/**
 * Who Discord notifies for a bot's message: user mentions in its content that `allowed_mentions`
 * allows (all of them when it is absent), and the replied author unless `replied_user` is false
 * (absent `allowed_mentions` pings them; present, it defaults to false).
 */
function pinged(body: Loose, referenced: Loose): string[] {
  const content = typeof body?.content === "string" ? body.content : "";
  const inContent = [...content.matchAll(/<@!?(\d{1,20})>/gu)].map((m) => m[1]!);
  const allowed = body?.allowed_mentions;
  const users = new Set<string>();
  for (const id of inContent) {
    if (!allowed) users.add(id);
    else if (Array.isArray(allowed.parse) && allowed.parse.includes("users")) users.add(id);
    else if (Array.isArray(allowed.users) && allowed.users.includes(id)) users.add(id);
  }
  const repliedUser = allowed ? allowed.replied_user === true : true;
  if (referenced && repliedUser) users.add(String(referenced.author?.id));
  return [...users];
}

/**
 * A message object as Discord returns it, with every field discord.js reads;
 * callers spread their own fields over it.
 */
export function messageObject(channelId: string, id: string, author: Loose): Loose {
  return {
    id,
    channel_id: channelId,
    author,
    content: "",
    embeds: [],
    components: [],
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    type: 0,
    flags: 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}
