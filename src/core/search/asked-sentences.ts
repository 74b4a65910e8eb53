import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { byScore, type Candidate } from "./score.ts";

/** A sentence that asks ("…?"), or a reporter's turn in a transcript ("Q Are you…", "Q: …"). */
const ASKING = /\?["”’)\]]*\s*$|^Q(?:[:.]|\s)\s*\S/u;

/**
 * Lowers the leading passages that are questions themselves: a reporter's question in a
 * briefing ("Q He hates electric cars.", "Q Is the meeting important?") or a rhetorical
 * one states no fact, so it answers nothing, however many words it shares with the
 * question asked.
 */
export class AskedSentences {
  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

  /** Multiplies the score of each leading candidate that asks by `askingFactor`; all candidates, best first. */
  apply(candidates: Candidate[]): Candidate[] {
    const factor = this.options.askingFactor;
    if (factor >= 1) return candidates;
    let changed = false;
    for (const candidate of candidates.slice(0, this.options.leaders)) {
      if (!ASKING.test(this.view.sentenceText(candidate.sentenceId).trim())) continue;
      candidate.score *= factor;
      changed = true;
    }
    return changed ? candidates.sort(byScore) : candidates;
  }
}
