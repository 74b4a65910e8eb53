// A Discord emulator for tests: the REST API and the gateway on one 127.0.0.1 port, speaking the
// subset of Discord that discord.js 14 uses, with Discord's own behaviour where it matters (the
// 3-second interaction deadline, Retry-After, resumable sessions) and switches to break it.

import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import {
  ChannelStore,
  Intent,
  messageObject,
  type AttachmentInput,
  type EmulatedChannel,
  type PostedMessage,
} from "./channels.ts";
import { autocompleteProblems, messageProblems } from "./limits.ts";
import { memberMessage, userObject, type MemberMessageInput } from "./member-messages.ts";
import type { InteractionOutcome, Loose, RecordedRequest, SentMessage } from "./types.ts";

export type { InteractionOutcome, Loose, RecordedRequest, SentMessage } from "./types.ts";
export { Intent, messageObject };
export type { AttachmentInput, EmulatedChannel, PostedMessage } from "./channels.ts";
export type { MemberMessageInput } from "./member-messages.ts";

const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * How long a test waits for something the bot should do (an answer, a reply, a shard) before
 * failing. Generous: tests check what happens, not how fast, and a busy 2-core CI machine
 * can take seconds; speed is measured by the benchmarks.
 */
export const WAIT_MS = 30_000;
let increment = 0n;

/** A real snowflake: the timestamp in the high bits, as discord.js decodes it. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Options of {@link DiscordEmulator.start}. */
export interface EmulatorOptions {
  token?: string;
  /** HELLO's heartbeat interval; short values make zombie detection testable. */
  heartbeatIntervalMs?: number;
  /** Discord's 3 seconds from dispatch to the callback. */
  deadlineMs?: number;
  /** The `shards` that `GET /gateway/bot` recommends. */
  recommendedShards?: number;
}

/** A guild the emulator knows, with one text channel. */
export interface EmulatedGuild {
  readonly id: string;
  readonly name: string;
  readonly channelId: string;
  readonly ownerId: string;
}

/** A user, with the member permissions they get in every guild. */
export interface EmulatedUser {
  readonly id: string;
  readonly username: string;
  readonly global_name: string;
  readonly discriminator: "0";
  readonly avatar: null;
  /** Permission bits as a decimal string (`"32"` is Manage Server). */
  readonly permissions: string;
}

/** A REST fault: the next `times` requests matching `path` get `status` instead of an answer. */
export interface RestFault {
  path: RegExp;
  method?: string;
  status: 429 | 500 | 502 | 503;
  times: number;
  /** Seconds, sent in the `Retry-After` header only (discord.js ignores the JSON field). */
  retryAfter?: number;
}

interface Session {
  readonly id: string;
  readonly shard: number;
  readonly shardCount: number;
  /** The intents the client identified with: dispatches are filtered by them. */
  readonly intents: number;
  seq: number;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  readonly log: { s: number; t: string; d: Loose }[];
  socket?: WebSocket;
}

interface Connection {
  session?: Session;
  withholdAcks: boolean;
  closedByServer: boolean;
}

interface PendingInteraction {
  outcome: InteractionOutcome;
  settle: () => void;
}

const PERMISSIONS_ALL = "2251799813685247";
/** View channel, send messages, embed links, read history, use application commands. */
export const MEMBER_PERMISSIONS = String(0x400n | 0x800n | 0x4000n | 0x10000n | 0x80000000n);
/** {@link MEMBER_PERMISSIONS} plus Manage Server. */
export const ADMIN_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 0x20n);

/**
 * The emulator. Start it with {@link DiscordEmulator.start}, point the client's `rest.api` at
 * {@link DiscordEmulator.apiUrl}, and drive the bot with {@link DiscordEmulator.sendInteraction}.
 */
export class DiscordEmulator {
  readonly token: string;
  readonly applicationId = snowflake();
  readonly botUser: Loose;
  readonly guilds: EmulatedGuild[] = [];
  readonly users: EmulatedUser[] = [];
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Registered commands: key `global` or the guild id. */
  readonly commands = new Map<string, Loose[]>();
  /** Messages posted to channels with `POST /channels/{id}/messages`. */
  readonly channelMessages: (SentMessage & { channelId: string })[] = [];
  /** Channels, threads, members' messages, the bot's channel messages and attachments. */
  readonly channels: ChannelStore;
  /** Count of IDENTIFY and RESUME payloads received, per shard id. */
  readonly identifies = new Map<number, number>();
  readonly resumes = new Map<number, number>();
  readonly options: Required<EmulatorOptions>;
  /** The application's owner, as `GET /applications/@me` names it (none until set). */
  applicationOwner: EmulatedUser | undefined = undefined;

