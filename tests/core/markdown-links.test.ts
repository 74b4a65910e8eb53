import fc from "fast-check";
import MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { describe, expect, it } from "vitest";
import { markdownBlocks, withUnreadLinks } from "../../src/core/article/markdown.ts";

/**
 * The parser reads links without normalising their addresses (`withUnreadLinks`): markdown-it
 * must still make the same tokens, and so decide the same links, as with its own defaults;
 * only the addresses (`href`, `src`), which no passage reads, may differ.
 */

const options = { html: true, linkify: false, typographer: false } as const;
const defaults = () => new MarkdownIt("default", options).disable(["code", "normalize"]);

/** Every token and child as the walk reads them: type, tag, content, markup, nesting; no attributes. */
function shape(tokens: readonly Token[]): unknown[] {
  return tokens.map((token) => [
    token.type,
    token.tag,
    token.content,
    token.markup,
    token.nesting,
    token.children ? shape(token.children) : null,
  ]);
}

/** Pieces of link addresses: the schemes markdown-it refuses, in any case, and what its normalising changes. */
const PIECES = [
  "javascript:",
  "JavaScript:",
  "JAVASCRIPT:",
  "vbscript:",
  "VBScript:",
  "file:",
  "FILE:",
  "data:",
  "DATA:",
  "data:image/png;",
  "data:image/svg+xml;",
  "data:text/html;",
  "java",
  "script",
  ":",
  "%3A",
  "%",
  "http://",
  "https://",
  "mailto:",
  "//",
  "ex.com",
  "bücher.de",
  "xn--",
  "/",
  "?q=1",
  "#x",
  "é",
  "\u017fcript:",
  " ",
  "\t",
  "&#58;",
  "&#x6A;avascript:",
  "\\:",
  "<",
  ">",
  "(",
  ")",
  '"t"',
];

const address = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((p) => p.join(""));

describe("links read without normalising their addresses", () => {
  it("GIVEN links, images, autolinks and references to any address THEN the tokens are markdown-it's own, addresses aside", () => {
    const ours = withUnreadLinks(defaults());
    const theirs = defaults();
    fc.assert(
      fc.property(address, address, (a, b) => {
        const body = [
          `Read [the order](${a}) and ![a chart](${b} "t").`,
          `See <${a}> or [the fact sheet][ref] and [${b}](<${a}>).`,
          "",
          `[ref]: ${b}`,
        ].join("\n");
        expect(shape(ours.parse(body, {}))).toEqual(shape(theirs.parse(body, {})));
      }),
      { numRuns: 2000 },
    );
  });

  it("GIVEN a link to a refused scheme THEN it is no link: its Markdown stays text, as markdown-it's defaults say", () => {
    const blocks = markdownBlocks(
      "Do not [click](javascript:alert(1)) nor [this](JAVASCRIPT:x); [a chart](data:image/png;base64,AA) is fine, so is [the site](https://bücher.de/a b).\n",
    );
    expect(blocks.map((block) => block.text)).toEqual([
      "Do not [click](javascript:alert(1)) nor [this](JAVASCRIPT:x); a chart is fine, so is [the site](https://bücher.de/a b).",
    ]);
  });
});
