import { LRUCache } from "lru-cache";
import {
  asWords,
  opensReporterTurn,
  SPEAKER_TURNS_MIN,
  speakerLabel,
} from "../article/speakers.ts";
import type { IndexView } from "../index/view.ts";
import { CACHE_SIZES, type RankingOptions } from "../options.ts";
import { tokenize } from "../text/tokenize.ts";
import type { QueryTerm } from "./query.ts";
import { byScore, type Candidate } from "./score.ts";

/**
 * Who speaks each passage of a transcript, for "who said …" questions: the speaker whose
 * label ("DR. WALENSKY:") opened the turn the passage belongs to, read the way the parser
 * gives turns their context (article/speakers.ts): a label counts where it opens two
 * paragraphs at least, and a reporter's "Q" ends a turn.
 */
export class Speakers {
  /** Per article (by position), who speaks each of its paragraphs (by key), if anyone. */
  private readonly turns = new LRUCache<number, ReadonlyMap<number, string>>({
    max: CACHE_SIZES.transcripts,
  });

  constructor(
    private readonly view: IndexView,
    private readonly options: Readonly<RankingOptions>,
  ) {}

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
      const speaker = this.of(candidate.sentenceId);
      const named = new Set(speaker === undefined ? [] : tokenize(speaker).map((t) => t.term));
      // The question names a speaker of this transcript who does not speak this passage.
      const everyone = this.speakersOf(candidate.sentenceId);
      const asksAnother = terms.some((term) =>
        this.standsFor(term).some((v) => everyone.has(v) && !named.has(v)),
      );
      if (asksAnother && otherSpeakerFactor < 1) {
        candidate.score *= otherSpeakerFactor;
        changed = true;
      }
      if (speaker === undefined) continue;
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
    const terms = new Set<string>();
    for (const speaker of new Set(this.turnsOfArticle(sentenceId).values())) {
      for (const token of tokenize(speaker)) terms.add(token.term);
    }
    return terms;
  }

  /** The speaker of a sentence's passage ("Dr. Walensky"), or undefined outside a transcript's turns. */
  of(sentenceId: number): string | undefined {
    const paragraph = this.view.data.sentences.paragraphKey[sentenceId] as number;
    return this.turnsOfArticle(sentenceId).get(paragraph);
  }

  private turnsOfArticle(sentenceId: number): ReadonlyMap<number, string> {
    const position = this.view.data.sentences.article[sentenceId] as number;
    let turns = this.turns.get(position);
    if (!turns) {
      turns = this.turnsOf(position);
      this.turns.set(position, turns);
    }
    return turns;
  }

  /** The speakers of an article's paragraphs, read from each paragraph's first sentence. */
  private turnsOf(position: number): ReadonlyMap<number, string> {
    const { view } = this;
    const { paragraphKey } = view.data.sentences;
    const from = view.articleFirst[position] as number;
    const to = (view.articleFirst[position + 1] as number | undefined) ?? paragraphKey.length;
    const openers: { key: number; text: string }[] = [];
    for (let sentence = from; sentence < to; sentence += 1) {
      const key = paragraphKey[sentence] as number;
      if (sentence === from || paragraphKey[sentence - 1] !== key) {
        openers.push({ key, text: view.sentenceText(sentence) });
      }
    }
    const counts = new Map<string, number>();
    for (const { text } of openers) {
      const label = speakerLabel(text);
      if (label !== undefined) counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    const turns = new Map<number, string>();
    let speaker: string | undefined;
    for (const { key, text } of openers) {
      const label = speakerLabel(text);
      if (label !== undefined) {
        speaker = (counts.get(label) ?? 0) >= SPEAKER_TURNS_MIN ? asWords(label) : undefined;
      } else if (opensReporterTurn(text)) {
        speaker = undefined;
      }
      if (speaker !== undefined) turns.set(key, speaker);
    }
    return turns;
  }
}
