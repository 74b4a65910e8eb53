import { AUXILIARIES, CHANGE_WORDS, COPULAS, ROLE_OPENERS } from "../text/lexicon.ts";
import { MEASURE_UNIT } from "../text/expressions.ts";
import type { SynonymSource } from "../synonyms.ts";
import { askedNounSense, NAME_ASKED, questionText } from "./asked-noun.ts";
import { comparesMoney, lengthOfThing, moneyOfAgent, sizeOfMoney } from "./sized-noun.ts";
import { asksSourceOrDestination } from "./where-asked.ts";
import { WHO_IS } from "./held-role.ts";

/**
 * The kind of answer a question expects (a count, a date, a duration, a sum of
 * money, a person…), read from its wording, and whether a passage holds one:
 * used to rank (a "when" question prefers a sentence with a time expression),
 * to decline (no passage holds the count asked for) and to pick the short answer.
 * A "thing" is something named by the question's own noun ("which reactor generation"
 * → "Generation IV").
 */
export type AnswerType =
  | "person"
  | "place"
  | "description"
  | "date"
  | "duration"
  | "count"
  | "money"
  | "percent"
  | "amount"
  | "measure"
  /** A telephone number: "acp phone number", "what number do i call". */
  | "phone"
  | "definition"
  | "thing"
  | "none";

const TIME_UNITS = "years?|months?|weeks?|days?|hours?|minutes?|decades?";

/** "what kind of", "which types of", "what sorta": a question asking for a kind of something. */
const KIND_ASKED =
  /^(?:which|what|wat) (?:kinds?|types?|sorts?) of\b|^(?:which|what|wat) (?:kinda|sorta)\b/u;

/**
 * "Which firm", "what companies": a person or an organisation is asked for when the
 * noun is an agent (-er, -or, -ist…) or a kind of organisation. Used when the
 * dictionary does not know the noun ({@link headNounKind} decides otherwise).
 */
const WHICH_THING =
  /^(?:which|what) (?!about\b)(?:\w+ )?(?:\w+(?:ers?|ors?|ists?|ants?|ents?)|person|people|official|officials|company|companies|firms?|brands?|makers?|organi[sz]ations?|groups?|agency|agencies)\b/u;

/** The first question word: the one that asks (a later one is inside a clause: "why not leave it where it is"). */
export const FIRST_WH = /\b(?:who|whom|whose|what|when|where|which|why|how)\b/u;

/**
 * "What's the deadline for the report", "what is the new due date": a date, named by the noun
 * the question asks about, as a keyword search's last word names it.
 */
const DEADLINE_ASKED =
  /^what(?:'s|s| is| was| are| were) (?:the |its |their )?(?:[a-z'-]+ ){0,2}(?:deadline|due date)s?\b/u;

/** A date asked by the question's first question word ("when…", "what year…", "how far back…"). */
const DATE_ASKED = new RegExp(
  String.raw`^(?:when|(?:what|which) (?:year|day|date|time|month|week)|how long ago|how far (?:back|out|ahead|off))\b|${DEADLINE_ASKED.source}`,
  "u",
);