  private readonly server: http.Server;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<Socket>();
  private readonly connections = new Map<WebSocket, Connection>();
  private readonly sessions = new Map<string, Session>();
  /** Shards whose next RESUME replays from a set sequence number (see replayNextResumeFrom). */
  private readonly resumeReplayFrom = new Map<number, number>();
  private readonly pending = new Map<string, PendingInteraction>();
  private readonly byToken = new Map<string, InteractionOutcome>();
  private readonly faults: RestFault[] = [];
  private port = 0;

  private constructor(options: EmulatorOptions) {
    this.options = {
      token: options.token ?? "emulator-token.Xx.secret",
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      deadlineMs: options.deadlineMs ?? 3000,
      recommendedShards: options.recommendedShards ?? 1,
    };
    this.token = this.options.token;
    this.botUser = {
      id: this.applicationId,
      username: "citebot",
      global_name: null,
      discriminator: "0",
      avatar: null,
      bot: true,
      flags: 0,
    };
    this.channels = new ChannelStore(this.botUser, () => snowflake());
    this.server = http.createServer((req, res) => void this.onRequest(req, res));
    // Keep pooled connections between bursts, as Discord's edge does.
    this.server.keepAliveTimeout = 60_000;
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    this.server.on("upgrade", (req, socket, head) => {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
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

  /** The REST base for `rest: { api }` and `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Closes every socket and the port; pending interactions settle as unanswered. */
  async stop(): Promise<void> {
    for (const entry of this.pending.values()) entry.settle();
    this.pending.clear();
    for (const ws of this.connections.keys()) ws.terminate();
    for (const socket of this.sockets) socket.destroy();
    this.wss.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Adds a guild; call before the client connects so READY lists it. */
  addGuild(name = `guild ${this.guilds.length + 1}`): EmulatedGuild {
    // Consecutive milliseconds put consecutive guilds on consecutive shards.
    const at = Number(DISCORD_EPOCH) + 100_000_000_000 + this.guilds.length;
    const guild = { id: snowflake(at), name, channelId: snowflake(), ownerId: snowflake() };
    this.guilds.push(guild);
    this.channels.addChannel({
      id: guild.channelId,
      guildId: guild.id,
      name: "general",
      type: 0,
      parentId: null,
    });
    return guild;
  }

  /** Adds a user; `admin` gives Manage Server; `permissions` adds more bits to a member's. */
  addUser(
    username = `user${this.users.length + 1}`,
    { admin = false, permissions = 0n }: { admin?: boolean; permissions?: bigint } = {},
  ): EmulatedUser {
    const user: EmulatedUser = {
      id: snowflake(),
      username,
      global_name: username,
      discriminator: "0",
      avatar: null,
      permissions: String(BigInt(admin ? ADMIN_PERMISSIONS : MEMBER_PERMISSIONS) | permissions),
    };
    this.users.push(user);
    return user;
  }

  /** Makes the next matching REST requests fail. */
  injectRestFault(fault: RestFault): void {
    this.faults.push({ ...fault });
  }

  /** Open gateway connections that have identified or resumed, by shard id. */
  liveShards(): number[] {
    const shards: number[] = [];
    for (const [ws, conn] of this.connections) {
      if (conn.session && conn.session.socket === ws) shards.push(conn.session.shard);
    }
    return shards.sort();
  }

  /** Resolves once every shard in `shards` has a live, identified connection. */
  async waitForShards(shards: number[], timeoutMs = WAIT_MS): Promise<void> {
    await this.waitUntil(() => shards.every((s) => this.liveShards().includes(s)), timeoutMs);
  }

  /** Polls `predicate` until it holds, or rejects after `timeoutMs`. */
  async waitUntil(predicate: () => boolean, timeoutMs = WAIT_MS): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until) throw new Error(`emulator: condition not met in ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  // ---- gateway faults -------------------------------------------------------------------------

  private socketsOf(shard: number): WebSocket[] {
    return [...this.connections].filter(([, c]) => c.session?.shard === shard).map(([ws]) => ws);
  }

  /** Closes the shard's connection with a close code (4000: unknown error, resumable). */
  closeShard(shard: number, code = 4000): void {
    for (const ws of this.socketsOf(shard)) {
      this.connections.get(ws)!.closedByServer = true;
      ws.close(code, "emulator fault");
    }
  }

  /** Drops the TCP connection without a close frame. */
  dropShard(shard: number): void {
    for (const ws of this.socketsOf(shard)) {
      this.connections.get(ws)!.closedByServer = true;
      ws.terminate();
    }
  }

  /** Sends op 7 RECONNECT. */
  requestReconnect(shard: number): void {
    for (const ws of this.socketsOf(shard)) ws.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Sends op 9 INVALID SESSION; when not resumable the session is forgotten first. */
  invalidateSession(shard: number, resumable: boolean): void {
    for (const ws of this.socketsOf(shard)) {
      const session = this.connections.get(ws)!.session;
      if (!resumable && session) this.sessions.delete(session.id);
      ws.send(JSON.stringify({ op: 9, d: resumable }));
    }
  }

  /** The sequence number of the last dispatch sent to the shard's session (0 before any). */
  lastSequence(shard: number): number {
    const session = [...this.sessions.values()].find((s) => s.shard === shard);
    return session?.log.at(-1)?.s ?? 0;
  }

  /**
   * Makes the shard's next RESUME replay every dispatch after `seq` rather than after the
   * client's own sequence: Discord delivers at least once, and a resume racing with a burst
   * replays events the client already handled.
   */
  replayNextResumeFrom(shard: number, seq: number): void {
    this.resumeReplayFrom.set(shard, seq);
  }

  /** Stops acknowledging heartbeats on the shard's current connection (a zombie connection). */
  withholdAcks(shard: number): void {
    for (const ws of this.socketsOf(shard)) this.connections.get(ws)!.withholdAcks = true;
  }

  // ---- interactions ---------------------------------------------------------------------------

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
    const session =
      shard === undefined
        ? this.sessionFor(payload.guild_id)
        : [...this.sessions.values()].find((s) => s.shard === shard);
    if (!session) return Promise.reject(new Error("emulator: no session for this guild's shard"));
    const outcome: InteractionOutcome = {
      id: payload.id,
      token: payload.token,
      payload,
      shard: session.shard,
      dispatchedAt: performance.now(),
      edits: [],
      followups: [],
      channelMessages: [],
      deleted: false,
      late: false,
      errors: [],
    };
    this.byToken.set(payload.token, outcome);
    return new Promise((resolve, reject) => {
      let answered = false;
      const timeout = setTimeout(() => {
        this.pending.delete(payload.token);
        reject(
          new Error(
            `emulator: interaction ${payload.data?.name ?? payload.data?.custom_id} not answered in ` +
              `${timeoutMs} ms (errors: ${outcome.errors.join("; ") || "none"})`,
          ),
        );
      }, timeoutMs);
      const settle = (): void => {
        if (answered) return;
        answered = true;
        clearTimeout(timeout);
        setTimeout(() => {
          this.pending.delete(payload.token);
          resolve(outcome);
        }, settleMs);
      };
      this.pending.set(payload.token, { outcome, settle });
      this.dispatch(session, "INTERACTION_CREATE", payload);
    });
  }

  // ---- channel messages -----------------------------------------------------------------------

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
    const session = this.sessionFor(guild.id);
    if (session && session.intents & Intent.Guilds) {
      this.dispatch(session, "THREAD_CREATE", {
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
      attachments: this.channels.storeAttachments(
        `http://127.0.0.1:${this.port}/api`,
        channelId,
        input.attachments ?? [],
      ),
    });
    this.channels.messages.set(id, message);
    const session = this.sessionFor(guild.id);
    const visible = session ? this.channels.visibleTo(session.intents, message) : undefined;
    if (session && visible) this.dispatch(session, "MESSAGE_CREATE", visible);
    return { message, dispatched: Boolean(session && visible) };
  }

