/** The search rooms' test articles and a synonym source made from a table (no dictionary files). */
import type { SynonymSource } from "../../../src/core/index.ts";
import { article } from "../article-fixture.ts";

/** A synonym source from a table: the core needs no dictionary files to be tested. */
export function table(
  synonyms: Record<string, string[]>,
  known: string[] = [],
  proper: string[] = [],
): SynonymSource {
  return {
    synonyms: (word) => synonyms[word] ?? [],
    definitionWords: () => [],
    knows: (word) => word in synonyms || known.includes(word) || proper.includes(word),
    properNoun: (word) => proper.includes(word),
  };
}

/** An article about Tesla in China: names, figures, tariffs and the EV market. */
export const tesla = article(
  "tesla",
  "Tesla in China",
  "Elon Musk met Vice Premier Wang Yang in Beijing. The carmaker wants a factory.",
  "Exports of electric vehicles rose 376% this year. Tariffs of 25% inflate prices.",
  "The EV market is growing fast.",
);
/** An article about the weather: words the Tesla article does not have. */
export const weather = article("weather", "Mountain weather", "Snow closed the pass on Monday.");
