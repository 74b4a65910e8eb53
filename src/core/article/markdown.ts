import MarkdownIt from "markdown-it";
import type { StateBlock, Token } from "markdown-it";
import table from "markdown-it/lib/rules_block/table.mjs";
import { TABLE_READING } from "../fixed-tuning.ts";
import { collapseSpace } from "../text/space.ts";
import { BlockSink, type TextBlock } from "./blocks.ts";
import { htmlFragmentBlocks } from "./dom.ts";
import { withPlainInlineFastPath } from "./plain-inline.ts";
import type { WorkMeter } from "../text/work.ts";

/** Link schemes that markdown-it's `validateLink` may refuse (javascript:, vbscript:, file:, data:). */
const REFUSABLE_SCHEME = /script:|file:|data:/iu;

/**
 * A parser that does not normalise link addresses, which no passage reads (a link keeps its
 * text, its address is dropped): markdown-it's `normalizeLink` parses, re-encodes and
 * punycodes every address (about 2% of parsing the archive). Whether a link is a link stays
 * markdown-it's decision: its own `validateLink` of its own normalised address for any
 * address that names a scheme it may refuse; any other address it accepts whatever the
 * normalising (which keeps ASCII letters and `:`, and lower-cases only the scheme), so it is
 * accepted as is. Same tokens but their `href` and `src`.
 */
export function withUnreadLinks(md: MarkdownIt): MarkdownIt {
  const normalize = md.normalizeLink.bind(md);
  const validate = md.validateLink.bind(md);
  md.normalizeLink = (url) => url;
  md.validateLink = (url) => !REFUSABLE_SCHEME.test(url) || validate(normalize(url));
  return md;
}

/** What a parse carries in markdown-it's `env`: the table cells read as cells so far. */
interface TableCellsRead {
  tableCells?: number;
}

/** The columns of a table whose delimiter row (`|---|:--:|`) is line `line`, as markdown-it counts them. */
function delimiterColumns(state: StateBlock, line: number): number {
  const row = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]).trim();
  let pipes = 0;
  for (let i = row.indexOf("|"); i >= 0; i = row.indexOf("|", i + 1)) pipes += 1;
  return pipes + 1 - (row.startsWith("|") ? 1 : 0) - (row.endsWith("|") ? 1 : 0);
}

/**
 * markdown-it's table rule within {@link TABLE_READING}'s budget of cells per parse: a table
 * ends at the last row that fits (the lines after it read as a paragraph), and one whose
 * header alone does not fit is no table. Decided before markdown-it makes any cell's tokens,
 * and the same way when it only asks whether a table starts (to end a paragraph there).
 */
function withBoundedTables(md: MarkdownIt): MarkdownIt {
  md.block.ruler.at(
    "table",
    (state, startLine, endLine, silent) => {
      if (!table(state, startLine, endLine, true)) return false;
      const read = state.env as TableCellsRead;
      const used = read.tableCells ?? 0;
      const columns = delimiterColumns(state, startLine + 1);
      // Rows that fit, the header's included.
      const rows = Math.floor((TABLE_READING.maxCells - used) / columns);
      if (rows < 1) return false;
      if (silent) return true;
      // The header and delimiter rows, then at most rows - 1 body rows.
      if (!table(state, startLine, Math.min(endLine, startLine + rows + 1), false)) return false;
      read.tableCells = used + columns * (state.line - startLine - 1);
      return true;
    },
    { alt: ["paragraph", "reference"] },
  );
  return md;
}

/**
 * CommonMark with GitHub's tables, raw HTML recognised (so that its tags can be dropped)
 * and no typographic rewriting: the text is quoted as written. markdown-it's `normalize`
 * rule (CR and CRLF to LF, NUL to U+FFFD) is done by {@link markdownBlocks} only when a body
 * has a CR or a NUL: the rule re-wrote every body (its pattern matched each LF), about 1.5%
 * of an archive build, and `parseArticle` hands over bodies with neither. Inline content
 * without markup is read without markdown-it's inline parser, into the same tokens
 * (`plain-inline.ts`). Tables are read as cells within a budget ({@link withBoundedTables}).
 */
