import { describe, expect, it } from "vitest";
import { CitationIndex, tokenize } from "../../../src/core/index.ts";
import { article } from "../article-fixture.ts";
import { IndexView } from "../../../src/core/index/view.ts";
import { DEFAULT_RANKING } from "../../../src/core/options.ts";
import { NameEvidence } from "../../../src/core/search/names.ts";
import { queryTerms } from "../../../src/core/search/query.ts";
import { resolveVariants, Shortlister } from "../../../src/core/search/shortlist.ts";
import { VariantFinder } from "../../../src/core/search/variants.ts";
import { table, tesla, weather } from "./search-fixtures.ts";

describe("query terms: weights of the question's words", () => {
  const view = new IndexView([tesla, weather]);
  const options = { ...DEFAULT_RANKING, synonyms: table({}, ["apple"], ["peru"]) };
  const finder = new VariantFinder(view, options);
  const names = new NameEvidence(view, options);
  const terms = (question: string) => queryTerms(tokenize(question), view, options, finder, names);
  const weights = (question: string) =>
    Object.fromEntries(terms(question).map((t) => [t.word, t.weight]));

  it("GIVEN a name the articles never mention THEN it weighs more than any word they have", () => {
    const w = weights("Did Peru meet Wang Yang");
    expect(w.peru).toBeGreaterThan(w.wang as number);
  });

  it("GIVEN words that together make a name the dictionary knows (european union) THEN each weighs as a missing name", () => {
    const compound = {
      ...options,
      synonyms: table({}, [], ["european_union", "secretary_of_commerce"]),
    };
    const finder2 = new VariantFinder(view, compound);
    const byWord = (question: string) =>
      Object.fromEntries(
        queryTerms(tokenize(question), view, compound, finder2, names).map((t) => [t.word, t]),
      );
    const union = byWord("what tariff has the european union placed on evs");
    const plain = byWord("what tariff has the trade union placed on evs");
    expect(union.union?.weightIfAbsent).toBeGreaterThan(plain.union?.weightIfAbsent as number);
    expect(union.european?.weightIfAbsent).toBe(union.union?.weightIfAbsent);
    const secretary = byWord("who is the secretary of commerce");
    expect(secretary.secretary?.weightIfAbsent).toBe(union.union?.weightIfAbsent);
  });

  it("GIVEN a function word typed with two letters swapped or one dropped THEN it weighs nothing, as the word itself", () => {
    expect(weights("waht did wang yang meet")).toEqual(weights("what did wang yang meet"));
    expect(weights("where do cars hav to be built")).toEqual(
      weights("where do cars have to be built"),
    );
    // A chat abbreviation with a letter more or another letter is no function word.
    expect(Object.keys(weights("did the govt meet wang"))).toContain("govt");
  });

  it("GIVEN a question in lower case THEN its words weigh as when capitalised", () => {
    expect(weights("did peru meet wang yang")).toEqual(weights("Did Peru meet Wang Yang"));
    expect(weights("who runs the ev market")).toEqual(weights("Who runs the EV market"));
  });

  it("GIVEN a common word whose stem the articles write only in a name (Working Group) THEN the word is no name", () => {
    const group = article(
      "group",
      "Digital assets",
      "Agencies report to the Working Group on Markets.",
    );
    const groupView = new IndexView([group, weather]);
    const withDictionary = { ...options, synonyms: table({}, ["work", "working"]) };
    const evidence = new NameEvidence(groupView, withDictionary);
    expect(evidence.isName(tokenize("work")[0] as never)).toBe(false);
    // The form the articles write with a capital, and a word no dictionary knows, stay names.
    expect(evidence.isName(tokenize("working")[0] as never)).toBe(true);
    expect(new NameEvidence(groupView, options).isName(tokenize("work")[0] as never)).toBe(true);
  });

  it("GIVEN a lower-case plural the articles lack THEN it is a name only when its singular is a name of one word", () => {
    const cars = article(
      "cars",
      "Carmakers",
      "Buyers want a Tesla now. Dealers say Tesla leads, and a Tesla costs more.",
      "The visit of President Xi ended. Reporters met President Lee and President Ruto.",
      "Officials praised the plan of President Biden.",
      "A president travels often. Officials at the White House agreed.",
    );
    const evidence = new NameEvidence(new IndexView([cars]), options);
    expect(evidence.isName(tokenize("teslas")[0] as never)).toBe(true);
    // "bidens" typed for "Biden's": the last word of a name is a name.
    expect(evidence.isName(tokenize("bidens")[0] as never)).toBe(true);
    // "President" is written with a capital only as a title before a name.
    expect(evidence.isName(tokenize("presidents")[0] as never)).toBe(false);
  });

  it("GIVEN a word the articles write in lower case THEN a capital in the question makes it no name", () => {
    expect(names.isName(tokenize("Market")[0] as never)).toBe(false);
    expect(names.isName(tokenize("wang")[0] as never)).toBe(true);
    expect(names.isName(tokenize("apple")[0] as never)).toBe(false);
  });

  it("GIVEN a verb before a noun (gotten contracts) THEN it is no modifier; an adjective (stock price) is", () => {
    const verbs = {
      ...options,
      synonyms: { ...table({}), mostlyVerb: (w: string) => w === "get" },
    };
    const modifierOf = (question: string, word: string) => {
      const list = queryTerms(
        tokenize(question),
        view,
        verbs,
        new VariantFinder(view, verbs),
        names,
      );
      const term = list.find((t) => t.word === word);
      return term?.modifier === undefined ? undefined : list[term.modifier]?.word;
    };
    // "gotten" is read as "get", which the dictionary uses mostly as a verb.
    expect(modifierOf("have companies gotten government contracts", "government")).toBe(undefined);
    expect(modifierOf("what is the stock price", "price")).toBe("stock");
  });

  it("GIVEN stop words THEN they are no query terms", () => {
    expect(Object.keys(weights("what did they do about the tariffs"))).toEqual(["tariffs"]);
  });

  it("GIVEN a name of several words THEN each word lists the others as partners, in any case", () => {
    for (const question of ["meet Wang Yang", "meet wang yang"]) {
      const [wang, yang] = terms(question).slice(1);
      expect(wang?.partners).toEqual([2]);
      expect(yang?.partners).toEqual([1]);
    }
  });

  it("GIVEN 'the X of Y' THEN Y is X's modifier", () => {
    const [market, peru] = terms("the market of peru");
    expect(market?.modifier).toBe(1);
    expect(peru?.word).toBe("peru");
  });
});

