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
 * Carries a transcript's speaker into the context of the paragraphs that continue their
 * turn: in a briefing, "DR. WALENSKY: Good morning." opens a turn whose next paragraphs
 * ("Yesterday, CDC reported 17,724 new cases…") name nobody, and "what did Walensky say
 * about cases" should find them. A label counts as a speaker's only where it opens
 * {@link SPEAKER_TURNS_MIN} paragraphs at least (the same voice speaking again), so a fact
 * sheet's one-off section labels ("USING LEVERAGE TO PROTECT AMERICANS: …") are not
 * speakers. A reporter's "Q" or a new label ends the turn; the labelled paragraph itself
 * already says who speaks.
 */
export function withSpeakers(blocks: readonly TextBlock[]): readonly TextBlock[] {
  const turns = new Map<string, number>();
  for (const block of blocks) {
    const label = speakerLabel(block.text);
    if (label !== undefined) turns.set(label, (turns.get(label) ?? 0) + 1);
  }
  if (![...turns.values()].some((count) => count >= SPEAKER_TURNS_MIN)) return blocks;
  let speaker: string | undefined;
  return blocks.map((block) => {
    const label = speakerLabel(block.text);
    if (label !== undefined) {
      speaker = (turns.get(label) ?? 0) >= SPEAKER_TURNS_MIN ? asWords(label) : undefined;
      return block;
    }
    if (opensReporterTurn(block.text)) {
      speaker = undefined;
      return block;
    }
    if (speaker === undefined) return block;
    const context = block.context === undefined ? speaker : `${block.context} — ${speaker}`;
    return { text: block.text, context };
  });
}
