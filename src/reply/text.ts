import type { Inline, Reply, RichText } from "./types.ts";

/** How the console shows formatting: ANSI styles on a terminal, markdown-like marks otherwise. */
export interface TextStyle {
  readonly color: boolean;
}

const ANSI = { bold: "\u001b[1m", italic: "\u001b[3m", dim: "\u001b[2m", reset: "\u001b[0m" };

/**
 * Characters that act on a terminal instead of showing: C0 controls other than the line
 * break and the tab, DEL, C1 controls and bidirectional overrides. Article text, titles and
 * questions come from files and members, so an ANSI escape in them could recolour, move or
 * clear the admin's terminal.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Text fit for a terminal: each character that would act on it shown as a visible `\u{…}` escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

function piece(part: Inline, style: TextStyle): string {
  if (typeof part === "string") return printable(part);
  if ("markup" in part) return printable(part.markup).replace(/^> /gmu, "│ ");
  if ("bold" in part) {
    const bold = printable(part.bold);
    return style.color ? `${ANSI.bold}${bold}${ANSI.reset}` : `**${bold}**`;
  }
  if ("italic" in part) {
    const italic = printable(part.italic);
    return style.color ? `${ANSI.italic}${italic}${ANSI.reset}` : `_${italic}_`;
  }
  return `${printable(part.link)} <${printable(part.url)}>`;
}

function rich(text: RichText, style: TextStyle): string {
  return typeof text === "string"
    ? printable(text)
    : text.map((part) => piece(part, style)).join("");
}

/**
 * Renders a reply description as console text, part for part as Discord would
 * show it: mention, content, title and link, description, fields, footer,
 * buttons (numbered, for `/press N`), and whether it is private. Text is not
 * escaped for markdown (a terminal does not parse it or mentions), but every character
 * that would act on the terminal is shown as an escape ({@link printable}).
 */
export function renderText(reply: Reply, style: TextStyle = { color: false }): string {
  const dim = (text: string) => (style.color ? `${ANSI.dim}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  const head: string[] = [];
  if (reply.mentionUser) head.push(`@${printable(reply.mentionUser)}`);
  if (reply.content !== undefined) head.push(rich(reply.content, style));
  if (head.length > 0) lines.push((reply.error ? "⚠ " : "") + head.join(" "));
  if (!reply.error) {
    if (reply.title) {
      const title = printable(reply.title);
      lines.push(style.color ? `${ANSI.bold}${title}${ANSI.reset}` : `# ${title}`);
      if (reply.url) lines.push(dim(printable(reply.url)));
    }
    if (reply.description !== undefined) lines.push(rich(reply.description, style));
    for (const field of reply.fields ?? []) {
      const name = printable(field.name);
      lines.push("", style.color ? `${ANSI.bold}${name}${ANSI.reset}` : `## ${name}`);
      lines.push(rich(field.value, style));
    }
    if (reply.footer) lines.push("", dim(`— ${printable(reply.footer)}`));
    const buttons = reply.buttons ?? [];
    if (buttons.length > 0) {
      lines.push(
        "",
        buttons
          .map(
            (button, i) =>
              `[${i + 1}: ${printable(button.label)}${button.disabled ? " (off)" : ""}]`,
          )
          .join(" "),
      );
    }
  }
  if (reply.ephemeral || reply.error) lines.push(dim("(only you can see this)"));
  return lines.join("\n");
}
