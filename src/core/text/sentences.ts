import type { Sentence } from "../article/types.ts";
import { TITLE_ABBREVIATIONS } from "./lexicon.ts";

/**
 * Where a sentence may end: terminal punctuation, any closing quotes or brackets,
 * then white space (or a full-width stop, which needs none). Candidates only:
 * {@link breaksTooEarly} then rejects those after abbreviations and initials.
 * (ICU's Intl.Segmenter gives the same candidates for English prose but costs
 * several times more, which counts when thousands of articles are indexed.)
 */
const CANDIDATE_END = /[.!?…]+["”’')\]]*\s+|[。！？]+["”’')\]]*\s*/gu;

/** Decides whether the break after `segment` is false, given the text that follows it. */
function breaksTooEarly(segment: string, next: string): boolean {
  const nextWord = /^[“"‘'(]*([\p{L}\p{N}]+)/u.exec(next)?.[1] ?? "";
  if (nextWord === "") return false;
  // A lower-case or numeric continuation never starts a sentence in edited prose
  // ("etc.) with a similar…", "“Go now.” then he left").
  if (/^[\p{Ll}\p{N}]/u.test(nextWord)) return true;
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith(".")) return false;
  // The word before the final period (a regex anchored at the end would rescan the segment).
  const lastWord = trimmed.slice(
    Math.max(trimmed.lastIndexOf(" "), trimmed.lastIndexOf("\u00a0")) + 1,
    -1,
  );
  const bare = lastWord.replace(/^[(“"‘']+/u, "");
  if (TITLE_ABBREVIATIONS.has(bare.toLowerCase())) return true;
  // A single initial: "J. R. Smith".
  if (/^\p{Lu}$/u.test(bare)) return true;
  // A dotted acronym ("U.S.") before a capitalised word is taken as a sentence end:
  // in news prose "in the U.S. Exports rose" is far more common than "U.S. Steel".
  return false;
}

/**
 * Splits a paragraph into sentences, keeping abbreviations ("U.S.", "Mr."),
 * numbers ("$4.2 billion", "376%"), initials and quotations intact.
 *
 * @returns sentences with offsets into `text`, trimmed, never empty.
 */
export function splitSentences(text: string): Sentence[] {
  const raw: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(CANDIDATE_END)) {
    const end = match.index + match[0].length;
    if (end >= text.length) break;
    raw.push({ start, end });
    start = end;
  }
  raw.push({ start, end: text.length });
  const merged: { start: number; end: number }[] = [];
  for (const piece of raw) {
    const previous = merged.at(-1);
    if (
      previous &&
      breaksTooEarly(text.slice(previous.start, previous.end), text.slice(piece.start, piece.end))
    ) {
      previous.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  const sentences: Sentence[] = [];
  for (const span of merged) {
    const slice = text.slice(span.start, span.end);
    const leading = slice.length - slice.trimStart().length;
    const body = slice.trim();
    if (body === "") continue;
    const start = span.start + leading;
    sentences.push({ index: sentences.length, text: body, start, end: start + body.length });
  }
  return sentences;
}
