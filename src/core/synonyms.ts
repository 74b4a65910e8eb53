/**
 * Gives words that can stand for a word. The core only asks; the corpus layer
 * answers from WordNet's files (`src/corpus/wordnet.ts`), and tests may answer
 * from a table.
 */
/** What kind of thing a noun names, in the dictionary's main sense (WordNet's lexicographer files). */
/** What a noun names; "possession" is money and what is owned or owed ("fine", "budget", "asset"). */
export type NounCategory =
  | "person"
  | "organization"
  | "location"
  | "time"
  | "quantity"
  | "possession"
  /** A message or a document: "order", "memorandum", "act", "report". */
  | "communication"
  | "other";

/** A noun's category, and whether the dictionary writes that sense as a name ("China", not "commerce"). */
export interface NounSense {
  readonly category: NounCategory;
  readonly proper: boolean;
  /**
   * Whether any of the noun's senses (not only the main one) names a person or a group of
   * people ("office": the place, but also the agency); undefined when not known.
   */
  readonly agent?: boolean;
  /**
   * Whether any of the noun's senses names a person ("chair": the furniture first, but also
   * the officer who presides); undefined when not known.
   */
  readonly person?: boolean;
  /** Whether any of the noun's senses names a place, a structure or a geographic object; undefined when not known. */
  readonly site?: boolean;
  /**
   * Whether the main sense names a made or natural physical thing ("bridge", "tunnel", "river";
   * not "pause", "program"), which has a length; undefined when not known.
   */
  readonly physical?: boolean;
}

export interface SynonymSource {
  /** Lower-case single-word synonyms of a lower-case word, most common senses first. */
  synonyms(word: string): readonly string[];
  /**
   * Synonyms of several words from the word's main senses, each as its lower-case words:
   * "america" → ["united", "states"].
   */
  phraseSynonyms?(word: string): readonly (readonly string[])[];
  /** Synonyms from a noun's second sense only ("pics": "photo", where the main sense is "movie"). */
  otherSenseSynonyms?(word: string): readonly string[];
  /** Content words of the definition of the word's main sense: "expensive" → "price", "charging". */
  definitionWords(word: string): readonly string[];
  /**
   * Words and names of several words whose definition says the two words in a row, stop
   * words aside ("law" "officer" → "attorney general", "chief law officer of a country"),
   * each as its lower-case words.
   */
  describedBy?(first: string, second: string): readonly (readonly string[])[];
  /** True when the word (or its dictionary form) is an English word: then it is no misspelling. */
  knows(word: string): boolean;
  /**
   * True when the dictionary writes the word's main noun sense with a capital: a
   * place, a company, a person ("peru", "beijing"), whatever case it was typed in.
   */
  properNoun?(word: string): boolean;
  /**
   * True when the dictionary writes the word's main noun sense in capitals, an acronym
   * ("epa", and "epas" for its plural), whatever case it was typed in.
   */
  acronym?(word: string): boolean;
  /**
   * True when the dictionary's most used sense of the word is a verb's ("get", "sign"
   * as in "did trump sign"): such a word before a noun is no modifier of it.
   */
  mostlyVerb?(word: string): boolean;
  /**
   * True when the dictionary knows the word (or its dictionary form) as a verb in any sense
   * ("support", "need", not "economy"): after a name, such a word may be the name's verb.
   */
  verb?(word: string): boolean;
  /**
   * What a verb and its particle mean together ("set" "up": "establish", "found", "launch";
   * "figure" "out": "solve", "work"), when the dictionary knows the two as one verb:
   * its single-word synonyms and the content words of its definition.
   */
  phrasalVerb?(
    verb: string,
    particle: string,
  ): { readonly synonyms: readonly string[]; readonly definition: readonly string[] } | undefined;
  /**
   * True when the dictionary knows the word as an adjective ("american", "chinese",
   * "federal"): capitalised alone, it describes a name rather than being one.
   */
  adjective?(word: string): boolean;
  /**
   * For a capital city, the words of the country it stands for in news ("beijing" →
   * "china", "prc": "Beijing puts a levy on…"), and for a building the words of the body it
   * houses ("pentagon" → "dod", "defense"); empty otherwise.
   */
  standsFor?(word: string): readonly string[];
  /**
   * What the main noun sense of a word or a name of several words ("united states") is
   * about: a person, an organisation (a company, an agency), a location, a time…; undefined when
   * the dictionary does not know it as a noun.
   */
  nounSense?(phrase: string): NounSense | undefined;
  /**
   * Whether some sense of a name is a kind, or an instance, of a noun's kind, climbing the
   * dictionary's hypernyms ("Chicago" is a "city"; "Illinois", "America" are none);
   * undefined when the dictionary does not know the name as a noun.
   */
  isKindOf?(phrase: string, noun: string): boolean | undefined;
  /**
   * True when the main verb sense of a word is one of saying ("said", "told", "announce",
   * "warn": WordNet's verbs of communication): "who said X" is answered by who spoke.
   */
  speechVerb?(word: string): boolean;
}
