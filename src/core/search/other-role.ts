import { LRUCache } from "lru-cache";
import type { IndexView } from "../index/view.ts";
import { type RankingOptions } from "../options.ts";
import { CACHE_SIZES, cacheSizeFor } from "../speed-tuning.ts";
import { OTHER_ROLE_WORDS } from "../text/lexicon.ts";
import { termOf, tokenize, type Token } from "../text/tokenize.ts";
import type { QueryTerm } from "./query.ts";
import { byScore, type Candidate } from "./score.ts";
import { Place, TermNote } from "./term-notes.ts";

/** Words before a role that put it in the past: a former leader leads no more. */
const PAST_ROLE: readonly string[] = ["former", "ex", "erstwhile", "onetime"];

/** A question about the past ("who was", "used to") may be answered by a former holder. */
const ASKS_PAST =
  /\b(?:was|were|did|had|used to|former|formerly|previous|previously|old|once|ex|then)\b/u;

/** True when a question word is `word`, as typed or misspelt ("vise"), not a word near it in meaning. */
function said(term: QueryTerm, word: string): boolean {
  const how = term.variants.get(termOf(word))?.how;
  return how === "exact" || how === "fuzzy";
}

/**
 * Lowers the credit of a question word that a passage has only as another role: "who is
 * China's premier" is not answered by "Vice Premier Wang", nor "who leads Guangdong" by
 * "a former leader of Guangdong". A question that says the modifier itself ("the vice
 * premier", "vise premier") or asks about the past is answered by it as before.
 */
export class OtherRoles {
  /** Sentences already read, as tokens. */
  private readonly tokens: LRUCache<number, readonly Token[]>;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {
    this.tokens = new LRUCache({ max: cacheSizeFor(CACHE_SIZES.names, view.size) });
  }

  /**
   * Adjusts the leading candidates' credits, scores and coverage (noting `other-role` on
   * the word) and returns all candidates, best first.
   */
  apply(candidates: Candidate[], terms: readonly QueryTerm[], question: string): Candidate[] {
    const credit = this.options.otherRoleCredit;
    if (credit >= 1 || terms.length === 0) return candidates;
    const modifiers = [
      ...OTHER_ROLE_WORDS,
      ...(ASKS_PAST.test(question.toLowerCase()) ? [] : PAST_ROLE),
    ]
      // A modifier the question says, as typed or misspelt, is asked for.
      .filter((word) => !terms.some((term) => said(term, word)));
    if (modifiers.length === 0) return candidates;
    const marks = new Set(modifiers);
    let changed = false;
    for (const candidate of candidates.slice(0, this.options.leaders)) {
      const text = this.view.sentenceText(candidate.sentenceId).toLowerCase();
      if (!modifiers.some((word) => text.includes(word))) continue;
      const tokens = this.tokensOf(candidate.sentenceId);
      // No modifier among its words: no mention of a question word follows one.
      if (!tokens.some((token) => marks.has(token.word))) continue;
      terms.forEach((term, i) => {
        const had = candidate.credits[i] as number;
        if (candidate.places[i] !== Place.sentence || had === 0) return;
        // The mentions that earned the credit ("premier" itself, not its synonym "first").
        const found = tokens.flatMap((token, at) =>
          (term.variants.get(token.term)?.quality ?? 0) >= had ? [at] : [],
        );
        // Another role only where every mention of the word follows its modifier.
        const otherRole = found.length > 0 && found.every((at) => this.modified(tokens, at, marks));
        if (!otherRole) return;
        const lost = term.weight * had * (1 - credit);
        const covered = candidate.coverage > 0 ? this.covered(candidate, terms) : 0;
        if (covered > 0 && !term.lowInformation) {
          candidate.coverage *= Math.max(0, covered - lost) / covered;
        }
        candidate.score -= lost;
        candidate.credits[i] = had * credit;
        candidate.notes[i] = (candidate.notes[i] as number) | TermNote.otherRole;
        changed = true;
      });
    }
    return changed ? candidates.sort(byScore) : candidates;
  }

  /**
   * True when the word at `at` follows a modifier ("vice premier", "ex-leader"). Only the
   * word right before: in "Vice Premier Wang", Wang is the vice premier, not another Wang.
   */
  private modified(tokens: readonly Token[], at: number, marks: ReadonlySet<string>): boolean {
    return marks.has(tokens[at - 1]?.word ?? "");
  }

  /** The question weight a candidate covers, from its credits (the coverage's numerator). */
  private covered(candidate: Candidate, terms: readonly QueryTerm[]): number {
    return terms.reduce(
      (sum, term, i) =>
        term.lowInformation ? sum : sum + term.weight * (candidate.credits[i] as number),
      0,
    );
  }

  private tokensOf(sentenceId: number): readonly Token[] {
    let tokens = this.tokens.get(sentenceId);
    if (!tokens) {
      tokens = tokenize(this.view.sentenceText(sentenceId));
      this.tokens.set(sentenceId, tokens);
    }
    return tokens;
  }
}
