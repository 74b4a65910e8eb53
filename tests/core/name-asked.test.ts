import { describe, expect, it } from "vitest";
import { expectedAnswer } from "../../src/core/answer/expected.ts";
import { asksForName } from "../../src/core/answer/name-asked.ts";
import { CitationIndex, parseArticle, type RankingOptions } from "../../src/core/index.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A library of one article, read from its Markdown, with the dictionary (and ranking options). */
function oneArticle(
  file: string,
  markdown: string,
  ranking: Partial<RankingOptions> = {},
): CitationIndex {
  return new CitationIndex([parseArticle(file, new TextEncoder().encode(markdown))], {
    synonyms: defaultSynonyms,
    ...ranking,
  });
}

/** A made-up article: one detention named, one not. */
const ARTICLE = [
  "---",
  "title: Reporters Held Abroad",
  "---",
  "",
  "A newspaper reporter has been detained in the capital since March.",
  "",
  "The ministry said a photographer, Dana Ortiz, was released on Friday.",
  "",
  "Officials met the ambassador to discuss both cases.",
  "",
].join("\n");

const index = oneArticle("held.md", ARTICLE);

describe("a question that asks for a name", () => {
  it.each([
    ["what's the name of the reporter they detained", "person"],
    ["whats his name", "person"],
    ["what was the name of the city where the plant will be built", "place"],
    ["what's the official name of the new group the order sets up", "person"],
  ])("GIVEN %j THEN it expects %s", (question, type) => {
    expect(expectedAnswer(question, defaultSynonyms)).toBe(type);
  });

  it("GIVEN a passage that mentions the reporter without a name THEN 'what's the name of the reporter' is declined, with that passage shown as the closest", () => {
    const answer = index.ask("whats the name of the reporter who was detained");
    expect(answer.answered).toBe(false);
    expect(answer.citations[0]?.excerpt).toContain("reporter has been detained");
  });

  it("GIVEN a passage that names the person THEN the name is the short answer, and 'name' is no word to look for", () => {
    const answer = index.ask("what's the name of the photographer who was released");
    expect(answer).toMatchObject({ answered: true, answer: "Dana Ortiz" });
    const explained = index.explain("what's the name of the photographer who was released");
    expect(explained.citations[0]?.terms.map((term) => term.word)).not.toContain("name");
  });

  it("GIVEN a passage where an unnamed agency tweets a photo of a named official THEN 'whats the name of the news agency' is not answered with the official", () => {
    const text = [
      "---",
      "title: A Photo From the Capital",
      "---",
      "",
      "Late on Tuesday night, the country’s official news agency tweeted a photo of the visitor chatting with Vice Premier Dana Ortiz.",
      "",
    ].join("\n");
    const agency = oneArticle("photo.md", text);
    const answer = agency.ask("whats the name of the news agency");
    expect(answer.answer).toBeNull();
    expect(answer.answered).toBe(false);
  });
});

