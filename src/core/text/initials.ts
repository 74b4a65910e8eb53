// Initialisms and the words they stand for ("EV": "electric vehicles", "DOE": "Department of
// Energy"): read by the ranker (search/initialisms.ts) and by the short answers (answer/names.ts).

/** Words an initialism may skip between the words it spells: "Department of Energy" is "DOE" or "DE". */
const CONNECTORS = "(?:of|and|for|the|on|&)";

/** The connectors, as words of a match. */
const CONNECTOR_WORDS: ReadonlySet<string> = new Set(["of", "and", "for", "the", "on", "&"]);

/**
 * The pattern of the words an initialism spells, "ev" → "electric vehicle(s)", "jv" →
 * "joint venture", "nrc" → "Nuclear Regulatory Commission": one word a letter, each
 * starting with it, in a row, connectors allowed between; undefined for a word of other
 * characters than letters.
 */
export function initialismPattern(letters: string): RegExp | undefined {
  if (!/^\p{Ll}{2,5}$/u.test(letters)) return undefined;
  const words = [...letters].map((letter) => `${letter}[\\p{L}’'-]+`);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${words.join(`(?:\\s+|-)(?:${CONNECTORS}\\s+)?`)}(?![\\p{L}\\p{N}])`,
    "giu",
  );
}

/**
 * True when `text` spells out the initialism of `pattern` (from {@link initialismPattern}).
 * A connector in the words ("of" in "Department of Energy", the O of "DOE") makes them a
 * name's only when its other words are capitalised: "indoctrination of children" spells no
 * "IOC", "International Olympic Committee" does; "electric vehicles" spells "EV" in any case.
 */
export function spellsOut(pattern: RegExp, text: string): boolean {
  for (const match of text.matchAll(pattern)) {
    const words = match[0].split(/\s+|-/u);
    if (!words.some((word) => CONNECTOR_WORDS.has(word.toLowerCase()))) return true;
    if (words.every((word) => CONNECTOR_WORDS.has(word.toLowerCase()) || /^\p{Lu}/u.test(word))) {
      return true;
    }
  }
  return false;
}
