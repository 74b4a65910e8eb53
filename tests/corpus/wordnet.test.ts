import { describe, expect, it } from "vitest";
import { WordNetSynonyms } from "../../src/corpus/wordnet.ts";

describe("WordNet look-ups (the corpus layer's synonym source)", () => {
  const wordnet = new WordNetSynonyms();

  it("GIVEN a word THEN its synonyms and related forms come from its common senses", () => {
    expect(wordnet.synonyms("carmaker")).toContain("automaker");
    expect(wordnet.synonyms("chinese")).toContain("china");
  });

  it("GIVEN a word whose second sense is the one often meant THEN that sense's synonyms come apart from the main ones", () => {
    // "pic" is a film first and a photograph second.
    expect(wordnet.synonyms("pics")).toContain("movie");
    expect(wordnet.synonyms("pics")).not.toContain("photo");
    expect(wordnet.otherSenseSynonyms("pics")).toContain("photo");
    expect(wordnet.otherSenseSynonyms("pics")).not.toContain("movie");
  });

  it("GIVEN an adjective THEN words of its definition are offered", () => {
    expect(wordnet.definitionWords("expensive")).toContain("price");
  });

  it("GIVEN English words, inflections and non-words THEN knows() tells them apart", () => {
    expect(wordnet.knows("compiled")).toBe(true);
    expect(wordnet.knows("tarrif")).toBe(false);
  });

  it("GIVEN words used mostly as verbs or as nouns THEN mostlyVerb() tells them apart", () => {
    expect(wordnet.mostlyVerb("get")).toBe(true);
    expect(wordnet.mostlyVerb("meet")).toBe(true);
    expect(wordnet.mostlyVerb("stock")).toBe(false);
    expect(wordnet.mostlyVerb("private")).toBe(false);
    expect(wordnet.mostlyVerb("tesla")).toBe(false);
  });

  it("GIVEN nouns that are verbs too and nouns only THEN verb() tells them apart", () => {
    expect(wordnet.verb("support")).toBe(true);
    expect(wordnet.verb("needs")).toBe(true);
    expect(wordnet.verb("economy")).toBe(false);
    expect(wordnet.verb("commitment")).toBe(false);
  });

  it("GIVEN irregular past forms THEN they are read as their verbs, not as the nouns they spell", () => {
    // "sat" alone is the dictionary's "Sat" (Saturday), a name; "musk sat down with" is "sit".
    expect(wordnet.properNoun("sat")).toBe(false);
    expect(wordnet.mostlyVerb("sat")).toBe(true);
    expect(wordnet.synonyms("sat")).toContain("sit");
    expect(wordnet.synonyms("met")).toContain("meet");
    expect(wordnet.properNoun("met")).toBe(false);
  });

  it("GIVEN forms that double a final consonant ('biggest', 'hotter', 'occurred') THEN they are read as their words, which the dictionary lists without them", () => {
    expect(wordnet.synonyms("biggest")).toContain("large");
    expect(wordnet.synonyms("hotter")).toContain("hot");
    expect(wordnet.synonyms("occurred")).toContain("happen");
    expect(wordnet.knows("biggest")).toBe(true);
    // A doubled s or f is the word's own ("passed" is "pass"), and a non-word stays unknown.
    expect(wordnet.synonyms("passed")).toContain("pass");
    expect(wordnet.knows("zzzzzzest")).toBe(false);
  });

  it("GIVEN a plural whose singular the dictionary has only as an abbreviation THEN it is no name", () => {
    // "meds" reaches "MEd" (Master of Education) by its plural; "med" typed alone still is it,
    // and a plural of a name ("democrats") stays a name.
    expect(wordnet.properNoun("meds")).toBe(false);
    expect(wordnet.properNoun("med")).toBe(true);
    expect(wordnet.properNoun("democrats")).toBe(true);
    expect(wordnet.properNoun("doj")).toBe(true);
  });

  it("GIVEN a word the dictionary writes in capitals THEN it is an acronym, in the plural too; an English word with an acronym among its forms is not", () => {
    expect(wordnet.acronym("epa")).toBe(true);
    expect(wordnet.acronym("epas")).toBe(true);
    expect(wordnet.acronym("nasa")).toBe(true);
    // "gas" is a word of its own before it is a plural of "Ga"; "texas" is a name, not capitals.
    expect(wordnet.acronym("gas")).toBe(false);
    expect(wordnet.acronym("texas")).toBe(false);
  });

  it("GIVEN a place and a kind of place THEN isKindOf climbs the dictionary's hypernyms, and knows nothing of a name it lacks", () => {
    expect(wordnet.isKindOf("Chicago", "city")).toBe(true);
    expect(wordnet.isKindOf("Beijing", "cities")).toBe(true);
    expect(wordnet.isKindOf("Illinois", "states")).toBe(true);
    expect(wordnet.isKindOf("Illinois", "city")).toBe(false);
    expect(wordnet.isKindOf("America", "cities")).toBe(false);
    expect(wordnet.isKindOf("Woodside", "city")).toBeUndefined();
  });

  it("GIVEN a capital THEN its country and the country's adjective stand for it, whether the gloss or the synset's words say so", () => {
    // Beijing's gloss opens "capital of the People's Republic of China"; Moscow's synset holds
    // "capital_of_the_Russian_Federation" and its gloss opens "a city of central European Russia".
    expect(wordnet.standsFor("beijing")).toContain("china");
    expect(wordnet.standsFor("moscow")).toEqual(expect.arrayContaining(["russia", "russian"]));
    expect(wordnet.standsFor("havana")).toEqual(expect.arrayContaining(["cuba", "cuban"]));
    // A provincial or a state capital is no stand-in for a country ("capital_of_Texas").
    expect(wordnet.standsFor("guangzhou")).toEqual([]);
    expect(wordnet.standsFor("austin")).toEqual([]);
    expect(wordnet.standsFor("atlanta")).toEqual([]);
  });

  it("GIVEN a missing dictionary THEN look-ups give nothing instead of failing", () => {
    const missing = new WordNetSynonyms("/nonexistent/wordnet");
    expect(missing.synonyms("carmaker")).toEqual([]);
    expect(missing.knows("carmaker")).toBe(false);
    missing.close();
  });
});
