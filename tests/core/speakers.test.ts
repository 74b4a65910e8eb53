import { describe, expect, it } from "vitest";
import { buildIndexData, CitationIndex, parseArticle } from "../../src/core/index.ts";
import { questionDistances, turnSpeakers, withSpeakers } from "../../src/core/article/speakers.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

function parseText(file: string, text: string) {
  return parseArticle(file, new TextEncoder().encode(text));
}

const BRIEFING = [
  "---",
  "title: Press Briefing",
  "---",
  "",
  "MS. PSAKI: Good afternoon. I have two items for you.",
  "",
  "First, the President will travel to Ohio on Thursday.",
  "",
  "Q Will he meet the governor?",
  "",
  "And will he speak at the plant?",
  "",
  "MS. PSAKI: He will meet the governor.",
  "",
  "DR. WALENSKY: Yesterday, CDC reported new cases.",
  "",
  "Hospital admissions are down.",
  "",
].join("\n");

describe("speakers of a transcript", () => {
  it("GIVEN a briefing where a speaker's label opens two turns THEN the paragraphs continuing each turn carry the speaker as context, and a reporter's Q ends the turn", () => {
    const article = parseText("briefing.md", BRIEFING);
    expect(article.paragraphs.map((p) => [p.number, p.context])).toEqual([
      [1, undefined],
      [2, "Ms. Psaki"],
      [3, undefined],
      [4, undefined],
      [5, undefined],
      [6, undefined],
      [7, undefined],
    ]);
    // Dr. Walensky speaks once only: one label is not enough to read the article as a transcript's turns.
  });

  it("GIVEN a label that opens paragraphs twice THEN its later paragraphs are that speaker's, words not acronyms", () => {
    const blocks = withSpeakers([
      { text: "DR. WALENSKY: Good morning." },
      { text: "Yesterday, CDC reported 17,724 new cases." },
      { text: "ACTING ADMINISTRATOR SLAVITT: Thank you." },
      { text: "We are winning.", context: "Remarks" },
      { text: "DR. WALENSKY: Thank you for that question." },
      { text: "ACTING ADMINISTRATOR SLAVITT: Next question." },
    ]);
    expect(blocks.map((block) => block.context)).toEqual([
      undefined,
      "Dr. Walensky",
      undefined,
      "Remarks — Acting Administrator Slavitt",
      undefined,
      undefined,
    ]);
  });

  it("GIVEN a transcript's passages THEN each one's speaker is its turn's, the labelled passage included, and none after a reporter's Q", () => {
    expect(
      turnSpeakers([
        "Good evening.",
        "MS. PSAKI: Good afternoon.",
        "First, the President will travel.",
        "Q Will he meet the governor?",
        "And will he speak?",
        "MS. PSAKI: He will.",
      ]),
    ).toEqual([undefined, "Ms. Psaki", "Ms. Psaki", undefined, undefined, "Ms. Psaki"]);
  });

  it("GIVEN a briefing THEN the index keeps each paragraph's speaker as the parser read the turns", () => {
    const data = buildIndexData([
      parseText("notes.md", "---\ntitle: Notes\n---\n\nNo speaker here.\n"),
      parseText("briefing.md", BRIEFING),
    ]);
    expect(data.speakers).toEqual(["Ms. Psaki"]);
    // By paragraph key: the notes' one paragraph, then the briefing's seven.
    expect(Array.from(data.speakerOf)).toEqual([-1, 0, 0, -1, -1, 0, -1, -1]);
  });

  it("GIVEN a reporter's question over two paragraphs THEN the turn answering it, labelled paragraph and all, knows where it begins; a new label without a question answers none", () => {
    const texts = [
      "MS. PSAKI: Good afternoon.",
      "First, the President will travel.",
      "Q Will he meet the governor?",
      "And will he speak?",
      "MS. PSAKI: He will.",
      "He will also speak at the plant.",
      "DR. WALENSKY: Cases are down.",
      "DR. WALENSKY: And admissions too.",
    ];
    const speakers = turnSpeakers(texts) ?? [];
    const passages = texts.map((text, i) => ({ text, speaker: speakers[i] }));
    expect(Array.from(questionDistances(passages))).toEqual([0, 0, 0, 0, 2, 3, 0, 0]);
  });

  it("GIVEN a briefing THEN the index keeps, by paragraph key, how far back the question each answer's turn answers begins", () => {
    const data = buildIndexData([
      parseText("notes.md", "---\ntitle: Notes\n---\n\nNo speaker here.\n"),
      parseText("briefing.md", BRIEFING),
    ]);
    // The briefing's "MS. PSAKI: He will meet the governor." answers the Q two paragraphs up.
    expect(Array.from(data.questionDistance)).toEqual([0, 0, 0, 0, 0, 2, 0, 0]);
  });

  it("GIVEN a fact sheet whose section labels in capitals each open one paragraph THEN no paragraph gets a speaker", () => {
    const blocks = [
      { text: "USING LEVERAGE TO PROTECT AMERICANS: Today, the President announced tariffs." },
      { text: "The tariffs apply to steel." },
      { text: "ENSURING BORDER SECURITY: The President will not allow it." },
      { text: "It is a national emergency." },
    ];
    expect(withSpeakers(blocks)).toBe(blocks);
  });
});

