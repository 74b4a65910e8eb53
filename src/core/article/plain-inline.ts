import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";

/**
 * A character at which one of markdown-it's inline rules other than `text` and `newline`
 * may start (escape, backticks, strikethrough, emphasis, link, image, autolink, HTML,
 * entity), with `]` for good measure. Inline content with none of them is plain text and
 * line breaks, whatever else it holds: at any other character every rule but `text`
 * declines and the character joins the pending text. Not so with linkify on (its rule
 * starts at a `:`): such a parser is left as it is.
 */
const MARKUP_START = /[!&*<[\\\]_`~]/u;

/** markdown-it's Token class, as the core state carries it. */
type TokenClass = StateCore["Token"];

/** True for the characters markdown-it's `isSpace` accepts: the next line's indent. */
const isSpace = (code: number) => code === 0x20 || code === 0x09;

/**
 * The tokens markdown-it's inline parser makes of content without markup: text, and a
 * `softbreak` (a `hardbreak` after two spaces or more) at each line end, with the line's
 * trailing spaces and the next line's indent dropped, as its `newline` rule does.
 */
function plainTokens(Token: TokenClass, content: string, children: Token[]): void {
  const text = (from: number, to: number) => {
    if (to <= from) return;
    const token = new Token("text", "", 0);
    token.content = content.slice(from, to);
    children.push(token);
  };
  let start = 0;
  for (;;) {
    const newline = content.indexOf("\n", start);
    if (newline < 0) {
      text(start, content.length);
      return;
    }
    let end = newline;
    while (end > start && content.charCodeAt(end - 1) === 0x20) end -= 1;
    text(start, end);
    children.push(new Token(newline - end >= 2 ? "hardbreak" : "softbreak", "br", 0));
    start = newline + 1;
    while (start < content.length && isSpace(content.charCodeAt(start))) start += 1;
  }
}

/**
 * Replaces markdown-it's core `inline` rule with one that makes the tokens of plain inline
 * content itself ({@link plainTokens}) and hands the rest to markdown-it's inline parser.
 * The tokens are the same; an archive's paragraphs are mostly plain, and the inline parser
 * set up its state and tried a rule at every line break and punctuation mark of each.
 */
export function withPlainInlineFastPath(md: MarkdownIt): MarkdownIt {
  if (md.options.linkify) return md;
  md.core.ruler.at("inline", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "inline") continue;
      const children = (token.children ??= []);
      if (MARKUP_START.test(token.content)) {
        state.md.inline.parse(token.content, state.md, state.env, children);
      } else {
        plainTokens(state.Token, token.content, children);
      }
    }
  });
  return md;
}
