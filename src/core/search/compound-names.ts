import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { termOf, type Token } from "../text/tokenize.ts";
import { addStandIns, type VariantMap } from "./variants.ts";

/** Question words that together make a name the dictionary knows, and that name as it looks it up. */
export interface CompoundName {
  /** The question's tokens of the name ("united", "states"; not the "of" of "secretary of commerce"). */
  readonly tokens: readonly Token[];
  /** The dictionary's form: "united_states", "secretary_of_commerce". */
  readonly phrase: string;
}

/**
 * Question words that together make a name the dictionary knows ("european union",
 * "secretary of commerce", "nuclear regulatory commission"), whatever their case: each word
 * is then a name, so an article without the "European Union" is not about it for having a
 * "union".
 */
export function compoundNames(
  tokens: readonly Token[],
  content: readonly (Token | undefined)[],
  options: Readonly<RankingOptions>,
): CompoundName[] {
  const found: CompoundName[] = [];
  const properNoun = options.synonyms?.properNoun?.bind(options.synonyms);
  if (!properNoun) return found;
  const isWord = (token: Token | undefined): token is Token =>
    token !== undefined && !token.isNumber;
  content.forEach((token, position) => {
    if (!isWord(token)) return;
    // An acronym the dictionary spells out ("US", "UN"): its names of several words stand for it.
    if (token.acronym && (options.synonyms?.phraseSynonyms?.(token.word).length ?? 0) > 0) {
      found.push({ tokens: [token], phrase: token.word });
    }
    const next = content[position + 1];
    const after = content[position + 2];
    const pair = isWord(next) ? `${token.word}_${next.word}` : undefined;
    if (pair && properNoun(pair)) found.push({ tokens: [token, next as Token], phrase: pair });
    // "nuclear regulatory commission", "federal reserve board".
    const triple = pair && isWord(after) ? `${pair}_${after.word}` : undefined;
    if (triple && properNoun(triple)) {
      found.push({ tokens: [token, next as Token, after as Token], phrase: triple });
    }
    const ofPhrase = isWord(after) ? `${token.word}_of_${after.word}` : undefined;
    if (ofPhrase && tokens[position + 1]?.word === "of" && properNoun(ofPhrase)) {
      found.push({ tokens: [token, after as Token], phrase: ofPhrase });
    }
  });
  return found;
}

/**
 * Two question words in a row that the dictionary has as one common noun ("armed forces",
 * "car maker", "real estate"), not a name: their one-word synonyms ("military",
 * "automaker", "realty") may stand for them ({@link addCompoundSynonyms}), but they make
 * no name.
 */
export function commonCompounds(
  content: readonly (Token | undefined)[],
  options: Readonly<RankingOptions>,
): CompoundName[] {
  const dictionary = options.synonyms;
  if (!dictionary?.properNoun) return [];
  const found: CompoundName[] = [];
  content.forEach((token, position) => {
    const next = content[position + 1];
    if (!token || !next || token.isNumber || next.isNumber) return;
    const pair = `${token.word}_${next.word}`;
    if (dictionary.knows(pair) && !(dictionary.properNoun?.(pair) ?? false)) {
      found.push({ tokens: [token, next], phrase: pair });
    }
  });
  return found;
}

/**
 * What the dictionary gives for a name of several words stands for each of its words:
 * "united states" is "US" and "America" in an article that never writes "United States",
 * "nuclear regulatory commission" is the "NRC". Without it, an article on the "U.S." would
 * lack the name asked about, and the question would be declined.
 */
export function addCompoundSynonyms(
  compounds: readonly CompoundName[],
  variantsByTerm: Map<string, VariantMap>,
  view: IndexView,
  options: Readonly<RankingOptions>,
): void {
  const dictionary = options.synonyms;
  if (!dictionary) return;
  for (const { tokens, phrase } of compounds) {
    const standIns = new Set<string>();
    // A compound's own words are no stand-ins for each other ("high" of "high school").
    const own = new Set(tokens.map((token) => token.term));
    for (const word of dictionary.synonyms(phrase)) {
      if (own.has(termOf(word))) continue;
      // "us" is the articles' acronym "US" (written "U.S.") where they have it.
      for (const term of [termOf(word), word.toUpperCase()]) if (view.has(term)) standIns.add(term);
    }
    for (const words of dictionary.phraseSynonyms?.(phrase) ?? []) {
      const term = words.map(termOf).join(" ");
      if (view.has(term)) standIns.add(term);
    }
    if (standIns.size === 0) continue;
    addStandIns(variantsByTerm, tokens, standIns, {
      quality: options.synonymCredit,
      how: "synonym",
    });
  }
}
