// INTERACTION_CREATE payloads as Discord sends them. discord.js silently drops interactions
// without `entitlements` and `authorizing_integration_owners`, so every builder sets both.

import {
  messageObject,
  snowflake,
  type DiscordEmulator,
  type EmulatedGuild,
  type EmulatedUser,
} from "./emulator.ts";
import { memberOf } from "./member-messages.ts";
import type { Loose } from "./types.ts";

/** Application command option types used by the builders. */
export const OptionType = {
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Number: 10,
  Attachment: 11,
} as const;

/** One option of a command interaction (`focused` marks the one being autocompleted). */
export interface OptionValue {
  name: string;
  type: number;
  value: unknown;
  focused?: boolean;
}

function member(user: EmulatedUser): Loose {
  const { permissions, ...plain } = user;
  return {
    ...memberOf(),
    user: plain,
    permissions,
  };
}

function base(
  emulator: DiscordEmulator,
  guild: EmulatedGuild,
  user: EmulatedUser,
  type: number,
): Loose {
  return {
    id: snowflake(),
    application_id: emulator.applicationId,
    type,
    token: `tok-${snowflake()}-${Math.random().toString(36).slice(2)}`,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, locale: "en-US", features: [] },
    channel_id: guild.channelId,
    channel: {
      id: guild.channelId,
      type: 0,
      guild_id: guild.id,
      name: "general",
      nsfw: false,
      flags: 0,
      permissions: "2251799813685247",
    },
    member: member(user),
    locale: "en-US",
    guild_locale: "en-US",
    app_permissions: "2251799813685247",
    entitlements: [],
    authorizing_integration_owners: { "0": guild.id },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
}

function commandId(emulator: DiscordEmulator, name: string, guildId: string): string {
  const all = [
    ...(emulator.commands.get(guildId) ?? []),
    ...(emulator.commands.get("global") ?? []),
  ];
  return all.find((c) => c.name === name)?.id ?? snowflake();
}

/**
 * A slash command (type 2, command type 1); user options get their `resolved` entries, and an
 * attachment option (value: the object `emulator.uploadAttachment` gave) goes in `resolved` with
 * its id as the option's value, as Discord sends it.
 */
export function slashCommand(
  emulator: DiscordEmulator,
  guild: EmulatedGuild,
  user: EmulatedUser,
  name: string,
  options: OptionValue[] = [],
): Loose {
  const payload = base(emulator, guild, user, 2);
  const resolved: Loose = { users: {}, members: {}, attachments: {} };
  const sent = options.map((option) => {
    const target = emulator.users.find((u) => u.id === option.value);
    if (option.type === OptionType.User && target) {
      const { user: plain, ...rest } = member(target);
      resolved.users[target.id] = plain;
      resolved.members[target.id] = rest;
    }
    const file = option.value as Loose;
    if (option.type === OptionType.Attachment && typeof file === "object" && file !== null) {
      resolved.attachments[file.id] = file;
      return { ...option, value: file.id };
    }
    return option;
  });
  const any = Object.keys(resolved.users).length + Object.keys(resolved.attachments).length;
  payload.data = {
    id: commandId(emulator, name, guild.id),
    name,
    type: 1,
    guild_id: guild.id,
    options: sent,
    ...(any ? { resolved } : {}),
  };
  return payload;
}

/** An autocomplete request (type 4) with `focused` set on the named option. */
export function autocomplete(
  emulator: DiscordEmulator,
  guild: EmulatedGuild,
  user: EmulatedUser,
  name: string,
  focused: string,
  options: OptionValue[],
): Loose {
  const payload = slashCommand(emulator, guild, user, name, options);
  payload.type = 4;
  payload.data.options = options.map((o) => (o.name === focused ? { ...o, focused: true } : o));
  return payload;
}

/** A message context menu command (command type 3) on a message written by `author`. */
export function messageCommand(
  emulator: DiscordEmulator,
  guild: EmulatedGuild,
  user: EmulatedUser,
  name: string,
  content: string,
  author: EmulatedUser = user,
): Loose {
  const payload = base(emulator, guild, user, 2);
  const targetId = snowflake();
  const plainAuthor = member(author).user;
  payload.data = {
    id: commandId(emulator, name, guild.id),
    name,
    type: 3,
    guild_id: guild.id,
    target_id: targetId,
    resolved: {
      messages: {
        [targetId]: { ...messageObject(guild.channelId, targetId, plainAuthor), content },
      },
    },
  };
  return payload;
}

/** A button press (type 3) on `message`, a message object as the emulator returned it. */
export function buttonPress(
  emulator: DiscordEmulator,
  guild: EmulatedGuild,
  user: EmulatedUser,
  customId: string,
  message: Loose,
): Loose {
  const payload = base(emulator, guild, user, 3);
  payload.data = { custom_id: customId, component_type: 2 };
  payload.message = {
    ...messageObject(guild.channelId, message.id ?? snowflake(), emulator.botUser),
    type: 20,
    ...message,
  };
  return payload;
}

/** Every button of a message body: `[label, custom_id]`. */
export function buttonsOf(body: Loose): { label: string; customId: string; style: number }[] {
  const rows: Loose[] = Array.isArray(body?.components) ? body.components : [];
  return rows.flatMap((row) =>
    (Array.isArray(row.components) ? row.components : []).map((b: Loose) => ({
      label: String(b.label ?? ""),
      customId: String(b.custom_id ?? ""),
      style: Number(b.style),
    })),
  );
}
