import path from "node:path";
import { CitationIndex } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { PROJECT_ROOT } from "../../src/paths.ts";

/** A folder of tests/fixtures/articles ("blind-discord-sheets-26"), indexed as the dev sets are. */
export async function fixtureIndex(folder: string): Promise<CitationIndex> {
  const { articles } = await loadArticles(
    path.join(PROJECT_ROOT, "tests/fixtures/articles", folder),
  );
  return new CitationIndex(articles, {
    synonyms: defaultSynonyms,
    wordVectors: defaultWordVectors,
  });
}
