import { ACRONYM_READING } from "../fixed-tuning.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { spelledAt } from "../text/initials.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import type { QueryTerm } from "./query.ts";
import { byScore, type Candidate } from "./score.ts";
import { Place, TermNote } from "./term-notes.ts";

/** An acronym as articles write it after defining it: a run of capitals ("NEDC", "PJM"). */
const ACRONYM = new RegExp(
  String.raw`\b[A-Z]{${ACRONYM_READING.minLetters},${ACRONYM_READING.maxLetters}}\b`,
  "g",
);
/** A word in capitals right before or after: the match is a word of a heading in capitals. */
const CAPITALS_BEFORE = /\b[A-Z]{2,}[\s:,;-]+$/;
const CAPITALS_AFTER = /^[\s:,;-]+[A-Z]{2,}\b/;

/**
 * The reverse of {@link Initialisms}: a question that spells a name out ("what power market
 * did the energy dominance council step into") finds it in a passage that writes its acronym
 * ("…Trump's NEDC took unprecedented action to intervene in the failed PJM power market"), as
 * articles do after defining it once ("the National Energy Dominance Council (NEDC)"). The
 * question's words that the acronym's letters spell get `initialismCredit` in such a passage.
 */
export class Acronyms {
  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /** Adjusts the leading candidates' credits, scores and coverage; returns all candidates, best first. */
  apply(candidates: Candidate[], terms: readonly QueryTerm[], question: string): Candidate[] {
    const credit = this.options.initialismCredit;
    if (credit <= 0 || terms.length < 3) return candidates;
    const possible = terms.reduce((sum, t) => (t.lowInformation ? sum : sum + t.weight), 0);
    // The question's spellings of each acronym met, worked out once.
    const spelled = new Map<string, readonly number[]>();
    let changed = false;
    for (const candidate of candidates.slice(0, this.options.leaders)) {
      const text = this.view.sentenceText(candidate.sentenceId);
      for (const match of text.matchAll(ACRONYM)) {
        // "ENDING THE INVASION:": words of a heading in capitals are no acronyms.
        const at = match.index;
        const end = at + match[0].length;
        if (CAPITALS_BEFORE.test(text.slice(Math.max(0, at - 16), at))) continue;
        if (CAPITALS_AFTER.test(text.slice(end, end + 16))) continue;
        const letters = foldCase(match[0]);
        let found = spelled.get(letters);
        if (found === undefined) {
          found = this.termsSpelling(letters, terms, question);
          spelled.set(letters, found);
        }
        for (const i of found) {
          const had = candidate.credits[i] as number;
          if (had >= credit) continue;
          const term = terms[i] as QueryTerm;
          const gained = term.weight * (credit - had);
          if (!term.lowInformation && possible > 0) candidate.coverage += gained / possible;
          candidate.score += gained;
          candidate.credits[i] = credit;
          candidate.places[i] = Place.sentence;
          candidate.notes[i] = (candidate.notes[i] as number) | TermNote.acronym;
          changed = true;
        }
      }
    }
    return changed ? candidates.sort(byScore) : candidates;
  }

  /** The positions of the question's words that spell out `letters` (none: no spelling). */
  private termsSpelling(letters: string, terms: readonly QueryTerm[], question: string): number[] {
    // "the energy dominance council" spells the end of "NEDC": chat drops a name's first
    // words ("National", "White House") and keeps its head.
    let at: [number, number] | undefined;
    for (
      let from = 0;
      at === undefined && letters.length - from >= ACRONYM_READING.minSpelt;
      from += 1
    ) {
      at = spelledAt(letters.slice(from), question);
    }
    if (at === undefined) return [];
    const spelt = new Set(
      foldCase(question.slice(at[0], at[1]))
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .map((word) => termOf(word)),
    );
    return terms.flatMap((term, i) => (spelt.has(termOf(term.word)) ? [i] : []));
  }
}
