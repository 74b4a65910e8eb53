import { opensReporterTurn } from "../article/speakers.ts";
import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { AUXILIARIES, COPULAS, STOP_WORDS } from "../text/lexicon.ts";
import { byScore, type Candidate } from "./score.ts";

/** A sentence that asks ("…?"), or a reporter's turn in a transcript ("Q Are you…", "Q: …"). */
const ASKING = /\?["”’)\]]*\s*$|^Q(?:[:.]|\s)\s*\S/u;

/** A sentence that ends with a colon. */
const LEAD_IN = /:["”’)\]]*\s*$/u;

/**
 * The two words before the closing colon, read from the sentence's end only: anchored at the
 * end alone, the pattern would be tried from every word of a long sentence.
 */
const LAST_WORDS =
  /(?:^|[^\p{L}\p{N}'’-])(?:([\p{L}\p{N}'’-]+)\s+)?([\p{L}\p{N}'’-]*)[)\]]?:["”’)\]]*\s*$/u;

/** How much of a sentence's end holds its last two words (longer words are not looked at). */
const TAIL_CHARACTERS = 80;

/** The word that announces a list ("in the following agencies…:", "as follows:"). */
const ANNOUNCING = /\b(?:following|follows)\b/iu;

/** Most words a heading in title case has ("Rapidly Increase Virus Genome Sequencing."). */
const HEADING_WORDS = 14;

/**
 * True when a short sentence is in title case, every word capitalised but the short function
 * words: a heading or a bold lead-in ("Expand COVID-19 Testing for Schools and Underserved
 * Populations."), a signature ("JOSEPH R. BIDEN JR."). It names a topic and states no reason.
 */
function isTitleCased(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < 2 || words.length > HEADING_WORDS) return false;
  let capitalised = 0;
  for (const word of words) {
    if (/^\p{Lu}/u.test(word)) capitalised++;
    else if (word.length > 3 || !STOP_WORDS.has(word.toLowerCase())) return false;
  }
  return capitalised >= 2;
}

/**
 * Lowers the leading passages that state nothing themselves. A question (a reporter's in a
 * briefing, "Q He hates electric cars.", "Q Is the meeting important?", or a rhetorical
 * one) states no fact, so it answers nothing, however many words it shares with the
 * question asked; a lead-in ending with a colon ("Duties imposed … are now:", "ADDRESSING
 * VULNERABILITIES BY MODERNIZING AN OUTDATED SYSTEM:") only announces the passages after it;
 * so does a heading in title case, for a question that asks why or what was done.
 */
export class AskedSentences {
  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /**
   * Multiplies the score of each leading candidate that asks by `askingFactor`, and of each
   * lead-in by `leadInFactor`; all candidates, best first.
   *
   * @param namesAnswer - false when the question expects no name nor figure (a reason, a
   *   purpose, what was done): a heading in title case is then a lead-in too. Otherwise it
   *   may be the answer itself ("Department of Treasury.").
   */
  apply(candidates: Candidate[], namesAnswer = true): Candidate[] {
    const { askingFactor, leadInFactor } = this.options;
    if (askingFactor >= 1 && leadInFactor >= 1) return candidates;
    let changed = false;
    for (const candidate of candidates.slice(0, this.options.leaders)) {
      // The text is read once: on a saved index each read decodes it.
      const text = this.view.sentenceText(candidate.sentenceId);
      const factor = this.asks(candidate.sentenceId, text)
        ? askingFactor
        : this.announces(text) || (!namesAnswer && isTitleCased(text))
          ? leadInFactor
          : 1;
      if (factor >= 1) continue;
      candidate.score *= factor;
      changed = true;
    }
    return changed ? candidates.sort(byScore) : candidates;
  }

  /**
   * True when a sentence ending with a colon only announces the passages after it: its clause
   * is unfinished ("… are now:", "… include:", "… proclaim that:", "… shall be:"), it says so
   * ("… in the following agencies:"), or it is a heading in capitals. A clause that ends in a
   * noun before the colon ("… by ending the Biden-Harris Administration's … mandates,
   * terminating DEI, and protecting civil rights:") states its fact before the list.
   */
  private announces(text: string): boolean {
    if (!LEAD_IN.test(text)) return false;
    const match = LAST_WORDS.exec(text.slice(-TAIL_CHARACTERS));
    if (!match) return true;
    const fold = (word: string | undefined) => (word ?? "").toLowerCase().replace(/’/gu, "'");
    const before = fold(match[1]);
    const last = fold(match[2]);
    return (
      last === "" ||
      STOP_WORDS.has(last) ||
      (this.options.synonyms?.mostlyVerb?.(last) ?? false) ||
      // "… are now:", "… shall be:": a verb and the word it ends with.
      COPULAS.has(before) ||
      AUXILIARIES.has(before) ||
      ANNOUNCING.test(text) ||
      !/\p{Ll}/u.test(text)
    );
  }

  /**
   * True when a sentence asks, or stands in a reporter's paragraph ("Q And a quick one on
   * Russia. The Senate has left town without a sanctions bill."): what a reporter puts to
   * the speaker is part of the question, not a statement of the article's.
   */
  private asks(sentenceId: number, text: string): boolean {
    const { view } = this;
    if (ASKING.test(text.trim())) return true;
    const first = view.paragraphFirst[view.data.sentences.paragraphKey[sentenceId] as number];
    return (
      first !== undefined && first !== sentenceId && opensReporterTurn(view.sentenceText(first))
    );
  }
}
