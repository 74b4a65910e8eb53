import { describe, expect, it } from "vitest";
import { checkQuestion } from "../../src/core/index.ts";
import { normalizeDiscordText } from "../../src/core/text/normalize.ts";

describe("Discord text made plain before a question is read", () => {
  it.each([
    ["<@123456789012345678> who did musk meet", "who did musk meet"],
    ["<@!987654321098765432> **when** did it happen", "when did it happen"],
    ["who runs <#112233445566778899> and <@&998877665544332211>?", "who runs and ?"],
    ["<:thonk:123456789012345678> why a JV?", "why a JV?"],
    ["why a JV <a:party:123456789012345678>", "why a JV"],
    ["has musk been in a lot of pics lately 🤔", "has musk been in a lot of pics lately"],
    ["flags 🇨🇳 and families 👨‍👩‍👧 and skin tones 👍🏽 go", "flags and families and skin tones go"],
    ["is it ~~cheap~~ __really__ ||expensive||?", "is it cheap really expensive?"],
    ["> quoted line\nwhat is `the auto lobby`", "quoted line what is the auto lobby"],
    ["@citebot who's the Xinhua guy", "who's the Xinhua guy"],
    ["@**citebot** who's the Xinhua guy", "who's the Xinhua guy"],
    ["what is :thinking: the tariff at 10:30", "what is the tariff at 10:30"],
    ["see [the order](https://example.com/x) please", "see the order please"],
  ])("GIVEN %j THEN it reads %j", (input, plain) => {
    expect(normalizeDiscordText(input)).toBe(plain);
  });

  it("GIVEN contractions typed without an apostrophe THEN they are spelt out, keeping the first capital", () => {
    expect(normalizeDiscordText("whats the mayors name")).toBe("what's the mayors name");
    expect(normalizeDiscordText("Whats up, it doesnt and i dont know, theyre here")).toBe(
      "What's up, it doesn't and i don't know, they're here",
    );
    // Words that are also words of their own are left alone…
    expect(normalizeDiscordText("its well were ill")).toBe("its well were ill");
    expect(normalizeDiscordText("the cant of politics, as was his wont")).toBe(
      "the cant of politics, as was his wont",
    );
    // …but "cant" and "wont" before a verb are "can't" and "won't", in any case.
    expect(normalizeDiscordText("What cant folks do, why wont it")).toBe(
      "What can't folks do, why won't it",
    );
    expect(normalizeDiscordText("WHO CANT SERVE")).toBe("who can't serve");
    expect(normalizeDiscordText("it doesn’t")).toBe("it doesn't");
  });

  it("GIVEN a possessive of a word in -y typed without its apostrophe ('countrys') THEN it reads as one ('country's'); 'keys', 'guys' stay", () => {
    expect(normalizeDiscordText("why is the countrys power grid under pressure")).toBe(
      "why is the country's power grid under pressure",
    );
    expect(normalizeDiscordText("WHAT IS THE AGENCYS BUDGET")).toBe("what is the agency's budget");
    expect(normalizeDiscordText("keys, toys and guys")).toBe("keys, toys and guys");
  });

  it("GIVEN an indefinite pronoun with an 's' ('someones', 'everybodys') THEN it reads as its possessive; 'ones', 'bones' stay", () => {
    expect(normalizeDiscordText("does it raise someones chance")).toBe(
      "does it raise someone's chance",
    );
    expect(normalizeDiscordText("is it EVERYBODYS problem")).toBe("is it EVERYBODY'S problem");
    expect(normalizeDiscordText("the ones with bones, and anyone")).toBe(
      "the ones with bones, and anyone",
    );
  });

  it("GIVEN the asker's hedge around a verb (supposed to, meant to, supposedly, gotten) THEN only the verb is left", () => {
    expect(normalizeDiscordText("whats the fund supposed to invest in")).toBe(
      "what's the fund to invest in",
    );
    expect(normalizeDiscordText("what was it meant to govern")).toBe("what was it to govern");
    expect(normalizeDiscordText("how long has the threat supposedly gotten worse")).toBe(
      "how long has the threat got worse",
    );
    // "meant" without a verb after it is a word of its own.
    expect(normalizeDiscordText("what is meant by sovereign")).toBe("what is meant by sovereign");
  });

  it.each([
    ["whats the plan suposed to do", "what's the plan to do"],
    ["what are they supossed to do", "what are they to do"],
    ["what are the giants suposedly using", "what are the giants using"],
  ])(
    "GIVEN the hedge typed with one p or one s (%j) THEN it goes as the hedge does",
    (typed, read) => {
      expect(normalizeDiscordText(typed)).toBe(read);
    },
  );

  it.each([
    ["how long does recovery take, per the fact sheet?", "how long does recovery take?"],
    ["what does unity depend on, according to this?", "what does unity depend on?"],
    ["why is the space force important according to the WH", "why is the space force important"],
    ["Why, according to the quoted remarks, is it banned?", "Why, is it banned?"],
    ["According to the White House, what's stopping it?", "what's stopping it?"],
    // "according" as chat types it.
    ["why is it losing market share acording to the white house", "why is it losing market share"],
    ["what does unity depend on, accoding to this?", "what does unity depend on?"],
    // A source that is not the article, or what it says, is asked about.
    ["what is the fund for according to trump", "what is the fund for according to trump"],
    [
      "which treaties count according to the memo's definitions",
      "which treaties count according to the memo's definitions",
    ],
  ])(
    "GIVEN the article named as the answer's source in %j THEN it reads %j: the attribution dropped, any other source kept",
    (typed, read) => {
      expect(normalizeDiscordText(typed)).toBe(read);
    },
  );

  it("GIVEN chat fillers around a question (fr, istg, lmk) THEN they are dropped, and letters of words stay", () => {
    expect(normalizeDiscordText("ngl why was the order so bad fr")).toBe(
      "why was the order so bad",
    );
    expect(normalizeDiscordText("istg what did fr. smith say, lmk")).toBe(
      "what did fr. smith say,",
    );
    expect(normalizeDiscordText("what is the FR code")).toBe("what is the FR code");
  });

  it("GIVEN initials with full stops typed in lower case ('u.s.') THEN they read as the articles' 'U.S.', one word", () => {
    expect(normalizeDiscordText("how many u.s. sailors were hurt")).toBe(
      "how many U.S. sailors were hurt",
    );
    expect(normalizeDiscordText("HOW MANY U.S. SAILORS WERE HURT")).toBe(
      "how many U.S. sailors were hurt",
    );
    expect(normalizeDiscordText("what is x.com")).toBe("what is x.com");
  });

  it("GIVEN 'rn' (right now) or a filler in title case THEN it is dropped too, while a surname 'Ong' and the acronym 'RN' stay", () => {
    expect(normalizeDiscordText("how many programs are backed up rn")).toBe(
      "how many programs are backed up",
    );
    expect(normalizeDiscordText("What's The Deal Now Fr")).toBe("what's the deal now");
    expect(normalizeDiscordText("who is Ong")).toBe("who is Ong");
    expect(normalizeDiscordText("how many RN jobs")).toBe("how many RN jobs");
  });

  it("GIVEN function words typed the chat way THEN they read as the words they stand for", () => {
    expect(normalizeDiscordText("wht province did wang yang lead")).toBe(
      "what province did wang yang lead",
    );
    expect(normalizeDiscordText("Wat industries cud reactors help, abt how much")).toBe(
      "What industries could reactors help, about how much",
    );
    expect(normalizeDiscordText("?? why r they easing up, r u sure")).toBe(
      "?? why are they easing up, are u sure",
    );
    expect(normalizeDiscordText("when is tesla gonna sign")).toBe("when is tesla will sign");
    // Before an apostrophe too ("wat's"), and "r" between two words typed in lower case.
    expect(normalizeDiscordText("wat's the new cap on fees")).toBe("what's the new cap on fees");
    expect(normalizeDiscordText("which contractors r building the dome")).toBe(
      "which contractors are building the dome",
    );
    // "r" alone elsewhere is a letter: a model, a grade.
    expect(normalizeDiscordText("what is the Model R range")).toBe("what is the Model R range");
    expect(normalizeDiscordText("WHY R THEY EASING UP")).toBe("why are they easing up");
  });

  it("GIVEN chat's one-letter 'n' and 'w' between words THEN they read as 'and' and 'with'", () => {
    expect(normalizeDiscordText("what did biden n xi agree on")).toBe(
      "what did biden and xi agree on",
    );
    expect(normalizeDiscordText("who was w biden, who came w/ musk")).toBe(
      "who was with biden, who came with musk",
    );
    // A capital letter is a name's: a model, an initial.
    expect(normalizeDiscordText("is the Model N out, did George W Bush sign")).toBe(
      "is the Model N out, did George W Bush sign",
    );
  });

  it("GIVEN 'used to' before a verb THEN it reads as 'former', the way articles say a past role", () => {
    expect(normalizeDiscordText("what province did wang yang used to lead")).toBe(
      "what province did wang yang former lead",
    );
    // After "be" or "get" it says what something is for, or being accustomed.
    expect(normalizeDiscordText("the money was used to buy bitcoin")).toBe(
      "the money was used to buy bitcoin",
    );
    expect(normalizeDiscordText("he got used to it")).toBe("he got used to it");
  });

  it("GIVEN a question opened by a chat frame THEN the question is what follows it", () => {
    expect(normalizeDiscordText("does anyone know when tesla signs the jv")).toBe(
      "when tesla signs the jv",
    );
    expect(normalizeDiscordText("ok so u remember who musk met?")).toBe("who musk met?");
    expect(normalizeDiscordText("Anybody know, what's the tariff")).toBe("what's the tariff");
    // Nothing after the frame: the message is kept as typed; a frame inside is no frame.
    expect(normalizeDiscordText("does anyone know?")).toBe("does anyone know?");
    expect(normalizeDiscordText("did musk know about it")).toBe("did musk know about it");
  });

  it("GIVEN a source named before a chat frame THEN both are dropped", () => {
    expect(normalizeDiscordText("according to the article, does anyone know when it starts")).toBe(
      "when it starts",
    );
    expect(normalizeDiscordText("per the article, lol who met musk")).toBe("who met musk");
  });

  it("GIVEN runs of spaces between the words THEN the text is read as with one", () => {
    const single = "so what is today's announcement supposed to prove";
    expect(normalizeDiscordText(single.replace(/ /gu, "  "))).toBe(normalizeDiscordText(single));
    expect(normalizeDiscordText("how much is it,  according to the White House")).toBe(
      normalizeDiscordText("how much is it, according to the White House"),
    );
  });

  it("GIVEN a greeting or fillers before the question THEN the question is what follows them", () => {
    expect(normalizeDiscordText("hey citebot, who did musk meet")).toBe("who did musk meet");
    expect(normalizeDiscordText("yo what's the tariff")).toBe("what's the tariff");
    // Without a comma, the word after the greeting is still whom it greets.
    expect(normalizeDiscordText("hey citebot who did musk meet")).toBe("who did musk meet");
    expect(normalizeDiscordText("yo bot musk wang meeting")).toBe("musk wang meeting");
    expect(normalizeDiscordText("hey guys who met musk")).toBe("who met musk");
    expect(normalizeDiscordText("hey quick q: why a JV")).toBe("why a JV");
    expect(normalizeDiscordText("Okay so um, who met Musk?")).toBe("who met Musk?");
    expect(normalizeDiscordText("btw quick q: why a JV")).toBe("why a JV");
    expect(normalizeDiscordText("pls help, what's a VCS")).toBe("what's a VCS");
    expect(normalizeDiscordText("can u tell me who met musk")).toBe("who met musk");
    expect(normalizeDiscordText("I wonder if Tesla signed")).toBe("Tesla signed");
    expect(normalizeDiscordText("i want to know when it starts")).toBe("when it starts");
    expect(normalizeDiscordText("Q4 revenue, Q&A date")).toBe("Q4 revenue, Q&A date");
    // A word that only begins like a filler is the question's own: "soon", "hello" alone.
    expect(normalizeDiscordText("soon will the deal close")).toBe("soon will the deal close");
    expect(normalizeDiscordText("hello")).toBe("hello");
  });

  it.each([
    ["lowkey which chinese official did musk meet", "which chinese official did musk meet"],
    ["omg did they actually ban it", "did they actually ban it"],
    ["bro what did the order do", "what did the order do"],
    ["deadass how much did they spend", "how much did they spend"],
    // Before a verb that asks, chat's "what".
    ["wtf is the stockpile for", "what is the stockpile for"],
    ["lowkey wtf did they do", "what did they do"],
    ["wtf why did they do it", "why did they do it"],
    ["hmm, ok but when does it start", "when does it start"],
    ["real talk what did the order do", "what did the order do"],
    ["genuine question: who runs the council", "who runs the council"],
    ["but why did they do it", "why did they do it"],
    ["sorry but when is it due", "when is it due"],
    // Only as a whole word: "bronze", "dudes"; and the acronyms stay ("FR", "TF").
    ["bronze tariffs when", "bronze tariffs when"],
    ["FR notice date?", "FR notice date?"],
    ["andrew jackson's magnolia, why", "andrew jackson's magnolia, why"],
  ])(
    "GIVEN an interjection or a discourse marker opening the message (%j) THEN the question is what follows it",
    (message, question) => {
      expect(normalizeDiscordText(message)).toBe(question);
    },
  );

  it.each([
    [
      "which secretary sets up the center, VA or HUD? lol",
      "which secretary sets up the center, VA or HUD",
    ],
    ["when is the report due tho", "when is the report due"],
    ["who runs the council pls thx", "who runs the council"],
    ["what did the order do or smth haha", "what did the order do"],
    // However long the run, wherever its words fall.
    [`who runs it${" lol".repeat(301)}`, "who runs it"],
    // Inside the question, or all of it, they stay.
    ["is it thanks to the deal", "is it thanks to the deal"],
    ["lol", "lol"],
  ])(
    "GIVEN chat closing the message (%j) THEN the question is what precedes it",
    (message, question) => {
      expect(normalizeDiscordText(message)).toBe(question);
    },
  );

  it("GIVEN a question typed in Title Case THEN its capitalised words read in lower case, acronyms kept", () => {
    expect(normalizeDiscordText("What Is The Tariff On A Model S In The US")).toBe(
      "what is the tariff on a model S in the US",
    );
    expect(normalizeDiscordText("Who Is Elon Musk")).toBe("who is elon musk");
    // Names in an ordinary sentence keep their capitals.
    expect(normalizeDiscordText("Who did Elon Musk meet?")).toBe("Who did Elon Musk meet?");
    expect(normalizeDiscordText("Elon Musk Tesla")).toBe("Elon Musk Tesla");
    // A word of letters and digits is title-cased too: "b3w" typed as "B3w"; "G7" stays.
    expect(normalizeDiscordText("Which Parts Of The World Will B3w Cover")).toBe(
      "which parts of the world will b3w cover",
    );
    expect(normalizeDiscordText("Who Leads The G7 Taskforce")).toBe("who leads the G7 taskforce");
  });

  it("GIVEN full-width letters, a soft hyphen or a zero-width space inside a word THEN the word is whole", () => {
    expect(normalizeDiscordText("ｔａｒｉｆｆ")).toBe("tariff");
    expect(normalizeDiscordText("tar\u00ADiff and ex\u200Bports\u200D")).toBe("tariff and exports");
  });

  it("GIVEN a message shouted in capitals THEN it reads in lower case, while a few acronyms keep theirs", () => {
    expect(normalizeDiscordText("WHO DID ELON MUSK MEET IN CHINA?")).toBe(
      "who did elon musk meet in china?",
    );
    expect(normalizeDiscordText("WHAT DOES VCS MEAN")).toBe("what does vcs mean");
    expect(normalizeDiscordText("does the US tax EVs")).toBe("does the US tax EVs");
    expect(normalizeDiscordText("is the us ahead")).toBe("is the US ahead");
  });

  it.each([
    ["when is the 6k vets target hit", "when is the 6000 vets target hit"],
    ["is it 1.5k or 2.5K homes", "is it 1500 or 2500 homes"],
    ["what is the 550b going towards", "what is the 550 billion going towards"],
    ["where is the ~$1T of saudi money going", "where is the ~$1 trillion of saudi money going"],
    ["did they pay $2.5m or $3 mil", "did they pay $2.5 million or $3 million"],
  ])(
    "GIVEN a figure typed with its magnitude's letter (%j) THEN it reads as the articles write it",
    (typed, read) => {
      expect(normalizeDiscordText(typed)).toBe(read);
      expect(normalizeDiscordText(read)).toBe(read);
    },
  );

  it("GIVEN a letter after a number that is no magnitude THEN it stays: plan names, metres, tonnes, words", () => {
    for (const text of [
      "can i roll my 401k into it",
      "what about 403b plans",
      "is the wall 10m tall",
      "a 5t truck",
      "b2b sales in 2024",
      "version 1.5.2k",
    ]) {
      expect(normalizeDiscordText(text)).toBe(text);
    }
  });

  it("GIVEN any message THEN normalising twice changes nothing more", () => {
    for (const text of [
      "<@1> **whats** 🤔 up",
      "plain words",
      "a_b snake_case stays",
      "does anyone know if you know who",
      "hey citebot, Who Is The Ceo Of Apple",
      "yo yo hey bot: so um does anyone know who",
    ]) {
      const once = normalizeDiscordText(text);
      expect(normalizeDiscordText(once)).toBe(once);
    }
    expect(normalizeDiscordText("a_b snake_case stays")).toBe("a_b snake_case stays");
  });

  it("GIVEN a message of mentions and emoji only THEN it is refused as having no words", () => {
    const checked = checkQuestion("<@123456789012345678> <:pepe:123456789012345678> 🤔");
    expect(checked).toMatchObject({ ok: false, problem: "no-words" });
  });
});
