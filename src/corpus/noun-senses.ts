import { LRUCache } from "lru-cache";
import { CACHE_SIZES, type NounCategory, type NounSense } from "../core/index.ts";
import { writtenInTitleCase, type SortedFile } from "./wordnet-files.ts";

/** WordNet's lexicographer files of nouns (a synset line's second field) that say what a noun names. */
const LEXICOGRAPHER: Readonly<Record<number, NounCategory>> = {
  10: "communication",
  14: "organization",
  15: "location",
  18: "person",
  21: "possession",
  23: "quantity",
  28: "time",
};

/** Lexicographer files of persons (noun.person) and of groups (noun.group). */
const PERSON_FILE = 18;
const GROUP_FILE = 14;

/** A group sense names people when it is a kind of one of these ("office": an administrative unit). */
const PEOPLE_GROUPS: ReadonlySet<string> = new Set(["organization", "social_group"]);

/** Lexicographer files of senses that name a place or a thing one can be at (noun.artifact, noun.location, noun.object). */
const SITE_FILES: ReadonlySet<number> = new Set([6, 15, 17]);

/** Lexicographer files of made and natural physical things (noun.artifact, noun.object): a bridge, a river. */
const THING_FILES: ReadonlySet<number> = new Set([6, 17]);

/** Levels of hypernyms climbed to tell an organisation (a company, an agency) from other groups ("data"). */
const HYPERNYM_DEPTH = 12;

/** A word or a name of several words as WordNet's index writes it: "united_states". */
function keyOf(phrase: string): string {
  return phrase
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/gu, "_");
}

/**
 * What WordNet's nouns name: the category (a person, an organisation, a place, a time…)
 * from the lexicographer file of a word's main sense and, for groups, its hypernyms;
 * whether it is written as a name, from that sense; whether any sense names people
 * (`agent`) or a place or structure (`site`), from the files of all its senses.
 */
export class NounSenses {
  private readonly cache = new LRUCache<string, NounSense | "unknown">({
    max: CACHE_SIZES.wordnet,
  });
  /** isKindOf's answers, by name and noun. */
  private readonly kinds = new LRUCache<string, boolean | "unknown">({ max: CACHE_SIZES.wordnet });

  /**
   * @param file - WordNet's noun index or data file.
   * @param lemmas - a word's possible dictionary forms as a noun.
   */
  constructor(
    private readonly file: (kind: "index" | "data") => SortedFile,
    private readonly lemmas: (word: string) => string[],
  ) {}

  /** See SynonymSource.nounSense. */
  sense(phrase: string): NounSense | undefined {
    const key = keyOf(phrase);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached === "unknown" ? undefined : cached;
    let sense: NounSense | undefined;
    try {
      const found = this.synsetsOf(key);
      if (found) {
        const { lemma, lines } = found;
        const line = lines[0] as string;
        let category = LEXICOGRAPHER[Number(line.split(" ")[1])] ?? "other";
        if (category === "organization" && !this.isOrganization(line)) category = "other";
        const files = lines.map((synset) => Number(synset.split(" ")[1]));
        sense = {
          category,
          proper: writtenInTitleCase(line, lemma),
          agent: lines.some((synset) => this.namesAgents(synset)),
          person: files.some((file) => file === PERSON_FILE),
          site: files.some((file) => SITE_FILES.has(file)),
          physical: THING_FILES.has(files[0] as number),
        };
      }
    } catch {
      // A missing or damaged dictionary only costs the categories.
    }
    this.cache.set(key, sense ?? "unknown");
    return sense;
  }

  /** See SynonymSource.isKindOf. */
  isKindOf(phrase: string, noun: string): boolean | undefined {
    const key = keyOf(phrase);
    const cacheKey = `${key} ${noun.toLowerCase()}`;
    const cached = this.kinds.get(cacheKey);
    if (cached !== undefined) return cached === "unknown" ? undefined : cached;
    let found: boolean | undefined;
    try {
      const kinds = new Set(this.lemmas(noun.toLowerCase()));
      found = this.synsetsOf(key)?.lines.some((line) =>
        this.climbs(line, (word) => kinds.has(word)),
      );
    } catch {
      // A missing or damaged dictionary tells nothing.
    }
    this.kinds.set(cacheKey, found ?? "unknown");
    return found;
  }