describe("shortlist: the sentences worth scoring in full", () => {
  it("GIVEN more matching sentences than the shortlist size THEN it keeps that many, best first kept", () => {
    const many = article(
      "many",
      "Many",
      ...Array.from({ length: 50 }, (_, i) => `Snow fell on day ${i}.`),
      "Snow and ice closed the pass.",
    );
    const view = new IndexView([many]);
    const options = { ...DEFAULT_RANKING, shortlistSize: 10 };
    const finder = new VariantFinder(view, options);
    const terms = queryTerms(
      tokenize("snow ice pass"),
      view,
      options,
      finder,
      new NameEvidence(view, options),
    );
    const chosen = new Shortlister(view, options).shortlist(terms, resolveVariants(terms, view), [
      0,
      view.size - 1,
    ]);
    expect(chosen).toHaveLength(10);
    expect(chosen.map((id) => view.sentenceText(id))).toContain("Snow and ice closed the pass.");
  });

  it("GIVEN a range THEN only its sentences are shortlisted, and qualities reset between questions", () => {
    const view = new IndexView([tesla, weather]);
    const finder = new VariantFinder(view, DEFAULT_RANKING);
    const shortlister = new Shortlister(view, DEFAULT_RANKING);
    const names = new NameEvidence(view, DEFAULT_RANKING);
    const ask = (question: string, range: [number, number]) => {
      const terms = queryTerms(tokenize(question), view, DEFAULT_RANKING, finder, names);
      return shortlister.shortlist(terms, resolveVariants(terms, view), range);
    };
    const weatherFirst = view.articleFirst[1] as number;
    expect(ask("snow closed", [0, weatherFirst - 1])).toEqual([]);
    const [snow] = ask("snow closed", [weatherFirst, view.size - 1]);
    expect(snow).toBe(weatherFirst);
    expect(shortlister.quality(weatherFirst, 0)).toBe(1);
    ask("tariffs", [0, view.size - 1]);
    expect(shortlister.quality(weatherFirst, 0)).toBe(0);
  });
});

describe("CitationIndex: the front of the search rooms", () => {
  const index = new CitationIndex([tesla, weather]);

  it("GIVEN a word the articles write as an acronym and in lower case THEN a question with either is answered as if the other had not been asked before", () => {
    const space = article(
      "space",
      "Space",
      "The nasa logo was blue.",
      "The NASA budget grew in June. Each NASA probe flew.",
    );
    const cited = (index: CitationIndex, question: string) =>
      index.ask(question).citations.map((citation) => citation.excerpt);
    const alone = (question: string) => cited(new CitationIndex([space, weather]), question);
    expect(alone("what NASA?")).not.toContain("The nasa logo was blue.");
    expect(alone("what nasa?")).toContain("The nasa logo was blue.");
    for (const [first, then] of [
      ["what nasa?", "what NASA?"],
      ["what NASA?", "what nasa?"],
    ] as const) {
      const index = new CitationIndex([space, weather]);
      index.ask(first);
      expect(cited(index, then), `${then} after ${first}`).toEqual(alone(then));
    }
  });

  it("GIVEN a question THEN the sentence that answers is cited first, with its article and ¶", () => {
    const answer = index.ask("How much did exports of electric vehicles rise?");
    expect(answer).toMatchObject({ answered: true, answer: "376%" });
    expect(answer.citations[0]).toMatchObject({ article: "tesla", paragraph: 2 });
  });

  it("GIVEN explain THEN the answer is the same as ask's, and each citation says why", () => {
    const question = "Who did Musk meet?";
    const explained = index.explain(question);
    expect(explained.answer).toEqual(index.ask(question));
    expect(explained.citations[0]?.terms.map((t) => t.word)).toContain("musk");
    expect(explained.citations[0]?.terms[0]?.found).toBe("sentence");
  });

  it("GIVEN a question the articles do not cover THEN it is declined with the closest passages", () => {
    const answer = index.ask("Who is the CEO of Apple?");
    expect(answer.answered).toBe(false);
  });

  it("GIVEN a limit THEN no sentence is cited twice, and never more than the limit", () => {
    const answer = index.ask("tariffs exports prices market", { limit: 5 });
    const excerpts = answer.citations.map((c) => c.excerpt);
    expect(new Set(excerpts).size).toBe(excerpts.length);
    expect(excerpts.length).toBeLessThanOrEqual(5);
  });

  it("GIVEN an article id THEN only that article is searched", () => {
    const answer = index.ask("closed", { article: "tesla" });
    expect(answer.citations.every((c) => c.article === "tesla")).toBe(true);
  });
});
