// The gateway socket: HELLO, heartbeats and their ACKs, IDENTIFY → READY and one GUILD_CREATE per
// guild of the shard, RESUME with a replay of what the client missed, dispatches to the session of
// a guild's shard (kept in the session's log while it is offline), and the faults tests ask for:
// close codes, TCP drops, op 7, op 9, withheld ACKs, a replay from an older sequence.

import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { MEMBER_PERMISSIONS, shardOf, snowflake } from "./ids.ts";
import type { EmulatedGuild, EmulatorState } from "./state.ts";
import type { Loose } from "./types.ts";

/** A gateway session: it outlives its socket, so a RESUME on a new socket can pick it up. */
export interface Session {
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

/** The emulator's gateway, served on the HTTP server's upgrades. */
export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly connections = new Map<WebSocket, Connection>();
  private readonly sessions = new Map<string, Session>();
  /** Shards whose next RESUME replays from a set sequence number (see replayNextResumeFrom). */
  private readonly resumeReplayFrom = new Map<number, number>();

  constructor(private readonly state: EmulatorState) {}

  /** Takes an HTTP upgrade request as a new gateway connection. */
  upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
  }

  /** Ends every connection at once, without close frames. */
  terminateAll(): void {
    for (const ws of this.connections.keys()) ws.terminate();
  }

  /** Closes the WebSocket server. */
  close(): void {
    this.wss.close();
  }

  /** Open gateway connections that have identified or resumed, by shard id. */
  liveShards(): number[] {
    const shards: number[] = [];
    for (const [ws, conn] of this.connections) {
      if (conn.session && conn.session.socket === ws) shards.push(conn.session.shard);
    }
    return shards.sort();
  }

  /** The session of the shard that receives the guild's events (shard 0 without a guild). */
  sessionFor(guildId: string | undefined): Session | undefined {
    const candidates = [...this.sessions.values()];
    return candidates.find((s) => s.shard === (guildId ? shardOf(guildId, s.shardCount) : 0));
  }

  /** The session of a shard id, whichever guilds it serves. */
  sessionOfShard(shard: number): Session | undefined {
    return [...this.sessions.values()].find((s) => s.shard === shard);
  }

  /** Sends a dispatch to a session, or keeps it in the session's log until a RESUME. */
  dispatch(session: Session, t: string, d: Loose): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    session.log.push(event);
    if (session.log.length > 10_000) session.log.shift();
    if (session.socket && session.socket.readyState === session.socket.OPEN) {
      session.socket.send(JSON.stringify({ op: 0, ...event }));
    }
  }

  // ---- faults ---------------------------------------------------------------------------------

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
    return this.sessionOfShard(shard)?.log.at(-1)?.s ?? 0;
  }

  /** Makes the shard's next RESUME replay every dispatch after `seq`. */
  replayNextResumeFrom(shard: number, seq: number): void {
    this.resumeReplayFrom.set(shard, seq);
  }

  /** Stops acknowledging heartbeats on the shard's current connection (a zombie connection). */
  withholdAcks(shard: number): void {
    for (const ws of this.socketsOf(shard)) this.connections.get(ws)!.withholdAcks = true;
  }

  // ---- the protocol ---------------------------------------------------------------------------

  private onSocket(ws: WebSocket): void {
    const conn: Connection = { withholdAcks: false, closedByServer: false };
    this.connections.set(ws, conn);
    ws.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.state.options.heartbeatIntervalMs } }),
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
    const state = this.state;
    if (d?.token !== state.token) return void ws.close(4004, "Authentication failed.");
    const [shard, shardCount] = Array.isArray(d.shard) ? (d.shard as number[]) : [0, 1];
    if (shard === undefined || !shardCount || shard >= shardCount) {
      return void ws.close(4010, "Invalid shard.");
    }
    state.identifies.set(shard, (state.identifies.get(shard) ?? 0) + 1);
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
    const mine = state.guilds.filter((g) => shardOf(g.id, shardCount) === shard);
    this.dispatch(session, "READY", {
      v: 10,
      user: state.botUser,
      guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: state.gatewayUrl,
      shard: [shard, shardCount],
      application: { id: state.applicationId, flags: 0 },
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
    if (d?.token !== this.state.token) return void ws.close(4004, "Authentication failed.");
    if (!session) return void ws.send(JSON.stringify({ op: 9, d: false }));
    this.state.resumes.set(session.shard, (this.state.resumes.get(session.shard) ?? 0) + 1);
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
    const { channels, botUser } = this.state;
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      owner_id: guild.ownerId,
      unavailable: false,
      large: false,
      member_count: 2 + this.state.users.length,
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
      channels: [channels.channelObject(channels.channels.get(guild.channelId)!)],
      threads: channels.threadsOf(guild.id),
      members: [
        {
          user: botUser,
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
}
