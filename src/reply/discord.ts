import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
} from "discord.js";
import { isWebUrl, neutralizeMentions, renderRich, truncate } from "./escape.ts";
import type { Choice, Reply, ReplyButton } from "./types.ts";

/** Discord's message limits, in UTF-16 code units (what discord.js and Discord check). */
export const LIMITS = Object.freeze({
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  fields: 25,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  buttonsPerRow: 5,
  rows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
});

/** A message payload accepted by discord.js `reply`, `editReply`, `update` and `followUp`. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: { parse: []; users?: string[] };
  flags?: MessageFlags.Ephemeral;
}

const STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const;

const SNOWFLAKE = /^\d{1,20}$/u;

/**
 * Turns a reply description into a Discord message within every limit:
 * text is escaped and shortened at word boundaries, fields beyond the room
 * are dropped, and nobody is mentioned except `mentionUser`. Errors are
 * private and plain.
 */
export function toDiscordMessage(reply: Reply): DiscordMessage {
  const mention = reply.mentionUser && SNOWFLAKE.test(reply.mentionUser) ? reply.mentionUser : "";
  const prefix = mention ? `<@${mention}> ` : "";
  let content =
    reply.content === undefined ? "" : renderRich(reply.content, LIMITS.content - prefix.length);
  content = (prefix + content).trim();
  const embeds = reply.error ? [] : buildEmbeds(reply);
  if (content === "" && embeds.length === 0) content = "…";
  const message: DiscordMessage = {
    embeds,
    components: reply.error ? [] : buildRows(reply.buttons ?? []),
    allowedMentions: mention ? { parse: [], users: [mention] } : { parse: [] },
  };
  if (content !== "") message.content = content;
  if (reply.error || reply.ephemeral) message.flags = MessageFlags.Ephemeral;
  return message;
}

/** A message posted in a channel as a reply to a member's message (a mention, a follow-up). */
export interface DiscordChannelReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: { parse: []; repliedUser: false };
}

/**
 * Turns a reply description into a reply to a member's message, within the same limits as
 * {@link toDiscordMessage}: never ephemeral (a channel message cannot be) and pinging nobody, not
 * even the member replied to.
 */
export function toChannelReply(reply: Reply): DiscordChannelReply {
  const message = toDiscordMessage({ ...reply, ephemeral: false, mentionUser: undefined });
  const out: DiscordChannelReply = {
    embeds: message.embeds,
    components: message.components,
    allowedMentions: { parse: [], repliedUser: false },
  };
  if (message.content !== undefined) out.content = message.content;
  return out;
}

function buildEmbeds(reply: Reply): APIEmbed[] {
  const embed: APIEmbed = {};
  let room = LIMITS.embedTotal;
  const title = reply.title ? renderRich(reply.title, LIMITS.title).trim() : "";
  if (title !== "") {
    embed.title = title;
    room -= title.length;
    if (isWebUrl(reply.url)) embed.url = reply.url;
  }
  if (reply.footer) {
    const text = truncate(neutralizeMentions(reply.footer.trim()), LIMITS.footer);
    if (text !== "") {
      embed.footer = { text };
      room -= text.length;
    }
  }
  if (reply.description !== undefined) {
    const description = renderRich(reply.description, Math.min(LIMITS.description, room)).trim();
    if (description !== "") {
      embed.description = description;
      room -= description.length;
    }
  }
  const fields: APIEmbedField[] = [];
  for (const field of reply.fields ?? []) {
    if (fields.length >= LIMITS.fields || room < 2) break;
    const name = renderRich(field.name, Math.min(LIMITS.fieldName, room - 1)).trim() || "\u200b";
    const value =
      renderRich(field.value, Math.min(LIMITS.fieldValue, room - name.length)).trim() || "\u200b";
    if (name.length + value.length > room) break;
    fields.push(field.inline ? { name, value, inline: true } : { name, value });
    room -= name.length + value.length;
  }
  if (fields.length > 0) embed.fields = fields;
  return Object.keys(embed).length > 0 ? [embed] : [];
}

/**
 * Lays buttons out five to a row, at most five rows. A button whose custom id
 * is empty, too long or repeated is left out: cutting an id would corrupt the
 * state it carries, and Discord refuses duplicates.
 */
function buildRows(buttons: readonly ReplyButton[]): DiscordMessage["components"] {
  const seen = new Set<string>();
  const valid: APIButtonComponentWithCustomId[] = [];
  for (const button of buttons) {
    const id = button.customId;
    if (id === "" || id.length > LIMITS.customId || seen.has(id)) continue;
    seen.add(id);
    valid.push({
      type: ComponentType.Button,
      style: STYLES[button.style ?? "secondary"],
      label: truncate(neutralizeMentions(button.label.trim()), LIMITS.buttonLabel) || "…",
      custom_id: id,
      ...(button.disabled ? { disabled: true } : {}),
    });
  }
  const rows: DiscordMessage["components"] = [];
  for (let i = 0; i < valid.length && rows.length < LIMITS.rows; i += LIMITS.buttonsPerRow) {
    rows.push({
      type: ComponentType.ActionRow,
      components: valid.slice(i, i + LIMITS.buttonsPerRow),
    });
  }
  return rows;
}

/**
 * Autocomplete choices within Discord's rules: at most 25, names and values
 * 1 to 100 characters, values unique. Values are never cut (a cut value would
 * mean something else): too long ones are left out.
 */
export function toChoices(choices: readonly Choice[]): { name: string; value: string }[] {
  const seen = new Set<string>();
  const out: { name: string; value: string }[] = [];
  for (const choice of choices) {
    if (out.length >= LIMITS.choices) break;
    const value = choice.value;
    if (value === "" || value.length > LIMITS.choiceValue || seen.has(value)) continue;
    const name = truncate(choice.name.replace(/\s+/gu, " ").trim(), LIMITS.choiceName);
    if (name === "") continue;
    seen.add(value);
    out.push({ name, value });
  }
  return out;
}
