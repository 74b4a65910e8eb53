import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { tokenize } from "../text/tokenize.ts";
import { QuotedSpeakers } from "./quoted-speakers.ts";
import type { QueryTerm } from "./query.ts";
import { byScore, type Candidate } from "./score.ts";

const NO_TERMS: ReadonlySet<string> = new Set();

/**
 * Who speaks each passage of a transcript, for "who said …" questions: the speaker whose
 * label ("DR. WALENSKY:") opened the turn the passage belongs to, as the index keeps it per
 * paragraph (`IndexData.speakerOf`, by the parser's rule of turns: `turnSpeakers` in
 * article/speakers.ts).
 */
export class Speakers {
  /** Each speaker's terms, by speaker position, made when first asked for. */
  private readonly speakerTerms: (ReadonlySet<string> | undefined)[] = [];

  private readonly quoted: QuotedSpeakers;

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {
    this.quoted = new QuotedSpeakers(view);
  }

  /**
   * In a question about what someone said ("what did psaki say about sanctions"), a
   * question word that names a leading passage's speaker gets {@link RankingOptions.speakerCredit}
   * there, where the passage itself need not name them: the turn is theirs. A passage of the
   * same transcript that another speaker or a reporter speaks scores
   * {@link RankingOptions.otherSpeakerFactor} of its score. All candidates, best first.
   *
   * @param totalWeight - the question's summed term weight, for the coverage gained.
   */
  credit(candidates: Candidate[], terms: readonly QueryTerm[], totalWeight: number): Candidate[] {
    const { speakerCredit, otherSpeakerFactor, leaders } = this.options;
    let changed = false;
    for (const candidate of candidates.slice(0, leaders)) {
      const speaker = this.positionOf(candidate.sentenceId);
      const named = speaker < 0 ? NO_TERMS : this.termsOf(speaker);
      // The question names a speaker of this transcript who does not speak this passage.
      const everyone = this.speakersOf(candidate.sentenceId);
      const asksAnother = terms.some((term) =>
        this.standsFor(term).some((v) => everyone.has(v) && !named.has(v)),
      );
      if (asksAnother && otherSpeakerFactor < 1) {
        candidate.score *= otherSpeakerFactor;
        changed = true;
      }
      if (speaker < 0) continue;
      terms.forEach((term, i) => {
        const credit = candidate.credits[i] as number;
        if (credit >= speakerCredit || !this.standsFor(term).some((v) => named.has(v))) return;
        const gain = term.weight * (speakerCredit - credit);
        candidate.score += gain;
        if (!term.lowInformation && totalWeight > 0) candidate.coverage += gain / totalWeight;
        candidate.credits[i] = speakerCredit;
        changed = true;
      });
    }
    return changed ? candidates.sort(byScore) : candidates;
  }

  /** The terms that stand for a question word closely enough to name someone (not "act" for "admissions"). */
  private standsFor(term: QueryTerm): string[] {
    const { looseMatch } = this.options;
    return [...term.variants].filter(([, match]) => match.quality >= looseMatch).map(([v]) => v);
  }

  /** The terms of every speaker of a sentence's article. */
  private speakersOf(sentenceId: number): ReadonlySet<string> {
    const { view } = this;
    const { article, paragraphKey } = view.data.sentences;
    const { speakerOf } = view.data;
    const position = article[sentenceId] as number;
    const first = paragraphKey[view.articleFirst[position] as number] as number;
    const last = paragraphKey[(view.articleFirst[position + 1] as number) - 1] as number;
    let terms: Set<string> | undefined;
    let previous = -1;
    for (let key = first; key <= last; key += 1) {
      const speaker = speakerOf[key] as number;
      if (speaker < 0 || speaker === previous) continue;
      previous = speaker;
      terms ??= new Set();
      for (const term of this.termsOf(speaker)) terms.add(term);
    }
    return terms ?? NO_TERMS;
  }

  /** A speaker's terms ("dr", "walensky"), by speaker position. */
  private termsOf(speaker: number): ReadonlySet<string> {
    let terms = this.speakerTerms[speaker];
    if (!terms) {
      const name = this.view.data.speakers[speaker] as string;
      terms = new Set(tokenize(name).map((token) => token.term));
      this.speakerTerms[speaker] = terms;
    }
    return terms;
  }

  /** The position of the speaker of a sentence's passage, or -1 outside a transcript's turns. */
  private positionOf(sentenceId: number): number {
    const paragraph = this.view.data.sentences.paragraphKey[sentenceId] as number;
    return this.view.data.speakerOf[paragraph] as number;
  }

  /**
   * The speaker of a sentence's passage: its transcript turn's ("Dr. Walensky"), or else the
   * one a quotation it stands in is attributed to ("…,” said Secretary Ortiz."); undefined
   * when neither.
   */
  of(sentenceId: number): string | undefined {
    const speaker = this.positionOf(sentenceId);
    return speaker < 0 ? this.quoted.of(sentenceId) : this.view.data.speakers[speaker];
  }
}
