import type { TextBlock } from "./blocks.ts";

/**
 * A speaker's label opening a transcript's paragraph: one to five words in capitals before
 * a colon ("THE PRESIDENT:", "MS. PSAKI:", "ACTING ADMINISTRATOR SLAVITT:").
 */
const SPEAKER_LABEL = /^((?:\p{Lu}[\p{Lu}.'’-]*\s+){0,4}\p{Lu}[\p{Lu}.'’-]*\p{Lu}\.?):\s+\S/u;

/** A reporter's turn in a transcript: "Q" and a space (or a colon) before the question. */
const REPORTER_TURN = /^Q[:.]?\s/u;

/** How often a label must open a paragraph for its article to read as a transcript. */
export const SPEAKER_TURNS_MIN = 2;

/** "DR. WALENSKY" → "Dr. Walensky": a label read as words, not as acronyms. */
export function asWords(label: string): string {
  return label
    .toLowerCase()
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_, mark, letter: string) => `${mark as string}${letter.toUpperCase()}`,
    );
}

/** The speaker's label a paragraph's text opens with ("MS. PSAKI" of "MS. PSAKI: Good…"), if any. */
export function speakerLabel(text: string): string | undefined {
  return SPEAKER_LABEL.exec(text)?.[1];
}

/** True when a paragraph's text opens a reporter's turn ("Q Will he…"). */
export function opensReporterTurn(text: string): boolean {
  return REPORTER_TURN.test(text);
}

/**
 * Who speaks each passage of a transcript, by position (undefined outside a speaker's
 * turns): the speaker whose label ("DR. WALENSKY: Good morning.") opened the turn the
 * passage belongs to, the labelled passage included. A label counts as a speaker's only
 * where it opens {@link SPEAKER_TURNS_MIN} passages at least (the same voice speaking
 * again), so a fact sheet's one-off section labels ("USING LEVERAGE TO PROTECT AMERICANS:
 * …") are not speakers. A reporter's "Q" or a new label ends the turn. The one rule of
 * turns, applied once, by the parser ({@link withSpeakers}): each paragraph keeps its
 * speaker (`Paragraph.speaker`, saved with the articles and in the index's `speakerOf`).
 *
 * @returns undefined when no passage has a speaker (most articles).
 */
export function turnSpeakers(texts: readonly string[]): (string | undefined)[] | undefined {
  const labels = texts.map(speakerLabel);
  const turns = new Map<string, number>();
  for (const label of labels) {
    if (label !== undefined) turns.set(label, (turns.get(label) ?? 0) + 1);
  }
  if (![...turns.values()].some((count) => count >= SPEAKER_TURNS_MIN)) return undefined;
  let speaker: string | undefined;
  return labels.map((label, i) => {
    if (label !== undefined) {
      speaker = (turns.get(label) ?? 0) >= SPEAKER_TURNS_MIN ? asWords(label) : undefined;
    } else if (opensReporterTurn(texts[i] as string)) {
      speaker = undefined;
    }
    return speaker;
  });
}

/**
 * For each passage, how many passages back the reporter's question that its speaker's
 * turn answers begins (0: none). In a briefing, "Q The Senate has left town without
 * passing a sanctions bill…" is answered by "MS. PSAKI: Well, … it's not essential for us
 * to implement sanctions." and the paragraphs of her turn after it, which need not repeat
 * a word of the question: the question is what they are about. The question runs from a
 * reporter's "Q" to the label that opens the answer; a new label without a question in
 * between answers none. Only passages with a speaker ({@link turnSpeakers}) answer.
 */
export function questionDistances(
  passages: readonly { readonly text: string; readonly speaker?: string | undefined }[],
): Int32Array {
  const distances = new Int32Array(passages.length);
  let reporterFrom = -1;
  let asked = -1;
  passages.forEach(({ text, speaker }, i) => {
    if (speakerLabel(text) !== undefined) {
      asked = reporterFrom;
      reporterFrom = -1;
    } else if (opensReporterTurn(text)) {
      reporterFrom = i;
      asked = -1;
    }
    if (speaker !== undefined && asked >= 0) distances[i] = i - asked;
  });
  return distances;
}

/** A passage with who speaks it, where it is in a transcript's turns ({@link turnSpeakers}). */
export interface SpokenBlock extends TextBlock {
  readonly speaker?: string | undefined;
}

/**
 * Gives a transcript's passages their speaker ({@link turnSpeakers}) and carries it into
 * the context of the paragraphs that continue their turn: in a briefing, "DR. WALENSKY:
 * Good morning." opens a turn whose next paragraphs ("Yesterday, CDC reported 17,724 new
 * cases…") name nobody, and "what did Walensky say about cases" should find them. The
 * labelled paragraph itself already says who speaks, and keeps its context.
 *
 * @returns the blocks themselves when no passage has a speaker (most articles).
 */
export function withSpeakers(blocks: readonly TextBlock[]): readonly SpokenBlock[] {
  const speakers = turnSpeakers(blocks.map((block) => block.text));
  if (speakers === undefined) return blocks;
  return blocks.map((block, i) => {
    const speaker = speakers[i];
    if (speaker === undefined) return block;
    if (speakerLabel(block.text) !== undefined) return { ...block, speaker };
    const context = block.context === undefined ? speaker : `${block.context} — ${speaker}`;
    return { ...block, context, speaker };
  });
}
