// Initialisms and the words they stand for ("EV": "electric vehicles", "DOE": "Department of
// Energy"): read by the ranker (search/initialisms.ts) and by the short answers (answer/names.ts).
//
// Matched by a small backtracking scan, not a RegExp built per word: a Unicode,
// case-insensitive pattern costs 1-2 ms to compile, paid for every new word of every question
// (and for every one-word name a short answer weighs), while the scan costs microseconds.

/** Words an initialism may skip between the words it spells: "Department of Energy" is "DOE" or "DE". */
const CONNECTORS: readonly string[] = ["of", "and", "for", "the", "on", "&"];

/** The connectors, as words of a match. */
const CONNECTOR_WORDS: ReadonlySet<string> = new Set(CONNECTORS);

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What a spelt-out word is made of after its first letter. */
const WORD_CHARACTER = /[\p{L}’'-]/u;
const SPACE = /\s/u;

/**
 * The letters of an initialism a word may be ("ev", "jv", "nrc"; stripping the "s" of "evs" is
 * the caller's): 2–5 lower-case letters; undefined for any other word.
 */
export function initialismLetters(word: string): string | undefined {
  return /^\p{Ll}{2,5}$/u.test(word) ? word : undefined;
}

/** Where the white space starting at `at` ends (`at` itself when there is none). */
function spaceEnd(text: string, at: number): number {
  let end = at;
  while (end < text.length && SPACE.test(text[end] as string)) end += 1;
  return end;
}

/**
 * Characters a spelt-out word may have: longer runs of letters and hyphens are read up to this
 * length. Without a bound, a run of short hyphenated words ("ab-ab-ab-…") sends the search
 * through every way of cutting it (80 of them: 5 s for one passage, and as long for the
 * regular expression the scan replaced).
 */
const MAX_WORD_LENGTH = 40;

/**
 * Where the words spelling `letters` (one a letter, each starting with it in any case and at
 * least two characters long, in a row, apart by white space or a hyphen, a connector allowed
 * between) end when they start at a position of `text`: the longest word tried first and a
 * connector before none, as a regular expression would; -1 when none do. Each position and
 * letter is worked out once.
 */
class Spelling {
  /** By letter and position: the end found, -1 for none, -2 not yet worked out. */
  private readonly ends: Int32Array;

  constructor(
    private readonly text: string,
    private readonly letters: string,
  ) {
    this.ends = new Int32Array((text.length + 1) * letters.length).fill(-2);
  }

  /** The end of the words spelling the letters from `letter` on, starting at `at`, or -1. */
  endFrom(at: number, letter: number): number {
    const key = letter * (this.text.length + 1) + at;
    let end = this.ends[key] as number;
    if (end === -2) {
      end = this.find(at, letter);
      this.ends[key] = end;
    }
    return end;
  }

  private find(at: number, letter: number): number {
    const { text, letters } = this;
    if ((text[at] ?? "").toLowerCase() !== letters[letter]) return -1;
    const longest = Math.min(text.length, at + MAX_WORD_LENGTH);
    let runEnd = at + 1;
    while (runEnd < longest && WORD_CHARACTER.test(text[runEnd] as string)) runEnd += 1;
    for (let end = runEnd; end >= at + 2; end -= 1) {
      if (letter === letters.length - 1) {
        if (!LETTER_OR_DIGIT.test(text[end] ?? "")) return end;
        continue;
      }
      const space = spaceEnd(text, end);
      const next = space > end ? space : text[end] === "-" ? end + 1 : -1;
      if (next < 0) continue;
      for (const connector of CONNECTORS) {
        if (text.slice(next, next + connector.length).toLowerCase() !== connector) continue;
        const after = spaceEnd(text, next + connector.length);
        if (after === next + connector.length) continue;
        const found = this.endFrom(after, letter + 1);
        if (found >= 0) return found;
      }
      const found = this.endFrom(next, letter + 1);
      if (found >= 0) return found;
    }
    return -1;
  }
}

/**
 * True when `text` spells out the initialism of `letters` (from {@link initialismLetters}):
 * "ev" → "electric vehicle(s)", "jv" → "joint venture", "nrc" → "Nuclear Regulatory
 * Commission". A connector in the words ("of" in "Department of Energy", the O of "DOE")
 * makes them a name's only when its other words are capitalised: "indoctrination of children"
 * spells no "IOC", "International Olympic Committee" does; "electric vehicles" spells "EV" in
 * any case. Spellings do not overlap: after one that fails that test, the search goes on past it.
 */
export function spellsOut(letters: string, text: string): boolean {
  return spelledAt(letters, text) !== undefined;
}

/** Where {@link spellsOut} finds the words spelling `letters` in `text`: [start, end), or undefined. */
export function spelledAt(letters: string, text: string): [number, number] | undefined {
  let spelling: Spelling | undefined;
  for (let start = 0; start < text.length; start += 1) {
    if (start > 0 && LETTER_OR_DIGIT.test(text[start - 1] as string)) continue;
    if ((text[start] ?? "").toLowerCase() !== letters[0]) continue;
    spelling ??= new Spelling(text, letters);
    const end = spelling.endFrom(start, 0);
    if (end < 0) continue;
    const words = text.slice(start, end).split(/\s+|-/u);
    if (!words.some((word) => CONNECTOR_WORDS.has(word.toLowerCase()))) return [start, end];
    if (words.every((word) => CONNECTOR_WORDS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word))) {
      return [start, end];
    }
    start = end - 1;
  }
  return undefined;
}
