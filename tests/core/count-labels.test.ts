import { describe, expect, it } from "vitest";
import { answersIn } from "../../src/core/answer/answers-in.ts";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A made-up order whose only number near its workers is a section's. */
const WAGES = [
  "---",
  "title: Dock Wages",
  "---",
  "",
  "Raising the minimum wage makes dock workers more productive and lowers turnover.",
  "",
  "The order raises the wage to $15.00 an hour for those workers, as described in section 8 of this order.",
  "",
].join("\n");

describe("a number that labels, not counts", () => {
  it("GIVEN only 'section 8 of this order' THEN 'how many dock workers will get a raise' is declined, not answered 8", () => {
    const index = new CitationIndex([parseArticle("wages.md", new TextEncoder().encode(WAGES))], {
      synonyms: defaultSynonyms,
    });
    const answer = index.ask("how many dock workers will get a raise from this order");
    expect(answer.answer).not.toBe("8");
    expect(answer.answered).toBe(false);
  });

  it("GIVEN 'supports hundreds of thousands of jobs' THEN the magnitude after a verb that is also a noun counts the jobs, and 'how many jobs does coal support' is answered with it", () => {
    const coal = [
      "---",
      "title: Reinvigorating the Coal Industry",
      "---",
      "",
      "The coal industry supports hundreds of thousands of jobs each year.",
      "",
      "Coal plants keep the grid stable.",
      "",
    ].join("\n");
    const index = new CitationIndex([parseArticle("coal.md", new TextEncoder().encode(coal))], {
      synonyms: defaultSynonyms,
    });
    expect(index.ask("how many jobs does coal support")).toMatchObject({
      answered: true,
      answer: "hundreds of thousands",
    });
  });

  it.each([
    "as defined in 41 U.S.C. 1902(a), unless expressly made subject to this order",
    "under the Service Contract Act, 41 U.S.C. 6701 et seq., or any other law",
  ])("GIVEN a law's citation (%j) THEN neither of its numbers is a count", (text) => {
    expect(answersIn("count", text, "how many workers will get a raise")).toEqual([]);
  });

  it("GIVEN 'sections 2 and 3 of this order' THEN neither number is an amount for 'how much'", () => {
    const text = "the minimum wages specified in sections 2 and 3 of this order are paid";
    expect(answersIn("amount", text, "how much is the new minimum wage")).toEqual([]);
  });

  it("GIVEN a wage of $15.00 beside a section's number THEN the sum is an amount and the section's number is not", () => {
    const text = "the wage of $15.00 an hour under section 2 of this order";
    const found = answersIn("amount", text, "how much is the new minimum wage");
    expect(found).toContain("$15.00");
    expect(found).not.toContain("2");
  });

  it("GIVEN a footnote's mark ('2016.[1]') THEN it is no count", () => {
    const text = "a steep increase from 2016.[1] Because ghost guns lack serial numbers";
    expect(answersIn("count", text, "how many ghost guns were recovered")).toEqual([]);
  });

  it("GIVEN 'a ten-fold increase' THEN ten is no count", () => {
    const text = "there were 20,000 suspected ghost guns, a ten-fold increase";
    expect(answersIn("count", text, "how many ghost guns were recovered")).toEqual(["20,000"]);
  });

  it("GIVEN 'a handful of states' THEN 'a handful' counts the states", () => {
    const counted = { terms: new Set(["state"]), isNoun: () => true };
    const text = "Just a handful of states require some sort of coverage for IVF.";
    expect(answersIn("count", text, "how many states require coverage", counted)).toEqual([
      "a handful",
    ]);
  });

  it("GIVEN 'a handful of states' THEN it counts no cars", () => {
    const counted = { terms: new Set(["car"]), isNoun: () => true };
    const text = "Just a handful of states require some sort of coverage for IVF.";
    expect(answersIn("count", text, "how many cars", counted)).toEqual([]);
  });

  it("GIVEN 'at least three reactors' THEN 'at least three' still counts them", () => {
    const counted = { terms: new Set(["reactor"]), isNoun: () => true };
    const text = "at least three reactors outside the labs";
    expect(answersIn("count", text, "how many reactors", counted)).toEqual(["at least three"]);
  });
});

