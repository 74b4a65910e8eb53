import { termOf } from "../text/tokenize.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import type { QueryTerm } from "./query.ts";
import { byScore, type Candidate } from "./score.ts";
import { Place, TermNote } from "./term-notes.ts";
import { initialismLetters, spellsOut } from "../text/initials.ts";

/**
 * Gives a question word that nothing in the articles stands for, and that reads as an
 * initialism ("ev", "jv", "evs"), credit in a leading passage that spells it out: "Chinese
 * EV charging" is about "electric car… charging" when the article writes no "EV".
 */
export class Initialisms {
  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /** Adjusts the leading candidates' credits, scores and coverage; returns all candidates, best first. */
  apply(candidates: Candidate[], terms: readonly QueryTerm[]): Candidate[] {
    const credit = this.options.initialismCredit;
    if (credit <= 0) return candidates;
    const spelled = terms.map((term) => term.initialism);
    if (spelled.every((letters) => letters === undefined)) return candidates;
    let changed = false;
    for (const candidate of candidates.slice(0, this.options.leaders)) {
      const text = this.view.sentenceText(candidate.sentenceId);
      spelled.forEach((letters, i) => {
        const had = candidate.credits[i] as number;
        if (!letters || had >= this.options.looseMatch || !spellsOut(letters, text)) return;
        const term = terms[i] as QueryTerm;
        const gained = term.weight * (credit - had);
        if (!term.lowInformation) {
          const possible = terms.reduce((sum, t) => (t.lowInformation ? sum : sum + t.weight), 0);
          if (possible > 0) candidate.coverage += gained / possible;
        }
        candidate.score += gained;
        candidate.credits[i] = credit;
        candidate.places[i] = Place.sentence;
        // A name the passage spells out ("maha" typed for "Make America Healthy Again") is
        // not missing from it, as the same word typed in capitals ("MAHA") is not.
        candidate.notes[i] =
          ((candidate.notes[i] as number) | TermNote.initialism) & ~TermNote.missingName;
        this.giveBackWithheld(candidate, terms, i);
        candidate.missingName = terms.some(
          (_, j) => ((candidate.notes[j] as number) & TermNote.missingName) !== 0,
        );
        changed = true;
      });
    }
    return changed ? candidates.sort(byScore) : candidates;
  }

  /**
   * Gives back what the rules of names withheld from the words that depend on question word
   * `spelled`, now that the passage spells it out: "14241" of "EO 14241" counts in "…under
   * Executive Order 14241".
   */
  private giveBackWithheld(candidate: Candidate, terms: readonly QueryTerm[], spelled: number) {
    terms.forEach((term, j) => {
      const withheld = candidate.withheld[j] as number;
      if (withheld <= 0 || (term.modifier !== spelled && !term.partners.includes(spelled))) return;
      const gained = term.weight * (withheld - (candidate.credits[j] as number));
      if (!term.lowInformation) {
        const possible = terms.reduce((sum, t) => (t.lowInformation ? sum : sum + t.weight), 0);
        if (possible > 0) candidate.coverage += gained / possible;
      }
      candidate.score += gained;
      candidate.credits[j] = withheld;
      candidate.withheld[j] = 0;
      candidate.notes[j] =
        (candidate.notes[j] as number) & ~(TermNote.partnerMissing | TermNote.modifierMissing);
    });
  }
}

/**
 * The letters of the initialism a question word may be ("ev", "evs", "eo"), when nothing in
 * the articles is written as it: undefined for a word the articles write in lower case ("ads"
 * is a word), typed in capitals or not ("FTO", "fto": the same word, read the same way).
 */
export function initialismOf(word: string, view: IndexView): string | undefined {
  if (word.length < 2 || word.length > 6 || STOP_WORDS.has(word)) return undefined;
  if (view.has(termOf(word))) return undefined;
  // "evs" is the plural of "ev"; "ads" may be three letters.
  const letters = word.length >= 3 && word.endsWith("s") ? word.slice(0, -1) : word;
  return initialismLetters(letters);
}
