import { describe, expect, it } from "vitest";
import { expectedAnswer } from "../../src/core/answer/expected.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { itAnswersEachRow, type ShortAnswerRow } from "./short-answer-table.ts";

/**
 * Question → the kind of answer it asks for → a passage → the short answer taken from
 * it, or null when the passage holds nothing of that kind (null beats a wrong kind).
 * Passages are made up in the style of the articles, so the rules are tested, not the
 * dev sets' sentences.
 * Values here (durations, counts, sums, dates, measures, "which N" for a thing, why and
 * yes-or-no); names of persons, organisations and places in short-answer-names.test.ts.
 */
const TABLE: readonly ShortAnswerRow[] = [
  // The comma of a date ends no clause: each date goes with the name after it.
  [
    "when was the new atlantic charter",
    "date",
    "Building on the June 10, 2021 New Atlantic Charter and the June 8, 2023 Atlantic Declaration, the council announced a dialogue.",
    "June 10, 2021",
  ],
  [
    "when was the atlantic declaration",
    "date",
    "Building on the June 10, 2021 New Atlantic Charter and the June 8, 2023 Atlantic Declaration, the council announced a dialogue.",
    "June 8, 2023",
  ],
  // A sum of money is no label, though a headline's capitals come before it.
  [
    "how much hud money was misplaced",
    "amount",
    "DOGE Discovers $1.9 Billion HUD Money ‘Misplaced’ By Biden Administration",
    "$1.9 Billion",
  ],
  // "How much" is answered by a number with what it measures, a unit or a currency; a number
  // of things or days says how many, not how much.
  [
    "how much federal aid are the families getting",
    "amount",
    "Now, in this fire, we lost two towns: the town of Grizzly Flats and the town of Greenville.",
    null,
  ],
  [
    "how much in penalties did the agencies collect",
    "amount",
    "In 2024, the agencies filed 26 enforcement actions, and 31 companies were under investigation.",
    null,
  ],
  [
    "what tariff rate is put on jet engines",
    "amount",
    "The Secretary shall report on imports of jet engines within 180 days of this proclamation.",
    null,
  ],
  [
    "how much wilderness was designated",
    "amount",
    "The first term designated 1.3 million new acres of wilderness.",
    "1.3 million",
  ],
  [
    "how much water was hauled away",
    "amount",
    "Crews hauled away more than 49 million gallons of water.",
    "more than 49 million",
  ],
  // A comparison is a multiple: "twice as likely", "3.5 times higher".
  [
    "how much more often do patients go out of network",
    "percent",
    "Insured people are well more than twice as likely to go out of network for therapy.",
    "twice",
  ],
  [
    "how much higher are the fees",
    "amount",
    "The fees are 3.5 times higher than last year.",
    "3.5 times",
  ],
  // A deadline counted from the order answers "when … due": "in 60 days", "within 90 days".
  [
    "when is the report due",
    "date",
    "The Attorney General will submit a report to the President on the actions taken in 60 days.",
    "in 60 days",
  ],
  [
    "when does the plan have to be delivered",
    "date",
    "The Secretary shall deliver the plan within ninety days of the date of this order.",
    "within ninety days",
  ],
  // Asked for an exact figure, a magnitude in words is none: "billions of dollars".
  [
    "how much did the city spend on the bridge",
    "money",
    "The city spent billions of dollars on the bridge.",
    "billions of dollars",
  ],
  [
    "how much exactly did the city spend on the bridge",
    "money",
    "The city spent billions of dollars on the bridge.",
    null,
  ],
  // A year before "levels" is a baseline, not when anything happened.
  [
    "when did the president and the eu announce the pledge",
    "date",
    "In September 2021, the President and the EU announced the Pledge to cut emissions by 30% compared with 2020 levels.",
    "September 2021",
  ],
  // A telephone number, in the ways the articles write one; none is none.
  [
    "acp phone number",
    "phone",
    "Households can enroll by visiting the website or by calling (877) 384-2575 to request a form.",
    "(877) 384-2575",
  ],
  [
    "what number do i call to apply",
    "phone",
    "Applications are taken at 1-800-318-2596, and 35 states take them online.",
    "1-800-318-2596",
  ],
  [
    "what number do i call to apply",
    "phone",
    "Applications open on June 1, 2024, and 35 states take them online.",
    null,
  ],
  [
    "what's the exact dollar amount the city spent on the bridge",
    "money",
    "The city spent billions of dollars on the bridge.",
    null,
  ],
  [
    "how much did the city spend on the bridge specifically",
    "money",
    "The city spent $2.5 billion on the bridge.",
    "$2.5 billion",
  ],
  // A decade is a time: "In the 1960s", "the mid-1990s".
  [
    "when did the government switch away from traditional designs",
    "date",
    "In the 1960s, the Federal government largely replaced traditional designs with modernist ones.",
    "In the 1960s",
  ],
  ["when did the plant close", "date", "The plant closed in the mid-1990s.", "in the mid-1990s"],
  // A day written with its ordinal ("May 21st") is part of the date.
  ["when will the president arrive", "date", "The President will arrive on May 21st.", "May 21st"],
  // "From X to Y": the value it went to, unless the question asks what it was before.
  [
    "how much domestic content is required",
    "amount",
    "The rule raises the domestic content required from 55 percent to 75 percent.",
    "75 percent",
  ],
  [
    "what was the old content share",
    "percent",
    "The rule raises the domestic content required from 55 percent to 75 percent.",
    "55 percent",
  ],
  // A count keeps what qualifies it: "more than 100" is not "100".
  [
    "how many hostages were released",
    "count",
    "The pause saw the release of more than 100 hostages out of Gaza.",
    "more than 100",
  ],
  [
    "how many reactors will be built",
    "count",
    "At least three reactors will be built.",
    "At least three",
  ],
  // "percentage points" are a percentage's.
  [
    "how much are they cutting the fentanyl tariffs",
    "amount",
    "The United States will lower the tariffs imposed to curb fentanyl flows by removing 10 percentage points of the cumulative rate.",
    "10 percentage points",
  ],
  // A change that leaves a part ("cut in half", "reduced by a third") says how much, as
  // "halved" does.
  [
    "how much would the new repayment plan cut payments by",
    "amount",
    "The new repayment plan would cut payments on undergraduate loans in half.",
    "in half",
  ],
  [
    "how much did emissions fall by",
    "amount",
    "Emissions fell by nearly a third last year.",
    "by nearly a third",
  ],
  // "one in three people" is a share of people, said whole: its "three" alone counts nothing.
  [
    "how many ppl globally dont have enough food",
    "count",
    "At a time when nearly one in three people globally do not have access to adequate food, we act.",
    "nearly one in three",
  ],
  // "hundreds of thousands" is one number.
  [
    "how many jobs will the law support",
    "count",
    "Researchers projected that the law will support hundreds of thousands of jobs.",
    "hundreds of thousands",
  ],
  // An acronym typed in lower case is the passage's acronym: the sum beside "EPA" answers.
  [
    "how much money does the epa get",
    "money",
    "The DOT gets $5 billion for roads, and the EPA gets $2 billion.",
    "$2 billion",
  ],
  // "Until when", "when does it expire": the date after "until", "through" is when it stops.
  [
    "until when will flags fly at half staff",
    "date",
    "Flags will fly at half staff for the victims of the attack on August 26, 2021, and stay lowered until sunset, August 30, 2021.",
    "August 30, 2021",
  ],
  [
    "when does the extension expire",
    "date",
    "The Extension Act of 2023 extends, through March 8, 2024, the agency's authorities.",
    "March 8, 2024",
  ],
  [
    "when was the attack",
    "date",
    "As a mark of respect for the victims of the attack on August 26, 2021, I order that the flag be flown at half-staff until sunset, August 30, 2021.",
    "August 26, 2021",
  ],
  // A number that labels is no count: in a law's citation, its title's number before the
  // code's capitals and its section's after ("section 8 of this order": the index's test).
  [
    "how many workers will get a raise",
    "count",
    "Under the Service Contract Act, 41 U.S.C. 6701 et seq., the wage may be higher.",
    null,
  ],
  [
    "how many reactors are in the pilot program",
    "count",
    "The pilot program will build at least three reactors outside the national labs.",
    "at least three",
  ],
  // Of two figures, the one beside the question's words or their synonyms ("big": "large").
  [
    "wait so how many days do the big pharma companies get before this kicks in",
    "duration",
    "The tariffs will come into effect in 120 days for certain large companies, and 180 days for smaller companies.",
    "120 days",
  ],
  // Durations, counts, sums, shares: only the kind asked for.
  [
    "how long does it take to charge a chinese electric car",
    "duration",
    "Tariffs of 25% apply to imported cars, and sales rose 40% last year.",
    null,
  ],
  [
    "how many years have the rules held the industry back",
    "duration",
    "For more than fifty years, strict rules held the industry back.",
    "more than fifty years",
  ],
  [
    "how many cars did the company sell in china",
    "count",
    "In the first two months of 2017, exports to China rose 25%.",
    null,
  ],
  // A list's number ("(2)", "2." opening the passage) counts nothing; a compound after a
  // number ("year-round") describes what it counts, and is no length of time.
  [
    "how many research stations does the program run",
    "count",
    "(2) to pursue opportunities for scientific research in the region;",
    null,
  ],
  [
    "how many research stations does the program run",
    "count",
    "2. To pursue opportunities for scientific research in the region.",
    null,
  ],
  [
    "how many research stations does the program run",
    "count",
    "The program maintains three year-round scientific research stations in the region.",
    "three",
  ],
  // A share of the thing counted counts it; a bare share does not.
  [
    "how many guns could escape the rules",
    "count",
    "Such readings could mean that as many as 90 percent of firearms escape the rules.",
    "90 percent",
  ],
  ["how many guns could escape the rules", "count", "Up to 90 percent escape the rules.", null],
  // "millions of dollars" is a sum of money, whatever is counted; "100 times", how often.
  [
    "how many trans servicemembers are serving",
    "count",
    "The Department paid for the surgeries at a cost of millions of dollars to the taxpayer.",
    null,
  ],
  [
    "how many times did the rebels attack commercial vessels",
    "count",
    "The rebels attacked commercial vessels more than 100 times.",
    "more than 100",
  ],
  [
    "over how long has the threat grown",
    "duration",
    "Over the past 40 years, the threat has grown more complex.",
    "Over the past 40 years",
  ],
  [
    "how many reactors are in the pilot program",
    "count",
    "The pilot program covers at least three reactors outside the laboratories.",
    "at least three",
  ],
  [
    "how much did selling bitcoin early cost taxpayers",
    "money",
    "The reserve holds $5 billion of coins, while premature sales of bitcoin have already cost taxpayers over $17 billion.",
    "$17 billion",
  ],
  [
    "what percentage of new cars are electric",
    "percent",
    "About 12% of new cars sold were electric, and prices fell by $2,000.",
    "12%",
  ],
  // A fraction of something ("two-fifths of", "a third of") is a share, and counts what
  // follows "of"; "a third round" is no share.
  [
    "how many federal managers think they could fire someone for misconduct",
    "count",
    "Only two-fifths of federal managers are confident they could remove employees for misconduct.",
    "Only two-fifths",
  ],
  [
    "what share of americans trust the health system",
    "percent",
    "Only a third of Americans trust the health system.",
    "Only a third",
  ],
  [
    "what share of the tariffs will be cut",
    "percent",
    "A third round of talks on the tariffs will be held in May.",
    null,
  ],
  // A share written as a ratio ("six in 10", "one out of three") is a share.
  [
    "what share of medical marijuana users take it for pain",
    "percent",
    "Nearly 15% of seniors tried it, and six in 10 people who use medical marijuana take it for chronic pain.",
    "six in 10",
  ],
  [
    "what percentage of adults have tried it",
    "percent",
    "The survey found that one out of three adults have tried it.",
    "one out of three",
  ],
  [
    "what fraction of renters were behind on rent",
    "percent",
    "The crisis left 10 million people out of work and one in five renters behind on rent.",
    "one in five",
  ],
  // A magnitude after a verb the dictionary also knows as a noun ("supports thousands of
  // jobs") counts what follows its "of"; it numbers nothing, as "section 8 of" does.
  [
    "how many jobs does coal support",
    "count",
    "The coal industry supports hundreds of thousands of jobs each year.",
    "hundreds of thousands",
  ],
  // A multiple said by its verb ("triples") answers how much something rises, not what part of
  // a whole something is.
  [
    "how much does having a gun raise the risk of suicide",
    "amount",
    "Having access to a gun triples one's risk of death by suicide.",
    "triples",
  ],
  [
    "what fraction of firearm deaths are suicides",
    "percent",
    "Having access to a gun triples one's risk of death by suicide.",
    null,
  ],
  // "one in" with no number after it, or a percentage after the ratio, is no ratio.
  [
    "what share of voters agreed",
    "percent",
    "Only one in the room agreed with the 40 voters.",
    null,
  ],
  // Dates: a time expression of the clause asked about; "may" the verb is no month.
  [
    "when did the meeting happen",
    "date",
    "Late on Tuesday night, the agency tweeted a photo of the meeting, which may happen again.",
    "Late on Tuesday night",
  ],
  [
    "When do hardware prohibitions start?",
    "date",
    "The prohibitions on software would take effect for Model Year 2027, and the prohibitions on hardware would take effect for Model Year 2030.",
    "2030",
  ],
  // The sum the question states, typed without its currency sign, is no answer.
  [
    "how much of the 550 billion goes to chips",
    "amount",
    "The $550 billion fund will go in part to chips and in part to pharmaceuticals.",
    null,
  ],
  // …said as a whole: the "0" of a question's "2020" is no "$0".
  [
    "how much did the most profitable corporations pay in 2020",
    "money",
    "In 2020, 55 of the largest, most profitable corporations paid $0 in taxes.",
    "$0",
  ],
  // An "and" before a figure starts the figure's part of the clause: each figure goes with the
  // words after it, and the words before the first figure (its subject and verb) are all the
  // figures'. A figure's own comma ("1,500") ends no clause.
  [
    "how many cities have banned plastic bags outright",
    "count",
    "Nine cities have banned plastic bags outright and 40 cities have some limits on plastic bags.",
    "Nine",
  ],
  [
    "how many cities have some limits on plastic bags",
    "count",
    "Nine cities have banned plastic bags outright and 40 cities have some limits on plastic bags.",
    "40",
  ],
  [
    "how many helicopters does the department of defense have",
    "count",
    "The Department of Defense has 30 high-water trucks and 22 helicopters.",
    "22",
  ],
  [
    "how many construction jobs will the investment create",
    "count",
    "This investment will create 700 manufacturing jobs and 1,000 construction jobs.",
    "1,000",
  ],
  [
    "how many new ice personnel",
    "count",
    "The bill fully funds border security, providing for 10,000 new ICE personnel and 3,000 new Border Patrol agents to detain and deport illegal immigrants.",
    "10,000",
  ],
  [
    "how much money for individual filers",
    "money",
    "The new exemption thresholds will be set at $15 million for individual filers and $30 million for joint filers.",
    "$15 million",
  ],
  [
    "how many federal personnel were deployed before the storm",
    "count",
    "Before this storm, we pre-deployed 1,500 federal personnel and 900 Coast Guard personnel.",
    "1,500",
  ],
  [
    "does anyone know when the president said the tariffs would stay",
    "date",
    "In November, the President promised that tariffs would remain in effect.",
    "November",
  ],
  // "Which N" for a thing: a name that bears N, or nothing.
  [
    "which reactor generation did the US try to build first",
    "thing",
    "In 2010 the Department tried to build the first Generation IV reactor for commercial use.",
    "Generation IV",
  ],
  [
    "Which sector has suffered from offshoring?",
    "thing",
    "Factories moved abroad while the Governments of Canada and Mexico acted.",
    null,
  ],
  // Ages, heights, speeds, distances: a number with its unit, not any number. "How fast"
  // without a verb of moving asks how long something takes; with a verb of change, a rate.
  [
    "how old is the senator",
    "measure",
    "The senator, 78 years old, said the bill would raise $4 billion.",
    "78 years old",
  ],
  // An age answers "how old" only: "12 years old" is no height, "40 feet" no age.
  [
    "how tall was the old tree when it came down",
    "measure",
    "The new sapling is 12 years old and was grown at the greenhouses.",
    null,
  ],
  [
    "how tall was the old tree",
    "measure",
    "The old tree, 40 feet tall and 12 years old, came down.",
    "40 feet",
  ],
  [
    "how old was the old tree",
    "measure",
    "The old tree, 40 feet tall and 12 years old, came down.",
    "12 years old",
  ],
  [
    "how fast will the new jets fly",
    "measure",
    "For more than fifty years, rules have held back supersonic flight.",
    null,
  ],
  ["how fast will the new jets fly", "measure", "The jets will cruise at Mach 1.7.", "Mach 1.7"],
  [
    "how far can the trains travel on one charge",
    "measure",
    "Two new trains can travel 300 miles on one charge.",
    "300 miles",
  ],
  [
    "how fast can you build one of these kits",
    "duration",
    "A kit can be assembled in as little as 30 minutes by two people.",
    "30 minutes",
  ],
  ["how fast did exports grow", "amount", "Exports grew 40% in two years.", "40%"],
  // The size of money, or of what is owed ("fines", "budget"), is a sum of money.
  [
    "how big are the fines for insurers that break the rules",
    "money",
    "The rule protects 150 million Americans with private insurance.",
    null,
  ],
  [
    "how big is the fine per violation",
    "money",
    "Each violation, affecting thousands of buyers, costs the seller up to $50,120.",
    "$50,120",
  ],
  // A sum may be written with no figure: "hundreds of billions of dollars".
  [
    "how much does addiction cost the country's economy",
    "money",
    "Addiction and lost productivity together cost the United States hundreds of billions of dollars each year.",
    "hundreds of billions of dollars",
  ],
  // Or as a magnitude spent on something, its currency left unsaid; not persons in a place.
  [
    "how much are these defense firms blowing on buybacks",
    "amount",
    "These firms spend billions on stock buybacks and excessive dividends.",
    "billions",
  ],
  [
    "how much has the program handed out",
    "amount",
    "The program has reached millions in the Latino community since 2021.",
    null,
  ],
  // "What year" is answered by a year, not by another time ("Tuesday night").
  [
    "what year did the governor step down",
    "date",
    "Late on Tuesday night, the agency posted a photo of the governor.",
    null,
  ],
  [
    "what year did the governor step down",
    "date",
    "The governor stepped down in March 2016, the agency said on Tuesday.",
    "March 2016",
  ],
  // Why and yes-or-no questions ask for no short answer, whatever words follow.
  [
    "why not just leave the seized crypto where it is",
    "none",
    "The Executive Order resolves the disjointed handling of seized crypto in Washington.",
    null,
  ],
  [
    "Does the tax credit depend on where battery minerals come from?",
    "none",
    "Eligibility for the EV tax credit depends on where minerals were extracted, in North America.",
    null,
  ],
  ["what does VCS stand for", "definition", "Vehicle connectivity systems (VCS) link cars.", null],
  // What the question sets apart ("not theft") pulls no figure; the figure near what it
  // asks about answers.
  [
    "How much did fraud rise in 2022, not theft, the other one?",
    "amount",
    "In 2022, theft rose by 18 percent. Fraud rose by 11 percent.",
    "11 percent",
  ],
  // A year of the question pulls the figure the passage ties to it; a date asked is not
  // pulled to the question's own year.
  [
    "how much of the money actually lands in 2027",
    "amount",
    "The firms will invest $90 billion over five years, with $25 billion of it due in 2027.",
    "$25 billion",
  ],
  // A year of comparison ("vs 2019") or one naming the subject ("the 2024 bill") pulls no
  // figure; ", not counting X" qualifies what is asked and sets nothing apart.
  [
    "how much is the deficit now vs 2019",
    "amount",
    "The deficit hit $1.8 trillion this year, up from $984 billion in 2019.",
    "$1.8 trillion",
  ],
  [
    "how much aid did the 2024 bill give ukraine",
    "amount",
    "The bill, passed in April 2024 after $113 billion in earlier aid, gives Ukraine $61 billion.",
    "$61 billion",
  ],
  [
    "how much did prices rise, not counting food and energy",
    "amount",
    "Prices rose 3.1 percent, or 2.8 percent not counting food and energy.",
    "2.8 percent",
  ],
  // Found by a second review: a year pulls after any time phrase ("in fiscal 2026", "since
  // 2020"), not after a baseline; what ", not including/counting X" sets apart pulls only
  // where the passage sets it apart too.
  [
    "how much was budgeted in fiscal 2026",
    "amount",
    "Officials budgeted $4 billion in fiscal 2025 and $6 billion in fiscal 2026.",
    "$6 billion",
  ],
  [
    "how much did the program cost since 2020",
    "money",
    "The program cost $4 billion last year; it has cost $16 billion in all since 2020.",
    "$16 billion",
  ],
  [
    "how much does the bill cost, not including interest",
    "money",
    "The bill costs $3.4 trillion over a decade, or $4.1 trillion including interest.",
    "$3.4 trillion",
  ],
  [
    "how much did sales rise, not counting china",
    "amount",
    "Sales rose 8 percent, while sales in China rose 20 percent.",
    "8 percent",
  ],
  [
    "how many people died, not including the crew",
    "count",
    "The crash killed 67 people, among them 4 crew members.",
    "67",
  ],
  [
    "when did the port last handle as much cargo as in 2023",
    "date",
    "The port handled as much cargo in 1998 as it did in 2023.",
    "in 1998",
  ],
];

describe("short answers are of the kind the question asks for, or none", () => {
  itAnswersEachRow(TABLE);

  it("GIVEN no dictionary THEN 'which N' is read from the noun's ending as before", () => {
    expect(expectedAnswer("which research firm tracked the exports")).toBe("person");
    expect(expectedAnswer("which research firm tracked the exports", defaultSynonyms)).toBe(
      "person",
    );
    expect(expectedAnswer("which sector has suffered")).toBe("person");
    expect(expectedAnswer("which sector has suffered", defaultSynonyms)).toBe("thing");
  });
});