describe("a question for whoever holds a role", () => {
  const text = [
    "---",
    "title: A Copper Investigation",
    "---",
    "",
    "The Order directs the Secretary of Commerce to open an investigation under the Trade Expansion Act of 1962.",
    "",
    "The investigation is led by Commerce Secretary Dana Ortiz.",
    "",
  ].join("\n");
  const copper = oneArticle("copper.md", text);

  it.each([
    ["who was president when the trade expansion act was signed", true],
    ["who is the ceo of the company", true],
    ["who's the current secretary of commerce", true],
    ["who was the former president", true],
    ["who is the current us trade representative", true],
    ["what's the official name of the new group", true],
    // Filler typed between "who" and "is" changes nothing asked.
    ["who even is the attorney general rn", true],
    ["who exactly was the commerce secretary then", true],
    // A later sense of the phrase's head: "chair" is furniture first, a presiding officer too.
    ["who's the chair of the trade commission right now", true],
    ["who is the acting chair that the judge criticised", true],
    ["who leads the investigation", false],
    ["who is dana ortiz", false],
    ["who even is dana ortiz", false],
    // Not a role's head: "tesla" has a person among its senses, but "meeting" follows it.
    ["who is tesla meeting with in china", false],
    ["who is the commission made up of", false],
  ])("GIVEN %j THEN asking for a name is %s", (question, named) => {
    expect(asksForName(question, defaultSynonyms)).toBe(named);
  });

  it("GIVEN a passage that names only a role ('the Secretary of Commerce') THEN 'who was president when the act was signed' is not answered with the role", () => {
    const answer = copper.ask("who was president when the trade expansion act of 1962 was signed");
    expect(answer.answer).toBeNull();
    expect(answer.answered).toBe(false);
  });

  it.each([
    [
      "who's the current secretary of the interior",
      "The Order directs the Secretary of the Interior and the Secretary of Agriculture to consolidate their wildland fire programs.",
    ],
    [
      "who's the chair of the trade commission right now",
      "The Order directs the Attorney General and the Chairman of the Trade Commission to each establish a Food Supply Chain Task Force.",
    ],
    [
      "who even is the attorney general rn",
      "The Attorney General will submit a report to the President detailing the actions taken.",
    ],
    // A person named apart from the role asked is someone else.
    [
      "who is the current us trade representative",
      "Today, President Donald J. Trump signed a Proclamation directing the U.S. Trade Representative to negotiate agreements.",
    ],
    // A name with the role's word but away from what it is the role of: another president.
    [
      "who's the president of argentina rn anyway",
      "Today, President Donald J. Trump announced breakthrough trade deals with El Salvador, Argentina, Ecuador, and Guatemala.",
    ],
    // A person asked by name: a body ("Government of Iran") is no person.
    [
      "whats the name of the treasury secretary who has to enforce all this",
      "The order directs the Secretary of the Treasury to impose maximum economic pressure on the Government of Iran.",
    ],
    // A name next to the office asked about, but not to the role: no director of it.
    [
      "who is the director of OPM right now",
      "Today, President Donald J. Trump’s Office of Personnel Management (OPM) took action to implement the order.",
    ],
    // Asked as "the name of" a role, as "who is" asks it: another person of the list is not it.
    [
      "what was the name of the healthcare executive killed in 2024",
      "The attempted assassination of Supreme Court Justice Brett Kavanaugh and the 2024 assassination of a senior healthcare executive are examples of this threat.",
    ],
  ])(
    "GIVEN a passage that names no one in the role THEN %j gets no short answer and is declined",
    (question, passage) => {
      const text = `---\ntitle: An Order\n---\n\n${passage}\n`;
      const own = oneArticle("order.md", text);
      const answer = own.ask(question);
      expect(answer.answer).toBeNull();
      expect(answer.answered).toBe(false);
    },
  );

  it("GIVEN a passage that names the person who chairs THEN 'who's the chair of the trade commission' is answered with the name", () => {
    const text =
      "---\ntitle: An Order\n---\n\nThe task force is led by Trade Commission Chair Dana Ortiz, who took office in May.\n";
    const own = oneArticle("order.md", text);
    const answer = own.ask("who's the chair of the trade commission right now");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("Dana Ortiz");
  });

  it.each([
    "The deal was signed in Buenos Aires by Javier Milei, the president of Argentina, on Tuesday.",
    "The deal was signed by Argentina's President Javier Milei in Buenos Aires on Tuesday.",
  ])(
    "GIVEN a passage that names the president of Argentina by the role's words THEN 'who's the president of argentina' is answered with the name (%j)",
    (passage) => {
      const text = `---\ntitle: A Trade Deal\n---\n\n${passage}\n`;
      const own = oneArticle("deal.md", text);
      const answer = own.ask("who's the president of argentina");
      expect(answer.answered).toBe(true);
      expect(answer.answer).toContain("Javier Milei");
    },
  );

  it("GIVEN a passage that names the holder in a list of others THEN 'whats the name of the governor' is answered with the governor", () => {
    const text =
      "---\ntitle: A Call\n---\n\nPresident Biden has spoken to Florida Governor Ron DeSantis, Tampa Mayor Jane Castor, Clearwater Mayor Bruce Rector, and Pinellas County Chairwoman Kathleen Peters.\n";
    const own = oneArticle("call.md", text);
    const answer = own.ask("whats the name of the governor");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("Ron DeSantis");
  });

  it.each([
    [
      "whats the name of the secretary of energy",
      "Homeland Security Advisor Liz Sherwood-Randall and Secretary of Energy Jennifer Granholm convened a meeting with the utilities.",
      "Jennifer Granholm",
    ],
    [
      "what's the name of the governor",
      "He will be joined by Governor Tom Wolf, Attorney General Josh Shapiro, Senator Bob Casey, and Congressman Matt Cartwright.",
      "Tom Wolf",
    ],
    // Titled by the role's other words too: not another department's secretary, longer or first.
    [
      "who is the secretary of commerce",
      "The briefing will be held by Secretary of Commerce Gina Raimondo, Deputy Secretary of Defense Kathleen Hicks, and Director of National Intelligence Avril Haines.",
      "Gina Raimondo",
    ],
    [
      "who is the secretary of energy",
      "The Summit will include Secretary of the Treasury Janet Yellen, Secretary of Energy Jennifer Granholm, and National Economic Council Director Lael Brainard.",
      "Jennifer Granholm",
    ],
    // "Vice President" is another role, unless asked so.
    [
      "who is the president",
      "The Summit was opened by Vice President Kamala Harris and President Joe Biden today.",
      "Joe Biden",
    ],
    // Nor is the title of the name before: "President" of "President Biden, Vice President …".
    [
      "who is the president",
      "I want all the students and borrowers to know President Biden, Vice President Harris, and I will not stop fighting for you.",
      "President Biden",
    ],
    // The role's word right after a name opens the next name: it is no apposition of the first.
    [
      "who is the governor",
      "He will be joined by Attorney General Josh Shapiro, Governor Tom Wolf and Senator Bob Casey.",
      "Tom Wolf",
    ],
  ])(
    "GIVEN %j and a passage where another name stands by the role THEN the name titled by the role answers",
    (question, passage, name) => {
      const text = `---\ntitle: A Meeting\n---\n\n${passage}\n`;
      const own = oneArticle("meeting.md", text);
      const answer = own.ask(question);
      expect(answer.answered).toBe(true);
      expect(answer.answer).toContain(name);
    },
  );

  it("GIVEN an article whose title names the role's holder THEN 'who is the president' is answered with the holder, not the vice president beside him", () => {
    const text =
      "---\ntitle: Remarks by President Biden\n---\n\nI would like to thank President Biden and Vice President Harris, who have welcomed me so warmly.\n";
    const own = oneArticle("remarks.md", text);
    const answer = own.ask("who is the president");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toBe("President Biden");
    expect(own.ask("who is the vice president").answer).toContain("Harris");
  });

  it("GIVEN a passage that names the person in the role THEN 'who is the commerce secretary leading the investigation' is answered with the name", () => {
    const answer = copper.ask("who is the commerce secretary leading the investigation");
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain("Dana Ortiz");
  });
});

describe("a passage that gives the name asked for leads one that cannot answer, when close", () => {
  const parties = [
    "---",
    "title: The Conflict in the North",
    "---",
    "",
    "The United States urges other countries to stop the flow of weapons to any parties to the conflict and support a ceasefire.",
    "",
    "The parties to the conflict – including Ethiopian National Defense Forces (ENDF), Eritrean Defense Forces (EDF) and Amhara regional forces – have committed abuses.",
    "",
    "Aid workers reached the region in March.",
    "",
  ].join("\n");
  const question = "tbh who even are the parties to this conflict";
  const library = (nameLeadMargin: number) => oneArticle("north.md", parties, { nameLeadMargin });

  it("GIVEN 'who are the parties to this conflict' THEN the passage naming the parties answers it", () => {
    const answer = library(0.05).ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toMatch(/^The parties to the conflict – including/u);
  });

  it("GIVEN the margin off THEN the passage that names no party comes first, and the question is declined", () => {
    const answer = library(0).ask(question);
    expect(answer.citations[0]?.excerpt).toMatch(/^The United States urges/u);
    expect(answer.answered).toBe(false);
  });
});