const parser = withPlainInlineFastPath(
  withoutLooseStars(
    withUnreadLinks(
      withBoundedTables(
        new MarkdownIt("default", {
          html: true,
          linkify: false,
          typographer: false,
        }).disable(["code", "normalize"]),
      ),
    ),
  ),
);

/**
 * Drops the runs of emphasis stars CommonMark could not pair ("…Subcontractors*.*  (a)",
 * Pandoc's emphasised full stop; "*“When…", a star before a curly quote): markup, not
 * text. A run inside a word ("2*3", "f*ck") is the writer's and stays, and so does an
 * escaped "\*" (a text_special token until the core's text_join). Runs after the emphasis
 * pairing, before markdown-it joins the leftover runs with the text around them.
 */
function withoutLooseStars(md: MarkdownIt): MarkdownIt {
  md.inline.ruler2.before("fragments_join", "loose_stars", (state) => {
    const { tokens } = state;
    tokens.forEach((token, at) => {
      if (token.type !== "text" || !/^\*+$/u.test(token.content)) return;
      const before = tokens[at - 1];
      const after = tokens[at + 1];
      const wordBefore = before?.type === "text" && /[\p{L}\p{N}]$/u.test(before.content);
      const wordAfter = after?.type === "text" && /^[\p{L}\p{N}]/u.test(after.content);
      if (!(wordBefore && wordAfter)) token.content = "";
    });
    return false;
  });
  return md;
}

/** A paragraph wholly in bold or italics and at most this long, without a closing full stop, is a heading. */
const BOLD_HEADING_MAX = 120;

/** Level given to such a paragraph: under every real heading. */
const BOLD_HEADING_LEVEL = 7;

/**
 * True when an HTML block is only comments (Pandoc's `<!-- -->` between lists): it holds
 * no text. Scanned once, left to right; the pattern it replaces,
 * `^(?:\s*<!--[\s\S]*?-->)*\s*$`, tried every way of grouping the comments before
 * failing, twice as long for each more comment (22 comments and a letter: 0.3 s).
 */
function onlyComments(html: string, meter?: WorkMeter): boolean {
  if (meter) meter.steps += html.length;
  let i = 0;
  for (;;) {
    while (i < html.length && /\s/u.test(html[i] as string)) i += 1;
    if (i === html.length) return true;
    if (!html.startsWith("<!--", i)) return false;
    const close = html.indexOf("-->", i + 4);
    if (close < 0) return false;
    i = close + 3;
  }
}

/** The plain text of an inline token: links keep their text; emphasis, images and HTML tags leave none. */
function inlineText(token: Token): string {
  let text = "";
  for (const child of token.children ?? []) {
    switch (child.type) {
      case "text":
        // A bold marker CommonMark could not pair ("**Title **") is still markup, not text.
        // (Looked for first: most text has none, and the pattern's replace costs more.)
        text += child.content.includes("**")
          ? child.content.replace(/\*{2,}/gu, "")
          : child.content;
        break;
      case "code_inline":
        text += child.content;
        break;
      case "softbreak":
      case "hardbreak":
        text += " ";
        break;
      case "html_inline":
        // A tag vanishes; a line break tag still separates words.
        if (/^<br\b/iu.test(child.content)) text += " ";
        break;
      default:
        break; // link_open, strong_open, image, …: markup only
    }
  }
  return text;
}

/** True for a text child that is only white space. */
function isBlankText(child: Token): boolean {
  return child.type === "text" && child.content.trim() === "";
}