const COVID_BRIEFING = [
  "---",
  "title: Press Briefing by the Response Team",
  "---",
  "",
  "ACTING ADMINISTRATOR SLAVITT: Good morning. Today we have an update on the pandemic.",
  "",
  "Last fall, one of my sons contracted the virus, and he still has symptoms.",
  "",
  "We will not use our vaccines to secure favors from other countries.",
  "",
  "As you will hear from Dr. Walensky, hospitals now see younger patients.",
  "",
  "DR. WALENSKY: Good morning. Let us begin with the data.",
  "",
  "Hospital admissions are down by almost a fifth from the week before.",
  "",
  "Q Is the mask guidance going to change?",
  "",
  "ACTING ADMINISTRATOR SLAVITT: The mask guidance will follow the science.",
  "",
  "DR. WALENSKY: Thank you for the question.",
  "",
  "The guidance stands for now.",
  "",
  "MS. PSAKI: The President will name a nominee for the court soon.",
  "",
  "MS. PSAKI: Thank you all.",
  "",
  "Q And one on Russia. The Senate has left town without passing a sanctions bill.",
  "",
  "MS. PSAKI: We do not need a bill to impose sanctions.",
  "",
].join("\n");

/** A briefing whose answer to the reporter's question shares no word with it. */
const ASKED_BRIEFING = [
  "---",
  "title: Press Briefing",
  "---",
  "",
  "MS. PSAKI: Russia is spreading lies to justify an invasion, and we will call them out.",
  "",
  "Q The Senate has left town without passing the Russia sanctions bill. Does that matter?",
  "",
  "MS. PSAKI: Well, we are in close touch with them. But it is not essential for us.",
  "",
  "Q And on Ohio?",
  "",
  "MS. PSAKI: The President travels there on Thursday.",
  "",
].join("\n");

