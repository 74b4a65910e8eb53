import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { withPlainInlineFastPath } from "../../src/core/article/plain-inline.ts";
import { ROOT } from "../helpers.ts";

/** The parser settings markdown.ts uses, with or without the fast path. */
const options = { html: true, linkify: false, typographer: false } as const;
const plain = () => new MarkdownIt("default", options).disable(["code", "normalize"]);
const reference = plain();
const fast = withPlainInlineFastPath(plain());

/** Tokens as data, children included: what the two parsers are compared on. */
const tokensOf = (md: MarkdownIt, source: string) =>
  JSON.parse(JSON.stringify(md.parse(source, {})));

/** Every Markdown file the tests read: fixtures cut from the archive and whole articles. */
function fixtureSources(): string[] {
  const articleDirs = ["md", "eval", "blind-factsheets", "blind-mixed", "blind-transcripts"];
  const dirs = ["markdown", ...articleDirs.map((dir) => `articles/${dir}`)];
  return dirs.flatMap((dir) =>
    readdirSync(path.join(ROOT, "tests/fixtures", dir))
      .filter((name) => name.endsWith(".md"))
      .map((name) => readFileSync(path.join(ROOT, "tests/fixtures", dir, name), "utf8")),
  );
}

/** Words, spaces, tabs, line breaks and punctuation that starts no inline rule: the fast path's input. */
const PLAIN_PARTS = [
  "a",
  "word",
  " ",
  "  ",
  "   ",
  "\t",
  "\n",
  "\n  ",
  "\n\t",
  "#",
  "-",
  ":",
  "=",
  "@",
  "{",
  "%",
  "é",
  "1.",
];
/** Markup of each inline rule the fast path must leave to markdown-it. */
const MARKUP_PARTS = ["* ", "_x_", "[a](b)", "]", "\\", "<b>", "&amp;", "`c`", "~~s~~", "!"];
const text = (parts: string[]) =>
  fc.array(fc.constantFrom(...parts), { maxLength: 40 }).map((chosen) => chosen.join(""));

describe("withPlainInlineFastPath", () => {
  it("GIVEN every Markdown fixture THEN the parser with the fast path makes the same tokens as markdown-it's own inline parser", () => {
    const sources = fixtureSources();
    expect(sources.length).toBeGreaterThan(10);
    for (const source of sources)
      expect(tokensOf(fast, source)).toEqual(tokensOf(reference, source));
  });

  it("GIVEN any mix of words, spaces, tabs, line breaks and markup THEN the tokens are markdown-it's own", () => {
    fc.assert(
      fc.property(
        fc.oneof(text(PLAIN_PARTS), text([...PLAIN_PARTS, ...MARKUP_PARTS])),
        (source) => {
          expect(tokensOf(fast, source)).toEqual(tokensOf(reference, source));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("GIVEN a paragraph wrapped over lines with trailing spaces THEN its breaks are soft, or hard after two spaces, as markdown-it makes them", () => {
    const children = fast.parse("one \ntwo   \n\t three\nfour", {})[1]?.children ?? [];
    expect(children.map((child) => [child.type, child.content])).toEqual([
      ["text", "one"],
      ["softbreak", ""],
      ["text", "two"],
      ["hardbreak", ""],
      ["text", "three"],
      ["softbreak", ""],
      ["text", "four"],
    ]);
  });

  it("GIVEN a parser that links bare addresses THEN the fast path stays off and an address in plain text is still a link", () => {
    const linkify = withPlainInlineFastPath(new MarkdownIt("default", { linkify: true }));
    const types = linkify
      .parseInline("see https://example.com now", {})[0]
      ?.children?.map((child) => child.type);
    expect(types).toContain("link_open");
  });
});
