/**
 * The core's word lists and word patterns, in one place: every other module imports what it
 * needs of English from here instead of spelling it again (the expressions of figures and
 * dates built on them are expressions.ts's).
 */

/** Splits a whitespace-separated word list. */
function words(list: string): string[] {
  return list.split(/\s+/u).filter(Boolean);
}

/** Splits a list of `from:to` pairs. */
function pairs(list: string): [string, string][] {
  return words(list).map((pair) => pair.split(":") as [string, string]);
}

/** Month names, January first. */
export const MONTHS: readonly string[] = words(
  "january february march april may june july august september october november december",
);

/** Day names, Monday first. */
export const WEEKDAYS: readonly string[] = words(
  "monday tuesday wednesday thursday friday saturday sunday",
);

/**
 * "according" as typed in chat: as spelt, or with a letter of a double or its "r" dropped
 * ("acording", "accoding"), or its "g" ("accordin"). A pattern's source, for the words that
 * cite a source.
 */
export const ACCORDING = "ac?cor?din[g']?";

/** A month name or its usual abbreviation, as a whole word, in any case. */
export const MONTH_PATTERN =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;

/** Abbreviations of month names that end with a period in prose ("Jan.", "Sept."). */
export const MONTH_ABBREVIATIONS: readonly string[] = words(
  "jan feb mar apr jun jul aug sep sept oct nov dec",
);

/** A year as news prose writes one (1500–2099). */
export const YEAR = /^(?:1[5-9]|20)\d\d$/u;

/**
 * Function words that say nothing about what a passage is about, and the filler
 * of chat ("ok", "lol", "gonna"). Question words are here too; the question's
 * type is read before they are dropped.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  words(`a about above after again against all am an and any are aren't as at be because been before being
  below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down
  during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
  here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself
  let's me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves
  out over own same shan't she she'd she'll she's should shouldn't so some such than that that's the their
  theirs them themselves then there there's these they they'd they'll they're they've this those through
  to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's
  where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
  you've your yours yourself yourselves also just will shall may might must many much whose tell says
  said say get got make makes making made like one ever s t
  ok okay wait lol lmao nah yeah yep yup gonna wanna gotta actually basically literally even yet hey hi
  hello pls plz please thanks thx u ur im idk tbh btw anyway anyways kinda sorta guys
  ngl imo imho smh bruh tho lowkey iirc afaik fwiw ikr`),
);

/**
 * Words that name no topic of their own (time deixis, vague nouns, words about
 * the article itself): they count half, so that "today" in a question does not
 * pull in any sentence saying "Today".
 */
export const LOW_INFORMATION_WORDS: ReadonlySet<string> = new Set(
  words(`today now rn currently current recently recent lately nowadays yesterday tomorrow thing things stuff way
  kind lot lots really actually something anything someone anyone anybody somebody else
  article articles story stories piece text quoted quote mentioned mention mentions
  happen happens happened happening occur occurs occurred occurring`),
);

/**
 * Nouns that say only that someone is a person ("the Xinhua guy"), no role: a passage names
 * the one meant by what they did or what they are, not by these words.
 */
export const GENERIC_PERSON_NOUNS: ReadonlySet<string> = new Set(
  words(`guy guys dude dudes person persons people man men woman women lady ladies gentleman fellow folks
  someone somebody individual individuals one`),
);

/**
 * Common irregular verb forms and their base form, so "met" finds "meet" and
 * "rose" finds "rise": the stemmer only handles regular endings.
 */
export const IRREGULAR_FORMS: ReadonlyMap<string, string> = new Map(
  pairs(`arose:arise arisen:arise ate:eat eaten:eat became:become began:begin begun:begin bought:buy brought:bring
  built:build caught:catch chose:choose chosen:choose came:come cost:cost dealt:deal drove:drive driven:drive
  fell:fall fallen:fall felt:feel fought:fight found:find got:get gotten:get flew:fly flown:fly forgot:forget gave:give given:give
  went:go gone:go grew:grow grown:grow held:hold hid:hide kept:keep knew:know known:know led:lead left:leave
  lent:lend lost:lose meant:mean met:meet paid:pay ran:run rose:rise risen:rise sold:sell sent:send set:set
  shot:shoot shown:show spoke:speak spoken:speak spent:spend stood:stand struck:strike swore:swear took:take
  taken:take taught:teach thought:think threw:throw thrown:throw told:tell understood:understand won:win
  wrote:write written:write worse:bad worst:bad better:good best:good larger:large largest:large bigger:big
  biggest:big higher:high highest:high lower:low lowest:low men:man women:woman children:child people:person`),
);

/** Number words and percent spellings, as the terms their digits and sign have. */
export const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  pairs(`zero:0 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 eleven:11 twelve:12
  thirteen:13 fourteen:14 fifteen:15 sixteen:16 seventeen:17 eighteen:18 nineteen:19 twenty:20
  thirty:30 forty:40 fifty:50 sixty:60 seventy:70 eighty:80 ninety:90 hundred:100
  percent:% percentage:% pct:%`),
);

/**
 * True for a numeral: digits ("2"), a Roman numeral of two letters or more ("ii", "iii",
 * "xiv"; one letter is as often a word or an initial), a number word ("three").
 */
export function isNumeral(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    /^\p{N}/u.test(lower) || /^\d/u.test(NUMBER_WORDS.get(lower) ?? "") || isRomanNumeral(lower)
  );
}