describe("who said it, in a transcript", () => {
  const index = new CitationIndex([parseText("briefing.md", COVID_BRIEFING)], {
    synonyms: defaultSynonyms,
  });
  const asked = new CitationIndex([parseText("asked.md", ASKED_BRIEFING)], {
    synonyms: defaultSynonyms,
  });

  it("GIVEN a who-said question about a passage that names nobody THEN the passage is cited and its speaker is the short answer", () => {
    const admissions = index.ask("who said hospital admissions are down");
    expect(admissions).toMatchObject({ answered: true, answer: "Dr. Walensky" });
    expect(admissions.citations[0]?.excerpt).toContain("Hospital admissions are down");
    const son = index.ask("who talked about his son getting sick");
    expect(son).toMatchObject({ answered: true, answer: "Acting Administrator Slavitt" });
    expect(son.citations[0]?.excerpt).toContain("one of my sons");
  });

  it("GIVEN a who question without a verb of saying THEN neither the speaker nor the label is the answer", () => {
    // Nobody in the passage is named: a "who" that is not "who said" has nothing to answer with.
    expect(index.ask("who contracted the virus last fall").answer).toBeNull();
    // "MS. PSAKI:" opens the passage but is no name it speaks of.
    const nominee = index.ask("who is the nominee for the court");
    expect(nominee.citations[0]?.excerpt).toContain("will name a nominee for the court");
    expect(nominee.answer).toBeNull();
  });

  it("GIVEN 'who is X' where X is also a verb of saying ('josh') THEN the speaker who addresses X is not the answer", () => {
    const text = [
      "---",
      "title: Press Briefing by the Press Secretary",
      "---",
      "",
      "MS. PSAKI: Hi, everyone. Okay, I have nothing at the top for you.",
      "",
      "Josh, what is on your mind?",
      "",
      "Q Thanks, Jen. Has China provided any aid to Russia? And will Josh get a second question?",
      "",
      "MS. PSAKI: I am not in a position to confirm that. Go ahead, Josh.",
      "",
    ].join("\n");
    const briefing = new CitationIndex([parseText("josh.md", text)], { synonyms: defaultSynonyms });
    expect(briefing.ask("who is josh").answer).toBeNull();
  });

  it("GIVEN a who-said question the transcript does not answer THEN it is declined without a speaker", () => {
    const answer = index.ask("who said the moon is made of green cheese");
    expect(answer).toMatchObject({ answered: false, answer: null });
  });

  it("GIVEN the speaker's name in a what-did-X-say question THEN X's turn holds it, as the context of the passage", () => {
    const { citations } = index.explain("what did walensky say about hospital admissions");
    const turn = citations.find((c) => c.excerpt.includes("Hospital admissions are down"));
    // Without the turn's speaker, "walensky" would be found in the article only.
    expect(turn?.terms.find((term) => term.word === "walensky")?.found).toBe("paragraph");
  });

  it("GIVEN what-did-X-say where a reporter and another speaker share more words THEN X's own turn comes first", () => {
    const question = "what did walensky say about the mask guidance";
    expect(index.ask(question).citations[0]?.excerpt).toContain("The guidance stands for now");
    // Without the speaker's credit and the other voices' factor, the other voices win.
    const plain = new CitationIndex(index.articles, {
      ...index.options,
      speakerCredit: 0,
      otherSpeakerFactor: 1,
    });
    expect(plain.ask(question).citations[0]?.excerpt).not.toContain("The guidance stands for now");
  });

  it("GIVEN an answer that repeats none of the reporter's words THEN a question in those words finds it through the question it answers", () => {
    const question = "what did psaki say about the senate leaving without a russia sanctions bill";
    const answer = (at: CitationIndex) => at.explain(question).citations[0];
    const found = answer(asked);
    expect(found?.excerpt).toContain("we are in close touch");
    expect(found?.terms.find((term) => term.word === "senate")?.notes).toContain("asked-question");
    const unasked = new CitationIndex(asked.articles, { ...asked.options, askedQuestionCredit: 0 });
    expect(answer(unasked)?.excerpt).not.toContain("we are in close touch");
  });

  it("GIVEN a reporter's paragraph THEN its statements ask, as its Q does: they score askingFactor of their score", () => {
    const question = "the senate left town without passing a sanctions bill";
    const statement = (at: CitationIndex) =>
      at
        .explain(question, { limit: 10 })
        .citations.find((c) => c.excerpt.startsWith("The Senate has left town"))?.score;
    const unweighed = new CitationIndex(index.articles, { ...index.options, askingFactor: 1 });
    expect(statement(index)).toBeCloseTo(
      (statement(unweighed) ?? 0) * index.options.askingFactor,
      2,
    );
  });
});

describe("who said it, in news prose", () => {
  const release = [
    "---",
    "title: The Department Unveils Its Water Plan",
    "---",
    "",
    "The Department today released its plan for clean water in rural towns.",
    "",
    "“Clean water is a basic right of every family. This plan gives towns the pipes they need,” said Secretary of the Interior Dana Ortiz.",
    "",
    "“Rural towns have waited too long for safe water,” Governor Tom Reyes said.",
    "",
    "The plan funds new treatment plants in forty states.",
    "",
  ].join("\n");
  const index = new CitationIndex([parseText("release.md", release)], {
    synonyms: defaultSynonyms,
  });

  it("GIVEN a quotation whose attribution follows in its paragraph THEN 'who said' a sentence of it is answered by the one it is attributed to", () => {
    const right = index.ask("who said clean water is a basic right");
    expect(right.citations[0]?.excerpt).toContain("Clean water is a basic right");
    expect(right.answer).toBe("Secretary of the Interior Dana Ortiz");
    expect(index.ask("who said rural towns waited too long").answer).toBe("Governor Tom Reyes");
  });

  it("GIVEN a sentence outside any quotation THEN no one is its speaker", () => {
    expect(index.ask("who said the plan funds treatment plants").answer).toBeNull();
  });
});
