import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { STOP_WORDS, termOf } from "../core/index.ts";
import { PROJECT_ROOT } from "../paths.ts";
import { SortedFile } from "./wordnet-files.ts";
import type { PartOfSpeech } from "./wordnet-forms.ts";

/** The shipped table (built by `scripts/build-described-terms.ts` from WordNet's definitions). */
export const DESCRIBED_TERMS_FILE = path.join(PROJECT_ROOT, "assets", "described-terms.txt");

/** Parts of speech whose definitions are read: an adverb is seldom the term an article writes. */
const DESCRIBED_PARTS: readonly PartOfSpeech[] = ["noun", "verb", "adj"];

/**
 * A pair of words defining more terms than this is too general to point at one ("united
 * states": the main sense of every American city and state).
 */
const MAX_TERMS_PER_PAIR = 12;

/**
 * Reads the dictionary backwards: which terms' definitions say two words in a row
 * ("law officer" in "attorney general: the chief law officer of a country or state";
 * "taxes imported" in "tariff: a government tax on imports or exports"). Searched in
 * the shipped table, read whole at the first look-up; a missing table costs only this
 * evidence.
 */
export class DescribedTerms {
  private table: SortedFile | null | undefined;

  constructor(private readonly file: string = DESCRIBED_TERMS_FILE) {}

  /** Terms, each as its lower-case words, whose main sense's definition says the two words in a row. */
  describedBy(first: string, second: string): readonly (readonly string[])[] {
    if (this.table === undefined) {
      try {
        this.table = existsSync(this.file) ? new SortedFile(this.file) : null;
      } catch {
        // An unreadable table is not read again at every look-up: it costs only this evidence.
        this.table = null;
      }
    }
    const line = this.table?.find(`${termOf(first)}_${termOf(second)}`);
    if (!line) return [];
    return line
      .split(" ")
      .slice(1)
      .map((term) => term.split("_"));
  }
}

/**
 * Builds the table's text from WordNet's files in `dictionary`: for each pair of stemmed
 * content words side by side in a definition (stop words and brackets aside, examples
 * left out), the terms of one or several words that it defines in their main sense (the
 * first the index lists), one line a pair, sorted bytewise for a binary search.
 * Deterministic; the words of a term that the pair itself holds do not count.
 */
export function buildDescribedTerms(
  dictionary: string,
  /** Whether a word is common English: a term of rarer words is seldom what an article writes. */
  common: (word: string) => boolean = () => true,
): string {
  const stems = new Map<string, string>();
  const stem = (word: string) => {
    let found = stems.get(word);
    if (found === undefined) {
      found = termOf(word);
      stems.set(word, found);
    }
    return found;
  };
  const table = new Map<string, Set<string>>();
  for (const part of DESCRIBED_PARTS) {
    const mainSense = new Map<string, number>();
    for (const line of readFileSync(path.join(dictionary, `index.${part}`), "latin1").split("\n")) {
      if (line.startsWith(" ") || line === "") continue;
      const fields = line.split(" ");
      mainSense.set(fields[0] as string, Number(fields[6 + Number(fields[3])]));
    }
    for (const line of readFileSync(path.join(dictionary, `data.${part}`), "latin1").split("\n")) {
      if (line.startsWith(" ") || line === "") continue;
      const bar = line.indexOf(" | ");
      const fields = line.slice(0, bar).split(" ");
      const offset = Number(fields[0]);
      const wordCount = parseInt(fields[3] ?? "0", 16);
      const lemmas: string[] = [];
      for (let i = 0; i < wordCount; i += 1) {
        const lemma = (fields[4 + 2 * i] ?? "").replace(/\(.*\)$/u, "").toLowerCase();
        if (
          /^[a-z]+(?:_[a-z]+){0,2}$/u.test(lemma) &&
          mainSense.get(lemma) === offset &&
          lemma.split("_").every(common)
        ) {
          lemmas.push(lemma);
        }
      }
      if (lemmas.length === 0) continue;
      const definition = (line.slice(bar + 3).split(/[;"]/u)[0] ?? "").replace(/\([^)]*\)/gu, " ");
      const written = (definition.toLowerCase().match(/[a-z]+/gu) ?? []).filter(
        (word) => !STOP_WORDS.has(word),
      );
      const words = written.map(stem);
      for (let i = 0; i + 1 < words.length; i += 1) {
        const one = words[i] as string;
        const two = words[i + 1] as string;
        // A question says a definition in common words ("law officer", not "ductile malleable").
        if (one === two || !common(written[i] as string) || !common(written[i + 1] as string)) {
          continue;
        }
        for (const lemma of lemmas) {
          const terms = lemma.split("_").map(stem);
          if (terms.includes(one) || terms.includes(two)) continue;
          const key = `${one}_${two}`;
          const found = table.get(key) ?? new Set<string>();
          found.add(lemma);
          table.set(key, found);
        }
      }
    }
  }
  const lines: string[] = [];
  for (const [pair, terms] of table) {
    if (terms.size <= MAX_TERMS_PER_PAIR) lines.push(`${pair} ${[...terms].sort().join(" ")}`);
  }
  const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return `${lines.sort(bytewise).join("\n")}\n`;
}
