import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { termOf, type Token } from "../text/tokenize.ts";
import { addStandIns, type VariantMap } from "./variants.ts";

/**
 * Two words of the question side by side, stop words aside (not names, not numbers), that
 * define a word or a name of the articles ("the nation's top law officer" → "Attorney
 * General", "every year" → "yearly", "the speed of sound" → "supersonic"): the dictionary
 * read backwards. The term stands in for each of the two words at `describedCredit`. Adds
 * them to `variantsByTerm` (copies: a word's variants are shared between questions).
 */
export function addDescribedTerms(
  content: readonly (Token | undefined)[],
  isName: (token: Token) => boolean,
  variantsByTerm: Map<string, VariantMap>,
  view: IndexView,
  options: Readonly<RankingOptions>,
): void {
  const describedBy = options.synonyms?.describedBy?.bind(options.synonyms);
  if (!describedBy) return;
  const words = content.filter(
    (token): token is Token => token !== undefined && !token.isNumber && !isName(token),
  );
  for (let i = 0; i + 1 < words.length; i += 1) {
    const first = words[i] as Token;
    const second = words[i + 1] as Token;
    const found: string[] = [];
    for (const lemma of describedBy(first.word, second.word)) {
      const term = lemma.map(termOf).join(" ");
      if (view.has(term)) found.push(term);
    }
    addStandIns(variantsByTerm, [first, second], found, {
      quality: options.describedCredit,
      how: "described",
    });
  }
}
