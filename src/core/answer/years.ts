import { YEAR } from "../text/lexicon.ts";

// Years a question asks about and years a passage speaks of: a passage that names other years
// and not the one asked speaks of another time.

/**
 * A year standing alone in prose ("2023", "in 1962", "2024-25"), of the span of lexicon's
 * {@link YEAR}; not part of an amount ("$2023", "1,999").
 */
const YEAR_IN_TEXT = new RegExp(
  String.raw`(?<![\p{L}\p{N}$.,])${YEAR.source.slice(1, -1)}(?![\p{L}\p{N}]|[.,]\d)`,
  "gu",
);

/** True for a word that is a year ("2023", "1962"). */
export function isYear(word: string): boolean {
  return YEAR.test(word);
}

/** The years a text names. */
export function yearsIn(text: string): Set<string> {
  return new Set(text.match(YEAR_IN_TEXT) ?? []);
}

/**
 * True when the question names a year and the excerpt names years, none of them it: "what
 * was the trade deficit in 2023" is not answered by "…was $38.5 billion in 2024", nor "how
 * many launches did the us do in 2025" by "By 2030, … must support more than 1,000 launches".
 */
export function speaksOfOtherYears(question: string, excerpt: string): boolean {
  const asked = yearsIn(question);
  if (asked.size === 0) return false;
  const said = yearsIn(excerpt);
  return said.size > 0 && ![...asked].some((year) => said.has(year));
}
