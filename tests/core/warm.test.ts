import { describe, expect, it } from "vitest";
import {
  CitationIndex,
  parseArticle,
  type SynonymSource,
  type WordVectors,
} from "../../src/core/index.ts";

function article(id: string, body: string) {
  return parseArticle(
    `/x/${id}.md`,
    new TextEncoder().encode(`---\ntitle: ${id} nuclear release\n---\n\n${body}\n`),
  );
}

const ARTICLES = [
  article("reactors", "The department will test atomic reactors at three sites by July."),
  article("flights", "Supersonic jets may fly over land again under the new order."),
];

/** Two-dimensional vectors for a few words, counting the look-ups. */
class CountingVectors implements WordVectors {
  lookups = 0;
  readonly dimensions = 2;
  private readonly table = new Map<string, Float32Array>([
    ["atomic", Float32Array.of(1, 0)],
    ["nuclear", Float32Array.of(0.99, 0.14)],
    ["jets", Float32Array.of(0, 1)],
    ["aircraft", Float32Array.of(0.1, 0.99)],
  ]);

  vector(word: string): Float32Array | undefined {
    this.lookups += 1;
    return this.table.get(word);
  }

  rank(word: string): number | undefined {
    return this.table.has(word) ? 1000 : undefined;
  }
}

const QUESTIONS = [
  "Where will nuclear reactors be tested?",
  "Can aircraft fly faster than sound?",
  "who tests the reactors",
  "when will the reactors be tested",
  "how many sites will test reactors",
  "<@42> wher will the reactros be tested 🤔",
];

describe("warming an index before its first question", () => {
  it("GIVEN an index WHEN warmed THEN the articles' words are looked up in the vector table once, before any question, and the answers are those of an index not warmed", () => {
    const vectors = new CountingVectors();
    const warmed = new CitationIndex(ARTICLES, { wordVectors: vectors });
    warmed.warm();
    const lookupsWhenWarmed = vectors.lookups;
    expect(lookupsWhenWarmed).toBeGreaterThan(0);
    const cold = new CitationIndex(ARTICLES, { wordVectors: new CountingVectors() });
    for (const question of QUESTIONS) {
      expect(warmed.ask(question)).toEqual(cold.ask(question));
    }
    // Warming again builds nothing again.
    const afterQuestions = vectors.lookups;
    warmed.warm();
    expect(vectors.lookups).toBe(afterQuestions);
  });
});

/** A dictionary that knows nothing and remembers the words it was asked about. */
class RecordingSynonyms implements SynonymSource {
  readonly asked = new Set<string>();
  synonyms(word: string): readonly string[] {
    this.asked.add(word);
    return [];
  }
  definitionWords(): readonly string[] {
    return [];
  }
  knows(): boolean {
    return false;
  }
}

const ANIMALS = [
  "aardvark",
  "badger",
  "camel",
  "dingo",
  "ermine",
  "ferret",
  "gazelle",
  "heron",
  "ibex",
  "jackal",
  "koala",
  "lemur",
  "marmot",
  "narwhal",
  "ocelot",
  "pelican",
];

/** One made-up census article an animal, its name in the title. */
function censusArticles(animals: readonly string[]) {
  return animals.map((animal) =>
    parseArticle(
      `/x/${animal}.md`,
      new TextEncoder().encode(
        `---\ntitle: The ${animal} census\n---\n\nRangers counted ${animal} herds.\n`,
      ),
    ),
  );
}

describe("warming an index of many articles", () => {
  it("GIVEN sixteen articles WHEN warmed THEN questions are made of eight titles spread over them, not of the first alone", () => {
    const articles = censusArticles(ANIMALS);
    const synonyms = new RecordingSynonyms();
    new CitationIndex(articles, { synonyms }).warm();
    const asked = ANIMALS.filter((animal) => synonyms.asked.has(animal));
    expect(asked).toEqual(ANIMALS.filter((_, position) => position % 2 === 0));
  });

  it("GIVEN fifteen articles WHEN warmed THEN the eight titles reach the last part of the articles too", () => {
    const fifteen = ANIMALS.slice(0, 15);
    const articles = censusArticles(fifteen);
    const synonyms = new RecordingSynonyms();
    new CitationIndex(articles, { synonyms }).warm();
    const asked = fifteen.filter((animal) => synonyms.asked.has(animal));
    expect(asked).toHaveLength(8);
    expect(asked).toContain(fifteen[13]);
  });
});