/** Ordinal words: a rank in a series ("the fourth ministerial"), as specific as a number. */
const ORDINAL_WORDS: ReadonlySet<string> = new Set(
  `first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
  fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth
  fiftieth hundredth`.split(/\s+/u),
);

/** An ordinal in a regular expression: a word of {@link ORDINAL_WORDS} or digits ("4th"). */
export const ORDINAL_PATTERN = String.raw`(?:${[...ORDINAL_WORDS].join("|")}|\d+(?:st|nd|rd|th))`;

const ORDINAL = new RegExp(`^${ORDINAL_PATTERN}$`, "u");

/** Words of a number's size: "million" is no stand-in for "billion". */
const MAGNITUDE_WORDS: ReadonlySet<string> = new Set([
  "thousand",
  "million",
  "billion",
  "trillion",
]);

/**
 * True for a word that says a number, a rank or a size: a numeral ({@link isNumeral}), an
 * ordinal ("fourth", "4th"), a magnitude ("million"). Two of them are never each other's
 * stand-ins: the dictionary and the word vectors put "fourth" by "fifth", "million" by "billion".
 */
export function isNumberWord(word: string): boolean {
  const lower = word.toLowerCase();
  return isNumeral(lower) || MAGNITUDE_WORDS.has(lower) || ORDINAL.test(lower);
}

/** True for a Roman numeral of two letters or more, in any case ("II", "iii", "XIV"). */
export function isRomanNumeral(word: string): boolean {
  return word.length >= 2 && /^x{0,3}(?:ix|iv|v?i{0,3})$/iu.test(word);
}

/**
 * Porter's stemmer gives some common words the stem of an unrelated word: "news"
 * becomes "new", "important" becomes "import", "useful" becomes "us" (of "use"),
 * "business" meets "busy", "university" meets "universe", "general" meets
 * "generate", "organization" meets "organ". These keep stems of their own.
 */
export const STEM_COLLISIONS: ReadonlyMap<string, string> = new Map(
  pairs(`news:news important:importan importance:importan importantly:importan useful:useful
  usefulness:useful business:business businesses:business university:universit
  universities:universit general:general generally:general organization:organiz
  organizations:organiz organisation:organiz organisations:organiz`),
);

/**
 * Nouns that frame what is asked instead of naming it: "the name of the agent" is
 * answered by a name, "the number of cars" by a count, "the date of the meeting" by a
 * date, "the job of Wang Yang" by a role, "the purpose of the order" by an explanation
 * in the article's own words, "the latest on the deal" or "the lowdown on the deal" by the
 * news, none of them by the word itself.
 */
export const FRAME_NOUNS: ReadonlySet<string> = new Set(
  words(`name names number amount total kind type sort part list example
  date time day year month deadline timeline schedule percentage percent rate level share fraction proportion
  job title position post occupation role scope extent
  purpose goal aim target reason cause point significance importance impact effect result outcome
  benefit problem meaning status plan idea nature focus context basis background rationale motive
  latest news word update updates info information details
  situation scoop tea lowdown rundown tldr vibe vibes takeaway gist breakdown summary overview stance`),
);

/** Question words that open "what is the range of …", "who was the head of …". */
export const WH_WORDS: ReadonlySet<string> = new Set(words("what who which whats whos"));

/** Forms of "be" between a question word and what it asks ("what is the …", "who's the …"). */
export const COPULAS: ReadonlySet<string> = new Set(words("is was are were s be been"));

/** Auxiliary verbs: the unmatched word after one is most often the question's own verb. */
export const AUXILIARIES: ReadonlySet<string> = new Set(
  words("did does do will would can could should may might must shall"),
);

/** Words that say when (beside month and day names): a sentence holding one can answer "when". */
export const TIME_WORDS: readonly string[] = [
  ...WEEKDAYS,
  ...MONTHS.filter((month) => month !== "may"),
  ...words(`yesterday today tonight week month year night morning evening time timing schedule soon
  deadline date`),
];

/** Words that frame a question about an abbreviation rather than say what it is about. */
export const DEFINITION_FRAME: ReadonlySet<string> = new Set(
  words("mean means meaning stand stands abbreviation acronym short wat"),
);

/** Abbreviations that end with a period but rarely end a sentence ("Mr.", "Inc.", "Sept."). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...words(`mr mrs ms dr prof sr jr st gen gov sen rep rev capt col lt sgt mt no vs etc inc corp co ltd
  approx dept est fig seq`),
  ...MONTH_ABBREVIATIONS,
]);

/** Verbs and nouns of change: a question with one is answered by a rate or a multiple first. */
export const CHANGE_WORDS =
  /\b(?:grow|grew|grown|growth|rise|rose|risen|increase|increased|go up|went up|gone up|goes up|surge|surged|soar|soared|fall|fell|drop|dropped|decline|declined|jump|jumped|climb|climbed|change|changed)\b/iu;

/** Words of a question that asks for a rate rather than an amount. */
export const RATE_WORDS = /percent|%|\brates?\b|tariff|\bshare\b|\bduty\b|\blevy\b/iu;

/** Question words that open a "who is X" about a named person rather than a role ("who is the premier"). */
export const ROLE_OPENERS = words(
  "the a an that this those these it in on at behind responsible leading running",
);

/** Words before a role that make it another role: a vice premier is not the premier. */
export const OTHER_ROLE_WORDS: readonly string[] = [
  "vice",
  "deputy",
  "assistant",
  "acting",
  "interim",
];
