import type { Sentence } from "../article/types.ts";
import { STOP_WORDS, TITLE_ABBREVIATIONS } from "./lexicon.ts";
import { isSpace } from "./space.ts";
import type { WorkMeter } from "./work.ts";

/**
 * How far before a period the word it ends is looked for: an abbreviation or an initial,
 * even behind opening quotes, is far shorter, and a bound keeps one long word from being
 * re-read at every break (which made a paragraph of "Mr. Mr. …" quadratic).
 */
const ABBREVIATION_LOOK_BACK = 64;

/** Terminal punctuation of Latin script: a run of it, closers, then white space may end a sentence. */
const isTerminal = (code: number): boolean =>
  code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026; // . ! ? …

/** Full-width stops: they may end a sentence without white space after them. */
const isFullWidthStop = (code: number): boolean =>
  code === 0x3002 || code === 0xff01 || code === 0xff1f; // 。 ！ ？

/**
 * Any of the stops of {@link isTerminal} and {@link isFullWidthStop}: one class, one code unit
 * at a time (no `u` flag: all are in the Basic Multilingual Plane, and the search then starts
 * exactly where it is told, as the loop over code units did).
 */
const STOP = /[.!?\u2026\u3002\uff01\uff1f]/g;

/** Closing quotes and brackets that may follow the punctuation: " ” ’ ' ) ]. */
const isCloser = (code: number): boolean =>
  code === 0x22 ||
  code === 0x201d ||
  code === 0x2019 ||
  code === 0x27 ||
  code === 0x29 ||
  code === 0x5d;

/** Opening quotes and brackets before a word: “ " ‘ ' (. */
const isOpener = (code: number): boolean =>
  code === 0x201c || code === 0x22 || code === 0x2018 || code === 0x27 || code === 0x28;

/**
 * Where a sentence may end: after terminal punctuation, any closing quotes or brackets,
 * then white space (or after a full-width stop, which needs none). Candidates only:
 * {@link breaksTooEarly} then rejects those after abbreviations and initials. One pass
 * over the text, never back (a regular expression here backtracked over long runs of
 * punctuation). ICU's Intl.Segmenter gives the same candidates for English prose but
 * costs several times more, which counts when thousands of articles are indexed.
 *
 * @returns the offsets where candidate sentences end, before the text's end.
 */
function candidateEnds(text: string): number[] {
  const ends: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    // The next stop, found by the pattern in compiled code: three times faster over the
    // archive's passages than reading every character with charCodeAt here.
    STOP.lastIndex = i;
    if (!STOP.test(text)) break;
    i = STOP.lastIndex - 1;
    const fullWidth = isFullWidthStop(text.charCodeAt(i));
    let j = i + 1;
    while (j < length && (fullWidth ? isFullWidthStop : isTerminal)(text.charCodeAt(j))) j += 1;
    while (j < length && isCloser(text.charCodeAt(j))) j += 1;
    const spaceStart = j;
    while (j < length && isSpace(text.charCodeAt(j))) j += 1;
    if ((fullWidth || j > spaceStart) && j < length) ends.push(j);
    i = j;
  }
  return ends;
}

/**
 * A colon or semicolon (and an "and" or "or") before an enumerator: where a provision's
 * clauses are listed in one sentence ("shall be at least: (i) $15.00 per hour…; and (ii)…").
 */
const CLAUSE_BREAK = /[:;](?:\s+(?:and|or))?\s+(?=\((?:[a-zA-Z]|i{1,3}|iv|vi{0,3}|\d{1,2})\)\s)/g;

/**
 * The candidate ends with the clause breaks of {@link CLAUSE_BREAK} merged in, in order:
 * each enumerated clause is quoted on its own, as a list item is.
 */
function withClauseEnds(ends: number[], text: string): number[] {
  if (text.indexOf("(") < 0) return ends;
  const clauses: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(text); match; match = CLAUSE_BREAK.exec(text)) {
    clauses.push(match.index + match[0].length);
  }
  if (clauses.length === 0) return ends;
  return [...ends, ...clauses].sort((a, b) => a - b);
}

/** A candidate sentence or a run of merged ones: offsets into the paragraph. */
interface Span {
  start: number;
  end: number;
}