  /**
   * Stores a file as Discord stores a command's attachment option, served from the emulator's
   * CDN path; the attachment object goes in the option (see `attachmentOption` in payloads.ts).
   */
  uploadAttachment(guild: EmulatedGuild, file: AttachmentInput): Loose {
    return this.channels.storeAttachments(`http://127.0.0.1:${this.port}/api`, guild.channelId, [
      file,
    ])[0]!;
  }

  /** Resolves with the bot's first channel message that replies to `messageId`. */
  async waitForReply(messageId: string, timeoutMs = WAIT_MS): Promise<PostedMessage> {
    const find = () => this.channels.posted.find((p) => p.replyTo === messageId);
    await this.waitUntil(() => find() !== undefined, timeoutMs);
    return find()!;
  }

  private sessionFor(guildId: string | undefined): Session | undefined {
    const candidates = [...this.sessions.values()];
    return candidates.find((s) => s.shard === (guildId ? shardOf(guildId, s.shardCount) : 0));
  }

  /** Sends a dispatch to a session, or keeps it in the session's log until a RESUME. */
  private dispatch(session: Session, t: string, d: Loose): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.log.push(event);
    if (session.log.length > 10_000) session.log.shift();
    if (session.socket && session.socket.readyState === session.socket.OPEN) {
      session.socket.send(JSON.stringify({ op: 0, ...event }));
    }
  }

  private onSocket(ws: WebSocket): void {
    const conn: Connection = { withholdAcks: false, closedByServer: false };
    this.connections.set(ws, conn);
    ws.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }),
    );
    ws.on("message", (raw) => {
      let msg: Loose;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return ws.close(4002, "Error while decoding payload.");
      }
      this.onGatewayMessage(ws, conn, msg);
    });
    ws.on("close", (code) => {
      this.connections.delete(ws);
      const session = conn.session;
      if (!session || session.socket !== ws) return;
      session.socket = undefined;
      // A client's normal close (1000/1001) ends the session on Discord; other codes keep it resumable.
      if (!conn.closedByServer && (code === 1000 || code === 1001))
        this.sessions.delete(session.id);
    });
  }

  private onGatewayMessage(ws: WebSocket, conn: Connection, msg: Loose): void {
    switch (msg.op) {
      case 1:
        if (!conn.withholdAcks) ws.send(JSON.stringify({ op: 11 }));
        return;
      case 2:
        return this.identify(ws, conn, msg.d);
      case 6:
        return this.resume(ws, conn, msg.d);
      default:
        return; // presence updates, voice state: accepted and ignored
    }
  }

  private identify(ws: WebSocket, conn: Connection, d: Loose): void {
    if (d?.token !== this.token) return void ws.close(4004, "Authentication failed.");
    const [shard, shardCount] = Array.isArray(d.shard) ? (d.shard as number[]) : [0, 1];
    if (shard === undefined || !shardCount || shard >= shardCount) {
      return void ws.close(4010, "Invalid shard.");
    }
    this.identifies.set(shard, (this.identifies.get(shard) ?? 0) + 1);
    // A new identify for a shard replaces any older session of that shard.
    for (const [id, s] of this.sessions) if (s.shard === shard) this.sessions.delete(id);
    const intents = Number(d.intents ?? 0);
    const session: Session = {
      id: snowflake(),
      shard,
      shardCount,
      intents,
      seq: 0,
      log: [],
      socket: ws,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    const mine = this.guilds.filter((g) => shardOf(g.id, shardCount) === shard);
    this.dispatch(session, "READY", {
      v: 10,
      user: this.botUser,
      guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [shard, shardCount],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
    });
    for (const guild of mine) this.dispatch(session, "GUILD_CREATE", this.guildCreate(guild));
  }

  private resume(ws: WebSocket, conn: Connection, d: Loose): void {
    const session = this.sessions.get(String(d?.session_id));
    if (d?.token !== this.token) return void ws.close(4004, "Authentication failed.");
    if (!session) return void ws.send(JSON.stringify({ op: 9, d: false }));
    this.resumes.set(session.shard, (this.resumes.get(session.shard) ?? 0) + 1);
    const old = session.socket;
    if (old && old !== ws) {
      const oldConn = this.connections.get(old);
      if (oldConn) oldConn.closedByServer = true;
      old.close(4000, "resumed elsewhere");
    }
    session.socket = ws;
    conn.session = session;
    const from = this.resumeReplayFrom.get(session.shard) ?? Number(d.seq ?? 0);
    this.resumeReplayFrom.delete(session.shard);
    for (const event of session.log) {
      if (event.s > from) ws.send(JSON.stringify({ op: 0, ...event }));
    }
    this.dispatch(session, "RESUMED", {});
  }

  private guildCreate(guild: EmulatedGuild): Loose {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: guild.ownerId,
      unavailable: false,
      large: false,
      member_count: 2 + this.users.length,
      joined_at: new Date().toISOString(),
      features: [],
      emojis: [],
      stickers: [],
      roles: [
        {
          id: guild.id,
          name: "@everyone",
          permissions: MEMBER_PERMISSIONS,
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [this.channels.channelObject(this.channels.channels.get(guild.channelId)!)],
      threads: this.channels.threadsOf(guild.id),
      members: [
        {
          user: this.botUser,
          roles: [],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
        },
      ],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      premium_tier: 0,
      preferred_locale: "en-US",
      system_channel_flags: 0,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      afk_timeout: 300,
    };
  }

  // ---- REST -----------------------------------------------------------------------------------

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname.replace(/^\/api/, "").replace(/^\/v\d+/, ""));
    let body: Loose = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = (req.method ?? "GET").toUpperCase();
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      at: Date.now(),
      status: 0,
    };
    this.requests.push(record);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      if (json === undefined) {
        res.writeHead(status, headers).end();
        return;
      }
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(json));
    };
    const fault = this.faults.find(
      (f) => f.times > 0 && f.path.test(path) && (!f.method || f.method === method),
    );
    if (fault) {
      fault.times -= 1;
      if (fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 0.2;
        return send(
          429,
          { message: "You are being rate limited.", retry_after: retryAfter, global: false },
          { "retry-after": String(retryAfter), "x-ratelimit-scope": "user" },
        );
      }
      return send(fault.status, { message: "emulated server error", code: 0 });
    }
    if (method === "GET" && path.startsWith("/attachments/")) {
      const file = this.channels.attachment(path.slice("/attachments/".length));
      if (!file) return send(404, { message: "Not Found", code: 0 });
      record.status = 200;
      res.writeHead(200, { "content-type": file.contentType, "content-length": file.data.length });
      return void res.end(file.data);
    }
    const isInteractionRoute = /^\/(interactions|webhooks)\//.test(path);
    if (!isInteractionRoute && req.headers.authorization !== `Bot ${this.token}`) {
      return send(401, { message: "401: Unauthorized", code: 0 });
    }
    try {
      this.route(method, path, url.searchParams, body, send);
    } catch (error) {
      send(500, { message: String(error), code: 0 });
    }
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Loose,
    send: (status: number, json?: unknown, headers?: Record<string, string>) => void,
  ): void {
    let m: RegExpMatchArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return send(200, {
        url: this.gatewayUrl,
        shards: this.options.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: 16,
        },
      });
    }
    if (method === "GET" && path === "/gateway") return send(200, { url: this.gatewayUrl });
    if (method === "GET" && path === "/users/@me") return send(200, this.botUser);
    if (method === "GET" && (path === "/applications/@me" || path === "/oauth2/applications/@me")) {
      const owner = this.applicationOwner ? userObject(this.applicationOwner) : undefined;
      return send(200, {
        id: this.applicationId,
        name: "citebot",
        flags: 0,
        bot: this.botUser,
        ...(owner ? { owner } : {}),
      });
    }
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (m[1] !== this.applicationId)
        return send(404, { message: "Unknown Application", code: 10002 });
      const key = m[2] ?? "global";
      if (method === "GET") return send(200, this.commands.get(key) ?? []);
      if (method === "PUT" && Array.isArray(body)) {
        const registered = body.map((c: Loose) => ({
          ...c,
          id: snowflake(),
          application_id: this.applicationId,
          guild_id: m![2],
          version: snowflake(),
          type: c.type ?? 1,
        }));
        this.commands.set(key, registered);
        return send(200, registered);
      }
    }
    if (method === "POST" && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.callback(m[2]!, body, query, send);
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      return this.webhookMessage(method, m[2]!, m[3]!, body, send);
    }
    if (method === "POST" && (m = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      const outcome = this.byToken.get(m[2]!);
      if (!outcome?.callback || outcome.late)
        return send(404, { message: "Unknown Webhook", code: 10015 });
      const problems = messageProblems(body);
      if (problems.length) return this.refuse(outcome, "followup", problems, send);
      const message = this.message(outcome, body, snowflake());
      outcome.followups.push({ id: message.id, at: performance.now(), body });
      this.pending.get(outcome.token)?.settle();
      return query.get("wait") === "true" ? send(200, message) : send(204);
    }
    if (method === "POST" && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const { status, json } = this.channels.post(m[1]!, body, performance.now());
      if (status === 200) {
        const sent = { id: json.id, at: performance.now(), body };
        this.channelMessages.push({ ...sent, channelId: m[1]! });
        for (const p of this.pending.values()) p.outcome.channelMessages.push(sent);
      }
      return send(status, json);
    }
    if (method === "GET" && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = this.channels.messages.get(m[2]!);
      if (!message || message.channel_id !== m[1])
        return send(404, { message: "Unknown Message", code: 10008 });
      return send(200, message);
    }
    if (method === "POST" && (m = path.match(/^\/channels\/(\d+)\/typing$/))) return send(204);
    send(404, { message: `404: Not Found (${method} ${path})`, code: 0 });
  }

  private refuse(
    outcome: InteractionOutcome,
    what: string,
    problems: string[],
    send: (status: number, json?: unknown) => void,
  ): void {
    outcome.errors.push(`${what} refused: ${problems.join("; ")}`);
    send(400, { message: "Invalid Form Body", code: 50035, errors: problems });
  }

  private callback(
    token: string,
    body: Loose,
    query: URLSearchParams,
    send: (status: number, json?: unknown) => void,
  ): void {
    const outcome = this.byToken.get(token);
    if (!outcome) return send(404, { message: "Unknown interaction", code: 10062 });
    const at = performance.now();
    const latencyMs = at - outcome.dispatchedAt;
    if (latencyMs > this.options.deadlineMs) {
      outcome.late = true;
      outcome.lateCallbackMs ??= latencyMs;
      outcome.lateCallbackType ??= Number(body?.type);
      outcome.errors.push(
        `callback after ${Math.round(latencyMs)} ms (deadline ${this.options.deadlineMs} ms)`,
      );
      send(404, { message: "Unknown interaction", code: 10062 });
      // The interaction failed for the user: settle now, so the test sees `late` and not a timeout.
      return this.pending.get(token)?.settle();
    }
    if (outcome.callback) {
      outcome.errors.push("second callback");
      return send(400, { message: "Interaction has already been acknowledged.", code: 40060 });
    }
    const type = Number(body?.type);
    const data = body?.data ?? {};
    const problems =
      type === 8
        ? autocompleteProblems(data)
        : type === 4 || type === 7
          ? messageProblems(data)
          : [];
    if (problems.length) return this.refuse(outcome, `callback type ${type}`, problems, send);
    outcome.callback = { type, data, at, latencyMs };
    if (type === 4 || type === 5) outcome.original = { ...data };
    if (type === 7 || type === 6)
      outcome.original = { ...(outcome.payload.message ?? {}), ...data };
    if (type !== 5 && type !== 6) this.pending.get(token)?.settle();
    if (query.get("with_response") === "true") {
      const message = outcome.original
        ? this.message(outcome, outcome.original, outcome.id)
        : undefined;
      return send(200, {
        interaction: {
          id: outcome.id,
          type: outcome.payload.type,
          response_message_loading: type === 5,
        },
        resource: { type, message },
      });
    }
    send(204);
  }

  private webhookMessage(
    method: string,
    token: string,
    messageId: string,
    body: Loose,
    send: (status: number, json?: unknown) => void,
  ): void {
    const outcome = this.byToken.get(token);
    if (!outcome?.callback) return send(404, { message: "Unknown Webhook", code: 10015 });
    if (messageId === "@original") {
      if (!outcome.original || outcome.deleted)
        return send(404, { message: "Unknown Message", code: 10008 });
      if (method === "GET") return send(200, this.message(outcome, outcome.original, outcome.id));
      if (method === "DELETE") {
        outcome.deleted = true;
        return send(204);
      }
      if (method === "PATCH") {
        const merged = { ...outcome.original, ...body };
        const problems = messageProblems(merged);
        if (problems.length) return this.refuse(outcome, "edit", problems, send);
        outcome.original = merged;
        outcome.edits.push({ id: outcome.id, at: performance.now(), body });
        this.pending.get(token)?.settle();
        return send(200, this.message(outcome, merged, outcome.id));
      }
    }
    const followup = outcome.followups.find((f) => f.id === messageId);
    if (!followup) return send(404, { message: "Unknown Message", code: 10008 });
    if (method === "GET") return send(200, this.message(outcome, followup.body, followup.id));
    if (method === "DELETE") return send(204);
    if (method === "PATCH")
      return send(200, this.message(outcome, { ...followup.body, ...body }, followup.id));
    send(405, { message: "405: Method Not Allowed", code: 0 });
  }

  private message(outcome: InteractionOutcome, body: Loose, id: string): Loose {
    const channelId = outcome.payload.channel_id ?? outcome.payload.channel?.id;
    return {
      ...messageObject(channelId, id, this.botUser),
      ...body,
      type: 20,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      flags: body?.flags ?? 0,
      guild_id: outcome.payload.guild_id,
    };
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

export { PERMISSIONS_ALL };
