import { beforeAll, describe, expect, it } from "vitest";
import { CitationIndex } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { answersIn } from "../../src/core/answer/answers-in.ts";
import { expectedAnswer } from "../../src/core/answer/expected.ts";
import { definedTerm, questionKind } from "../../src/core/answer/kinds.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { article } from "./article-fixture.ts";

let seed: CitationIndex;
beforeAll(async () => {
  seed = new CitationIndex((await loadArticles(DEFAULT_DATA_DIR)).articles, {
    synonyms: defaultSynonyms,
    wordVectors: defaultWordVectors,
  });
});

describe("the kind of answer a question expects", () => {
  it.each([
    ["how long does it take to charge a chinese electric car", "duration"],
    ["how many years have the rules held the industry back", "duration"],
    ["how many cars did tesla sell in china", "count"],
    ["How much revenue did Tesla make in the U.S.?", "money"],
    ["what does a model s cost in china", "money"],
    // Any auxiliary before the verb of paying: "has … paid" asks for a sum as "did … pay" does.
    ["how much has norfolk southern paid so far for the cleanup", "money"],
    ["how much is the state spending on it", "money"],
    ["how much are the tech companies investing in new power plants", "money"],
    ["how much does the city still owe", "money"],
    // An adverb of emphasis before the auxiliary asks the same.
    ["how much exactly did tesla earn in china in 2016?", "money"],
    ["how much actually does a tesla battery cost?", "money"],
    ["what exactly was the name of the agent the cartel boss killed", "person"],
    ["when even was the rule signed", "date"],
    // "How many dollars" counts money: a sum, not a count of things.
    ["the down payment for sequencing, how many dollars is it", "money"],
    ["how many bucks does the pass cost", "money"],
    // "The exact dollar amount", "the dollar value": a sum, not an amount of anything.
    ["what's the exact dollar amount japan spends on defense gear each year", "money"],
    ["whats the dollar value of the tank purchase", "money"],
    // A telephone number, asked as keywords or with "call"; "how many phone numbers" counts.
    ["acp phone number", "phone"],
    ["what number do i call to apply", "phone"],
    ["how many phone numbers did they list", "count"],
    // "Where is the money coming from" asks for a source of funds, not a place.
    ["where is the money for building the facility coming from", "none"],
    ["where does the funding come from", "none"],
    ["where will the facility be built", "place"],
    ["what percentage of sales", "percent"],
    // "Raise" asks a sum when nothing is raised but money ("how much did they raise"), not
    // when it raises a risk or a price.
    ["how much did the campaign raise", "money"],
    ["how much has the group raised so far", "money"],
    ["how much does having a gun raise the risk of suicide", "amount"],
    // A fraction or a proportion asked is a share, written as "one in five" or "two-thirds".
    ["what fraction of renters were behind on rent", "percent"],
    ["what proportion of kids ended up hurting themselves", "percent"],
    ["whats the fraction of deaths that are suicides", "percent"],
    // "What is X for" asks a purpose, not the sum.
    ["what is the budget money for", "none"],
    ["what will the funds be used for", "none"],
    // A rate or share named after "what is the": a percentage.
    ["what is the graduation rate", "percent"],
    ["whats the national unemployment rate", "percent"],
    ["what was tesla's market share in china", "percent"],
    ["What tariff is applied to Tesla's imported cars?", "amount"],
    ["By how much did vehicle exports to China rise?", "amount"],
    ["when did the meeting happen", "date"],
    ["what year did wang yang stop being leader", "date"],
    // A deadline or a due date named after "what is the": a date, as in a keyword search.
    ["whats the deadline for the secretary to hand in the plan", "date"],
    ["what is the new due date for the report", "date"],
    ["what was the filing deadline", "date"],
    ["who is li anding", "description"],
    ["Who is Wang Yang?", "description"],
    // A name may open with a letter's word ("año" is no "a" then "ño").
    ["who is año", "description"],
    ["who is the ceo of apple", "person"],
    ["Who is Tesla meeting with in China?", "person"],
    ["which research firm tracked the exports", "person"],
    ["what province did wang yang lead", "place"],
    ["what does VCS stand for", "definition"],
    ["vcs hardware ban effective date", "date"],
    ["tesla model s price", "money"],
    ["export growth percentage", "percent"],
    ["tesla stock ticker", "none"],
    // Keywords ending in what is measured or counted ask for it, as "how many" or "what size" would.
    ["niger troop count", "count"],
    ["sovereign wealth fund size", "amount"],
    ["concorde top speed", "measure"],
    ["caldor fire acres", "measure"],
    // "How far back", "how far out": a time, not a distance; "how long ago" too.
    ["how far back does trump say the world has put up with iran", "date"],
    ["how far out are they talking for the tech", "date"],
    ["how long ago did the port open", "date"],
    ["how far is the plant from the city", "measure"],
    ["trump tower stories", "none"],
    ["why are teslas so expensive in china", "none"],
    ["is tesla charging more in china", "none"],
    // A "when" after the question word opens a clause; "per year" is a rate, not a date.
    ["lmaooo what happened when lightning hit biden's house", "none"],
    ["who was in charge when the rule passed", "person"],
    ["anyone know when tesla's gonna sign the jv", "date"],
    ["heart disease deaths per year", "none"],
    ["tesla sales last year", "none"],
    // A word of precision after "what"/"which" asks the same kind as without it.
    ["what exact date are the agreements getting signed", "date"],
    ["which specific year was the agency created", "date"],
    ["what exact percentage of voters agreed", "percent"],
    ["what precise age does the rule set", "measure"],
  ])("GIVEN %j THEN it expects %s", (question, type) => {
    expect(expectedAnswer(question)).toBe(type);
  });

  it.each([
    ["when did the meeting happen", "time"],
    ["What year did Wang Yang stop leading Guangdong?", "time"],
    ["what happened when lightning hit biden's house", "other"],
    ["who was in charge when the rule passed", "person"],
  ])("GIVEN %j THEN its question kind is %s", (question, kind) => {
    expect(questionKind(question)).toBe(kind);
  });

  it.each([
    ["What are automated driving systems?", ["automated", "driving", "systems"]],
    ["whats a generation iv reactor", ["generation", "iv", "reactor"]],
    ["What is the range of the Tesla Model S?", undefined],
    ["What is Wang Yang's job?", undefined],
    ["what is wang yangs job", undefined],
    ["what is potash mostly used for", undefined],
    // A chat hedge around "is" ("even", "exactly", "actually") asks the same.
    ["What even is a proxy vote?", ["proxy", "vote"]],
    ["what's actually a schedule iii drug", ["schedule", "iii", "drug"]],
  ])("GIVEN %j THEN the term it asks to define is %j", (question, term) => {
    expect(definedTerm(question)).toEqual(term);
  });

  it.each([
    // The dictionary's main sense of "tech" is a technician, of "state" a place: no name of
    // either answers a question about kinds.
    ["what kind of tech is nmfs supposed to use for fish stock assessments", "thing"],
    ["what kind of state laws is the attorney general supposed to go after first", "thing"],
    ["what kinda buildings does this even cover lol", "thing"],
    ["Which types of agencies have to report?", "thing"],
    ["which agency has to report", "person"],
    // A noun after "what" and a verb is the question's subject, not what it asks for.
    ["what are agencies told to do about environmental reviews", "none"],
    ["what do drugmakers have to sign to get the 0% rate", "none"],
    ["what did starmer say about it", "none"],
    ["what agencies are told to review the rules", "person"],
    // Where a thing comes from, or where money goes, is often said in the article's own words
    // ("foreign sources", "directly to eligible Americans"): no place's name is asked for.
    // Where a person comes from or goes, or "going to" a verb, asks for a place.
    ["@citebot where does most of the worlds nuclear fuel come from", "none"],
    ["instead of paying insurers those subsidies where would the money go", "none"],
    ["where is the ~$1T of saudi money actually going fr", "none"],
    ["where do the migrants come from", "place"],
    ["where did the president go after the summit", "place"],
    ["where is the chinese leader going to travel later in the year", "place"],
    ["where is the fifth naval shipyard going to be built", "place"],
    // Where one goes to do a thing is a service, in the article's words; where someone went
    // to do it, a place.
    ["where should renters go to apply for rental assistance", "none"],
    ["where do i go to apply", "none"],
    ["where did the president go to sign the order", "place"],
    // "How long is" a physical thing (a bridge, a tunnel) asks its length, unless a verb after
    // it says what lasts; a pause or a programme lasts.
    ["how long is the new bridge over tonnelle avenue gonna be", "measure"],
    ["how long will the tunnel be", "measure"],
    ["how long will the tunnel take to build", "duration"],
    ["how long is the spr release to go on for", "duration"],
    ["how long is the pause", "duration"],
    // What a person or a body gets, pays or saves is money; a change of anything else is any
    // amount.
    ["how much did the average student get from a heerf emergency grant", "money"],
    ["how much will the company pay in fines", "money"],
    ["how much have borrowers saved so far", "money"],
    ["how much did emissions fall", "amount"],
    ["how much did the rule cut emissions", "amount"],
    // By how much one thing exceeds another is a share or a multiple; a price's difference, or
    // money's compared ("premiums", "fees"), may be a sum.
    ["how much stronger is fentanyl than morphine", "percent"],
    ["how much lower would obamacare premiums get", "amount"],
    ["how much higher are the fees", "amount"],
    ["how much more likely are they to die", "percent"],
    ["how much cheaper are the new cars", "amount"],
    ["how much more containers has long beach moved", "amount"],
    // A word that chooses among the noun's kind keeps the noun asked.
    ["which other companies signed the deal", "person"],
    ["what few firms remain", "person"],
  ])("GIVEN %j THEN, with the dictionary, it expects %s", (question, type) => {
    expect(expectedAnswer(question, defaultSynonyms)).toBe(type);
  });

  it("GIVEN 'what do drugmakers have to sign' THEN the passage is cited without the agency it names as a short answer", () => {
    const index = new CitationIndex(
      [
        article(
          "drugs",
          "Pharmaceutical tariffs",
          "Drugmakers must sign pricing agreements with the Department of Health and Human Services to get the 0% rate.",
          "Other imports pay the full tariff from October.",
        ),
      ],
      { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
    );
    const answer = index.ask("what do drugmakers have to sign to get the 0% rate");
    expect(answer.citations[0]?.excerpt).toContain("pricing agreements");
    expect(answer.answer).toBeNull();
  });

  it("GIVEN 'what kind of state laws' and a passage describing the laws, naming no place THEN it is answered from that passage", () => {
    const index = new CitationIndex(
      [
        article(
          "energy",
          "State energy laws",
          "The Attorney General will challenge state laws that raise energy prices for families.",
          "The Secretary will review the rules within 180 days.",
        ),
      ],
      { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
    );
    const answer = index.ask("what kind of state laws will the attorney general challenge");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("raise energy prices");
  });

  it("GIVEN a passage THEN only expressions of the asked kind that the question does not already say count", () => {
    const passage =
      "Vehicle exports to China rose 376% year-over-year in the first two months of 2017, and sales tripled to $1 billion.";
    expect(answersIn("count", passage, "how many cars in the first two months of 2017")).toEqual(
      [],
    );
    expect(answersIn("percent", passage, "what share")).toEqual(["376%", "tripled"]);
    expect(answersIn("money", passage, "how much money")).toEqual(["$1 billion"]);
    expect(
      answersIn("duration", "for more than fifty years, rules held it back", "how long"),
    ).toEqual(["more than fifty years"]);
  });

  it("GIVEN a bill's number of four digits THEN it is no year", () => {
    const passage = "H.R. 6503 extends the authorities through March 8, 2024, and H.R. 1951 too.";
    expect(answersIn("date", passage, "when does the extension end")).toEqual([
      "March 8, 2024",
      "1951",
    ]);
    expect(answersIn("date", "H.R. 6503 extends the authorities.", "when")).toEqual([]);
  });

  it("GIVEN one member of a group ('1 of 12') THEN it is no count, but '40 of 50' counts 40", () => {
    const passage = "As 1 of 12 original signatories, and one of the five members, it acted.";
    expect(answersIn("count", passage, "how many countries signed")).toEqual(["12", "five"]);
    expect(answersIn("count", "40 of 50 states have adopted the rule.", "how many states")).toEqual(
      ["40", "50"],
    );
    expect(
      answersIn("count", "Three of the five commissioners voted no.", "how many commissioners"),
    ).toEqual(["Three", "five"]);
  });

  it("GIVEN a number that measures time or labels a law or a model THEN it counts nothing", () => {
    const passage = "Exports rose in the first two months, under Section 301, for the Model 3.";
    expect(answersIn("count", passage, "how many cars did tesla sell")).toEqual([]);
    expect(answersIn("amount", "Under Section 301, for the Model 3.", "how big is it")).toEqual([]);
    // "a day or two" is a length of time too.
    expect(answersIn("amount", "It got caught in that first day or two.", "how much aid")).toEqual(
      [],
    );
    // The same numbers, counting things, are counts.
    expect(answersIn("count", "It sold two cars to 301 buyers.", "how many cars")).toEqual([
      "two",
      "301",
    ]);
  });

  it("GIVEN a 'how many' question and a passage whose only number is a length of time or a label THEN it is declined", () => {
    // The seed's only number near Tesla's sales in China is "the first two months of 2017".
    const question = "How many vehicles did Tesla sell in China in 2016?";
    expect(seed.ask(question).answered, question).toBe(false);
  });
});

describe("a term defined in apposition", () => {
  const release = article(
    "honorees",
    "Young leaders honoured",
    "She serves as the Chief of Staff at Harbor, an organization started by teens from military families.",
    "Students at Harbor meet every week.",
  );
  const index = new CitationIndex([release], { synonyms: defaultSynonyms, wordVectors: null });

  it("GIVEN 'what is X' and a passage naming X followed by ', an organization …' THEN it answers from that passage", () => {
    const answer = index.ask("what is harbor");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain("Harbor, an organization");
  });
});

describe("'who is X' of several passages describing X", () => {
  const release = article(
    "nominations",
    "The President Announces Key Nominations",
    "Today, the President announced his intent to nominate the following individuals:",
    "Gerald Fauth, Nominee for Member of the National Mediation Board",
    "Linda Puchala, Nominee for Member of the National Mediation Board",
    "Gerald Fauth currently serves as Chairman of the Board.",
  );
  const index = new CitationIndex([release], { synonyms: defaultSynonyms, wordVectors: null });

  it("GIVEN two passages about X, the best one saying what X is THEN its description answers, with no close call", () => {
    expect(index.ask("who is gerald fauth")).toMatchObject({
      answered: true,
      answer: "Nominee for Member of the National Mediation Board",
      close: false,
    });
  });
});

describe("a count of the thing asked about", () => {
  const summit = article(
    "summit",
    "Leaders meet",
    "The two leaders agreed to add more weekly flights between their countries.",
    "Of the 500 charging stations funded, only eight were built.",
  );
  const index = new CitationIndex([summit], { synonyms: defaultSynonyms, wordVectors: null });

  it("GIVEN a 'how many' question and a passage whose number counts another thing THEN it is declined", () => {
    const question = "how many weekly flights did the leaders agree to add";
    const answer = index.ask(question);
    expect(answer.citations[0]?.excerpt).toContain("two leaders");
    expect(answer).toMatchObject({ answered: false, answer: null });
    // Explained, the passage holds no count of flights either: "two" is not offered.
    expect(index.explain(question).citations[0]).toMatchObject({
      kindFits: false,
      shortAnswer: null,
    });
  });

  it("GIVEN a figure of people ('millions of hardworking Americans') THEN it counts no hospitals, but '300 American tanks' counts tanks", () => {
    const rural = new CitationIndex(
      [
        article(
          "rural",
          "Rural care",
          "The plan improves access to care for millions of hardworking Americans in rural towns.",
          "The deal includes nearly 300 American tanks for the army.",
        ),
      ],
      { synonyms: defaultSynonyms, wordVectors: defaultWordVectors },
    );
    expect(rural.ask("how many rural hospitals closed")).toMatchObject({
      answered: false,
      answer: null,
    });
    expect(rural.ask("how many tanks does the army get").answer).toBe("nearly 300");
    expect(rural.ask("how many americans get better access to care").answer).toBe("millions");
  });

  it("GIVEN a bare figure after a figure of officers in its sentence THEN it counts officers, not homicides", () => {
    const counted = { terms: new Set(["homicid"]), isNoun: (word: string) => word === "officers" };
    const text = "The department needs at least 4,000 officers, yet has fewer than 3,500.";
    expect(answersIn("count", text, "how many homicides", counted)).toEqual([]);
    const officers = { terms: new Set(["offic"]), isNoun: (word: string) => word === "officers" };
    expect(answersIn("count", text, "how many officers", officers).length).toBeGreaterThan(0);
  });

  it("GIVEN a share of another noun ('40% of migrants') in a passage that never speaks of the thing counted THEN it counts none of it; where the passage does, a share still may", () => {
    const isNoun = (word: string) => ["migrants", "veterans", "firearms"].includes(word);
    const veterans = { terms: new Set(["veteran"]), isNoun };
    const question = "how many veterans are there";
    const migrants =
      "Thousands entered daily, with 40% of catch-and-release migrants disappearing.";
    expect(answersIn("count", migrants, question, veterans)).not.toContain("40%");
    const spoken = "Of the veterans helped, 40% of catch-and-release migrants were housed.";
    expect(answersIn("count", spoken, question, veterans)).toContain("40%");
    const guns = { terms: new Set(["gun", "firearm"]), isNoun };
    expect(answersIn("count", "About 90% of firearms were sold.", "how many guns", guns)).toContain(
      "90%",
    );
  });

  it("GIVEN '70 national and local grievances' THEN the words joined by 'and' before the noun are read through: it counts the grievances asked about as complaints", () => {
    const counted = {
      terms: new Set(["complaint"]),
      isNoun: (word: string) => ["national", "local", "grievances", "unions"].includes(word),
      isRelated: (word: string) => word === "grievances",
    };
    const text = "VA's unions have filed 70 national and local grievances over the order.";
    expect(answersIn("count", text, "how many complaints have the unions filed", counted)).toEqual([
      "70",
    ]);
    // An "and" before no more words of the phrase still ends it: "two unions and" counts unions.
    expect(answersIn("count", "It named two unions and.", "how many complaints", counted)).toEqual(
      [],
    );
  });

  it("GIVEN a number followed by the thing asked, or by no noun THEN it is a count", () => {
    expect(index.ask("how many charging stations were funded").answer).toBe("500");
    expect(index.ask("how many charging stations got built").answered).toBe(true);
    const counted = { terms: new Set(["flight"]), isNoun: (word: string) => word === "leaders" };
    const question = "how many flights";
    expect(answersIn("count", "The two leaders met.", question, counted)).toEqual([]);
    expect(answersIn("count", "They added 12 new weekly flights.", question, counted)).toEqual([
      "12",
    ]);
    expect(answersIn("count", "Of 40 planned, only nine were flown.", question, counted)).toEqual([
      "40",
      "nine",
    ]);
  });

  it("GIVEN 'how many' and a noun, then a verb and more nouns ('how many states already passed laws protecting girls sports') THEN it counts the noun before the verb", () => {
    const sheet = article(
      "sports",
      "Protecting women's sports",
      "More than 7,000 female athletes have reached out to protect women's sports.",
      "To date, 26 states have passed laws to protect equal opportunities for girls in sports.",
    );
    const sports = new CitationIndex([sheet], { synonyms: defaultSynonyms, wordVectors: null });
    const answer = sports.ask("how many states already passed laws protecting girls sports");
    expect(answer).toMatchObject({ answered: true, answer: "26" });
    expect(answer.citations[0]?.excerpt).toContain("26 states");
  });

  it("GIVEN a magnitude without a figure and 'of' ('millions of new customers') THEN it counts what follows 'of', not the thing asked", () => {
    const counted = {
      terms: new Set(["countri"]),
      isNoun: (word: string) => word === "customers" || word === "countries",
    };
    const question = "how many countries are in the union";
    const text = "Businesses will reach millions of new customers across the Atlantic.";
    expect(answersIn("count", text, question, counted)).toEqual([]);
    expect(answersIn("count", "It joins millions of countries.", question, counted)).toEqual([
      "millions",
    ]);
  });

  it("GIVEN the thing asked after a preposition ('35,000 cases in this country') THEN the number counts what comes before it", () => {
    const counted = { terms: new Set(["countri"]), isNoun: (word: string) => word === "cases" };
    const question = "how many countries";
    expect(
      answersIn("count", "We have about 35,000 cases in this country.", question, counted),
    ).toEqual([]);
  });

  it("GIVEN a number something was spent on, or the last day of a date range THEN it counts nothing", () => {
    const counted = { terms: new Set(["station"]), isNoun: (word: string) => word === "stations" };
    const spent = "The agency spent billions on charging stations, yet only eight were completed.";
    expect(answersIn("count", spent, "how many stations were completed", counted)).toEqual([
      "eight",
    ]);
    const dated = "The leaders will attend the summit in Rome on May 19-21 with 40 guests.";
    expect(answersIn("count", dated, "how many people attended")).toEqual(["40"]);
  });

  it("GIVEN a number right after the thing counted, in brackets after a label, or after a letter and a dash THEN it is a label", () => {
    const sections = { terms: new Set(["section"]), isNoun: (word: string) => word === "sections" };
    const text = "As section 3 requires, the report has five sections.";
    expect(answersIn("count", text, "how many sections", sections)).toEqual(["five"]);
    const labelled = "Growth is reviewed first (Section 2), then K-8 schools and 12 colleges.";
    expect(answersIn("count", labelled, "how many schools")).toEqual(["12"]);
  });
});

describe("short answers of the kind asked for, or none", () => {
  it("GIVEN a question whose kind no passage holds THEN it is declined without a short answer", () => {
    for (const question of [
      "how long does it take to charge a chinese electric car",
      "How many cars did Tesla export to China in the first two months of 2017?",
      "what year did wang yang stop being leader of guangdong province",
    ]) {
      const answer = seed.ask(question);
      expect(answer, question).toMatchObject({ answered: false, answer: null });
    }
  });

  it("GIVEN 'who is' a person the article describes THEN the short answer is their description", () => {
    expect(seed.ask("who is li anding").answer).toBe(
      "Xinhua’s former automotive reporter who now consults automakers on releases in China",
    );
    expect(seed.ask("Who is Wang Yang?").answer).toBe(
      "one of the country’s top officials in charge of the economy",
    );
  });

  it("GIVEN a question for a date, an amount or a name THEN the short answer is of that kind", () => {
    expect(seed.ask("when did the news agency tweet the musk pic").answer).toBe(
      "Late on Tuesday night",
    );
    expect(seed.ask("which research firm tracked tesla's exports to china").answer).toBe(
      "JL Warren Capital",
    );
    expect(seed.ask("what tariff does china put on imported teslas").answer).toBe("25%");
  });
});

describe("'which groups', 'which industries': members of a kind, listed", () => {
  const index = new CitationIndex(
    [
      article(
        "ivf",
        "Access to IVF",
        "The federal government covers IVF in a limited capacity for military personnel, veterans, and federal employees.",
        "The departments will ensure clinics disclose actual prices, not estimates, and take action to make prices comparable.",
      ),
    ],
    { synonyms: defaultSynonyms },
  );

  it("GIVEN a passage listing three groups by their common names THEN 'which groups does the federal government cover ivf for' is answered by it, with no name as its short answer", () => {
    const answer = index.ask("which groups does the federal government cover ivf for");
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.excerpt).toContain(
      "military personnel, veterans, and federal employees",
    );
    expect(answer.answer).toBeNull();
  });

  it("GIVEN clauses joined by commas ('…actual prices, not estimates, and take action to…') THEN they are no list of groups", () => {
    const explained = index.explain("which groups will make clinic prices comparable");
    const clauses = explained.citations.find((citation) =>
      citation.excerpt.includes("not estimates"),
    );
    expect(clauses?.kindFits).toBe(false);
  });
});

describe("a word of precision before the kind of answer asked", () => {
  it("GIVEN 'what exact date…' THEN 'date' frames the question, as in 'what date…': it weighs as a word that names no topic", () => {
    const index = new CitationIndex(
      [article("deal.md", "Deal", "The agreements will be signed in the coming weeks.")],
      { synonyms: defaultSynonyms },
    );
    const dateOf = (question: string) =>
      index.explain(question).citations[0]?.terms.find((term) => term.word === "date");
    const plain = dateOf("what date are the agreements getting signed");
    const precise = dateOf("what exact date are the agreements getting signed");
    expect(plain?.weighing.factors.map((factor) => factor.why)).toContain("low-information");
    expect(precise?.weighing.factors.map((factor) => factor.why)).toContain("low-information");
  });
});
