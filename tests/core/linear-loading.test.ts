import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/core/article/parse.ts";
import { splitSentences } from "../../src/core/text/sentences.ts";
import type { WorkMeter } from "../../src/core/text/work.ts";

/**
 * Loading must not be super-linear in what an article holds. Work is counted, not timed:
 * the passes add the characters they read to a meter, and the same adversarial pattern
 * repeated 4 times as often must cost at most about 4 times as much (a pass that re-read
 * a growing span would cost 16 times as much). The real timings are in
 * `npm run bench:adversarial` (bench/adversarial.ts), never in `npm test`.
 */

/** Pieces that attackers and unlucky files repeat: punctuation, quotes, spaces, invisible characters, markup. */
const PIECES = [
  "!",
  "?",
  "!?",
  ".",
  "…",
  "。",
  '"',
  "“",
  "”",
  "'",
  "’",
  ")",
  "(",
  " ",
  "  ",
  "\t",
  "\u00a0",
  "\n",
  "\u00ad",
  "\u200b",
  "a",
  "A",
  "Mr.",
  "U.S.",
  "J.",
  "1",
  "1.5",
  "*",
  "**",
  "_",
  "`",
  "[",
  "](",
  "<!--",
  "-->",
  "<b>",
  "> ",
  "- ",
  "  - ",
  "# ",
  "|",
  "word",
  "supercalifragilistic",
] as const;

/** One repeated unit: a few pieces, sometimes a long word. */
const unit = fc.oneof(
  fc
    .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join("")),
  fc.integer({ min: 50, max: 400 }).map((length) => "x".repeat(length) + " "),
);

/** A nested Markdown structure of a given depth: lists, quotes and emphasis inside each other. */
const nested = fc
  .tuple(fc.integer({ min: 2, max: 40 }), fc.constantFrom("- ", "> ", "* ", "1. "))
  .map(
    ([depth, marker]) =>
      Array.from(
        { length: depth },
        (_, level) => `${"  ".repeat(level)}${marker}**item ${level}**`,
      ).join("\n") + "\n\n",
  );

/** The body of a file made of `unit` repeated until it is about `size` characters long. */
function body(piece: string, size: number): string {
  return piece.repeat(Math.max(1, Math.ceil(size / piece.length)));
}

function file(extension: "md" | "txt", text: string): Uint8Array {
  const header = extension === "md" ? "---\ntitle: T\n---\n\n" : "T\n\n";
  return new TextEncoder().encode(`${header}start ${text} end\n`);
}

/** Characters read to load a file; an error (an empty body, say) still counts its work. */
function loadingWork(extension: "md" | "txt", text: string): number {
  const meter: WorkMeter = { steps: 0 };
  try {
    parseArticle(`adversarial.${extension}`, file(extension, text), { meter });
  } catch {
    // "the body is empty" and the like: what was read until then is the work.
  }
  return meter.steps;
}

/** Size of the smaller input; the larger is four times as long. */
const SMALL = 3_000;
/** Allowed ratio of the work for 4× the input (linear is 4; quadratic would be about 16). */
const RATIO = 5;
/** Characters read per input character at most, plus a constant for the small fixed parts. */
const PER_CHARACTER = 12;
const CONSTANT = 1_000;

describe("loading stays linear on adversarial text", () => {
  it.each(["md", "txt"] as const)(
    "GIVEN a %s file of any repeated adversarial pattern WHEN it is 4 times as long THEN loading reads at most about 4 times as much",
    (extension) => {
      fc.assert(
        fc.property(fc.oneof(unit, nested), (piece) => {
          const small = body(piece, SMALL);
          const large = body(piece, 4 * SMALL);
          const workSmall = loadingWork(extension, small);
          const workLarge = loadingWork(extension, large);
          expect(workLarge).toBeLessThanOrEqual(RATIO * workSmall + CONSTANT);
          expect(workLarge).toBeLessThanOrEqual(PER_CHARACTER * large.length + CONSTANT);
        }),
        { numRuns: 40 },
      );
    },
  );

  it("GIVEN a paragraph of abbreviations and initials that all merge WHEN it grows THEN splitting reads each character a bounded number of times", () => {
    fc.assert(
      fc.property(fc.constantFrom("Mr. ", "J. ", "A. B. ", "“Mr. ", "etc.) x "), (piece) => {
        for (const size of [2_000, 8_000, 32_000]) {
          const text = body(piece, size);
          const meter: WorkMeter = { steps: 0 };
          const sentences = splitSentences(text, meter);
          expect(meter.steps).toBeLessThanOrEqual(4 * text.length);
          // The work bound did not change what is split: the whole text is one sentence.
          expect(sentences).toHaveLength(1);
        }
      }),
    );
  });

  it("GIVEN 200,000 spaces in a plain-text paragraph THEN it loads as one short paragraph", () => {
    const meter: WorkMeter = { steps: 0 };
    const article = parseArticle("spaces.txt", file("txt", `a${" ".repeat(200_000)}b\nc`), {
      meter,
    });
    expect(article.paragraphs.map((paragraph) => paragraph.text.length)).toEqual([
      `start a${" ".repeat(200_000)}b c end`.length,
    ]);
    expect(meter.steps).toBeLessThanOrEqual(PER_CHARACTER * 200_000);
  });

  it("GIVEN an HTML block of many comments and then text THEN the text is read (the comment check does not backtrack)", () => {
    const comments = "<!-- a -->".repeat(2_000);
    const article = parseArticle(
      "comments.md",
      new TextEncoder().encode(`---\ntitle: T\n---\n\n${comments}<p>Kept text.</p>\n\nAfter.\n`),
    );
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(["Kept text.", "After."]);
  });
});