/**
 * A clause's enumerator: a letter, a roman numeral up to 8 or a one- or two-digit number in
 * brackets, then white space ("(a) ", "(iii) ", "(B) ", "(12) "). Sticky: tested where a
 * candidate sentence starts.
 */
const ENUMERATOR = /\((?:[a-zA-Z]|i{1,3}|iv|vi{0,3}|\d{1,2})\)\s/y;

const STARTS_WORD = 1;
const LOWER_OR_NUMBER = 2;
const UNKNOWN = 255;
/** What each code point of the Basic Multilingual Plane is, as the two tests below need, found when first met. */
const bmpKinds = new Uint8Array(0x10000).fill(UNKNOWN);

/** {@link STARTS_WORD} for a letter or number, {@link LOWER_OR_NUMBER} for a lower-case letter or number. */
function kindOf(codePoint: number): number {
  let kind = codePoint <= 0xffff ? (bmpKinds[codePoint] as number) : UNKNOWN;
  if (kind !== UNKNOWN) return kind;
  const char = String.fromCodePoint(codePoint);
  kind =
    (/[\p{L}\p{N}]/u.test(char) ? STARTS_WORD : 0) |
    (/[\p{Ll}\p{N}]/u.test(char) ? LOWER_OR_NUMBER : 0);
  if (codePoint <= 0xffff) bmpKinds[codePoint] = kind;
  return kind;
}

/**
 * Decides whether the break between `previous` and `next` is false: the next piece
 * goes on in lower case or with a number, or the previous ends with an abbreviation
 * or an initial. Reads only the start of `next` and the end of `previous`.
 */