/** A question that opens with an auxiliary ("does the credit depend on where…") asks yes or no. */
const YES_NO =
  /^(?:(?:so|ok|okay|lol|hey|wait|and|but|also|yo|ngl|btw|then|hmm|um) )?(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|may|might|must|isn't|aren't|wasn't|doesn't|didn't|hasn't|haven't|won't|can't)\b/u;

/**
 * True when a verb or a determiner follows "what"/"which" ("what are agencies told to do", "what
 * do drugmakers have to sign", "what did officials say", "what the officials said"): the noun
 * after it is the question's subject, and what is asked is no agency, drugmaker or official.
 * Words that choose among the noun's kind ("which other companies", "what few firms") keep it
 * asked.
 */
function nounIsSubject(q: string): boolean {
  const after = /^(?:which|what) (\w+)/u.exec(q)?.[1];
  return (
    after !== undefined &&
    (COPULAS.has(after) || AUXILIARIES.has(after) || SUBJECT_OPENERS.has(after))
  );
}

/** Determiners and forms of "have" that open a question's subject after "what": "what the officials said". */
const SUBJECT_OPENERS: ReadonlySet<string> = new Set([
  "has",
  "have",
  "had",
  "the",
  "those",
  "these",
  "his",
  "her",
  "its",
  "their",
  "our",
  "my",
  "your",
  "some",
]);

/**
 * The kind "which N" / "what N" asks for, from the dictionary's sense of N: a person
 * or an organisation ("which agency"), a place ("which province"), or a thing that
 * bears N's name ("which generation" → "Generation IV"); undefined when the
 * dictionary does not know N.
 */
function headNounKind(q: string, dictionary: SynonymSource): AnswerType | undefined {
  const sense = askedNounSense(q, dictionary);
  if (!sense) return undefined;
  if (sense.category === "person" || sense.category === "organization") return "person";
  if (sense.category === "location") return "place";
  return "thing";
}

/** "How much" and a comparative of degree: by how much one thing exceeds another. */
const COMPARED =
  /\bhow much (?:higher|lower|bigger|smaller|larger|greater|stronger|weaker|faster|slower|quicker|(?:more|less) (?:likely|potent|effective|efficient|often))\b/u;

/** "How much", "how big", "by how much": an amount of any kind, unless the thing sized says which. */
const SIZE = /\b(?:how (?:much|big|large|high)|by how|what (?:amount|total|sum|level|size))\b/u;

/** Verbs of moving: "how fast" with one asks for a speed, without one for a length of time. */
const MOTION_WORDS =
  /\b(?:fly|flies|flew|flown|flying|go|goes|went|going|travel(?:s|ed|led|ing)?|drive|drives|drove|driving|run|runs|ran|running|move|moves|moved|moving|sail|sails|sailed|cruise|cruises|spin|spins|speed|top speed)\b/u;

/** Reading a question's wording: the first matching rule wins. */
const QUESTION_RULES: readonly [RegExp, AnswerType][] = [
  [
    /\bstands? for\b|\b(?:does|do) \S+ (?:mean|stand)\b|\bmeaning of\b|\babbreviation\b|\bacronym\b/u,
    "definition",
  ],
  [/\bhow long ago\b/u, "date"],
  // "How far back…", "how far out…": a time in the past or the future ("back to 1979", "the
  // next decade"), not a distance.
  [/\bhow far (?:back|out|ahead|off)\b/u, "date"],
  // "What is the budget money for": a purpose, in the article's words, not the sum ("what
  // does it sell for" still asks a price).
  [
    /^(?:what|wat|wht)\b(?!.*\b(?:sell|sells|sold|go|goes|went|pay|paid|charge|charged|buy|bought|cost|costs|rent|lease|retail|retails|list|listed)\s+for\b).*\bfor[?!. ]*$/u,
    "none",
  ],
  [
    new RegExp(
      String.raw`\bhow long\b|\bhow many (?:more )?(?:${TIME_UNITS})\b|\bfor how many\b|\bwhat (?:period|duration)\b`,
      "u",
    ),
    "duration",
  ],
  // "How many dollars", "the exact dollar amount": a sum of money, not a count of things nor an
  // amount of anything.
  [
    /\bhow many (?:more )?(?:dollars|bucks|euros|cents)\b|\b(?:dollar|usd) (?:amount|figure|value|total|sum)s?\b/u,
    "money",
  ],
  [/\bhow many\b|\bwhat (?:number|count) of\b|\bhow often\b/u, "count"],
  // "acp phone number", "what number do i call", "the hotline" (not "how many phone numbers"): a telephone number.
  [
    /\b(?:tele)?phone (?:number|no|#)|\bhotline\b|\bhelpline\b|\bnumber (?:to|do i|do you|can i|should i) (?:call|text|dial)\b/u,
    "phone",
  ],
  [
    /\bhow much (?:money|revenue|funding|cash|profit|income)\b|\bhow much (?:does|do|did|will|would|has|have|had|is|are|was|were|can|could|should) .*\b(?:cost|costs|pay|paid|paying|spend|spent|spending|earn|earned|make|made|raised?(?=[?!. ]*$|[?!. ]+(?:for|from|in|to|through|by|so|last|this|since|at|during|over|altogether|total)\b)|charge|charged|sell for|fund|invest|invests|invested|investing|owe|owes|owed)\b|\bwhat (?:does|do|did|will|would) .*\bcosts?\b|\bhow (?:expensive|costly)\b|\bwhat (?:is |was |are |were )?(?:the )?(?:price|cost|revenue|fee|budget|funding|salary|value|worth)\b/u,
    "money",
  ],
  [
    /\bwhat (?:percentage|percent|share|rate|fraction|proportion|portion)\b|\bby what (?:percent|percentage|factor)\b|\bwhat(?:'s|s| is| was| are| were) (?:the |its |their )?(?:[a-z'-]+ ){0,2}(?:percentage|rate|share|fraction|proportion)\b/u,
    "percent",
  ],
  // A tariff, a tax or a levy may be a rate or a sum: any amount.
  [
    /\bhow (?:high|big|large) (?:is|was|are|were) (?:the )?(?:\w+ )?(?:tariffs?|tax|taxes|rate|duty|duties|levy|levies|credit)\b|\bwhat (?:\w+ )?(?:tariffs?|tax|duty|levy) (?:rates?|is|was|are|were|applies|apply|will|did|does|do)\b/u,
    "amount",
  ],
  // An age, a height, a speed, a distance, a weight: a number with its unit ("how fast did
  // exports grow" asks for a rate of change instead; see expectedAnswer).
  [
    /\bhow (?:old|tall|far|heavy|deep|wide|fast)\b|\bwhat (?:age|speed|height|distance|weight|depth|width)\b/u,
    "measure",
  ],
  [SIZE, "amount"],
  [
    /\b(?:when|what (?:year|day|date|time|month|week)|which (?:year|day|date|month|week))\b/u,
    "date",
  ],
  [DEADLINE_ASKED, "date"],
  // "Who is Li Anding?" asks what the person is; "who is the premier" asks for a name. A
  // Unicode word end, not \b: "a" is no word of its own in "año".
  [
    new RegExp(
      String.raw`^(?:so |and |but |ok |okay |lol |hey )?${WHO_IS} (?!(?:${ROLE_OPENERS.join("|")}|in charge)(?![\p{L}\p{N}]))[\p{L}.'-]+(?: [\p{L}.'-]+){0,2}(?:,? (?:and|&) .*)?[?!. ]*$`,
      "u",
    ),
    "description",
  ],
  [/\b(?:who|whom|whose)\b/u, "person"],
  [WHICH_THING, "person"],
  // "Where is the money coming from": a source of funds, in the article's words, not a place.
  [
    /\bwhere\b.*\b(?:money|funding|funds|financing|cash)\b.*\b(?:come|comes|coming|came)\s+from\b/u,
    "none",
  ],
  [
    /\b(?:where|(?:what|which) (?:provinces?|city|cities|countr(?:y|ies)|states?|regions?|places?|towns?))\b/u,
    "place",
  ],
];

/**
 * The kind of answer a question expects; the question is plain text (see
 * normalizeDiscordText). A question that asks why, or yes or no, expects no short
 * answer whatever words follow. With a dictionary, "which N" is read from what N is.
 */
export function expectedAnswer(question: string, dictionary?: SynonymSource | null): AnswerType {
  const q = questionText(question);
  // "what's the name of the reporter", "who is the czar, what's his name": a name, of the
  // kind the noun after "of" names (a place for "the farm"), or else a person's.
  const named = NAME_ASKED.exec(q);
  if (named) {
    const kind = named[1] && dictionary ? headNounKind(`which ${named[1]}`, dictionary) : undefined;
    return kind === "place" ? "place" : "person";
  }
  const [definition] = QUESTION_RULES;
  if (definition?.[0].test(q)) return "definition";
  // "what kind of tech", "which type of state laws": a kind of the noun, said in a description,
  // not a name of the noun's sort ("tech" a technician, "state" a place).
  if (KIND_ASKED.test(q)) return "thing";
  const first = FIRST_WH.exec(q);
  if (first?.[0] === "why" || /^how come\b/u.test(q.slice(first?.index ?? 0))) return "none";
  const yesNo = YES_NO.exec(q);
  if (yesNo && (!first || first.index >= yesNo[0].length)) return "none";
  for (const [pattern, type] of QUESTION_RULES) {
    if (!pattern.test(q)) continue;
    // "what happened when lightning hit", "who was in charge when it passed": a "when"
    // after the question word opens a clause; it asks for no date.
    if (type === "date" && first && !DATE_ASKED.test(q.slice(first.index))) continue;
    if (pattern === WHICH_THING && nounIsSubject(q)) continue;
    if (pattern === WHICH_THING && dictionary) return headNounKind(q, dictionary) ?? type;
    if (type === "measure" && CHANGE_WORDS.test(q)) return "amount";
    // "how big are the fines": the size of money, or of what is owned or owed, is a sum.
    if (pattern === SIZE && dictionary && sizeOfMoney(q, dictionary)) return "money";
    // "how much higher are birth rates", "how much stronger is fentanyl than morphine": a
    // comparison is a share or a multiple, not a sum ("how much cheaper" may be one, and so may
    // "how much higher are the fees": money compared).
    if (pattern === SIZE && COMPARED.test(q) && !(dictionary && comparesMoney(q, dictionary))) {
      return "percent";
    }
    // "how much did the average student get": what a person or a body gets or pays is money.
    if (pattern === SIZE && dictionary && moneyOfAgent(q, dictionary)) return "money";
    if (type === "place" && dictionary && asksSourceOrDestination(q, dictionary)) return "none";
    // "how fast can you build one" asks how long it takes; "how fast will it fly", a speed.
    if (type === "measure" && /\bhow fast\b/u.test(q) && !MOTION_WORDS.test(q)) return "duration";
    // "how long is the new bridge gonna be" asks its length; "how long is the release to go on", a time.
    if (type === "duration" && dictionary && lengthOfThing(q, dictionary)) return "measure";
    return type;
  }
  if (!first) {
    const keyword = KEYWORD_KINDS.find(([pattern]) => pattern.test(q));
    if (keyword) return keyword[1];
  }
  return (dictionary && headNounKind(q, dictionary)) || "none";
}

/**
 * A search typed as keywords, with no question word ("vcs hardware ban effective date"),
 * asks for the kind its last word names.
 */
const KEYWORD_KINDS: readonly [RegExp, AnswerType][] = [
  // "deaths per year", "sales last year": a rate or a time that the question is about, not a date asked for.
  [
    /(?<!\b(?:per|a|an|each|every|last|this|next|past) )\b(?:date|dates|deadline|year|day|month)[?!. ]*$/u,
    "date",
  ],
  [/\b(?:percentage|percent)[?!. ]*$/u, "percent"],
  [/\b(?:price|prices|cost|costs)[?!. ]*$/u, "money"],
  [/\b(?:duration)[?!. ]*$/u, "duration"],
  // As "how many", "how much" and "what size", "what height" or a number's unit ask.
  [/\b(?:count|tally)[?!. ]*$/u, "count"],
  [/\b(?:size|total|amount)[?!. ]*$/u, "amount"],
  [/\b(?:speed|height|distance|weight|depth|width)[?!. ]*$/u, "measure"],
  // A unit, but not a building's floors ("trump tower stories" asks for no height).
  [
    new RegExp(String.raw`\b(?!(?:stories|storeys|floors)\b)${MEASURE_UNIT}[?!. ]*$`, "u"),
    "measure",
  ],
];
