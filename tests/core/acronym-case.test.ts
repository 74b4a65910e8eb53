import { describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { article } from "./article-fixture.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A made-up article whose title has an acronym, spelt out in one passage and written in another. */
const index = new CitationIndex(
  [
    article(
      "fto",
      "The President Restores FCPA Enforcement and Lists the Group as an FTO",
      "REVERSING THE REMOVAL: Today the President re-designated the group as a Foreign Terrorist Organization.",
      "The group was first designated an FTO in January 2021.",
      "The Order directs revised guidelines for the Foreign Corrupt Practices Act (FCPA) of 1977.",
    ),
  ],
  { synonyms: defaultSynonyms },
);

/** The verdict and top citation of a question. */
const verdict = (question: string) => {
  const answer = index.ask(question);
  return [answer.answered, answer.citations[0]?.excerpt];
};

describe("an acronym typed in lower case", () => {
  it("GIVEN 'fcpa' and 'FCPA' THEN both weigh as the titles' name, the same", () => {
    const weight = (question: string) =>
      index.explain(question).citations[0]?.terms.find((term) => /fcpa/iu.test(term.word))?.weight;
    expect(weight("when are the revised fcpa guidelines due")).toBe(
      weight("when are the revised FCPA guidelines due"),
    );
  });

  it("GIVEN 'fto' and 'FTO' THEN both give the same verdict and citations, each covering as much: a passage that spells it out counts for both or neither", () => {
    const cited = (question: string) =>
      index.explain(question).citations.map((citation) => [citation.excerpt, citation.coverage]);
    expect(verdict("what does being on the fto list do")).toEqual(
      verdict("what does being on the FTO list do"),
    );
    expect(cited("what does being on the fto list do")).toEqual(
      cited("what does being on the FTO list do"),
    );
  });
  it("GIVEN 'epas', the acronym's possessive typed in lower case without its apostrophe THEN it is the articles' EPA, as 'EPA's' is: same weight, same credit, same top passage", () => {
    const sheet = article(
      "epa",
      "New Standards for Cars",
      "The EPA's approach is technology-neutral, so carmakers may use any technology to meet the standards.",
      "People with disabilities face barriers, especially when it comes to accommodations to vote.",
      "The EPA estimates that the proposed rules could result in electrification of 67% of new sedans.",
    );
    const epa = new CitationIndex([sheet], { synonyms: defaultSynonyms, wordVectors: null });
    const read = (question: string) => {
      const top = epa.explain(question).citations[0];
      const term = top?.terms.find((found) => /^epa/iu.test(found.word));
      return [top?.excerpt, term?.weight, term?.credit];
    };
    const written = read("what's the EPA's approach when it comes to which tech carmakers use");
    expect(written[0]).toMatch(/^The EPA's approach/u);
    expect(read("whats the epas approach when it comes to which tech carmakers use")).toEqual(
      written,
    );
  });

  it("GIVEN 'which groups' asked with IVF in capitals or in lower case THEN the passage's IVF is the question's own name either way: same verdict and top passage", () => {
    const sheet = article(
      "ivf",
      "Expanding Access to IVF",
      "The Order directs policy recommendations to protect IVF access and reduce costs.",
      "The federal government covers IVF in a limited capacity for military personnel, veterans, and federal employees.",
      "In recent years, major players in the Midwest food supply chain have paid millions to settle lawsuits.",
      "The Department of Agriculture reports that the federal government pays for school meals.",
    );
    const ivf = new CitationIndex([sheet], { synonyms: defaultSynonyms, wordVectors: null });
    const capitals = ivf.ask("Which groups does the federal government pay for IVF for?");
    const lower = ivf.ask("which groups does the federal government pay for ivf for?");
    expect(lower.answered).toBe(capitals.answered);
    expect(lower.citations[0]?.excerpt).toBe(capitals.citations[0]?.excerpt);
  });

  it("GIVEN an acronym the articles never write, typed in lower case ('ioc') THEN it weighs as the name typed in capitals ('IOC') does: the same verdict and top passage", () => {
    // The dictionary spells out IOC ("International Olympic Committee"); the article does not
    // write the acronym, and "indoctrination of children" spells no IOC (no capitals).
    const sports = article(
      "sports",
      "Keeping Men Out of Women's Sports",
      "The President signed orders to prohibit the indoctrination of children in schools.",
      "The Secretary of State will demand changes within the International Olympic Committee.",
      "The Order protects opportunities for women and girls to compete in safe sports.",
    );
    const library = new CitationIndex([sports], { synonyms: defaultSynonyms, wordVectors: null });
    const ask = (question: string) => {
      const explained = library.explain(question);
      const ioc = explained.citations[0]?.terms.find((term) => term.word === "ioc");
      return {
        answered: explained.answer.answered,
        excerpt: explained.citations[0]?.excerpt,
        name: ioc?.weighing.name,
        weight: ioc?.weight,
      };
    };
    const capitals = ask("Who is the current president of the IOC?");
    expect(capitals.excerpt).toContain("International Olympic Committee");
    expect(capitals.name).toBe(true);
    expect(ask("who is the current president of the ioc")).toEqual(capitals);
  });

  it("GIVEN an acronym the dictionary spells out typed with its possessive's apostrophe or without ('fdr's', 'fdrs') THEN both are the same missing name: the same verdict and top passage", () => {
    const corps = article(
      "corps",
      "Launching the American Climate Corps",
      "The Climate Corps will put young people to work conserving lands and waters.",
      "This week the Department of the Interior expanded the Indian Youth Service Corps.",
    );
    const library = new CitationIndex([corps], { synonyms: defaultSynonyms, wordVectors: null });
    const ask = (question: string) => {
      const explained = library.explain(question);
      const owner = explained.citations[0]?.terms.find((term) => term.word.startsWith("fdr"));
      return [explained.answer.answered, explained.citations[0]?.excerpt, owner?.weighing.name];
    };
    const apostrophe = ask("when did fdr's civilian conservation corps run");
    expect(apostrophe[0]).toBe(false);
    expect(apostrophe[2]).toBe(true);
    expect(ask("when did fdrs civilian conservation corps run")).toEqual(apostrophe);
  });

  it("GIVEN a short plural the articles never write ('banks') whose only phrase in the dictionary holds the word itself ('Sir Joseph Banks') THEN it is no acronym spelt out: not a name, and the passage that answers is not declined for it", () => {
    const fraud = article(
      "fraud",
      "Combating Cybercrime",
      "In September 2025, the Administration issued a Notice to help financial institutions detect and disrupt sextortion.",
      "The Order directs agencies to prosecute scam centers abroad.",
    );
    const library = new CitationIndex([fraud], { synonyms: defaultSynonyms, wordVectors: null });
    const explained = library.explain(
      "when did the administration issue the notice to banks about sextortion",
    );
    const banks = explained.citations[0]?.terms.find((term) => term.word === "banks");
    expect(banks?.weighing.name).toBe(false);
    expect(explained.answer.answered).toBe(true);
    expect(explained.answer.answer).toBe("September 2025");
  });

  it("GIVEN a short word whose phrase in the dictionary it does not spell ('exec', WordNet's 'White House') THEN it is no acronym spelt out: not a name, and the passage that answers is not declined for it", () => {
    const contracts = article(
      "contracts",
      "Putting Our Warfighters First",
      "The Order requires that executive incentive compensation under future contracts be tied to on-time delivery.",
      "The Secretary will identify defense contractors that underperform.",
    );
    const library = new CitationIndex([contracts], {
      synonyms: defaultSynonyms,
      wordVectors: null,
    });
    const explained = library.explain("what does exec incentive compensation have to be tied to");
    const exec = explained.citations[0]?.terms.find((term) => term.word === "exec");
    expect(exec?.weighing.name).toBe(false);
    expect(explained.answer.answered).toBe(true);
    expect(explained.citations[0]?.excerpt).toContain("tied to on-time delivery");
  });
  it("GIVEN an article with the 'RAISE' programme THEN 'raise' typed in lower case, a verb, is no name, and the passage on the risk is answered with its multiple", () => {
    const safety = article(
      "safety",
      "Preventing Suicide",
      "Families should know that having access to a gun triples one's risk of death by suicide.",
      "The RAISE program funds a new bridge over the avenue.",
    );
    const library = new CitationIndex([safety], { synonyms: defaultSynonyms, wordVectors: null });
    const explained = library.explain("how much does having a gun raise the risk of suicide");
    const raise = explained.citations[0]?.terms.find((term) => term.word === "raise");
    expect(raise?.weighing.name).toBe(false);
    expect(explained.answer).toMatchObject({ answered: true, answer: "triples" });
    const program = library.explain("how much does the RAISE program fund");
    expect(program.citations[0]?.terms.find((term) => term.word === "raise")?.weighing.name).toBe(
      true,
    );
  });
});
