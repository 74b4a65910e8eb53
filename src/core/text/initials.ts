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
 * The end of the words spelling `letters` from `letter` on, starting at `at`, or -1: one word
 * a letter, each starting with it in any case and at least two characters long, in a row,
 * apart by white space or a hyphen, a connector allowed between. Tries the longest word first
 * and a connector before none, as a regular expression would.
 */
function spelledEnd(text: string, at: number, letters: string, letter: number): number {
  if ((text[at] ?? "").toLowerCase() !== letters[letter]) return -1;
  let runEnd = at + 1;
  while (runEnd < text.length && WORD_CHARACTER.test(text[runEnd] as string)) runEnd += 1;
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
      const found = spelledEnd(text, after, letters, letter + 1);
      if (found >= 0) return found;
    }
    const found = spelledEnd(text, next, letters, letter + 1);
    if (found >= 0) return found;
  }
  return -1;
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
  for (let start = 0; start < text.length; start += 1) {
    if (start > 0 && LETTER_OR_DIGIT.test(text[start - 1] as string)) continue;
    const end = spelledEnd(text, start, letters, 0);
    if (end < 0) continue;
    const words = text.slice(start, end).split(/\s+|-/u);
    if (!words.some((word) => CONNECTOR_WORDS.has(word.toLowerCase()))) return true;
    if (words.every((word) => CONNECTOR_WORDS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word))) {
      return true;
    }
    start = end - 1;
  }
  return false;
}
