// A Discord emulator for tests: the REST API and the gateway on one 127.0.0.1 port, speaking the
// subset of Discord that discord.js 14 uses, with Discord's own behaviour where it matters (the
// 3-second interaction deadline, Retry-After, resumable sessions) and switches to break it.
// This file is the entry point tests import: the server's start and stop, and the methods tests
// call. The work is done in its rooms: state.ts (what it knows and records), gateway.ts,
// rest.ts, interactions.ts, channels.ts (channel messages), ids.ts (snowflakes, permissions).

import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  Intent,
  messageObject,
  type AttachmentInput,
  type EmulatedChannel,
  type PostedMessage,
} from "./channels.ts";
import { Gateway } from "./gateway.ts";
import { snowflake } from "./ids.ts";
import { Interactions } from "./interactions.ts";
import { memberMessage, userObject, type MemberMessageInput } from "./member-messages.ts";
import { Rest, type RestFault } from "./rest.ts";
import {
  EmulatorState,
  type EmulatedGuild,
  type EmulatedUser,
  type EmulatorOptions,
} from "./state.ts";
import type { InteractionOutcome, Loose } from "./types.ts";

export type { InteractionOutcome, Loose, RecordedRequest, SentMessage } from "./types.ts";
export { Intent, messageObject };
export type { AttachmentInput, EmulatedChannel, PostedMessage } from "./channels.ts";
export type { MemberMessageInput } from "./member-messages.ts";
export type { EmulatedGuild, EmulatedUser, EmulatorOptions } from "./state.ts";
export type { RestFault } from "./rest.ts";
export {
  ADMIN_PERMISSIONS,
  MEMBER_PERMISSIONS,
  PERMISSIONS_ALL,
  shardOf,
  snowflake,
} from "./ids.ts";

/**
 * How long a test waits for something the bot should do (an answer, a reply, a shard) before
 * failing. Generous: tests check what happens, not how fast, and a busy 2-core CI machine
 * can take seconds; speed is measured by the benchmarks.
 */
export const WAIT_MS = 30_000;

/**
 * The emulator. Start it with {@link DiscordEmulator.start}, point the client's `rest.api` at
 * {@link DiscordEmulator.apiUrl}, and drive the bot with {@link DiscordEmulator.sendInteraction}.
 */
export class DiscordEmulator extends EmulatorState {
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly gateway = new Gateway(this);
  private readonly interactions = new Interactions(this, this.gateway);
  private readonly rest = new Rest(this, this.interactions);

  private constructor(options: EmulatorOptions) {
    super(options);
    this.server = http.createServer((req, res) => void this.rest.onRequest(req, res));
    // Keep pooled connections between bursts, as Discord's edge does.
    this.server.keepAliveTimeout = 60_000;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    this.server.on("upgrade", (req, socket, head) => this.gateway.upgrade(req, socket, head));
  }

