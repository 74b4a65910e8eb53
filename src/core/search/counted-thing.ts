import type { CountedThing } from "../answer/counted.ts";
import type { RankingOptions } from "../options.ts";
import { foldCase, isContentToken, type Token } from "../text/tokenize.ts";
import type { QueryTerm } from "./query.ts";

/**
 * What "how many" counts ("flights" in "how many extra weekly flights between…"): the
 * last noun of the words right after it, with the words that stand for it. A word that is
 * no noun after one ends them: "states" in "how many states already passed laws…", not
 * "laws" or "sports".
 */
export function countedThing(
  tokens: readonly Token[],
  terms: readonly QueryTerm[],
  options: Readonly<RankingOptions>,
): CountedThing | undefined {
  const many = tokens.findIndex((t, i) => t.word === "many" && tokens[i - 1]?.word === "how");
  if (many < 0) return undefined;
  let noun: Token | undefined;
  const mostlyVerb = (word: string) => options.synonyms?.mostlyVerb?.(word) ?? false;
  for (let i = many + 1; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!isContentToken(token)) break;
    // "how many federal agencies put together…": after a noun, a word mostly a verb ("put",
    // though the dictionary has the noun "put") is the question's verb. A present participle
    // is left to describe a noun after it ("how many EV charging stations").
    if (noun !== undefined && mostlyVerb(token.word) && !token.word.endsWith("ing")) break;
    // "how many F-35s": a letter of a model's name ("F") is no thing counted, though the
    // dictionary knows it as a noun; in lower case it is no term of the question either.
    if (token.word.length > 1 && options.synonyms?.nounSense?.(token.word) !== undefined) {
      noun = token;
    } else if (noun !== undefined) break;
  }
  const term = noun && terms.find((t) => t.word === noun.word);
  if (!noun || !term) return undefined;
  const synonyms = options.synonyms;
  const standInsOf = (found: QueryTerm) =>
    [...found.variants]
      .filter(([, match]) => match.quality >= options.looseMatch)
      .map(([variant]) => variant);
  const related = (asked: string) => (word: string) =>
    synonyms?.isKindOf?.(asked, word) === true || synonyms?.isKindOf?.(word, asked) === true;
  // "how many tons of sorghum": the noun after "of" is what the unit counted is of.
  const nounAt = tokens.indexOf(noun);
  const ofNoun =
    tokens[nounAt + 1]?.word === "of"
      ? tokens
          .slice(nounAt + 2, nounAt + 5)
          .find((token) => isContentToken(token) && synonyms?.nounSense?.(token.word) !== undefined)
      : undefined;
  const ofTerm = ofNoun && terms.find((t) => t.word === ofNoun.word);
  const of =
    ofNoun && ofTerm
      ? { terms: new Set([ofNoun.term, ...standInsOf(ofTerm)]), isRelated: related(ofNoun.word) }
      : undefined;
  return {
    of,
    terms: new Set([noun.term, ...standInsOf(term)]),
    // Not a verb ("three said"), but a plural whose singular is mostly a noun is one: "100
    // times" (the dictionary's "times" is mostly the verb "to time").
    isNoun: (word) =>
      synonyms?.nounSense?.(word) !== undefined &&
      (!(synonyms.mostlyVerb?.(word) ?? false) ||
        (word.endsWith("s") &&
          synonyms.nounSense?.(word.slice(0, -1)) !== undefined &&
          !(synonyms.mostlyVerb?.(word.slice(0, -1)) ?? false))),
    isRelated: related(noun.word),
    isAdjective: (word) => synonyms?.adjective?.(foldCase(word)) ?? false,
    notCountedBy: (name) => {
      const thing = synonyms?.nounSense?.(noun.word);
      return (
        thing !== undefined &&
        thing.site === true &&
        !thing.person &&
        synonyms?.nounSense?.(foldCase(name))?.category === "person" &&
        // "300 American tanks": a people's adjective describes what is counted.
        !(synonyms.adjective?.(foldCase(name)) ?? false)
      );
    },
  };
}
