import { describe, expect, it } from "vitest";
import { expectedAnswer } from "../../src/core/answer/expected.ts";
import { CitationIndex, parseArticle } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A made-up article: a port whose site is not chosen, and a rule naming two countries. */
const ARTICLE = [
  "---",
  "title: A New Deepwater Port",
  "---",
  "",
  "The Memorandum directs the Secretary of Transportation to build a second deepwater port, the first in fifty years.",
  "",
  "The rule bars suppliers with a sufficient nexus to the PRC or Russia from the port's contracts.",
  "",
  "Dana Ortiz leads the office and oversees trade policy.",
  "",
].join("\n");

const index = new CitationIndex([parseArticle("port.md", new TextEncoder().encode(ARTICLE))], {
  synonyms: defaultSynonyms,
});

describe("a question that asks where", () => {
  it("GIVEN a passage about the port that names no place THEN 'where will the second deepwater port be built' is declined, with that passage shown as the closest", () => {
    const answer = index.ask("where will the second deepwater port be built");
    expect(answer.answered).toBe(false);
    expect(answer.citations[0]?.excerpt).toContain("second deepwater port");
  });

  it("GIVEN a passage naming two countries THEN 'which countries does the rule bar' is answered with a place the dictionary knows", () => {
    const answer = index.ask("which countries does the rule bar");
    expect(answer.answered).toBe(true);
    expect(["PRC", "Russia"]).toContain(answer.answer);
  });

  it("GIVEN a committee that held a hearing THEN a bare 'where' is answered by the committee, and 'which city' is not", () => {
    const text = [
      "---",
      "title: Debanking",
      "---",
      "",
      "Earlier this year, the Senate Banking Committee held a hearing on debanking, with witnesses sharing their experiences.",
      "",
    ].join("\n");
    const hearing = new CitationIndex(
      [parseArticle("hearing.md", new TextEncoder().encode(text))],
      { synonyms: defaultSynonyms },
    );
    const where = hearing.ask("where did witnesses testify about debanking");
    expect(where).toMatchObject({ answered: true, answer: "Senate Banking Committee" });
    expect(hearing.ask("which city did witnesses testify about debanking in").answered).toBe(false);
  });

  it.each([
    ["what area of policy does dana ortiz oversee", "thing"],
    ["which part of the agency leads the office", "person"],
    // A kind of agency is described, not named (answer-kinds.test.ts).
    ["what kind of agency leads the office", "thing"],
    ["what region of the country will get the port", "place"],
    ["which city will get the port", "place"],
  ])("GIVEN %j THEN it expects %s: the noun after 'of' says what is asked", (question, type) => {
    expect(expectedAnswer(question, defaultSynonyms)).toBe(type);
  });
});

/** A made-up article: a centre named in one passage, its site in another; a project with no place. */
const CENTER = [
  "---",
  "title: A New Center for Veterans",
  "---",
  "",
  "The new National Center for Warrior Independence will help veterans rebuild their lives.",
  "",
  "The Order directs the Secretary to establish the National Center for Warrior Independence on the Veterans Affairs West Los Angeles Campus.",
  "",
  "It supports construction of the Brandon Road Interbasin Project, which would keep invasive carp from reaching the Great Lakes.",
  "",
].join("\n");

describe("a place named after the people it serves", () => {
  const index = new CitationIndex([parseArticle("center.md", new TextEncoder().encode(CENTER))], {
    synonyms: defaultSynonyms,
  });

  it("GIVEN the site 'on the Veterans Affairs West Los Angeles Campus' THEN 'where' is answered by it, cited before the passage that only names the center", () => {
    // "Veterans" is a plural: no person's title ("President Xi") making the site a person.
    const answer = index.ask("where exactly is the warrior independence center gonna be built");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("West Los Angeles Campus");
    // The passage that only names the center is close behind: no short answer is vouched for.
    expect([null, "Veterans Affairs West Los Angeles Campus"]).toContain(answer.answer);
  });

  it("GIVEN only a project's name ('Brandon Road Interbasin Project') THEN 'what city is the brandon road dam in' is declined: a project stands nowhere", () => {
    expect(index.ask("what city is the brandon road dam in").answered).toBe(false);
  });
});
