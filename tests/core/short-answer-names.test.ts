import { describe } from "vitest";
import { itAnswersEachRow, type ShortAnswerRow } from "./short-answer-table.ts";

/**
 * Question → the kind of answer it asks for → a passage → the short answer taken from
 * it, or null when the passage holds nothing of that kind (null beats a wrong kind).
 * Passages are made up in the style of the articles, so the rules are tested, not the
 * dev sets' sentences.
 * Names here: who, which organisation, where; values in short-answer-kinds.test.ts.
 */
const TABLE: readonly ShortAnswerRow[] = [
  // A sentence's first word is capitalised whatever it is, but one the dictionary writes as a
  // name is one ("Poland"); "Today" is not.
  [
    "which country led the RACER project",
    "place",
    "Poland led the RACER project, an operational set of recommendations for governments.",
    "Poland",
  ],
  ["who led the project", "person", "Today led the project to its end.", null],
  // "this Summit", "this Agreement": a capitalised common noun after a demonstrative refers to
  // a name said elsewhere, as after "the".
  [
    "what summit is the president announcing stuff at today",
    "thing",
    "As part of this Summit, the Department of Energy is announcing new efforts on transmission planning.",
    null,
  ],
  // A name of the kind asked made of the question's own words is the one it names: "which
  // monument … before castner range" is not answered "Castner Range National Monument".
  [
    "which monument did biden designate before castner range",
    "thing",
    "In addition to designating Castner Range National Monument, the President visited Texas.",
    null,
  ],
  [
    "which monument is in texas",
    "thing",
    "Today the President designated Castner Range National Monument in Texas.",
    "Castner Range National Monument",
  ],
  // A preposition opening the sentence is no word of the name after it: "In Germany" is
  // Germany, where the meeting is; "Since President Trump" is President Trump.
  [
    "where is biden meeting up with the g7",
    "place",
    "In Germany today, President Biden will meet with G7 leaders.",
    "Germany",
  ],
  [
    "who took office",
    "person",
    "Since President Trump took office, 99.8% of job gains have been in the private sector.",
    "President Trump",
  ],
  // Names given as examples of the noun asked ("companies such as …") answer "which
  // companies", all of them; examples of another noun of the question answer nothing.
  [
    "which swiss companies have announced investments",
    "person",
    "Billions of dollars of investment by major Swiss companies such as Roche, Novartis, ABB, and Stadler have already been announced.",
    "Roche, Novartis, ABB, and Stadler",
  ],
  [
    "which cities are supporting businesses",
    "place",
    "Three container sites are in operation in Savannah, Statesboro, and Atlanta, and are supporting Georgia businesses such as Home Depot.",
    "Savannah, Statesboro, and Atlanta",
  ],
  // A time told by its number ("On Day One", "Since Day One", "Since I took office") names no
  // one; the name that acts after it does.
  [
    "who designated the cartels",
    "person",
    "On Day One, President Trump designated eight cartels as terrorist organizations.",
    "President Trump",
  ],
  [
    "who has taken decisive steps to protect the unborn",
    "person",
    "From Day One, the Administration has taken decisive steps to protect the unborn.",
    null,
  ],
  [
    "who has been laser focused on eliminating waste",
    "person",
    "ELIMINATING WASTE: Since Day One, President Trump has been laser focused on eliminating waste.",
    "President Trump",
  ],
  [
    "who has made record investments in tribal nations",
    "person",
    "Since I came into office, my Administration has made record investments in tribal nations.",
    null,
  ],
  // "Which cities": a place the dictionary knows as no city ("America", a country) is none;
  // one it knows as a city answers.
  [
    "which cities and states banned plastic straws",
    "place",
    "Cities and states across America have banned plastic straws, caving to pressure.",
    null,
  ],
  [
    "which city will host the new factory",
    "place",
    "The factory will be built in Chicago, near the old rail yards.",
    "Chicago",
  ],
  // A document ("Executive Order", "… Act") is no one: its head's main sense is a message.
  [
    "Who's going to chair the D.C. Safe and Beautiful Task Force?",
    "person",
    "The Executive Order establishes a task force, officially known as the D.C. Safe and Beautiful Task Force.",
    null,
  ],
  [
    "which cabinet official is supposed to push the agenda",
    "person",
    "President Trump’s Working Families Tax Cuts Act reflects the commitment to win the race.",
    null,
  ],
  // A titled thing whose head is a group of things ("System", "Network") is no one; one whose
  // head is a group of people ("Council", "Office") may answer "who".
  [
    "who is heading up the new panel",
    "person",
    "The panel will also expand the National Recreational Trails System across public lands.",
    null,
  ],
  [
    "who is heading up the new panel",
    "person",
    "The effort will be led by the Domestic Policy Council.",
    "Domestic Policy Council",
  ],
  // "D.C", its last period read as the sentence's, is the dictionary's "D.C.": a place.
  [
    "What was the name of the Biden U.S. Attorney for D.C. who declined all those prosecutions?",
    "person",
    "In 2022, the Biden U.S. Attorney for D.C. declined to prosecute 67% of arrested people who would have been tried in D.C. Superior Court.",
    null,
  ],
  // A place's name before the noun asked says what kind ("U.S. and foreign … companies"),
  // not which; "Pfizer and other companies" names one.
  [
    "which pharma companies made the $400 billion in commitments",
    "person",
    "The tariffs spurred $400 billion in new investment commitments from U.S. and foreign pharmaceutical companies.",
    null,
  ],
  [
    "which pharma companies made the $400 billion in commitments",
    "person",
    "The tariffs spurred $400 billion in new investment commitments from Pfizer and other pharmaceutical companies.",
    "Pfizer",
  ],
  // One common noun before "of" heads a titled thing: an act ("Continuation of Negotiations") is no
  // one, a body ("Department of Commerce") may be.
  [
    "who are the two countries supposed to team up with",
    "person",
    "The two countries signed a Joint Statement on the Continuation of Negotiations.",
    null,
  ],
  [
    "who are the two countries supposed to team up with",
    "person",
    "The two countries will team up with the Department of Commerce on the new plan.",
    "Department of Commerce",
  ],
  // Asked where, a name right before a noun for persons ("United Nations partners") says which
  // persons, not where, unless it is a place ("Texas farmers"); a noun that is also an
  // adjective ("Los Angeles metropolitan area") is no such noun.
  [
    "where are the two agencies reviewing contractors",
    "place",
    "The Order directs the two agencies to jointly review United Nations partners, nongovernmental organizations, and contractors operating in Yemen.",
    "Yemen",
  ],
  [
    "where are farmers struggling the most",
    "place",
    "The drought has left Texas farmers struggling the most.",
    "Texas",
  ],
  [
    "where will the new center be built",
    "place",
    "The new center will serve veterans in the Los Angeles metropolitan area.",
    "Los Angeles",
  ],
  // Names of one list answer together when the question does not ask for one, in the
  // excerpt's words; not a list read short ("Health and Human Services"), nor one that began
  // before the first name read ("Energy, War, Commerce, and …"), nor when one is asked for.
  [
    "who has to review the permitting rules",
    "person",
    "The Order directs the EPA Administrator and the Secretary of the Army to review the permitting rules.",
    "EPA Administrator and the Secretary of the Army",
  ],
  [
    "which companies will build the new ships",
    "person",
    "Defense firms such as Huntington Ingalls, Lockheed Martin, and Raytheon will build the new ships.",
    "Huntington Ingalls, Lockheed Martin, and Raytheon",
  ],
  [
    "who has to enforce the price rules",
    "person",
    "The order directs the Departments of the Treasury, Labor, and Health and Human Services to enforce the price rules.",
    "Departments of the Treasury",
  ],
  [
    "which secretary has to lead the review",
    "person",
    "The Order directs the Attorney General and the Secretary of Education to lead the review.",
    "Secretary of Education",
  ],
  [
    "who did the president meet with",
    "person",
    "The President met with Chancellor Merz, the leader of Germany, on Tuesday.",
    "Chancellor Merz",
  ],
  // Lists that are no lists: a phrase's name before a subject list ("for Americans, the …"),
  // a name after a preposition joined to the next clause's subject ("met with X and the Vice
  // President met…"), two names with a comma before their "and" (a new clause).
  [
    "who announced the trucking action plan",
    "person",
    "To lower prices for Americans, the Department of Transportation and the Department of Labor announced the Trucking Action Plan.",
    "Department of Transportation and the Department of Labor",
  ],
  [
    "who did the first lady meet with",
    "person",
    "The First Lady met with Bronia Brandman and the Vice President met with Ruth Cohen.",
    "Bronia Brandman",
  ],
  // A list after an opening phrase and its comma is whole ("Today, the …").
  [
    "who announced the new rule",
    "person",
    "Today, the Department of Labor and the Department of Commerce announced the new rule.",
    "Department of Labor and the Department of Commerce",
  ],
  // A name set off before the persons asked ("X, a U.S. citizen") still answers, and only
  // "whose" or "which country's" asks for the place ("which president's" does not).
  [
    "who is the u.s. citizen detained in russia",
    "person",
    "Evan Gershkovich, a U.S. citizen, is detained in Russia.",
    "Evan Gershkovich",
  ],
  [
    "which president's policy helped american workers",
    "person",
    "American workers gained from U.S. workers programs.",
    null,
  ],
  // Asked whose, the place before the persons answers; asked who, the persons asked named
  // only by a place ("Caribbean leaders") leave no answer, not another name.
  [
    "whose farmers are getting hurt by the tariffs",
    "person",
    "The tariffs are hurting farmers across the country, and Iowa farmers in particular.",
    "Iowa",
  ],
  [
    "who are the leaders the vice president will meet",
    "person",
    "The Vice President will meet with Caribbean leaders here in Los Angeles.",
    null,
  ],
  // Asked where, a name the dictionary does not know may be a place: "Ingham County residents".
  [
    "where do the residents live",
    "place",
    "Under the plan, Ingham County residents would save $2,657 on average.",
    "Ingham County",
  ],
  // "the White House for Pride Month": a body the dictionary knows by name ends there.
  [
    "where did the president give his remarks",
    "place",
    "The President gave his remarks at the White House for Pride Month on Tuesday.",
    "White House",
  ],
  // A body's name goes on after "for" ("Agency for International Development"); a person's
  // name does not ("thanked China for Tesla's growth").
  [
    "who will run the new relief program",
    "person",
    "The new relief program will be run by the Agency for International Development, officials said.",
    "Agency for International Development",
  ],
  [
    "who did musk thank",
    "person",
    "Musk thanked Premier Li Qiang for Tesla's growth in the country.",
    "Premier Li Qiang",
  ],
  // …but a body named by its members or its owner may act: "The Group of Seven warned…",
  // "The Estate of Elvis Presley sued…".
  [
    "who warned about the new tariffs",
    "person",
    "On Tuesday the Group of Seven warned about the new tariffs.",
    "Group of Seven",
  ],
  [
    "who sued the company",
    "person",
    "Last year the Estate of Elvis Presley sued the company over the film.",
    "Estate of Elvis Presley",
  ],
  // A place's name right before a noun for persons says which persons ("U.S. farmers"),
  // so it is no answer to who; a person's name after the persons is.
  [
    "who is the new program meant to help",
    "person",
    "The program will help U.S. farmers and ranchers sell more of their crops abroad.",
    null,
  ],
  [
    "who is the new program meant to help",
    "person",
    "The program, run by Secretary Brooke Rollins, will help farmers sell more abroad.",
    "Secretary Brooke Rollins",
  ],
  [
    "who was detained at the border",
    "person",
    "A U.S. citizen was detained at the border on Tuesday, officials said.",
    null,
  ],
  // A capitalised adjective alone ("American", "Federal") describes a name; it is none.
  [
    "which foreign shipbuilders are investing in us shipyards",
    "person",
    "As foreign shipbuilders invest in the Nation’s yards, more ships will be built in revitalized American shipyards.",
    null,
  ],
  // A name ending in a word of the same stem as one asked is no name the question says:
  // "Administration" is not the "administrator" asked about.
  [
    "where will the new associate administrator sit",
    "place",
    "The Order directs the appointment of an Associate Administrator within the Federal Aviation Administration.",
    "Federal Aviation Administration",
  ],
  // Two words, the first only an adjective ("Economic Policy"), are a titled thing, no person.
  [
    "who will the treasury secretary consult",
    "person",
    "The Order directs the Secretary of the Treasury, in consultation with the Assistant to the President for Economic Policy, to develop a strategy.",
    null,
  ],
  [
    "who enforces the antitrust rules",
    "person",
    "The rules are enforced under Federal antitrust law by the Federal Trade Commission.",
    "Federal Trade Commission",
  ],
  // "Who is X" about a person the passage names: their role or description.
  [
    "who is li anding",
    "description",
    "“Wang usually meets with groups of people,” said Li Anding, Xinhua’s former automotive reporter who now consults automakers.",
    "Xinhua’s former automotive reporter who now consults automakers",
  ],
  [
    "who is maria keller and what does she do",
    "description",
    "Maria Keller, a senior analyst at Harbor Research, expects prices to fall.",
    "a senior analyst at Harbor Research",
  ],
  [
    "Who is Wang Yang?",
    "description",
    "Musk chatted with Vice Premier Wang Yang on Tuesday.",
    "Vice Premier",
  ],
  [
    "who is elon musk",
    "description",
    "Tesla chief executive Elon Musk visited Beijing on Tuesday.",
    "Tesla chief executive",
  ],
  // A list of people, each with a title: the next item is no apposition, and a title may hold
  // "of" and a noun before the first name ("Minister of Foreign Affairs Marta Vidal").
  [
    "who is marta vidal",
    "description",
    "Secretary of State Dana Ortiz met with Chilean Minister of Foreign Affairs Marta Vidal, Chilean Minister of Defense Tomas Rojas, and Chilean Ambassador Ines M. Soto in Washington today.",
    "Chilean Minister of Foreign Affairs",
  ],
  [
    "who is ortiz",
    "description",
    "Secretary of State Dana Ortiz met with Chilean Minister of Foreign Affairs Marta Vidal, Chilean Minister of Defense Tomas Rojas, and Chilean Ambassador Ines M. Soto in Washington today.",
    "Secretary of State",
  ],
  // An initial is inside a name, and a first name before one is no title.
  [
    "who is soto",
    "description",
    "Secretary of State Dana Ortiz met with Chilean Minister of Foreign Affairs Marta Vidal, Chilean Minister of Defense Tomas Rojas, and Chilean Ambassador Ines M. Soto in Washington today.",
    "Chilean Ambassador",
  ],
  [
    "who is ines",
    "description",
    "Secretary of State Dana Ortiz met with Chilean Minister of Foreign Affairs Marta Vidal, Chilean Minister of Defense Tomas Rojas, and Chilean Ambassador Ines M. Soto in Washington today.",
    "Chilean Ambassador",
  ],
  // An abbreviated title begins the title ("Sen."); "Mr." is no title, and a full stop that
  // ends a sentence ends the title.
  [
    "who is ana ruiz",
    "description",
    "Sen. Ana Ruiz: “The Department has a vital mission to protect Americans from threats.”",
    "Sen.",
  ],
  ["who is ruiz", "description", "Mr. Tomas Ruiz visited Beijing on Tuesday.", null],
  // "the" after "of" is inside a title ("Secretary of the Interior"); what follows a name's
  // comma with a preposition or a time goes on with the sentence: no apposition.
  [
    "who is doug burgum",
    "description",
    "At a press conference in Geneva, Secretary of the Interior Doug Burgum spoke on trade.",
    "Secretary of the Interior",
  ],
  [
    "who is tony blinken",
    "description",
    "The readout was put out through Secretary of State Tony Blinken, after his conversation with his partners.",
    "Secretary of State",
  ],
  [
    "who is david perdue",
    "description",
    "Former Senator David Perdue, last night, opened his debate by saying the election was stolen.",
    "Former Senator",
  ],
  [
    "who is musk",
    "description",
    "They met in Ohio. Tesla chief executive Elon Musk visited Beijing on Tuesday.",
    "Tesla chief executive",
  ],
  // An age or another name of the person says nothing of what they are: what follows may. A
  // full stop of an initial is inside the description ("a U.S. Navy service member").
  [
    "who is rosa tamez",
    "description",
    "Rosa Tamez, Xochitl Yolotl (Blue Flower), age 16, is a poet who organizes readings for local students.",
    "a poet who organizes readings for local students",
  ],
  [
    "who is nora vance",
    "description",
    "Nora Vance, age 17, is a proud daughter of a U.S. Navy service member.",
    "a proud daughter of a U.S. Navy service member",
  ],
  ["who is elon musk", "description", "Elon Musk, Tesla CEO, said prices would fall.", "Tesla CEO"],
  // A title set off by commas before the name; a verb after the name's comma goes on with the
  // sentence and is no apposition.
  [
    "who is andy slavitt",
    "description",
    "The former White House COVID Advisor, Andy Slavitt, has a Twitter thread today.",
    "White House COVID Advisor",
  ],
  [
    "who is musk",
    "description",
    "Tesla's chief executive, Elon Musk, met the premier on Tuesday.",
    "Tesla's chief executive",
  ],
  ["who is musk", "description", "In Beijing, Elon Musk, met the premier.", null],
  // "and" inside a title, and a title as long as an office's full name.
  [
    "who is dana ortiz",
    "description",
    "“This plan provides a roadmap,” said AI and Crypto Czar Dana Ortiz.",
    "AI and Crypto Czar",
  ],
  [
    "who is tom reyes",
    "description",
    "“We are moving with urgency,” said White House Office of Science and Technology Policy Director Tom Reyes.",
    "White House Office of Science and Technology Policy Director",
  ],
  // A hyphenated name is asked by its parts; a name that is also a common noun ("Moon") is
  // no title before the rest of the name.
  [
    "who is moon ha-eun",
    "description",
    "President Moon Ha-eun of Korea will join the ceremony.",
    "President",
  ],
  [
    "who is moon",
    "description",
    "President Moon Ha-eun of Korea will join the ceremony.",
    "President",
  ],
  // A clause after the name's comma (a pronoun, "today" opening it) is no apposition.
  ["who is dana ortiz", "description", "Dana Ortiz, I’m telling you, is the same person.", null],
  [
    "who is ortiz",
    "description",
    "And Representative Ortiz, today is her birthday.",
    "Representative",
  ],
  // A title's possessive opens it: "His Majesty King".
  [
    "who is abdullah",
    "description",
    "The Vice President met today with His Majesty King Abdullah II of Jordan in Dubai.",
    "His Majesty King",
  ],
  // A list item ends without a full stop: its apposition runs to the end.
  [
    "who is ana ruiz",
    "description",
    "Ana Ruiz, Nominee for Member of the National Mediation Board",
    "Nominee for Member of the National Mediation Board",
  ],
  // A generation ends the name: "III" is no name that "Brandt" would be the title of.
  [
    "who is brandt",
    "description",
    "Secretary of Defense Karl J. Brandt III, and Chilean Ambassador Ines Soto met the press.",
    "Secretary of Defense",
  ],
  // A common noun numbered ("Section 232") is a label, never who or where, even when the
  // question's own number is what stood beside it.
  [
    "who's supposed to tell trump if more 232 action is needed",
    "person",
    "The Secretary of Commerce will inform the President of any circumstances that might indicate the need for further action under Section 232.",
    "Secretary of Commerce",
  ],
  // …but a surname before a figure or a time is a name ("signed by Trump 10 days ago").
  [
    "who signed the letter",
    "person",
    "The letter, signed by Trump 10 days ago, was delivered to Speaker Mike Johnson.",
    "Trump",
  ],
  [
    "who is ahead in the poll",
    "person",
    "In the poll, Trump 48 percent, Harris 46 percent.",
    "Trump",
  ],
  // The period of an abbreviation inside a name ends nothing.
  [
    "which company will acquire paramount after outbidding comcast",
    "person",
    "Paramount will be acquired by Warner Bros. Discovery, which outbid Comcast.",
    "Warner Bros. Discovery",
  ],
  [
    "where will the new headquarters be built near the rail yards",
    "place",
    "The new headquarters will be built in Ft. Worth, Texas, near the old rail yards, the company said.",
    "Ft. Worth",
  ],
  // A full stop after a word of lower-case letters ends a name, as it ends a list item's
  // heading; the period of an abbreviation or an initial does not.
  [
    "what department falls under economic defense",
    "person",
    "Economic Defense. Department of Treasury.",
    "Department of Treasury",
  ],
  // "Which N": a name whose head is N answers, and outranks longer names of other kinds; a
  // name whose head is a person's title does not answer "which agency".
  [
    "which airlines committed to buy supersonic jets",
    "thing",
    "Makers have agreements with airlines, such as United Airlines, who have committed to purchase supersonic jets.",
    "United Airlines",
  ],
  [
    "which council coordinates the research",
    "person",
    "The Order coordinates research through the Research Council with leadership from the Office of Science and Technology Policy.",
    "Research Council",
  ],
  // A name of two runs joined by "and" is one when the second ends in a noun for an
  // organisation; two persons' or places' names joined by "and" stay two.
  [
    "which council coordinates supersonic research",
    "person",
    "The Order coordinates research through the National Science and Technology Council with leadership from the Office of Science and Technology Policy.",
    "National Science and Technology Council",
  ],
  // (Asked for one, one of them; asked who, the two as a list.)
  [
    "which leader held the summit",
    "person",
    "Later, President Joe Biden and President Xi Jinping held the summit in Woodside.",
    "President Xi Jinping",
  ],
  [
    "who held the summit",
    "person",
    "Later, President Joe Biden and President Xi Jinping held the summit in Woodside.",
    "President Joe Biden and President Xi Jinping",
  ],
  // "of the" inside a name: "Secretary of the Treasury" is one.
  [
    "who must deliver the plan",
    "person",
    "The order directs the Secretary of the Treasury to deliver a plan within 90 days.",
    "Secretary of the Treasury",
  ],
  // One word before "and" and a plural head: "The Commerce and State Departments" is one name.
  [
    "which departments will deliver the packages",
    "person",
    "Exporting American AI: The Commerce and State Departments will partner with industry to deliver packages.",
    "Commerce and State Departments",
  ],
  // A person's name and an organisation joined by "and" stay two; the organisation an asked
  // acronym stands for is the question's own subject ("Federal Trade Commission" for "ftc").
  [
    "who chairs the ftc",
    "person",
    "President Biden will be joined by Federal Trade Commission (FTC) Chair Lina Khan and Consumer Financial Protection Bureau (CFPB) Director Rohit Chopra.",
    "Chair Lina Khan",
  ],
  // The reverse: an acronym of the question's own words ("administrative judge (AJ)") is its
  // subject abbreviated, not who is asked for.
  [
    "who is the eeoc acting chair that the administrative judge called unfit",
    "person",
    "An Equal Employment Opportunity Commission administrative judge (AJ) recently sent an email calling the chair unfit.",
    null,
  ],
  [
    "what agency sets the noise standard",
    "person",
    "The Order instructs the FAA Administrator to establish a noise standard.",
    null,
  ],
  // "who VERB": the one who did it comes before the verb; a name after it was done to,
  // unless "by" says otherwise. A verb made a noun ("meeting") has no subject before it.
  [
    "who tweeted the photo",
    "person",
    "Late on Tuesday night, the news agency tweeted a photo of the chief chatting with Vice Premier Wang Yang.",
    null,
  ],
  [
    "but who tweeted the photo",
    "person",
    "Late on Tuesday night, the news agency tweeted a photo of the chief chatting with Vice Premier Wang Yang.",
    null,
  ],
  [
    "who tweeted the photo",
    "person",
    "The photo was tweeted by Xinhua News Agency on Tuesday night.",
    "Xinhua News Agency",
  ],
  [
    "who signed the order",
    "person",
    "President Joe Biden signed the order on Monday.",
    "President Joe Biden",
  ],
  [
    "who met musk",
    "person",
    "Musk’s meeting with Wang Yang, a former leader of the province, surprised many.",
    "Wang Yang",
  ],
  // A verb of saying: the speaker may come after it ("warned Secretary …"), and a name right
  // before or after it ("…,” Li said") is tied to the question even alone.
  [
    "who said wang usually meets with groups",
    "person",
    "“Wang usually meets with groups of people,” Li said.",
    "Li",
  ],
  [
    "who warned that the deadline is too tight",
    "person",
    "The deadline is too tight, warned Secretary Dana Ortiz on Monday.",
    "Secretary Dana Ortiz",
  ],
  // A name may hold digits: "G7", not "G".
  [
    "who supports the 100-days mission",
    "person",
    "Facilitate new vaccines, in line with the 100-Days Mission vision supported by G7 leaders in Carbis Bay in 2021.",
    "G7",
  ],
  // A first name is no title: asked by the surname, the rest of the name is skipped.
  ["who is musk", "description", "Elon Musk made an unexpected visit to China this week.", null],
  [
    "who is musk",
    "description",
    "Tesla chief executive Elon Musk visited Beijing on Tuesday.",
    "Tesla chief executive",
  ],
  [
    "who is yang",
    "description",
    "Musk chatted with Vice Premier Wang Yang on Tuesday.",
    "Vice Premier",
  ],
  // The name ends the sentence: its last word's match holds the full stop ("Capital.").
  [
    "who's jl warren capital",
    "description",
    "Exports rose 376% in the first two months, according to researcher JL Warren Capital.",
    "researcher",
  ],
  [
    "who's jane doe",
    "description",
    "Jane Doe is a senior analyst at the bank, and she expects prices to fall.",
    "a senior analyst at the bank",
  ],
  ["who is wang", "description", "Musk met Wang on Tuesday, the agency said.", null],
  // Persons and organisations: not a place, not the question's own subject, not a heading.
  [
    "Which researcher compiled the export data?",
    "person",
    "Vehicle exports to China rose 376%, according to researcher JL Warren Capital.",
    "JL Warren Capital",
  ],
  [
    "Who did the minister meet in Canada?",
    "person",
    "The minister met Prime Minister Mark Carney in Ottawa.",
    "Prime Minister Mark Carney",
  ],
  [
    "Who did Trump appoint as crypto czar?",
    "person",
    "President Trump appointed a crypto czar and hosted a summit.",
    null,
  ],
  [
    "Who invented bitcoin?",
    "person",
    "DELIVERING ON PLEDGE TO MAKE AMERICA THE CRYPTO CAPITAL OF THE WORLD: The President promised action on bitcoin.",
    null,
  ],
  [
    "which agency writes the rule",
    "person",
    "As the Department of Commerce develops the final rule, the Administration encourages input.",
    "Department of Commerce",
  ],
  // "National", "consumer": persons to WordNet, no titles in an agency's name.
  [
    "which agency issues the warnings",
    "person",
    "Warnings are issued by the National Weather Service when storms form.",
    "National Weather Service",
  ],
  [
    "what agency enforces the rule",
    "person",
    "The Consumer Financial Protection Bureau enforces the rule, President Biden said.",
    "Consumer Financial Protection Bureau",
  ],
  [
    "which agency announced the rule",
    "person",
    "The rule was announced by National Security Advisor Mike Waltz.",
    null,
  ],
  [
    "where did the crowd gather",
    "place",
    "The crowd gathered at the National Sculpture Garden on Sunday.",
    "National Sculpture Garden",
  ],
  [
    "Who will Commerce consult on the rule?",
    "person",
    "As the Department of Commerce develops the rule, the Administration encourages input from allies.",
    null,
  ],
  [
    "which companies will build the pilot reactors",
    "person",
    "The program builds three reactors outside of the National Laboratories.",
    null,
  ],
  // A question that asks for a name: a role ("National Security Advisor") says what someone is.
  [
    "who is the ethics chief, whats his name",
    "person",
    "The review is led by the ethics chief and the National Security Advisor.",
    null,
  ],
  [
    "who is the ethics chief, whats his name",
    "person",
    "The review is led by the ethics chief, Dana Ortiz, and the National Security Advisor.",
    "Dana Ortiz",
  ],
  // "at the Kennedy Center": where it happens, as "in" and "near" say; not who.
  [
    "who did the governor name as housing chief",
    "person",
    "The governor named a housing chief and will host a summit at the Kennedy Center.",
    null,
  ],
  [
    "who did the governor name as housing chief",
    "person",
    "The governor named Dana Ortiz housing chief at the Kennedy Center.",
    "Dana Ortiz",
  ],
  // A headline in title case: the name stops before the verb ("Announce"), not before a
  // surname that is also a verb ("Cook").
  [
    "who will build the new plant",
    "person",
    "Headline: Acme CEO Dana Cook Announce $5 Billion Plant in Ohio",
    "Acme CEO Dana Cook",
  ],
  // A titled thing made of dictionary words ("Clean Water Action Plan", "Rural Housing
  // Relief Act") answers "who" only when its head can name people ("Office", "Council").
  [
    "who wrote the new strategy",
    "person",
    "The strategy builds on the Clean Water Action Plan released last year.",
    null,
  ],
  [
    "who is leading the response",
    "person",
    "The response is led by the Rural Housing Relief Act and by Governor Brad Little.",
    "Governor Brad Little",
  ],
  [
    "who reviews the applications",
    "person",
    "Applications are reviewed by the Regional Water Quality Council within a month.",
    "Regional Water Quality Council",
  ],
  [
    "where was the rule written",
    "place",
    "The rule follows the Fair Housing Relief Act passed decades ago.",
    null,
  ],
  // "Which agencies" asks for an organisation: a person with a title is no answer.
  [
    "which federal agencies wrote the new rule",
    "person",
    "The new rule was announced by President Lee on Monday.",
    null,
  ],
  [
    "which federal agencies wrote the new rule",
    "person",
    "The new rule, announced by President Lee, was written by the Department of Labor.",
    "Department of Labor",
  ],
  // A title in quotes (a law's, a report's, an event's) is neither who nor where; a quotation
  // of speech is no title.
  [
    "who wrote the report",
    "person",
    "The report, titled “Clean Water for Rural Towns,” was released on Monday by the agency.",
    null,
  ],
  [
    "who wrote the report",
    "person",
    "The report, titled “Clean Water for Rural Towns,” was written by Senator Ortiz.",
    "Senator Ortiz",
  ],
  [
    "where will it be held",
    "place",
    "The “Future of Farming Summit” will be held on Monday.",
    null,
  ],
  [
    "who said it is time to bury the label",
    "person",
    "As I said at the groundbreaking last month: it’s time to bury the label ‘Rust Belt.’",
    null,
  ],
  // Places: a place, not an organisation.
  [
    "what province did wang yang lead",
    "place",
    "Musk’s meeting with Wang, a former leader of Guangdong province, throws fresh speculation.",
    "Guangdong",
  ],
  // A person's title makes a name a person's ("Prime Minister Sato"), and a place after
  // "in", "at" or "near" is where something happened.
  [
    "where did the chancellor and the prime minister meet",
    "place",
    "The Chancellor held talks with Prime Minister Sato of Japan at Hakone on Monday.",
    "Hakone",
  ],
  [
    "where did the governor sign the order",
    "place",
    "The Governor signed the order with Secretary Ortega, in Sacramento.",
    "Sacramento",
  ],
  // Before "of", the last word is a title as well: "Minister of Foreign Affairs Marta Vidal"
  // is a person, not where they met.
  [
    "where did they meet",
    "place",
    "Secretary Ortiz met with Chilean Minister of Foreign Affairs Marta Vidal on Monday.",
    null,
  ],
  // "Central New York": the ending the dictionary knows ("New York", a place) says what the
  // name is, not its last word alone ("York", a royal house).
  [
    "who reacted to the plant",
    "person",
    "The company picked Central New York for the plant, officials said.",
    null,
  ],
  // Of places after "in", the one whose clause holds more of the question's words.
  [
    "where is the intel facility",
    "place",
    "It follows a pledge to invest $5 billion in a new facility in North Carolina, and the groundbreaking of Intel's new facility in Ohio.",
    "Ohio",
  ],
  [
    "which countries does the rule single out",
    "place",
    "The Department of Commerce proposed the rule to address national security risks.",
    null,
  ],
  // A name that only says the question's own words again, spelt out or at length, is its
  // subject: "Department of Energy" for "the doe", "Vice Chairman" for "the vice chair".
  [
    "the doe study was handed to who",
    "person",
    "The Department of Energy will deliver the study within 90 days.",
    null,
  ],
  [
    "who else is on the board besides the chair and vice chair",
    "person",
    "The board will have a Chairman and Vice Chairman named by the President.",
    null,
  ],
  [
    "the doe study was handed to who",
    "person",
    "The Department of Energy will deliver the study to Governor Lisa Hart within 90 days.",
    "Governor Lisa Hart",
  ],
  // A spelt-out initialism of the question's is not its subject when something else is
  // said with it: the chairman of the SEC is who reviews the SEC's rules.
  [
    "who has to review the sec rules",
    "person",
    "The Chairman of the Securities and Exchange Commission will review the rules.",
    "Chairman of the Securities and Exchange Commission",
  ],
  // A name whose head and another word are the question's is its subject named in full: the
  // head may be misspelt; the kind asked for ("which office") is no subject.
  [
    "where will the new shipping office actually sit",
    "place",
    "The President created an Office of Shipping and Port Security within the Department of Commerce.",
    "Department of Commerce",
  ],
  [
    "the health ofice is supposed to send who",
    "person",
    "The order creates a Rural Health Office to send federal doctors to Montana.",
    null,
  ],
  [
    "which office will run the shipping program",
    "thing",
    "The shipping program will be run by the Office of Shipping and Port Security.",
    "Office of Shipping and Port Security",
  ],
  // A choice offered ("january or april", "VA or HUD") spares only its own names the tests
  // of a name that restates the question, spelt out or not.
  [
    "which 2024 NASA order was the one about the moon, march or june?",
    "thing",
    "In June 2024, the President signed an order sending NASA back to the moon.",
    null,
  ],
  [
    "which secretary has to build the clinics, VA or HUD?",
    "person",
    "The Order directs the Secretary of Veterans Affairs to build the clinics.",
    "Secretary of Veterans Affairs",
  ],
  // Two names next to the question's words: the one right after a question word holds the
  // role ("captain Ana Ruiz"); the one before a question word modifies it.
  [
    "who's the denver chess captain they interviewed",
    "person",
    "Denver University chess club captain Ana Ruiz said the club had grown.",
    "Ana Ruiz",
  ],
  // A name cut at the "and" of the body the question's initialism stands for ("International
  // Longshore and Warehouse Union (ILWU)") restates the question; another body answers.
  [
    "who runs the ILWU, like the president of the union",
    "person",
    "The President will meet with the leadership of the International Longshore and Warehouse Union (ILWU) today.",
    null,
  ],
  [
    "who runs the ILWU",
    "person",
    "The ILWU is run by the Pacific Maritime Association and its members.",
    "Pacific Maritime Association",
  ],
  // A name spelt out across its "and" by the acronym after it is one name; "who is the
  // president meeting with" asks whom the president meets, not who the president is.
  [
    "who is the president meeting with today",
    "person",
    "The President will meet with the leadership of the International Longshore and Warehouse Union (ILWU) today.",
    "International Longshore and Warehouse Union",
  ],
  [
    "which agency will screen its supplies for weather risk",
    "person",
    "For example, the National Aeronautics and Space Administration (NASA) will screen its supplies.",
    "National Aeronautics and Space Administration",
  ],
  // A natural or made thing's name ("Gulf of Mexico") names no one.
  [
    "which companies won the california offshore wind auction",
    "person",
    "Following the California offshore wind auction and ahead of the Gulf of Mexico offshore wind auction, Louisiana is joining the partnership.",
    null,
  ],
  [
    "which company won the gulf of mexico auction",
    "person",
    "Ahead of the Gulf of Mexico offshore wind auction, RWE Offshore won the first lease.",
    "RWE Offshore",
  ],
  // A role or a body followed by its holder's name is no restated subject: it answers who
  // holds the role (found by review: "Title of Body Person" lost its person).
  [
    "who is the secretary of state",
    "person",
    "Secretary of State Marco Rubio said the talks would resume in Geneva.",
    "Secretary of State Marco Rubio",
  ],
  [
    "who is the bank of america ceo",
    "person",
    "Bank of America CEO Brian Moynihan told analysts the bank would keep hiring.",
    "Bank of America CEO Brian Moynihan",
  ],
  [
    "who is the president of mexico",
    "person",
    "President Trump spoke with President of Mexico Claudia Sheinbaum on Monday.",
    "President of Mexico Claudia Sheinbaum",
  ],
  // A dictionary word one edit from a name's head is no misspelling of it ("policy", "Police").
  [
    "who will enforce the new border policy",
    "person",
    "The Border Police will enforce the new rules at every crossing.",
    "Border Police",
  ],
  // A body named with a place or a people's adjective ("Texas", "Federal") holds no person's
  // name: it restates the question's subject (found by a second review).
  [
    "where will the new maritime office sit",
    "place",
    "Governor Abbott created the Office of Texas Maritime Security, which will sit within the Department of Public Safety.",
    "Department of Public Safety",
  ],
  [
    "where will the new shipping office actually sit",
    "place",
    "The President created an Office of Federal Shipping Policy within the Department of Commerce.",
    "Department of Commerce",
  ],
  [
    "the faith ofice is supposed to bring who",
    "person",
    "The Texas Faith Office is supposed to bring together pastors and charities.",
    null,
  ],
  [
    "who is the secretary of energy",
    "person",
    "Secretary of Energy Chris Wright said the grid would hold this winter.",
    "Secretary of Energy Chris Wright",
  ],
  // The name after the question's verb is its object, not who did it.
  [
    "who praised the governor",
    "person",
    "Senator Amy Klobuchar praised Governor Tim Walz at the rally.",
    "Senator Amy Klobuchar",
  ],
  [
    "who accused the senator",
    "person",
    "Donald Trump accused senator Mark Kelly of sedition.",
    "Donald Trump",
  ],
  [
    "who actually blocked the nominee",
    "person",
    "Tom Cotton blocked nominee Jane Doe on Tuesday, aides said.",
    "Tom Cotton",
  ],
  // A region the dictionary writes in lower case ("western hemisphere") or as an abbreviation
  // ("UK") is a place all the same: no answer to who.
  [
    "who runs the militia now",
    "person",
    "The militia has destabilized the Western Hemisphere for years, officials said.",
    null,
  ],
  [
    "who runs the militia now",
    "person",
    "The militia is now run by Hassan Nasrallah, officials said.",
    "Hassan Nasrallah",
  ],
  // A place's name before a noun for a thing says whose thing ("the U.S. economy"), not who
  // acted; before a noun for people ("the U.S. government") it is the body acting.
  [
    "who wrote the study saying tariffs strengthened the economy",
    "person",
    "A study on the tariffs found that they strengthened the U.S. economy.",
    null,
  ],
  [
    "who wrote the study saying tariffs strengthened the economy",
    "person",
    "A study on the tariffs found that they strengthened the U.S. government.",
    "U.S",
  ],
  // Asked for a person ("which president"), a body's name is none: its head names a group of
  // people but never a person ("Administration"), whatever the noun's main sense.
  [
    "which president signed the landmark law",
    "person",
    "The Biden Administration ignored the landmark law for years.",
    null,
  ],
  [
    "which president signed the landmark law",
    "person",
    "The landmark law was signed by President Nixon in 1972.",
    "President Nixon",
  ],
  // A name opening with a word that is only an adjective ("Massive") whose head names no one
  // in any sense ("Investment") is a heading's thing, not a person.
  [
    "which eu leader signed the trade deal",
    "person",
    "Massive EU Investment in the United States: The EU will invest $600 billion over three years.",
    null,
  ],
  [
    "which eu leader signed the trade deal",
    "person",
    "The trade deal was signed by Commission President Ursula Schmidt.",
    "Commission President Ursula Schmidt",
  ],
  // Asked which countries, common words whose head names no place in any sense ("Task
  // Forces") are no country.
  [
    "which countries own the farms",
    "place",
    "Foreign-controlled companies own the farms, the issues the Task Forces are directed to investigate.",
    null,
  ],
  [
    "which countries own the farms",
    "place",
    "The farms are owned by companies from China and Mexico, the Task Forces found.",
    "China and Mexico",
  ],
  // A title given after "titled" or "entitled", unquoted, is a title as a quoted one is, its
  // subtitle after a colon too; "entitled to" a thing gives none.
  [
    "who won the final",
    "person",
    "The United States will suspend the interim final rule titled Expansion of End-User Controls to Cover Affiliates of Certain Listed Entities.",
    null,
  ],
  [
    "who won the final",
    "person",
    "The report, titled Made in America, was written by Jane Doe and won the final prize.",
    "Jane Doe",
  ],
];

describe("a name answers only as the person, organisation or place asked for, or none", () => {
  itAnswersEachRow(TABLE);
});
