import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collapseSpace, isSpace } from "../../src/core/text/space.ts";

/**
 * Passages are collapsed by a pattern for the runs of white space that are not one plain
 * space, then trimmed, instead of `/\s+/gu` and `trim`: it must give exactly what that gave,
 * or the saved index and every quoted passage would change.
 */

const PIECES = [
  "word",
  "é",
  "😀",
  "\ud800",
  " ",
  "  ",
  "\t",
  "\n",
  "\r\n",
  "\u000b",
  "\f",
  "\u00a0",
  "\u1680",
  "\u2003",
  "\u200a",
  "\u200b",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\u3000",
  "\ufeff",
  "\u0085",
];

describe("white space", () => {
  it("GIVEN every UTF-16 code unit WHEN isSpace reads it THEN it agrees with \\s", () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      if (isSpace(code) !== /\s/u.test(String.fromCharCode(code))) {
        disagreements.push(code.toString(16));
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("GIVEN texts of words and every kind of white space WHEN collapsed THEN the result is the pattern's", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), (pieces) => {
        const text = pieces.join("");
        expect(collapseSpace(text)).toBe(text.replace(/\s+/gu, " ").trim());
      }),
      { numRuns: 5000 },
    );
  });

  it("GIVEN arbitrary strings WHEN collapsed THEN the result is the pattern's", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(collapseSpace(text)).toBe(text.replace(/\s+/gu, " ").trim());
      }),
      { numRuns: 2000 },
    );
  });

  it("GIVEN a text already collapsed WHEN collapsed THEN the same string comes back", () => {
    expect(collapseSpace("a b  c")).toBe("a b c");
    expect(collapseSpace(" a")).toBe("a");
    expect(collapseSpace("a ")).toBe("a");
    expect(collapseSpace("")).toBe("");
    expect(collapseSpace(" \n ")).toBe("");
    expect(collapseSpace("one two three")).toBe("one two three");
  });
});