describe("a number of times", () => {
  const text = [
    "---",
    "title: Attacks at Sea",
    "---",
    "",
    "The rebels have attacked sailors on commercial vessels more than 100 times.",
    "",
  ].join("\n");
  const index = new CitationIndex([parseArticle("sea.md", new TextEncoder().encode(text))], {
    synonyms: defaultSynonyms,
  });

  it("GIVEN 'more than 100 times' THEN it counts no sailors ('times' is a noun, though the dictionary's 'times' is mostly a verb)", () => {
    const answer = index.ask("how many sailors have the rebels attacked on commercial vessels");
    expect(answer.answer).toBeNull();
  });

  it("GIVEN 'more than 100 times' THEN it answers how many times", () => {
    expect(index.ask("how many times did the rebels attack commercial vessels").answer).toBe(
      "more than 100",
    );
  });
});

describe("an adjective between a number and what it counts", () => {
  const text = [
    "---",
    "title: Wilderness",
    "---",
    "",
    "The Administration designated 1.3 million new acres of wilderness near the national parks.",
    "",
    "The Service opened two new visitor centers this year.",
    "",
  ].join("\n");
  const index = new CitationIndex([parseArticle("parks.md", new TextEncoder().encode(text))], {
    synonyms: defaultSynonyms,
  });

  it("GIVEN '1.3 million new acres' THEN it counts acres, not the national parks asked about", () => {
    expect(index.ask("how many national parks are there").answer).toBeNull();
  });

  it("GIVEN 'two new visitor centers' THEN it still counts the centers", () => {
    expect(index.ask("how many new visitor centers did the service open").answer).toBe("two");
  });
});

/** A made-up trade order whose quota counts vehicles, not cars by name. */
const QUOTA = [
  "---",
  "title: Auto Quota",
  "---",
  "",
  "The order sets a lower tariff for cars made in the partner country.",
  "",
  "The first 100,000 vehicles imported each year by its carmakers will pay the lower tariff, and four trucks more were allowed in May.",
  "",
].join("\n");

describe("a number counting a kind of the thing asked about", () => {
  const index = new CitationIndex([parseArticle("quota.md", new TextEncoder().encode(QUOTA))], {
    synonyms: defaultSynonyms,
  });

  it("GIVEN '100,000 vehicles' THEN 'how many cars get the lower tariff each year' is answered with it: a car is a vehicle", () => {
    const answer = index.ask("how many cars get the lower tariff each year");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe("100,000");
  });

  it("GIVEN the same number of vehicles THEN it is no count of what vehicles are not ('how many carmakers')", () => {
    expect(index.ask("how many carmakers get the lower tariff each year").answer).not.toBe(
      "100,000",
    );
  });
});

describe("a figure followed by its verb", () => {
  const text = [
    "---",
    "title: A Ship Aground",
    "---",
    "",
    "The vessel is stable. And it does have 4,700 cargo containers on board; 56 of those contain hazardous materials and 2 are missing overboard.",
    "",
  ].join("\n");
  const index = new CitationIndex([parseArticle("ship.md", new TextEncoder().encode(text))], {
    synonyms: defaultSynonyms,
  });

  it("GIVEN '… and 2 are missing overboard' THEN the 2 counts the containers asked about", () => {
    const answer = index.ask("how many containers are missing overboard");
    expect(answer.answer).toBe("2");
  });

  it("GIVEN the same passage THEN 'how many containers contain hazardous materials' is still 56", () => {
    expect(index.ask("how many containers contain hazardous materials").answer).toBe("56");
  });
});
