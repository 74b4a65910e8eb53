import { AUXILIARIES, COPULAS } from "../text/lexicon.ts";
import type { Token } from "../text/tokenize.ts";

/**
 * A "not" that opens a clause sets apart what the question does not ask about: ", not 2022",
 * "Not this June order, the earlier one: what…", "(not the December one)". Elsewhere "not" is part of what is asked
 * ("why can they not serve"). "Besides X", "other than X" set X apart too, but the passage
 * that answers them often says X as well ("chaired by … and comprised of members…" for "who
 * else sits on it besides the chair"): dropping their words cost the dev sets answers.
 */
const CONTRASTIVE_NOT = /(?:^|[,.;:?!—–(]\s*)not\s/giu;

/** What ends the words set apart: a clause's punctuation, or a question word. */
const SPAN_END = /[,.;:?!—–()]|\b(?:what|whats|who|whos|which|when|where|why|how)\b/iu;

/** Forms of "have", which end the words set apart as the other auxiliaries do. */
const HAVE: ReadonlySet<string> = new Set(["has", "have", "had"]);

/**
 * The character ranges of a question's words that name what it does not ask about: each runs
 * from a contrastive "not" to the next punctuation, question word or auxiliary verb
 * ("…, not the june date, the other one": "the june date").
 */
export function excludedRanges(question: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const marker of question.matchAll(CONTRASTIVE_NOT)) {
    const from = (marker.index ?? 0) + marker[0].length;
    const rest = question.slice(from);
    let length = SPAN_END.exec(rest)?.index ?? rest.length;
    for (const word of rest.slice(0, length).matchAll(/[\p{L}']+/gu)) {
      const folded = word[0].toLowerCase();
      if (COPULAS.has(folded) || AUXILIARIES.has(folded) || HAVE.has(folded)) {
        length = word.index ?? 0;
        break;
      }
    }
    if (length > 0) ranges.push([from, from + length]);
  }
  return ranges;
}

/** The words a question sets apart ("2022" of "…, not 2022"), for `--explain`. */
export function setApartWords(question: string): string[] {
  return excludedRanges(question)
    .map(([from, to]) => question.slice(from, to).trim())
    .filter((words) => words !== "");
}

/**
 * The tokens outside the question's {@link excludedRanges}: the words set apart are no
 * evidence for a passage, since the passage that says them is the one the asker set aside.
 */
export function withoutExcluded(question: string, tokens: readonly Token[]): Token[] {
  const ranges = excludedRanges(question);
  if (ranges.length === 0) return [...tokens];
  // Both ascending: one pass, however many ranges a long question has.
  let at = 0;
  return tokens.filter((token) => {
    while (at < ranges.length && (ranges[at] as [number, number])[1] <= token.start) at += 1;
    const range = ranges[at];
    return range === undefined || token.start < range[0];
  });
}
