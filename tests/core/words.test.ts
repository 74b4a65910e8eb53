import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SentenceReader } from "../../src/core/text/sentence-reader.ts";
import { isContentToken, tokenize } from "../../src/core/text/tokenize.ts";
import { WORD_OR_NUMBER, wordSpans } from "../../src/core/text/words.ts";

/**
 * The index builder finds words with a scan over character codes (`wordSpans`) and reads
 * them without token objects (`SentenceReader`); questions and titles go through
 * `tokenize` and its regular expression. Both must cut and keep exactly the same words, or a
 * question would miss what the index holds: compared here on texts made of the pieces where
 * the rules turn (capitals and periods, digits and separators, apostrophes, combining marks,
 * letters outside the Basic Multilingual Plane, lone surrogates) and on arbitrary strings.
 */

const PIECES = [
  "U.S.",
  "D.C",
  "A.",
  "a.b.",
  "X",
  "Model X",
  "Plan B",
  "EVs",
  "NASA",
  "1,000",
  "3.5",
  "1.",
  "2,",
  ",3",
  "٣",
  "²",
  "½",
  "Ⅻ",
  "don't",
  "rock’n’roll",
  "o'",
  "'s",
  "e\u0301",
  "\u0301",
  "\u0301x",
  "Élysée",
  "𝐀𝐁",
  "𝐀.𝐁.",
  "😀",
  "\ud835",
  "\udc00",
  "%",
  "50%",
  " ",
  "  ",
  "-",
  "—",
  "\u00a0",
  "the",
  "The",
  "of",
  "I",
  "a",
  "Straße",
  "İ",
  "ǅ",
  "G7",
  "B3W",
  "H5N1",
  "FY22",
  "g",
  "7",
  "1234",
];

const pieced = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 30 })
  .map((pieces) => pieces.join(""));
const texts = fc.oneof(
  pieced,
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
);

function regexSpans(text: string): number[] {
  return [...text.matchAll(WORD_OR_NUMBER)].flatMap((m) => [m.index, m.index + m[0].length]);
}

describe("finding words for the index", () => {
  it("GIVEN any text WHEN its words are scanned THEN the spans are the regular expression's matches", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const { spans, count } = wordSpans(text, new Int32Array(2));
        expect(Array.from(spans.subarray(0, 2 * count))).toEqual(regexSpans(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("GIVEN a text with acronyms, numbers and apostrophes WHEN scanned THEN each stays one word", () => {
    const text = "The U.S. paid 1,000.50 dollars, rock’n’roll's 3.5% e\u0301te\u0301.";
    const { spans, count } = wordSpans(text, new Int32Array(0));
    const words = Array.from({ length: count }, (_, i) =>
      text.slice(spans[2 * i], spans[2 * i + 1]),
    );
    expect(words).toEqual([
      "The",
      "U.S.",
      "paid",
      "1,000.50",
      "dollars",
      "rock’n’roll's",
      "3.5",
      "e\u0301te\u0301",
    ]);
  });

  it("GIVEN a name of one letter and digits THEN it stays one word, where a longer run of letters and the number are two", () => {
    const text = "The G7 and B3W, H5N1 and N95 masks; FY22, COP28 and G1234.";
    const { spans, count } = wordSpans(text, new Int32Array(0));
    const words = Array.from({ length: count }, (_, i) =>
      text.slice(spans[2 * i], spans[2 * i + 1]),
    );
    expect(words).toEqual([
      "The",
      "G7",
      "and",
      "B3W",
      "H5N1",
      "and",
      "N95",
      "masks",
      "FY",
      "22",
      "COP",
      "28",
      "and",
      "G",
      "1234",
    ]);
  });

  it("GIVEN any text WHEN read for the index THEN its terms are tokenize's content terms, in order", () => {
    // One reader for every run, as one build reads every sentence: ids met before are found again.
    const reader = new SentenceReader();
    fc.assert(
      fc.property(texts, (text) => {
        const count = reader.read(text);
        const read = Array.from(reader.ids.subarray(0, count), (id) => {
          const reading = reader.readings[id];
          return [reading?.term, reading?.isNumber];
        });
        const expected = tokenize(text)
          .filter(isContentToken)
          .map((token) => [token.term, token.isNumber]);
        expect(read).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("GIVEN more forms than the reader's table first holds WHEN read twice THEN each keeps its id and reading", () => {
    const reader = new SentenceReader();
    // Letters only ("qb", "qbb", …): each one content word of its own.
    const letters = (i: number) =>
      [...i.toString(20)].map((d) => "bcdfghjklmnpqrstvwxz"[parseInt(d, 20)]).join("");
    const words = Array.from({ length: 70_000 }, (_, i) => `q${letters(i)}`);
    const first = words.map((word) => (reader.read(word), reader.ids[0]));
    const again = words.map((word) => (reader.read(word), reader.ids[0]));
    expect(new Set(first).size).toBe(words.length);
    expect(again).toEqual(first);
    expect(first.map((id) => reader.readings[id as number]?.word)).toEqual(words);
  });
});

describe("an acronym's possessive", () => {
  it.each([
    ["the UK's fund", "UK"],
    ["the US's plan", "US"],
    ["the EU’s rules", "EU"],
    ["NATO's role", "NATO"],
  ])("GIVEN %j THEN the acronym is read as one (%s), not as a word", (text, term) => {
    const token = tokenize(text).find((t) => t.term === term);
    expect(token?.acronym).toBe(true);
  });

  it("GIVEN a heading's 'IT'S' THEN it stays the word 'it'", () => {
    expect(tokenize("IT'S OK").map((t) => t.term)).toContain("it");
  });
});
