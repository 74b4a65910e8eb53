import type { IndexView } from "../index/view.ts";

/**
 * A run of a name's words: capitalised, initials, or "of", "of the", "and" inside it ("AI and
 * Crypto Czar David Sacks", "Secretary of the Interior Dana Ortiz").
 */
const NAME_RUN = String.raw`\p{Lu}[\p{L}\p{N}.’'-]*(?:\s+(?:(?:of|and)\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}.’'-]*)*`;

/** Verbs news puts after a quotation, before or after its speaker. */
const SAID = String.raw`(?:said|says|added|adds|noted|notes|explained|stated|wrote|writes)`;

/** "…,” said AI and Crypto Czar David Sacks." */
const SAID_NAME = new RegExp(String.raw`[”"]\s*(?:\*\*)?${SAID}\s+(${NAME_RUN})`, "u");

/** "…,” Secretary Ortiz said." */
const NAME_SAID = new RegExp(String.raw`[”"]\s*(${NAME_RUN})\s+${SAID}\b`, "u");

/** A paragraph that opens a quotation. */
const OPENS_QUOTE = /^\s*[“"]/u;

/**
 * Who speaks a quotation in news prose: a paragraph that opens with a quotation mark and,
 * further on, closes it with its attribution ("“Artificial intelligence is a revolutionary
 * technology … This Action Plan provides a roadmap for doing that,” said AI and Crypto Czar
 * David Sacks."). Each sentence of the paragraph up to the attribution is the speaker's. A
 * transcript's speakers are its labels' instead (see speakers.ts).
 */
export class QuotedSpeakers {
  constructor(private readonly view: IndexView) {}

  /** The speaker of the quotation a sentence stands in, or undefined when it stands in none. */
  of(sentenceId: number): string | undefined {
    const { view } = this;
    const key = view.data.sentences.paragraphKey[sentenceId] as number;
    const first = view.paragraphFirst[key] as number;
    const end = view.paragraphFirst[key + 1] ?? view.size;
    if (!OPENS_QUOTE.test(view.sentenceText(first))) return undefined;
    for (let id = sentenceId; id < end; id += 1) {
      const text = view.sentenceText(id);
      const found = SAID_NAME.exec(text) ?? NAME_SAID.exec(text);
      if (found?.[1]) return found[1].replace(/[.,;:]+$/u, "");
    }
    return undefined;
  }
}
