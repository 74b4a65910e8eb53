import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/core/index.ts";

const texts = (paragraph: string) => splitSentences(paragraph).map((sentence) => sentence.text);

describe("splitSentences", () => {
  it("GIVEN abbreviations, money and percentages THEN sentences stay whole", () => {
    expect(
      texts(
        "The $1 billion in China revenue in 2016 compared to $4.2 billion in the U.S. Exports rose 376% year-over-year. Mr. Smith met Dr. Jones in the U.S. on Friday.",
      ),
    ).toEqual([
      "The $1 billion in China revenue in 2016 compared to $4.2 billion in the U.S.",
      "Exports rose 376% year-over-year.",
      "Mr. Smith met Dr. Jones in the U.S. on Friday.",
    ]);
  });

  it("GIVEN initials and quotations THEN they do not end a sentence", () => {
    expect(
      texts(
        "“Wang usually meets with groups of people,” Li said. J. R. Smith agreed. He said “Go now.” Then he left.",
      ),
    ).toEqual([
      "“Wang usually meets with groups of people,” Li said.",
      "J. R. Smith agreed.",
      "He said “Go now.”",
      "Then he left.",
    ]);
  });

  it("GIVEN initials run together after a title ('Governor J.B. Pritzker') THEN the name stays in its sentence, while 'the U.S.' before a capital still ends one", () => {
    expect(
      texts(
        "The project was delayed by Illinois Governor J.B. Pritzker. J.B. Pritzker disagreed. Exports grew in the U.S. Exports fell last year. They met in Washington, D.C. Trump left at noon.",
      ),
    ).toEqual([
      "The project was delayed by Illinois Governor J.B. Pritzker.",
      "J.B. Pritzker disagreed.",
      "Exports grew in the U.S.",
      "Exports fell last year.",
      "They met in Washington, D.C.",
      "Trump left at noon.",
    ]);
    // Initials before a word that opens sentences end one: "He met Governor J.B. He left."
    expect(texts("He met Governor J.B. He left.")).toEqual(["He met Governor J.B.", "He left."]);
  });

  it("GIVEN a dotted acronym at the head of a name of several capitalised words THEN the sentence goes on, as before a tail of two words, while one capitalised word still opens a new one", () => {
    expect(
      texts(
        "The Order establishes a task force, known as the D.C. Safe and Beautiful Task Force, that will meet. It directs the Secretary of Commerce and U.S. Trade Representative to negotiate. Sales rose in the U.K. Steel output fell. Exports grew in the U.S. The next year fell. Fares are checked on the D.C. Metro system.",
      ),
    ).toEqual([
      "The Order establishes a task force, known as the D.C. Safe and Beautiful Task Force, that will meet.",
      "It directs the Secretary of Commerce and U.S. Trade Representative to negotiate.",
      "Sales rose in the U.K.",
      "Steel output fell.",
      "Exports grew in the U.S.",
      "The next year fell.",
      // Two words after it are the tail of a name, no sentence: "Metro system."
      "Fares are checked on the D.C. Metro system.",
    ]);
  });

  it("GIVEN a law's citation with 'et seq.' in brackets THEN the sentence goes on, and a sentence in brackets still ends", () => {
    expect(
      texts(
        "By the authority of the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq.) (IEEPA), the National Emergencies Act (50 U.S.C. 1601 et seq.) (NEA), I hereby order: (See the report.) The next sentence begins here.",
      ),
    ).toEqual([
      "By the authority of the International Emergency Economic Powers Act (50 U.S.C. 1701 et seq.) (IEEPA), the National Emergencies Act (50 U.S.C. 1601 et seq.) (NEA), I hereby order: (See the report.)",
      "The next sentence begins here.",
    ]);
  });

  it("GIVEN an order's enumerated clauses THEN each clause is a sentence of its own", () => {
    const order =
      "Sec. 2. Increasing the Minimum Wage. (a) The wage shall be at least: (i) $15.00 per hour, beginning January 30, 2022; and (ii) beginning January 1, 2023, an amount set by the Secretary. (b) Nothing here (as in (c) below) applies etc.) to grants.";
    expect(texts(order)).toEqual([
      "Sec. 2.",
      "Increasing the Minimum Wage.",
      "(a) The wage shall be at least:",
      "(i) $15.00 per hour, beginning January 30, 2022; and",
      "(ii) beginning January 1, 2023, an amount set by the Secretary.",
      "(b) Nothing here (as in (c) below) applies etc.) to grants.",
    ]);
    for (const sentence of splitSentences(order)) {
      expect(order.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  it("GIVEN bracketed words that are no enumerator THEN the sentence stays whole", () => {
    expect(
      texts("Tesla (TSLA) rose; (the rest) fell. Exports (in dollars) rose: (see the table)."),
    ).toEqual([
      "Tesla (TSLA) rose; (the rest) fell.",
      "Exports (in dollars) rose: (see the table).",
    ]);
  });

  it("GIVEN a paragraph THEN offsets point at each sentence in it", () => {
    const paragraph = "One here.  Two there? Three!";
    for (const sentence of splitSentences(paragraph)) {
      expect(paragraph.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(splitSentences(paragraph).map((s) => s.index)).toEqual([0, 1, 2]);
  });

  it("GIVEN 'the U.S.' before an institution's word and a preposition ('the U.S. Army from 1926') THEN the sentence goes on; before a word and a verb it still ends", () => {
    expect(
      texts(
        "Castner Range served as a training site for the U.S. Army from 1926-1966. The ambassador met staff at the U.S. Embassy in Beijing. Sales fell in the U.S. Exports rose last year.",
      ),
    ).toEqual([
      "Castner Range served as a training site for the U.S. Army from 1926-1966.",
      "The ambassador met staff at the U.S. Embassy in Beijing.",
      "Sales fell in the U.S.",
      "Exports rose last year.",
    ]);
  });
});
