import type { IndexView } from "../index/view.ts";
import type { RankingOptions } from "../options.ts";
import { termOf, type Token } from "../text/tokenize.ts";
import type { VariantMap } from "./variants.ts";

/** Words after which a capital is the city itself ("in Beijing", "visited Beijing"), not its government. */
const LOCATIVE: ReadonlySet<string> = new Set(
  "in at to from near into around across through outside inside within via visit visited visiting".split(
    " ",
  ),
);

/**
 * A capital names its government in news ("the levy Beijing puts on…"), a seat the body it
 * houses ("the Pentagon says…"): their words stand for it as synonyms, so an article that says
 * "China" or "DoD" is not missing the name. Not after a word of place ("what did Musk eat in
 * Beijing"): there it is the city.
 */
export function addMetonyms(
  tokens: readonly Token[],
  content: readonly (Token | undefined)[],
  isName: (token: Token) => boolean,
  variantsByTerm: Map<string, VariantMap>,
  view: IndexView,
  options: Readonly<RankingOptions>,
): void {
  content.forEach((token, position) => {
    if (!token || !isName(token) || LOCATIVE.has(tokens[position - 1]?.word ?? "")) return;
    const meant = options.synonyms?.standsFor?.(token.word) ?? [];
    if (meant.length === 0) return;
    const variants = new Map(variantsByTerm.get(token.term));
    for (const word of meant) {
      for (const term of [termOf(word), word.toUpperCase()]) {
        if (view.has(term) && !variants.has(term)) {
          variants.set(term, { quality: options.synonymCredit, how: "synonym" });
        }
      }
    }
    variantsByTerm.set(token.term, variants);
  });
}
