// What the emulator knows and records, the part tests read: its token and application, the
// guilds and users a test adds, every REST request, registered commands, the bot's channel
// messages, IDENTIFY and RESUME counts, and the URLs it listens on. The gateway, REST and
// interaction rooms read and write this; DiscordEmulator (emulator.ts) extends it.

import { ChannelStore } from "./channels.ts";
import { ADMIN_PERMISSIONS, DISCORD_EPOCH, MEMBER_PERMISSIONS, snowflake } from "./ids.ts";
import type { Loose, RecordedRequest, SentMessage } from "./types.ts";

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

/** The emulator's world and records; see {@link DiscordEmulator} for the server around it. */
export class EmulatorState {
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
  /** The port REST and the gateway share, set once the server listens. */
  protected port = 0;

  protected constructor(options: EmulatorOptions) {
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
  }

  /** The REST base for `rest: { api }` and `DISCORD_API_URL`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
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
}
