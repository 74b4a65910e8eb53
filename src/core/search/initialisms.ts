import { termOf } from "../text/tokenize.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import type { QueryTerm } from "./query.ts";
import { byScore, Place, TermNote, type Candidate } from "./score.ts";

/** Words an initialism may skip between the words it spells: "Department of Energy" is "DOE" or "DE". */
const CONNECTORS = "(?:of|and|for|the|on|&)";

/** The connectors, as words of a match. */
const CONNECTOR_WORDS: ReadonlySet<string> = new Set(["of", "and", "for", "the", "on", "&"]);

/**
 * The pattern of the words an initialism spells, "ev" → "electric vehicle(s)", "jv" →
 * "joint venture", "nrc" → "Nuclear Regulatory Commission": one word a letter, each
 * starting with it, in a row, connectors allowed between; undefined for a word of other
 * characters than letters.
 */
export function initialismPattern(letters: string): RegExp | undefined {
  if (!/^\p{Ll}{2,5}$/u.test(letters)) return undefined;
  const words = [...letters].map((letter) => `${letter}[\\p{L}’'-]+`);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${words.join(`(?:\\s+|-)(?:${CONNECTORS}\\s+)?`)}(?![\\p{L}\\p{N}])`,
    "giu",
  );
}

/**
 * True when `text` spells out the initialism of `pattern` (from {@link initialismPattern}).
 * A connector in the words ("of" in "Department of Energy", the O of "DOE") makes them a
 * name's only when its other words are capitalised: "indoctrination of children" spells no
 * "IOC", "International Olympic Committee" does; "electric vehicles" spells "EV" in any case.
 */
export function spellsOut(pattern: RegExp, text: string): boolean {
  for (const match of text.matchAll(pattern)) {
    const words = match[0].split(/\s+|-/u);
    if (!words.some((word) => CONNECTOR_WORDS.has(word.toLowerCase()))) return true;
    if (words.every((word) => CONNECTOR_WORDS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word))) {
      return true;
    }
  }
  return false;
}

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
    const spelled = terms.map((term) => this.patternOf(term));
    if (spelled.every((pattern) => pattern === undefined)) return candidates;
    let changed = false;
    for (const candidate of candidates.slice(0, this.options.leaders)) {
      const text = this.view.sentenceText(candidate.sentenceId);
      spelled.forEach((pattern, i) => {
        const had = candidate.credits[i] as number;
        if (!pattern || had >= this.options.looseMatch || !spellsOut(pattern, text)) return;
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
        candidate.missingName = terms.some(
          (_, j) => ((candidate.notes[j] as number) & TermNote.missingName) !== 0,
        );
        changed = true;
      });
    }
    return changed ? candidates.sort(byScore) : candidates;
  }

  /** The pattern of what a question word may abbreviate, when nothing in the articles stands for it. */
  private patternOf(term: QueryTerm): RegExp | undefined {
    const word = term.word;
    if (word.length < 2 || word.length > 6 || STOP_WORDS.has(word)) return undefined;
    // Only a word the articles never write in lower case ("ads" is a word): typed in capitals
    // or not ("FTO", "fto"), the same word, read the same way.
    if (this.view.has(termOf(word))) return undefined;
    // "evs" is the plural of "ev"; "ads" may be three letters.
    const letters = word.length >= 3 && word.endsWith("s") ? word.slice(0, -1) : word;
    return initialismPattern(letters);
  }
}
