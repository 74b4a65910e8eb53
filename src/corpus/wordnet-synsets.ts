import { STOP_WORDS } from "../core/index.ts";
import type { SortedFile } from "./wordnet-files.ts";
import { lemmasOf, type PartOfSpeech } from "./wordnet-forms.ts";

/** What a verb and its particle mean together (see `SynonymSource.phrasalVerb`). */
export interface PhrasalMeaning {
  readonly synonyms: readonly string[];
  readonly definition: readonly string[];
}

/** The definition part of a gloss (before examples), as lower-case content words. */
export function definitionTerms(gloss: string): string[] {
  const definition = gloss.split(/[;"]/u)[0] ?? "";
  return (definition.toLowerCase().match(/[a-z]{3,}/gu) ?? [])
    .filter((word) => !STOP_WORDS.has(word))
    .slice(0, 8);
}

/**
 * Reads WordNet's synsets (a data file's lines, found by their offset): their words, their
 * links to similar, derived and pertaining words, and their glosses.
 */
export class Synsets {
  /** @param file - WordNet's index or data file of a part of speech. */
  constructor(private readonly file: (kind: "index" | "data", part: PartOfSpeech) => SortedFile) {}

  /**
   * Adds the words of a noun phrase's main sense ("People's Republic of China" → "china",
   * "prc") and the adjectives derived from it ("Russian Federation" → "russia", "russian"):
   * an order on "Russian-affiliated vessels" never writes "Russia".
   */
  collectNoun(phrase: string, into: Set<string>): void {
    const entry = this.file("index", "noun").find(phrase.toLowerCase().replace(/\s+/gu, "_"));
    const fields = entry?.split(" ");
    const offset = fields?.[6 + Number(fields[3])];
    if (offset === undefined) return;
    this.collect("noun", Number(offset), into, false);
    const synset = this.file("data", "noun").at(Number(offset)).split(" ");
    const pointerStart = 4 + 2 * parseInt(synset[3] ?? "0", 16);
    const pointerCount = Number(synset[pointerStart]);
    for (let i = 0; i < pointerCount; i += 1) {
      const base = pointerStart + 1 + 4 * i;
      if (synset[base] === "+" && synset[base + 2] === "a") {
        this.collect("adj", Number(synset[base + 1]), into, false);
      }
    }
  }

  /** True when a noun synset has a word of several words ("Russian_Federation", "artificial_intelligence"). */
  namesSeveralWords(offset: number): boolean {
    const fields = this.file("data", "noun").at(offset).split(" ");
    const wordCount = parseInt(fields[3] ?? "0", 16);
    for (let i = 0; i < wordCount; i += 1) if ((fields[4 + 2 * i] ?? "").includes("_")) return true;
    return false;
  }

  /** Adds a synset's words; with `followLinks`, also its similar, derived and pertaining words. */
  collect(part: PartOfSpeech, offset: number, into: Set<string>, followLinks: boolean): string {
    const line = this.file("data", part).at(offset);
    const fields = line.split(" ");
    const wordCount = parseInt(fields[3] ?? "0", 16);
    for (let i = 0; i < wordCount; i += 1) {
      const written = (fields[4 + 2 * i] ?? "").replace(/\(.*\)$/u, "");
      const lemma = written.toLowerCase();
      if (/^[a-z]+$/u.test(lemma)) into.add(lemma);
      // A name of several words ("United_States"): a common phrase ("hit_man" for "gun",
      // "government_activity" for "rule") would match any sentence holding both words.
      else if (/^[A-Z][a-z]+(?:_[A-Z][a-z]+){1,2}$/u.test(written)) into.add(lemma);
    }
    const gloss = line.slice(line.indexOf(" | ") + 3);
    if (!followLinks) return gloss;
    const pointerStart = 4 + 2 * wordCount;
    const pointerCount = Number(fields[pointerStart]);
    for (let i = 0; i < pointerCount; i += 1) {
      const base = pointerStart + 1 + 4 * i;
      const symbol = fields[base];
      const target = fields[base + 2];
      if (symbol === "&" && (target === "s" || target === "a")) {
        this.collect("adj", Number(fields[base + 1]), into, false);
      } else if (symbol === "+" && (target === "n" || target === "v")) {
        // Derivationally related form: "lead" ~ "leader", "afford" ~ "affordability".
        this.collect(target === "n" ? "noun" : "verb", Number(fields[base + 1]), into, false);
      } else if (symbol === "\\" && target === "n") {
        // Pertainym: "Chinese" pertains to "China".
        this.collect("noun", Number(fields[base + 1]), into, false);
      }
    }
    return gloss;
  }

  /** What a verb and its particle mean together, when the dictionary knows them as one verb. */
  phrasalVerb(verb: string, particle: string): PhrasalMeaning | undefined {
    // "setting", "shutting": morphy's rules leave the doubled consonant ("sett").
    const forms = lemmasOf(verb, "verb").flatMap((form) =>
      /([b-df-hj-np-tv-z])\1$/u.test(form) ? [form, form.slice(0, -1)] : [form],
    );
    try {
      for (const form of forms) {
        const phrase = `${form}_${particle}`;
        const fields = this.file("index", "verb").find(phrase)?.split(" ");
        const offset = fields?.[6 + Number(fields[3])];
        if (offset === undefined) continue;
        // The main sense's own words only: the words derived from them ("support" →
        // "patron", "sponsor") drift too far for a verb typed in chat.
        const words = new Set<string>();
        const gloss = this.collect("verb", Number(offset), words, false);
        words.delete(phrase);
        return {
          synonyms: [...words].filter((word) => !word.includes("_")),
          definition: definitionTerms(gloss),
        };
      }
    } catch {
      // A missing or damaged dictionary only costs the phrase's meaning.
    }
    return undefined;
  }
}