function breaksTooEarly(text: string, previous: Span, next: Span, meter?: WorkMeter): boolean {
  // A clause enumerator after a full stop opens a clause of its own: "…Subcontractors. (a)
  // Executive departments…", as executive orders and statutes number their provisions.
  ENUMERATOR.lastIndex = next.start;
  if (ENUMERATOR.test(text)) return false;
  let i = next.start;
  while (i < next.end && isOpener(text.charCodeAt(i))) i += 1;
  const first = text.codePointAt(i);
  if (meter) meter.steps += i - next.start + 1;
  if (i >= next.end || first === undefined) return false;
  const kind = kindOf(first);
  if ((kind & STARTS_WORD) === 0) return false;
  // A lower-case or numeric continuation never starts a sentence in edited prose
  // ("etc.) with a similar…", "“Go now.” then he left").
  if ((kind & LOWER_OR_NUMBER) !== 0) return true;
  let end = previous.end;
  while (end > previous.start && isSpace(text.charCodeAt(end - 1))) end -= 1;
  // "(50 U.S.C. 1601 et seq.) (NEA), the…": the abbreviation's period inside a bracket.
  while (end > previous.start && text.charCodeAt(end - 1) === 0x29) end -= 1;
  if (end <= previous.start || text.charCodeAt(end - 1) !== 0x2e) return false;
  // The word before the final period, looked for within a bound (see ABBREVIATION_LOOK_BACK).
  const limit = Math.max(previous.start, end - 1 - ABBREVIATION_LOOK_BACK);
  let wordStart = end - 1;
  while (wordStart > limit) {
    const code = text.charCodeAt(wordStart - 1);
    if (code === 0x20 || code === 0xa0) break;
    wordStart -= 1;
  }
  if (meter) meter.steps += previous.end - wordStart;
  if (wordStart === limit && limit > previous.start) return false; // longer than any abbreviation
  const bare = text.slice(wordStart, end - 1).replace(/^[(“"‘']+/u, "");
  if (TITLE_ABBREVIATIONS.has(bare.toLowerCase())) return true;
  // A single initial: "J. R. Smith".
  if (/^\p{Lu}$/u.test(bare)) return true;
  if (!/^\p{Lu}(?:\.\p{Lu}){1,2}$/u.test(bare)) return false;
  const following = text.slice(i, i + ABBREVIATION_LOOK_BACK);
  const nextWord = /^[\p{L}]+/u.exec(following)?.[0] ?? "";
  if (STOP_WORDS.has(nextWord.toLowerCase())) return false;
  // Initials run together ("Governor J.B. Pritzker"): two or three letters, after a
  // capitalised word or opening the piece, before a word that opens no sentence.
  if (namedBefore(text, previous.start, wordStart)) return true;
  // A dotted acronym at the head of a name of several capitalised words ("the D.C. Safe and
  // Beautiful Task Force", "U.S. Trade Representative"). Before one capitalised word it is
  // taken as a sentence end: in news prose "in the U.S. Exports rose" is far more common
  // than "U.S. Steel".
  // Nor is one when what follows is too short to be a sentence: "on the D.C. Metro system."
  // Nor after "the", when its one capitalised word goes on with a preposition: "for the U.S.
  // Army from 1926", "the U.S. Embassy in Beijing" (in the archive of releases, "the U.S." is
  // far more often an institution's first word there than a sentence's last).
  return (
    NAME_GOES_ON.test(following) ||
    shortPiece(text, next) ||
    (/\bthe\s+$/iu.test(text.slice(Math.max(previous.start, wordStart - 4), wordStart)) &&
      INSTITUTION_GOES_ON.test(following))
  );
}

/** Words a piece may have and still be the tail of a name cut off ("Metro system.", "Government."). */
const MAX_TAIL_WORDS = 2;

/** True when the piece holds at most {@link MAX_TAIL_WORDS} words (read within a bound). */
function shortPiece(text: string, piece: Span): boolean {
  const words = text
    .slice(piece.start, Math.min(piece.end, piece.start + ABBREVIATION_LOOK_BACK))
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
  return piece.end - piece.start <= ABBREVIATION_LOOK_BACK && words.length <= MAX_TAIL_WORDS;
}

/** One capitalised word, then a preposition: "Army from", "Embassy in", "Government to". */
const INSTITUTION_GOES_ON =
  /^\p{Lu}[\p{L}’'-]*\s+(?:from|in|to|at|on|for|during|with|by|under|since|between|through|into)\s/u;

/** Two capitalised words, "and" or "of" between them allowed: a name goes on ("Trade Representative"). */
const NAME_GOES_ON = /^\p{Lu}[\p{L}’'-]*\s+(?:(?:and|of|of the)\s+)?\p{Lu}[\p{L}’'-]*/u;

/**
 * True when the word before `wordStart` (within the piece from `start`) is capitalised and
 * ends with no punctuation ("Governor" of "Governor J.B."), or no word comes before.
 */
function namedBefore(text: string, start: number, wordStart: number): boolean {
  const before = text.slice(Math.max(start, wordStart - ABBREVIATION_LOOK_BACK), wordStart);
  if (before.trim() === "" && wordStart - start <= ABBREVIATION_LOOK_BACK) return true;
  return /(?:^|\s)\p{Lu}[\p{L}’'-]*\s+$/u.test(before);
}

/**
 * Splits a paragraph into sentences, keeping abbreviations ("U.S.", "Mr."),
 * numbers ("$4.2 billion", "376%"), initials and quotations intact. Work is linear in
 * the paragraph's length whatever it holds.
 *
 * @param meter - counts the characters read, for tests of that bound.
 * @returns sentences with offsets into `text`, trimmed, never empty.
 */
export function splitSentences(text: string, meter?: WorkMeter): Sentence[] {
  if (meter) meter.steps += text.length;
  const merged: Span[] = [];
  let start = 0;
  const ends = withClauseEnds(candidateEnds(text), text);
  ends.push(text.length);
  for (const end of ends) {
    const piece = { start, end };
    start = end;
    const previous = merged[merged.length - 1];
    if (previous && breaksTooEarly(text, previous, piece, meter)) previous.end = piece.end;
    else merged.push(piece);
  }
  const sentences: Sentence[] = [];
  for (const span of merged) {
    // Trimmed by character code (the white space `trim` takes): one string per sentence, not three.
    let start = span.start;
    let end = span.end;
    while (start < end && isSpace(text.charCodeAt(start))) start += 1;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (start === end) continue;
    sentences.push({ index: sentences.length, text: text.slice(start, end), start, end });
  }
  return sentences;
}
