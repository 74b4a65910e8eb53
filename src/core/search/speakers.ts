import { LRUCache } from "lru-cache";
import {
  asWords,
  opensReporterTurn,
  SPEAKER_TURNS_MIN,
  speakerLabel,
} from "../article/speakers.ts";
import type { IndexView } from "../index/view.ts";
import { CACHE_SIZES } from "../options.ts";

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

  constructor(private readonly view: IndexView) {}

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
