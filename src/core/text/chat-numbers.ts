/**
 * Figures typed the chat way, with a letter for their magnitude: "6k", "$1.5m", "550b",
 * "~$1T". Articles write them out ("6,000", "$1.5 million", "$550 billion"), so a question
 * reads them as the articles do.
 */

/** The multiplier or the word each magnitude letter stands for. */
const MAGNITUDES: Readonly<Record<string, { readonly word?: string; readonly factor?: number }>> = {
  k: { factor: 1000 },
  m: { word: "million" },
  mm: { word: "million" },
  mil: { word: "million" },
  b: { word: "billion" },
  bn: { word: "billion" },
  t: { word: "trillion" },
  tn: { word: "trillion" },
};

/**
 * A number and its magnitude letter, with the currency sign before it if any: not inside a
 * word or another number ("b2b", "1.5.2k").
 */
const CHAT_FIGURE =
  /(?<![\p{L}\p{N}.,])([$£€]?)(\d+(?:\.\d+)?)\s?(k|mm|mil|m|bn|b|tn|t)(?![\p{L}\p{N}])/giu;

/** Magnitudes that are only figures after a currency sign ("10m" may be ten metres, "5t" five tonnes). */
const MONEY_ONLY = new Set(["m", "mm", "mil", "t", "tn"]);

/**
 * True for a figure that chat rounds: a decimal ("1.5k"), under a hundred ("6k"), or a
 * multiple of five ("250k"). "401k" and "403b" are the names of retirement plans, not figures.
 */
function rounded(digits: string): boolean {
  const value = Number(digits);
  return digits.includes(".") || value < 100 || value % 5 === 0;
}

/** The text with each chat figure written out as the articles write it ("6k" → "6000"). */
export function spellChatFigures(text: string): string {
  return text.replace(
    CHAT_FIGURE,
    (all: string, currency: string, digits: string, letter: string) => {
      const magnitude = MAGNITUDES[letter.toLowerCase()];
      if (magnitude === undefined || !rounded(digits)) return all;
      if (currency === "" && MONEY_ONLY.has(letter.toLowerCase())) return all;
      if (magnitude.factor !== undefined) {
        return `${currency}${Math.round(Number(digits) * magnitude.factor)}`;
      }
      return `${currency}${digits} ${magnitude.word ?? ""}`;
    },
  );
}
