/**
 * Finds the words and numbers of a text: the spans that the regular expression
 * {@link WORD_OR_NUMBER} matches, by a scan over character codes. Indexing an archive reads
 * twenty million words, and the expression's `exec` loop (a match object per word, Unicode
 * property classes tried at every position) was the largest single cost of a build.
 */

/**
 * What a word or number is. Dotted acronyms ("U.S.", "D.C.") come first so that they stay one
 * word; numbers keep their inner separators ("1,000", "3.5"); words keep inner apostrophes. A
 * letter followed by a short run of digits is one name ("G7", "B3W", "H5N1", "N95"), which
 * split would be a lone letter and a bare number; "FY22" and "COVID19" stay two words.
 */
export const WORD_OR_NUMBER =
  /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)*|(?:[\p{L}\p{M}]\p{N}{1,3}(?!\p{N})[\p{L}\p{M}\p{N}]*|[\p{L}\p{M}]+)(?:['’][\p{L}]+)*/gu;

const LETTER = 1;
const UPPER = 2;
const MARK = 4;
const NUMBER = 8;

const IS_LETTER = /^\p{L}$/u;
const IS_UPPER = /^\p{Lu}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_NUMBER = /^\p{N}$/u;

function classify(codePoint: number): number {
  const char = String.fromCodePoint(codePoint);
  return (
    (IS_LETTER.test(char) ? LETTER : 0) |
    (IS_UPPER.test(char) ? UPPER : 0) |
    (IS_MARK.test(char) ? MARK : 0) |
    (IS_NUMBER.test(char) ? NUMBER : 0)
  );
}

/** Classes of the Basic Multilingual Plane, worked out when first met (255: not yet). */
const bmpClasses = new Uint8Array(0x10000).fill(255);
/** Classes of the code points above it (rare: mathematical letters, some scripts). */
const astralClasses = new Map<number, number>();

function classOf(codePoint: number): number {
  if (codePoint <= 0xffff) {
    let found = bmpClasses[codePoint] as number;
    if (found === 255) {
      found = classify(codePoint);
      bmpClasses[codePoint] = found;
    }
    return found;
  }
  let found = astralClasses.get(codePoint);
  if (found === undefined) {
    found = classify(codePoint);
    astralClasses.set(codePoint, found);
  }
  return found;
}

/**
 * The code point at `at` (a lone surrogate is one of its own, as the `u` flag reads it); the
 * unit itself below the surrogates, without `codePointAt`'s slower path.
 */
function codePointAt(text: string, at: number): number {
  const unit = text.charCodeAt(at);
  return unit < 0xd800 ? unit : (text.codePointAt(at) as number);
}

const width = (codePoint: number) => (codePoint > 0xffff ? 2 : 1);

/** End of the run of code points from `at` whose class shares a bit with `classes`. */
function runEnd(text: string, at: number, classes: number): number {
  let end = at;
  while (end < text.length) {
    const codePoint = codePointAt(text, end);
    if ((classOf(codePoint) & classes) === 0) break;
    end += width(codePoint);
  }
  return end;
}

/** True when the code point at `at` (inside the text) has one of `classes`. */
function isAt(text: string, at: number, classes: number): boolean {
  return at < text.length && (classOf(codePointAt(text, at)) & classes) !== 0;
}

/** End of a dotted acronym at `at` (two or more capital-and-period pairs), or -1. */
function acronymEnd(text: string, at: number): number {
  let end = at;
  let pairs = 0;
  while (end < text.length) {
    const codePoint = codePointAt(text, end);
    if ((classOf(codePoint) & UPPER) === 0) break;
    const dot = end + width(codePoint);
    if (text.charCodeAt(dot) !== 0x2e) break;
    end = dot + 1;
    pairs += 1;
  }
  return pairs >= 2 ? end : -1;
}

/**
 * Most letters, then most digits, that open a name of letters and digits ("G20", "H5N1"): one
 * letter, which alone would be no word; "FY22" and "COP28" are read as before, their letters a
 * word the index keeps.
 */
const MAX_CODE_LETTERS = 1;
const MAX_CODE_DIGITS = 3;

/** How many code points lie from `from` to `to`. */
function codePoints(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at += width(codePointAt(text, at))) count += 1;
  return count;
}

/** End of the word or number that starts at `at`, whose first code point has `classes`. */
function matchEnd(text: string, at: number, classes: number): number {
  if (classes & UPPER) {
    const end = acronymEnd(text, at);
    if (end >= 0) return end;
  }
  if (classes & NUMBER) {
    let end = runEnd(text, at, NUMBER);
    for (;;) {
      const separator = text.charCodeAt(end);
      if ((separator !== 0x2e && separator !== 0x2c) || !isAt(text, end + 1, NUMBER)) return end;
      end = runEnd(text, end + 1, NUMBER);
    }
  }
  let end = runEnd(text, at, LETTER | MARK);
  if (isAt(text, end, NUMBER) && codePoints(text, at, end) <= MAX_CODE_LETTERS) {
    const digitsEnd = runEnd(text, end, NUMBER);
    if (codePoints(text, end, digitsEnd) <= MAX_CODE_DIGITS) {
      end = runEnd(text, digitsEnd, LETTER | MARK | NUMBER);
    }
  }
  for (;;) {
    const apostrophe = text.charCodeAt(end);
    if ((apostrophe !== 0x27 && apostrophe !== 0x2019) || !isAt(text, end + 1, LETTER)) {
      return end;
    }
    end = runEnd(text, end + 1, LETTER);
  }
}

/**
 * The spans of the words and numbers of a text, as {@link WORD_OR_NUMBER} matches them:
 * start and end of each, in order, written into `spans` (grown when too short; the array
 * used is returned with the count).
 */
export function wordSpans(text: string, spans: Int32Array): { spans: Int32Array; count: number } {
  let count = 0;
  let at = 0;
  while (at < text.length) {
    const unit = text.charCodeAt(at);
    // Plain ASCII punctuation and spaces are most of what lies between words.
    if (unit < 0x80 && (ASCII_CLASSES[unit] as number) === 0) {
      at += 1;
      continue;
    }
    const codePoint = unit < 0xd800 ? unit : codePointAt(text, at);
    const classes = classOf(codePoint);
    if ((classes & (LETTER | MARK | NUMBER)) === 0) {
      at += width(codePoint);
      continue;
    }
    const end = matchEnd(text, at, classes);
    if (2 * count + 2 > spans.length) {
      const grown = new Int32Array(2 * spans.length + 16);
      grown.set(spans);
      spans = grown;
    }
    spans[2 * count] = at;
    spans[2 * count + 1] = end;
    count += 1;
    at = end;
  }
  return { spans, count };
}

const ASCII_CLASSES = Uint8Array.from({ length: 0x80 }, (_, unit) => classify(unit));