  /**
   * The synset lines of the first dictionary form of `key` the index has, most used first,
   * with that form; undefined when the dictionary lacks the word as a noun.
   */
  private synsetsOf(key: string): { lemma: string; lines: string[] } | undefined {
    for (const lemma of this.lemmas(key)) {
      const entry = this.file("index").find(lemma);
      if (!entry) continue;
      const fields = entry.split(" ");
      // An index line: lemma, part of speech, synset count, pointer count, the pointers,
      // two counts, then the synsets' offsets, most used first.
      const pointers = Number(fields[3]);
      const offsets = fields.slice(6 + pointers, 6 + pointers + Number(fields[2]));
      return { lemma, lines: offsets.map((offset) => this.file("data").at(Number(offset))) };
    }
    return undefined;
  }

  /**
   * True when a synset or one of its hypernyms (or what it is an instance of: "Beijing" is a
   * national capital and a city) has a word `found`, breadth first, to {@link HYPERNYM_DEPTH}.
   */
  private climbs(start: string, found: (word: string) => boolean): boolean {
    let level = [start];
    const seen = new Set<string>();
    for (let depth = 0; depth < HYPERNYM_DEPTH && level.length > 0; depth += 1) {
      const next: string[] = [];
      for (const line of level) {
        const fields = line.split(" ");
        const wordCount = parseInt(fields[3] ?? "0", 16);
        for (let i = 0; i < wordCount; i += 1) {
          const word = (fields[4 + 2 * i] ?? "").toLowerCase().replace(/\(.*\)$/u, "");
          if (found(word)) return true;
        }
        const pointerStart = 4 + 2 * wordCount;
        const pointerCount = Number(fields[pointerStart]);
        for (let i = 0; i < pointerCount; i += 1) {
          const symbol = fields[pointerStart + 1 + 4 * i];
          const offset = fields[pointerStart + 2 + 4 * i];
          if ((symbol === "@" || symbol === "@i") && offset && !seen.has(offset)) {
            seen.add(offset);
            next.push(this.file("data").at(Number(offset)));
          }
        }
      }
      level = next;
    }
    return false;
  }

  /**
   * True when a noun synset names a person or a group of people: a person's sense, or a group
   * that is an organisation or a social group ("office", "crew", "panel"). A "system" is a group
   * of interacting parts, a "network" of connected things: neither is anyone.
   */
  private namesAgents(synset: string): boolean {
    const file = Number(synset.split(" ")[1]);
    if (file === PERSON_FILE) return true;
    return file === GROUP_FILE && this.climbs(synset, (word) => PEOPLE_GROUPS.has(word));
  }

  /** True when a noun synset is a kind (or an instance) of organisation: "data" is a group, not one. */
  private isOrganization(start: string): boolean {
    let line = start;
    for (let depth = 0; depth < HYPERNYM_DEPTH; depth += 1) {
      const fields = line.split(" ");
      const wordCount = parseInt(fields[3] ?? "0", 16);
      for (let i = 0; i < wordCount; i += 1) if (fields[4 + 2 * i] === "organization") return true;
      const pointerStart = 4 + 2 * wordCount;
      const pointerCount = Number(fields[pointerStart]);
      let up: string | undefined;
      for (let i = 0; i < pointerCount && up === undefined; i += 1) {
        const symbol = fields[pointerStart + 1 + 4 * i];
        if (symbol === "@" || symbol === "@i") up = fields[pointerStart + 2 + 4 * i];
      }
      if (up === undefined) return false;
      line = this.file("data").at(Number(up));
    }
    return false;
  }
}
