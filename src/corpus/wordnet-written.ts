// How the dictionary writes a word's noun forms: as a name ("Peru"), as an acronym ("EPA").

import {
  type SortedFile,
  writtenAsAbbreviation,
  writtenInCapitals,
  writtenInTitleCase,
} from "./wordnet-files.ts";
import { lemmasOf, type PartOfSpeech } from "./wordnet-forms.ts";

/** Reads how WordNet writes the main sense of each noun form of a word. */
export class WrittenForms {
  /** @param file - WordNet's index or data file of a part of speech, opened on demand. */
  constructor(private readonly file: (kind: "index" | "data", part: PartOfSpeech) => SortedFile) {}

  /**
   * True when every noun form of the word the dictionary has ("numbers" and
   * "number") is written in title case in its main sense, and the word is no
   * adjective or verb: "peru", "beijing"; not "european", nor "numbers" for the
   * Book of Numbers, nor "jv" for JV (an abbreviation is no name).
   */
  properNoun(word: string): boolean {
    return this.everyNounForm(
      word,
      (line, lemma) =>
        writtenInTitleCase(line, lemma) &&
        // "meds" is no "MEd" (Master of Education): an abbreviation is no name in the plural.
        !(lemma !== word && writtenAsAbbreviation(line, lemma)),
    );
  }

  /**
   * True when every noun form of the word the dictionary has is written in capitals in its
   * main sense, and the word is no adjective or verb: "epa", and "epas" for EPA's; not "gas".
   */
  acronym(word: string): boolean {
    return this.everyNounForm(word, writtenInCapitals);
  }

  /**
   * True when the word is no adjective or verb, has a noun form, and the main sense of each of
   * its noun forms passes `written` (given the sense's data line and the form).
   */
  private everyNounForm(word: string, written: (line: string, lemma: string) => boolean): boolean {
    if (this.adjectiveOrVerb(word)) return false;
    let found = false;
    for (const lemma of lemmasOf(word, "noun")) {
      const line = this.mainNounSense(lemma);
      if (line === undefined) continue;
      if (!written(line, lemma)) return false;
      found = true;
    }
    return found;
  }

  private adjectiveOrVerb(word: string): boolean {
    return (["adj", "verb"] as const).some((part) =>
      lemmasOf(word, part).some((lemma) => this.file("index", part).find(lemma)),
    );
  }

  /** The data line of a noun's main sense, if the dictionary has the noun. */
  private mainNounSense(lemma: string): string | undefined {
    const entry = this.file("index", "noun").find(lemma);
    if (!entry) return undefined;
    const fields = entry.split(" ");
    const offset = fields[6 + Number(fields[3])];
    return offset === undefined ? undefined : this.file("data", "noun").at(Number(offset));
  }
}
