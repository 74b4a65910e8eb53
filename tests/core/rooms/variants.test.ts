import { describe, expect, it } from "vitest";
import { tokenize, type WordVectors } from "../../../src/core/index.ts";
import { article } from "../article-fixture.ts";
import { IndexView } from "../../../src/core/index/view.ts";
import { DEFAULT_RANKING } from "../../../src/core/options.ts";
import { VariantFinder } from "../../../src/core/search/variants.ts";
import { table, tesla, weather } from "./search-fixtures.ts";

describe("variants: what a question word may stand for", () => {
  const view = new IndexView([tesla, weather]);
  const options = { ...DEFAULT_RANKING, synonyms: table({ automaker: ["carmaker"] }) };
  const finder = new VariantFinder(view, options);
  const variantsOf = (word: string) => finder.variantsOf(tokenize(word)[0] as never, false);

  it("GIVEN a synonym from the source THEN it stands for the word at the synonym credit", () => {
    expect(variantsOf("automaker").get("carmak")).toEqual({
      quality: options.synonymCredit,
      how: "synonym",
    });
  });

  it("GIVEN a misspelling that is no dictionary word THEN the article's spelling stands for it", () => {
    const fuzzy = [...variantsOf("tarrifs")].find(([, match]) => match.how === "fuzzy");
    expect(fuzzy?.[0]).toBe("tariff");
  });

  it("GIVEN a dictionary word THEN it is never taken for a misspelling", () => {
    const strict = new VariantFinder(view, { ...options, synonyms: table({}, ["tarrifs"]) });
    const variants = strict.variantsOf(tokenize("tarrifs")[0] as never, false);
    expect([...variants.values()].some((match) => match.how === "fuzzy")).toBe(false);
  });

  it("GIVEN a lower-case short word that the articles write as an acronym THEN it finds it", () => {
    expect(variantsOf("ev").has("EV")).toBe(true);
  });

  it("GIVEN a two-letter acronym THEN the dictionary's names for it stand for it, and a two-letter common word gets none", () => {
    const energy = article(
      "energy",
      "Energy",
      "America leads in nuclear energy.",
      "The US agrees.",
    );
    const acronyms = new IndexView([energy, weather]);
    const dictionary = { ...options, synonyms: table({ us: ["america"], in: ["indium"] }) };
    const finder2 = new VariantFinder(acronyms, dictionary);
    const of = (question: string, position: number) =>
      finder2.variantsOf(tokenize(question)[position] as never, false);
    // "us" typed in lower case is the articles' "US"; typed "US", it is an acronym.
    expect(of("did the us lead", 2).get("america")?.how).toBe("synonym");
    expect(of("did the US lead", 2).get("america")?.how).toBe("synonym");
    // "in" is no acronym of the articles: no stand-ins.
    expect(of("who leads in energy", 2).size).toBe(1);
  });

  it("GIVEN a word typed in capitals that the articles write only in lower case, or a two-letter acronym they write in capitals at least as often THEN typed either way it stands for the same terms", () => {
    const council = article(
      "council",
      "Council",
      "The crypto czar met the DC council.",
      "DC agreed.",
    );
    const councilView = new IndexView([council, weather]);
    // A finder of its own for each: nothing remembered from the other typing.
    const of = (word: string) => [
      ...new VariantFinder(councilView, options).variantsOf(tokenize(word)[0] as never, false),
    ];
    expect(of("CZAR")).toEqual(of("czar"));
    expect(of("CZAR").map(([term]) => term)).toContain("czar");
    expect(of("DC")).toEqual(of("dc"));
    expect(of("DC").map(([term]) => term)).toContain("DC");
  });

  it("GIVEN a word asked in lower case and as an acronym THEN each gets its own stand-ins, whichever is asked first", () => {
    // "ev" written in lower case more often than "EV": the lower-case word does not stand for the acronym.
    const charging = article(
      "charging",
      "Charging",
      "The ev charger was slow. Every ev owner waited. One ev was red.",
      "The EV tax credit ends in June.",
    );
    const chargingView = new IndexView([charging, weather]);
    const lower = (finder: VariantFinder) => finder.variantsOf(tokenize("ev")[0] as never, false);
    const upper = (finder: VariantFinder) => finder.variantsOf(tokenize("EV")[0] as never, false);
    const lowerFirst = new VariantFinder(chargingView, options);
    expect([...lower(lowerFirst).keys()]).toEqual(["ev"]);
    expect([...upper(lowerFirst).keys()]).toEqual(["EV"]);
    const upperFirst = new VariantFinder(chargingView, options);
    expect([...upper(upperFirst).keys()]).toEqual(["EV"]);
    expect([...lower(upperFirst).keys()]).toEqual(["ev"]);
  });
});

/** Word vectors from a table of directions (normalised here): no GloVe file needed. */
function vectors(rows: Record<string, number[]>): WordVectors {
  return {
    dimensions: 3,
    vector: (word) => {
      const row = rows[word];
      if (!row) return undefined;
      const norm = Math.hypot(...row);
      return Float32Array.from(row, (value) => value / norm);
    },
    rank: (word) => (word in rows ? 1000 : undefined),
  };
}

describe("variants: word vectors for words the articles say differently", () => {
  const view = new IndexView([tesla, weather]);
  const rows = { levies: [1, 0.1, 0], tariffs: [1, 0.2, 0], snow: [0, 0, 1], prices: [0.5, 1, 0] };
  const options = { ...DEFAULT_RANKING, synonyms: table({}), wordVectors: vectors(rows) };
  const finder = new VariantFinder(view, options);
  const variantsOf = (word: string, asName = false) =>
    finder.variantsOf(tokenize(word)[0] as never, asName);

  it("GIVEN a question word whose vector lies near an article's word THEN that word stands for it, weaker than a synonym", () => {
    const match = variantsOf("levies").get("tariff");
    expect(match?.how).toBe("vector");
    expect(match?.quality).toBeGreaterThan(options.vectorCredit * options.vectorThreshold);
    expect(match?.quality).toBeLessThan(options.synonymCredit);
  });

  it("GIVEN a far vector THEN it stands for nothing", () => {
    expect(variantsOf("levies").has("snow")).toBe(false);
    expect(variantsOf("levies").has("price")).toBe(false);
  });

  it("GIVEN a name THEN no vector neighbour stands for it (Apple is not Samsung)", () => {
    expect(variantsOf("levies", true).has("tariff")).toBe(false);
  });
});
