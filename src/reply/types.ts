/**
 * A reply description: what a command handler wants to say, as plain data.
 * Handlers return it; `discord.ts` and `text.ts` turn it into a Discord message
 * or console text, so every limit and every escape lives in one place.
 */

/**
 * One piece of formatted text. A plain string is untrusted text: it is always
 * escaped. The object forms say how to format their (also escaped) text;
 * `markup` is the one exception, for constant Discord markup written by a
 * handler ("> ", "\n"), never for user or article text.
 */
export type Inline =
  | string
  | { readonly bold: string }
  | { readonly italic: string }
  | { readonly link: string; readonly url: string }
  | { readonly markup: string };

/** Formatted text: a plain (escaped) string or a sequence of pieces. */
export type RichText = string | readonly Inline[];

/** A field of the embed. `name` is plain text. */
export interface ReplyField {
  readonly name: string;
  readonly value: RichText;
  readonly inline?: boolean;
}

/** A button. `customId` encodes the state its handler needs (at most 100 characters). */
export interface ReplyButton {
  readonly label: string;
  readonly customId: string;
  readonly style?: "primary" | "secondary" | "success" | "danger";
  readonly disabled?: boolean;
}

/** Everything a handler can say. All parts are optional; an empty reply renders as "…". */
export interface Reply {
  /** Message text outside the embed. */
  readonly content?: RichText;
  /** Embed title (plain text), linked to `url` when that is an http(s) address. */
  readonly title?: string;
  readonly url?: string;
  readonly description?: RichText;
  readonly fields?: readonly ReplyField[];
  /** Embed footer (plain text: Discord shows footers without formatting). */
  readonly footer?: string;
  readonly buttons?: readonly ReplyButton[];
  /** Only the person who used the command sees it. */
  readonly ephemeral?: boolean;
  /** The one user this reply mentions (pings); nobody else is ever mentioned. */
  readonly mentionUser?: string;
  /** A failure: always private, shown without an embed. */
  readonly error?: boolean;
  /** For a button: replace the message the button is on instead of answering with a new one. */
  readonly update?: boolean;
}

/** An autocomplete suggestion (Discord: name and value at most 100 characters). */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Builds the private error reply every failure path uses. */
export function errorReply(message: string): Reply {
  return { content: message, error: true, ephemeral: true };
}
