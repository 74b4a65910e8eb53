import type { Inline, Reply, RichText } from "./types.ts";

/** How the console shows formatting: ANSI styles on a terminal, markdown-like marks otherwise. */
export interface TextStyle {
  readonly color: boolean;
}

const ANSI = { bold: "\u001b[1m", italic: "\u001b[3m", dim: "\u001b[2m", reset: "\u001b[0m" };

function piece(part: Inline, style: TextStyle): string {
  if (typeof part === "string") return part;
  if ("markup" in part) return part.markup.replace(/^> /gmu, "│ ");
  if ("bold" in part)
    return style.color ? `${ANSI.bold}${part.bold}${ANSI.reset}` : `**${part.bold}**`;
  if ("italic" in part)
    return style.color ? `${ANSI.italic}${part.italic}${ANSI.reset}` : `_${part.italic}_`;
  return `${part.link} <${part.url}>`;
}

function rich(text: RichText, style: TextStyle): string {
  return typeof text === "string" ? text : text.map((part) => piece(part, style)).join("");
}

/**
 * Renders a reply description as console text, part for part as Discord would
 * show it: mention, content, title and link, description, fields, footer,
 * buttons (numbered, for `/press N`), and whether it is private. Text is not
 * escaped: a terminal does not parse markdown or mentions.
 */
export function renderText(reply: Reply, style: TextStyle = { color: false }): string {
  const dim = (text: string) => (style.color ? `${ANSI.dim}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  const head: string[] = [];
  if (reply.mentionUser) head.push(`@${reply.mentionUser}`);
  if (reply.content !== undefined) head.push(rich(reply.content, style));
  if (head.length > 0) lines.push((reply.error ? "⚠ " : "") + head.join(" "));
  if (!reply.error) {
    if (reply.title) {
      lines.push(style.color ? `${ANSI.bold}${reply.title}${ANSI.reset}` : `# ${reply.title}`);
      if (reply.url) lines.push(dim(reply.url));
    }
    if (reply.description !== undefined) lines.push(rich(reply.description, style));
    for (const field of reply.fields ?? []) {
      lines.push("", style.color ? `${ANSI.bold}${field.name}${ANSI.reset}` : `## ${field.name}`);
      lines.push(rich(field.value, style));
    }
    if (reply.footer) lines.push("", dim(`— ${reply.footer}`));
    const buttons = reply.buttons ?? [];
    if (buttons.length > 0) {
      lines.push(
        "",
        buttons
          .map((button, i) => `[${i + 1}: ${button.label}${button.disabled ? " (off)" : ""}]`)
          .join(" "),
      );
    }
  }
  if (reply.ephemeral || reply.error) lines.push(dim("(only you can see this)"));
  return lines.join("\n");
}