  /** Starts an emulator on 127.0.0.1 and an ephemeral port. */
  static async start(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
    const emulator = new DiscordEmulator(options);
    // A burst opens one connection per concurrent request: the default backlog (511) would drop
    // SYNs past it and add a 1 s retransmit, which is the emulator's fault, not the bot's.
    await new Promise<void>((resolve) =>
      emulator.server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, resolve),
    );
    emulator.port = (emulator.server.address() as AddressInfo).port;
    return emulator;
  }

  /** Closes every socket and the port; pending interactions settle as unanswered. */
  async stop(): Promise<void> {
    this.interactions.settleAll();
    this.gateway.terminateAll();
    for (const socket of this.sockets) socket.destroy();
    this.gateway.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Makes the next matching REST requests fail. */
  injectRestFault(fault: RestFault): void {
    this.rest.injectFault(fault);
  }

  /** Polls `predicate` until it holds, or rejects after `timeoutMs`. */
  async waitUntil(predicate: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`emulator: condition not met in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---- the gateway and its faults (gateway.ts) ------------------------------------------------

  /** Open gateway connections that have identified or resumed, by shard id. */
  liveShards(): number[] {
    return this.gateway.liveShards();
  }

  /** Resolves once every shard in `shards` has a live, identified connection. */
  async waitForShards(shards: number[], timeoutMs = WAIT_MS): Promise<void> {
    await this.waitUntil(() => shards.every((s) => this.liveShards().includes(s)), timeoutMs);
  }

  /** Closes the shard's connection with a close code (4000: unknown error, resumable). */
  closeShard(shard: number, code = 4000): void {
    this.gateway.closeShard(shard, code);
  }

  /** Drops the TCP connection without a close frame. */
  dropShard(shard: number): void {
    this.gateway.dropShard(shard);
  }

  /** Sends op 7 RECONNECT. */
  requestReconnect(shard: number): void {
    this.gateway.requestReconnect(shard);
  }

  /** Sends op 9 INVALID SESSION; when not resumable the session is forgotten first. */
  invalidateSession(shard: number, resumable: boolean): void {
    this.gateway.invalidateSession(shard, resumable);
  }

  /** The sequence number of the last dispatch sent to the shard's session (0 before any). */
  lastSequence(shard: number): number {
    return this.gateway.lastSequence(shard);
  }

  /**
   * Makes the shard's next RESUME replay every dispatch after `seq` rather than after the
   * client's own sequence: Discord delivers at least once, and a resume racing with a burst
   * replays events the client already handled.
   */
  replayNextResumeFrom(shard: number, seq: number): void {
    this.gateway.replayNextResumeFrom(shard, seq);
  }

  /** Stops acknowledging heartbeats on the shard's current connection (a zombie connection). */
  withholdAcks(shard: number): void {
    this.gateway.withholdAcks(shard);
  }

  // ---- interactions (interactions.ts) ---------------------------------------------------------

  /**
   * Dispatches INTERACTION_CREATE to the shard of the payload's guild (shard 0 for DMs) and
   * resolves when it is answered: at the callback, or for a deferred callback (type 5 or 6) at the
   * first edit or followup; then waits `settleMs` more for further messages. If the shard is
   * offline the event waits in its session for a RESUME, as on Discord. Rejects after `timeoutMs`
   * without an answer.
   */
  sendInteraction(
    payload: Loose,
    {
      timeoutMs = WAIT_MS,
      settleMs = 0,
      shard,
    }: {
      timeoutMs?: number;
      settleMs?: number;
      /**
       * Delivers to this shard instead of the guild's: what happens when Discord moves a guild to
       * another shard (a new shard count), so state a guild's shard kept must be shared.
       */
      shard?: number;
    } = {},
  ): Promise<InteractionOutcome> {
    return this.interactions.send(payload, { timeoutMs, settleMs, shard });
  }

  // ---- channel messages (channels.ts, member-messages.ts) -------------------------------------

  /** Adds a public thread under the guild's channel, announced with THREAD_CREATE if connected. */
  addThread(guild: EmulatedGuild, name = "discussion", owner?: EmulatedUser): EmulatedChannel {
    const thread: EmulatedChannel = {
      id: snowflake(),
      guildId: guild.id,
      name,
      type: 11,
      parentId: guild.channelId,
      ownerId: owner?.id ?? guild.ownerId,
    };
    this.channels.addChannel(thread);
    const session = this.gateway.sessionFor(guild.id);
    if (session && session.intents & Intent.Guilds) {
      this.gateway.dispatch(session, "THREAD_CREATE", {
        ...this.channels.channelObject(thread),
        newly_created: true,
      });
    }
    return thread;
  }

  /**
   * A member (or a bot, or a webhook) writes in the guild's channel or in `channelId` (a thread):
   * the message is stored and sent as MESSAGE_CREATE to the guild's shard when its intents ask for
   * guild messages, without content unless Discord would include it. `dispatched` says whether the
   * shard was sent the event.
   */
  postMessage(
    guild: EmulatedGuild,
    input: MemberMessageInput & { channelId?: string; attachments?: AttachmentInput[] },
  ): { message: Loose; dispatched: boolean } {
    const channelId = input.channelId ?? guild.channelId;
    const channel = this.channels.channels.get(channelId);
    if (!channel || channel.guildId !== guild.id) throw new Error("emulator: unknown channel");
    const referenced = input.replyTo ? this.channels.messages.get(input.replyTo) : undefined;
    if (input.replyTo && referenced?.channel_id !== channelId) {
      throw new Error("emulator: the replied message is not in this channel");
    }
    const id = snowflake();
    const message = memberMessage({
      id,
      guildId: guild.id,
      channelId,
      input,
      known: (userId) => {
        if (userId === this.botUser.id) return this.botUser;
        const user = this.users.find((u) => u.id === userId);
        return user ? userObject(user) : undefined;
      },
      referenced,
      attachments: this.channels.storeAttachments(this.apiUrl, channelId, input.attachments ?? []),
    });
    this.channels.messages.set(id, message);
    const session = this.gateway.sessionFor(guild.id);
    const visible = session ? this.channels.visibleTo(session.intents, message) : undefined;
    if (session && visible) this.gateway.dispatch(session, "MESSAGE_CREATE", visible);
    return { message, dispatched: Boolean(session && visible) };
  }

  /**
   * Stores a file as Discord stores a command's attachment option, served from the emulator's
   * CDN path; the attachment object goes in the option (see `attachmentOption` in payloads.ts).
   */
  uploadAttachment(guild: EmulatedGuild, file: AttachmentInput): Loose {
    return this.channels.storeAttachments(this.apiUrl, guild.channelId, [file])[0]!;
  }

  /** Resolves with the bot's first channel message that replies to `messageId`. */
  async waitForReply(messageId: string, timeoutMs = WAIT_MS): Promise<PostedMessage> {
    const find = () => this.channels.posted.find((p) => p.replyTo === messageId);
    await this.waitUntil(() => find() !== undefined, timeoutMs);
    return find()!;
  }
}

/** An identify throttler that never waits: the emulator has no identify rate limit. */
export const noIdentifyWait = {
  buildIdentifyThrottler: () => ({ waitForIdentify: async (): Promise<void> => undefined }),
};

/** The `rest` and `ws` client options that point discord.js at an emulator. */
export function clientOptionsFor(emulator: DiscordEmulator): {
  rest: { api: string };
  ws: typeof noIdentifyWait;
} {
  return { rest: { api: emulator.apiUrl }, ws: noIdentifyWait };
}
