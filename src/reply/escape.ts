import type { Inline, RichText } from "./types.ts";

const ZWSP = "\u200b";
const ELLIPSIS = "…";

/**
 * A bare link as Discord finds one (its own pattern): Discord shows it as a
 * link before any other markdown, so nothing inside needs escaping, and a
 * backslash there would become part of the address.
 */
const BARE_LINK = /https?:\/\/[^\s<>]*[^\s<>.,:;"')\]]/gu;

/** Escapes text that holds no bare link (see {@link escapeMarkdown}). */
function escapeProse(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/gu, "\\$&")
    .replace(/@/gu, `@${ZWSP}`)
    .replace(/^([ \t]*)(#{1,3}[ \t]|-#[ \t]|[-+][ \t])/gmu, "$1\\$2")
    .replace(/^([ \t]*\d+)([.)][ \t])/gmu, "$1\\$2");
}

/**
 * Escapes untrusted text for Discord markdown: inline formatting, code,
 * spoilers, masked links, angle-bracket tokens (mentions, channels, emoji,
 * timestamps), and line-start syntax (headings, subtext, lists, block quotes).
 * `@` gets a zero-width space so "@everyone" and "@here" stay inert even where
 * markdown is not parsed. Bare links are kept as they are, so they still open
 * (only "@everyone" and "@here" in them are broken up). The text is treated
 * as if it started a line.
 */
export function escapeMarkdown(text: string): string {
  let out = "";
  let last = 0;
  for (const link of text.matchAll(BARE_LINK)) {
    const inert = link[0].replace(/@(?=everyone|here)/gu, `@${ZWSP}`);
    out += escapeProse(text.slice(last, link.index)) + inert;
    last = link.index + link[0].length;
  }
  return out + escapeProse(text.slice(last));
}

/** Neutralises mentions in text that Discord shows without markdown (footers, labels). */
export function neutralizeMentions(text: string): string {
  return text.replace(/@/gu, `@${ZWSP}`).replace(/<(?=[@#:/]|a:|t:)/gu, `<${ZWSP}`);
}

/** Cuts a string at a code point boundary: never between the halves of a surrogate pair. */
function safeSlice(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, end - 1) : text.slice(0, end);
}

/**
 * Shortens plain text to at most `max` characters: cut at the last word
 * boundary that keeps at least half of the room (else mid-word), then "…".
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  const cut = safeSlice(text, max - 1);
  const boundary = cut.search(/\s\S*$/u);
  const kept = boundary >= (max - 1) / 2 ? cut.slice(0, boundary) : cut;
  return `${kept.trimEnd()}${ELLIPSIS}`;
}

/** The Discord markdown of one piece, from its (possibly shortened) raw text. */
function renderPiece(piece: Inline, raw: string): string {
  if (typeof piece === "string") return escapeMarkdown(raw);
  if ("markup" in piece) return raw;
  if ("bold" in piece) return raw === "" ? "" : `**${escapeMarkdown(raw)}**`;
  if ("italic" in piece) return raw === "" ? "" : `*${escapeMarkdown(raw)}*`;
  const label = escapeMarkdown(raw).replace(/[()]/gu, "\\$&");
  if (!isWebUrl(piece.url) || label === "") return label;
  return `[${label}](<${piece.url.replace(/\)/gu, "%29").replace(/>/gu, "%3E")}>)`;
}

function rawOf(piece: Inline): string {
  if (typeof piece === "string") return piece;
  if ("markup" in piece) return piece.markup;
  if ("bold" in piece) return piece.bold;
  if ("italic" in piece) return piece.italic;
  return piece.link;
}

/**
 * Renders formatted text to Discord markdown of at most `max` characters.
 * Pieces are escaped one by one; the piece that overflows is shortened at a
 * word boundary with "…" (markup, being syntax, is dropped rather than cut),
 * and everything after it is left out.
 */
export function renderRich(text: RichText, max: number): string {
  const pieces = typeof text === "string" ? [text] : text;
  let out = "";
  for (const piece of pieces) {
    const raw = rawOf(piece);
    const whole = renderPiece(piece, raw);
    const room = max - out.length;
    if (whole.length <= room) {
      out += whole;
      continue;
    }
    // Escaping only lengthens text, so shrink the raw text until its rendering fits.
    // Markup is syntax: it is left out rather than cut.
    let rendered = "";
    let length = typeof piece === "object" && "markup" in piece ? 0 : Math.min(raw.length, room);
    while (length > 0) {
      rendered = renderPiece(piece, truncate(raw, length));
      if (rendered.length <= room) break;
      length -= Math.max(1, rendered.length - room);
      rendered = "";
    }
    if (rendered === "") return room > 0 && !out.endsWith(ELLIPSIS) ? `${out}${ELLIPSIS}` : out;
    return out + rendered;
  }
  return out;
}

/** Whether a URL is an absolute http(s) address Discord will link. */
export function isWebUrl(url: string | undefined): url is string {
  if (url === undefined || url.length > 2048) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}