/** True when a paragraph is one bold or italic span and reads as a title, not a sentence. */
function isBoldHeading(token: Token): boolean {
  // The first and last children that are not blank text, found without filtering them all
  // first: most paragraphs are not wrapped, and this runs for every one.
  const all = token.children ?? [];
  let from = 0;
  while (from < all.length && isBlankText(all[from] as Token)) from += 1;
  let to = all.length - 1;
  while (to > from && isBlankText(all[to] as Token)) to -= 1;
  const first = all[from];
  const last = all[to];
  if (!first || !last || to - from < 2) return false;
  const wrapped =
    (first.type === "strong_open" && last.type === "strong_close") ||
    (first.type === "em_open" && last.type === "em_close");
  if (!wrapped) return false;
  const children = all.filter((child) => !isBlankText(child));
  if (children.length < 3) return false;
  // Another bold span that closes inside ("**A:** text **B**") means it is not one span.
  const closes = children.filter((child) => child.type === last.type).length;
  const text = collapseSpace(inlineText(token));
  return closes === 1 && text.length <= BOLD_HEADING_MAX && !/[.!?]["”’)]?$/u.test(text);
}

/** The cells of a table row as one line, empty cells left out. */
function rowText(tokens: readonly Token[], start: number): { text: string; end: number } {
  const cells: string[] = [];
  let i = start + 1;
  for (; i < tokens.length && tokens[i]?.type !== "tr_close"; i += 1) {
    const token = tokens[i] as Token;
    if (token.type === "inline") {
      const cell = collapseSpace(inlineText(token));
      if (cell !== "") cells.push(cell);
    }
  }
  return { text: cells.join(" | "), end: i };
}

/**
 * Reads a Markdown body (without its front matter) into passages, in body order.
 * Paragraphs, list items (each nested item too), table rows, code blocks and the text
 * of raw HTML blocks are passages; headings and bold-only lines are context; rules,
 * emphasis, images and HTML tags leave nothing.
 *
 * @param meter - counts the characters this walk reads itself (markdown-it's own work is not counted).
 */
export function markdownBlocks(body: string, meter?: WorkMeter): TextBlock[] {
  const source =
    body.includes("\r") || body.includes("\0")
      ? body.replace(/\r\n?/gu, "\n").replace(/\0/gu, "\uFFFD")
      : body;
  // A fresh env for each body: the table budget is per article.
  const tokens = parser.parse(source, {} satisfies TableCellsRead);
  const sink = new BlockSink();
  /** Per open list item: whether its first passage was seen (that one is the lead-in). */
  const items: boolean[] = [];
  let inTableHead = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    switch (token.type) {
      case "heading_open": {
        const inline = tokens[i + 1];
        if (inline?.type === "inline") sink.heading(Number(token.tag.slice(1)), inlineText(inline));
        i += 2;
        break;
      }
      case "list_item_open":
        items.push(false);
        sink.openLead();
        break;
      case "list_item_close":
        items.pop();
        sink.closeLead();
        break;
      case "inline": {
        // Paragraph text (headings and table cells are consumed where they open).
        if (items.length === 0 && isBoldHeading(token)) {
          sink.heading(BOLD_HEADING_LEVEL, inlineText(token));
          break;
        }
        const first = items.length > 0 && items[items.length - 1] === false;
        if (first) items[items.length - 1] = true;
        sink.block(inlineText(token), first);
        break;
      }
      case "table_open":
        sink.openLead();
        break;
      case "table_close":
        sink.closeLead();
        break;
      case "thead_open":
        inTableHead = true;
        break;
      case "thead_close":
        inTableHead = false;
        break;
      case "tr_open": {
        const row = rowText(tokens, i);
        if (inTableHead) sink.setLead(row.text);
        else sink.block(row.text);
        i = row.end;
        break;
      }
      case "code_block":
      case "fence":
        sink.block(token.content);
        break;
      case "html_block": {
        // Consecutive HTML blocks are one fragment: a table split by blank lines stays whole.
        let html = token.content;
        while (tokens[i + 1]?.type === "html_block") {
          i += 1;
          html += (tokens[i] as Token).content;
        }
        if (!onlyComments(html, meter)) {
          for (const block of htmlFragmentBlocks(html)) {
            const context = [sink.context(), block.context].filter(Boolean).join(" — ");
            sink.blocks.push(context === "" ? { text: block.text } : { text: block.text, context });
          }
        }
        break;
      }
      default:
        break; // hr, blockquote and list boundaries, paragraph_open/close: structure only
    }
  }
  return sink.blocks;
}
