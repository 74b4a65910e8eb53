import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { termOf, type Token } from "../text/tokenize.ts";
import type { VariantMap } from "./variants.ts";

/**
 * Particles that make a verb of two words ("set up", "kick off", "figure out"): stop words,
 * so the verb alone would be looked up, in its own senses ("set": put, place). Not "in",
 * "on", "over", "into": after a verb they are most often prepositions ("drop in trump's
 * first month", "file in 2024").
 */
export const PARTICLES: ReadonlySet<string> = new Set(["up", "down", "out", "off", "back", "away"]);

/**
 * A verb typed with its particle ("who is supposed to set up the shipyard", "what is the
 * watchdog asked to figure out") means what the dictionary says the two words mean
 * ("establish", "determine"), which is what an article writes: their synonyms and the words
 * of their definition stand in for the verb, at the credit of a synonym or a definition.
 * Adds them to `variantsByTerm` (copies: a word's variants are shared between questions).
 */
export function addPhrasalVerbs(
  tokens: readonly Token[],
  content: readonly (Token | undefined)[],
  variantsByTerm: Map<string, VariantMap>,
  view: IndexView,
  options: Readonly<RankingOptions>,
): void {
  const phrasalVerb = options.synonyms?.phrasalVerb?.bind(options.synonyms);
  if (!phrasalVerb) return;
  tokens.forEach((token, position) => {
    const next = tokens[position + 1];
    if (content[position] !== token || token.isNumber || !next || !PARTICLES.has(next.word)) {
      return;
    }
    const meaning = phrasalVerb(token.word, next.word);
    if (!meaning) return;
    const variants = new Map(variantsByTerm.get(token.term));
    const keep = (word: string, quality: number, how: "synonym" | "definition") => {
      const term = termOf(word);
      if (view.has(term) && (variants.get(term)?.quality ?? 0) < quality) {
        variants.set(term, { quality, how });
      }
    };
    for (const word of meaning.synonyms) keep(word, options.synonymCredit, "synonym");
    for (const word of meaning.definition) keep(word, options.definitionCredit, "definition");
    variantsByTerm.set(token.term, variants);
  });
}
