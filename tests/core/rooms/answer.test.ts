import { describe, expect, it } from "vitest";
import {
  checkQuestion,
  extractFigures,
  extractShortAnswer,
  metadataField,
  metadataValue,
  questionKind,
  type Article,
} from "../../../src/core/index.ts";

describe("question kinds: what kind of answer a question asks for", () => {
  it.each([
    ["Who did Musk meet?", "person"],
    ["which researcher compiled the figures", "person"],
    ["How much did exports rise?", "quantity"],
    ["what percentage is the tariff", "quantity"],
    ["When did the meeting happen?", "time"],
    ["what year was it", "time"],
    ["Where is Tesla's factory?", "place"],
    ["Why are cars expensive?", "reason"],
    ["Is Tesla profitable?", "yesno"],
    ["What does VCS stand for?", "definition"],
    ["Tesla China visit", "other"],
  ] as const)("GIVEN %j THEN the kind is %s", (question, kind) => {
    expect(questionKind(question)).toBe(kind);
  });
});

describe("checkQuestion: cleans a question or says what is wrong, as a code", () => {
  it("GIVEN control characters and runs of spaces THEN they collapse to single spaces", () => {
    expect(checkQuestion("  who\u0000 is\n\n\tMusk  ")).toEqual({
      ok: true,
      question: "who is Musk",
    });
  });

  it("GIVEN a soft hyphen, a zero-width space or joiner inside words THEN they are dropped, not made spaces that split the words", () => {
    // As spaces they split "Musk" into "M u s k", which then found no name and changed the answer.
    expect(
      checkQuestion("Who did M\u200Du\u200Ds\u200Dk meet about tar\u00ADiffs on ex\u200Bports?"),
    ).toEqual({
      ok: true,
      question: "Who did Musk meet about tariffs on exports?",
    });
  });

  it("GIVEN empty, letterless and over-long questions THEN each gets its problem code and length", () => {
    expect(checkQuestion("   ")).toEqual({ ok: false, problem: "empty", length: 0 });
    expect(checkQuestion("?!? …")).toMatchObject({ ok: false, problem: "no-words" });
    expect(checkQuestion("a".repeat(1001))).toEqual({
      ok: false,
      problem: "too-long",
      length: 1001,
    });
  });
});

describe("short answers: the figure, name or date the question asks for, verbatim, or null", () => {
  const excerpt =
    "Vehicle exports to China rose 376% year-over-year to $1.2 billion, according to researcher JL Warren Capital.";

  it("GIVEN a question about change THEN a rate comes before an amount", () => {
    expect(extractShortAnswer("amount", "How much did exports rise?", excerpt)).toBe("376%");
  });

  it("GIVEN a question about an amount THEN the sum of money answers", () => {
    expect(extractShortAnswer("amount", "How much were the exports worth?", excerpt)).toBe(
      "$1.2 billion",
    );
  });

  it("GIVEN an amount in euros THEN it is money like dollars", () => {
    expect(extractShortAnswer("amount", "How much was invested?", "It invested €30m there.")).toBe(
      "€30m",
    );
  });

  it("GIVEN a 'who' question THEN the name next to a question word answers (an apposition)", () => {
    expect(extractShortAnswer("person", "Which researcher compiled it?", excerpt)).toBe(
      "JL Warren Capital",
    );
  });

  it("GIVEN 'who is X' THEN no other name is offered: X's description or nothing", () => {
    expect(
      extractShortAnswer("description", "Who is Li Anding?", "Li Anding said Tesla met Wang Yang."),
    ).toBeNull();
    expect(
      extractShortAnswer(
        "description",
        "who is li anding",
        "said Li Anding, Xinhua’s former automotive reporter, in Beijing.",
      ),
    ).toBe("Xinhua’s former automotive reporter");
  });

  it("GIVEN a question of one kind THEN an expression of another kind is no answer", () => {
    const tariffs = "Today, 25% tariffs on Tesla’s imported cars inflate its sticker prices.";
    expect(extractShortAnswer("duration", "how long does it take to charge", tariffs)).toBeNull();
    expect(extractShortAnswer("count", "how many cars did tesla sell", tariffs)).toBeNull();
    expect(extractShortAnswer("percent", "what tariff applies", tariffs)).toBe("25%");
    expect(
      extractShortAnswer("duration", "how long", "For more than fifty years, rules held it back."),
    ).toBe("more than fifty years");
  });

  it("GIVEN a 'when' question THEN the time expression answers", () => {
    expect(
      extractShortAnswer(
        "date",
        "When did they meet?",
        "Late on Tuesday night they met in Beijing.",
      ),
    ).toBe("Late on Tuesday night");
  });

  it("GIVEN a kind with no short answer THEN null", () => {
    expect(extractShortAnswer("none", "Why?", excerpt)).toBeNull();
  });
});

const article: Article = {
  id: "a",
  title: "A title",
  source: "Fortune",
  url: "https://example.com/a",
  published: "2017-04-27T06:11:00.000Z",
  file: "a.md",
  paragraphs: [
    {
      number: 1,
      text: "Sales rose 25% to $4.2 billion in 2017, with 1,200 workers hired.",
      sentences: [],
    },
    { number: 2, text: "Another 25% and 3 million cars.", sentences: [] },
  ],
};

describe("metadata: questions about the article itself", () => {
  it.each([
    ["When was the article published?", "published"],
    ["who wrote this", "author"],
    ["What is the source of this story?", "source"],
    ["what's the headline", "title"],
    ["link to the article?", "url"],
  ] as const)("GIVEN %j THEN the field is %s", (question, field) => {
    expect(metadataField(question)).toBe(field);
  });

  it("GIVEN a question about what the article reports THEN it is not about the article", () => {
    expect(metadataField("When did Musk visit China?")).toBeUndefined();
    expect(metadataField("Who is the source of the figures?")).toBeUndefined();
  });

  it("GIVEN the fields THEN values read as people read them, missing ones undefined", () => {
    expect(metadataValue(article, "published")).toBe("27 April 2017, 06:11 UTC");
    expect(metadataValue(article, "source")).toBe("Fortune");
    expect(metadataValue(article, "author")).toBeUndefined();
  });
});

describe("figures: an article's key numbers", () => {
  it("GIVEN money, percentages and counts THEN each is found once per paragraph, years left out", () => {
    expect(extractFigures(article)).toEqual([
      { kind: "percent", text: "25%", paragraph: 1 },
      { kind: "money", text: "$4.2 billion", paragraph: 1 },
      { kind: "count", text: "1,200 workers", paragraph: 1 },
      { kind: "percent", text: "25%", paragraph: 2 },
      { kind: "count", text: "3 million cars", paragraph: 2 },
    ]);
  });
});
