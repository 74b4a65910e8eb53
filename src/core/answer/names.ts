import { speakerLabel } from "../article/speakers.ts";
import { SHORT_ANSWER } from "../fixed-tuning.ts";
import { clauseAround } from "./clauses.ts";
import type { NounSense, SynonymSource } from "../synonyms.ts";
import { CALENDAR_WORD, STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { askedNoun, asksForName, FIRST_WH, type AnswerType } from "./expected.ts";

/**
 * A run of capitalised words, allowing initials and "de", "van" inside ("Vice Premier
 * Wang Yang"), digits inside a word ("G7", "F-35"), and after an "of" (or "of the": "Secretary
 * of the Interior") also "and" ("Office of Science and Technology Policy").
 */
const NAME =
  /\b\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:de\s+|van\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*(?:\s+of\s+(?:the\s+)?\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:and\s+|&\s+|of\s+)?\p{Lu}[\p{L}\p{N}'’.-]*)*)?/gu;

/** A preposition of place right before a name ("in Woodside", "at the White House"). */
const LOCATIVE_BEFORE = /\b(?:in|at|near|outside(?: of)?|inside)\s+(?:the\s+)?$/iu;

/**
 * Whether a name is of a kind that cannot answer: a place for "who", a person or an
 * organisation for "where", by the dictionary's sense of the whole name or of its head
 * when the dictionary writes that one as a name ("China", "United States").
 */
function wrongKindOfName(
  type: AnswerType,
  name: string,
  dictionary: SynonymSource | null | undefined,
): boolean {
  if (!dictionary?.nounSense) return false;
  // The head of "Governments of Canada" is "Governments"; of "Vice Premier Wang", "Wang".
  const head = / of /u.test(name) ? beforeOf(name) : name.split(/\s+/u).at(-1);
  // "Central New York": the longest ending the dictionary knows as a name ("New York") says
  // what the whole is, before its last word alone ("York", a royal house).
  const sense =
    dictionary.nounSense(name) ??
    (/ of /u.test(name) ? undefined : knownEnding(name, dictionary)) ??
    (head && head !== name ? dictionary.nounSense(head) : undefined);
  // "President Xi Jinping", "Vice Premier Wang": a title the dictionary knows as a person's
  // ("president", "premier", "secretary") before the name makes it a person's name.
  if (type === "place" && hasPersonsTitle(name, dictionary, type)) return true;
  if (titledThingOfWrongKind(type, name, dictionary)) return true;
  if (!sense?.proper) return false;
  if (type === "place") return sense.category === "person" || sense.category === "organization";
  return sense.category === "location" || sense.category === "time";
}

/**
 * "AI Action Plan", "National Reactor Testing Station": a name of several words that are all
 * dictionary words and none a name of its own is a titled thing, and its head says what it
 * is. It answers "who" only when some sense of the head names people ("Office", "Group"),
 * and "where" only when one names a place or a structure.
 */
function titledThingOfWrongKind(
  type: AnswerType,
  name: string,
  dictionary: SynonymSource,
): boolean {
  if (type !== "person" && type !== "place") return false;
  const words = beforeOf(name).split(/\s+/u);
  if (words.length < SHORT_ANSWER.titledThingWords) return false;
  const common = words.every((word) => commonNoun(word, dictionary));
  // "Governor Brad Little", "National Security Advisor Waltz": a person's title just before
  // the last words makes them a person's name, whatever else the words mean.
  const titled = words.slice(-3, -1).some((word) => {
    const sense = dictionary.nounSense?.(foldCase(word));
    return sense !== undefined && !sense.proper && sense.category === "person";
  });
  if (!common || titled) return false;
  const head = dictionary.nounSense?.(foldCase(words.at(-1) ?? ""));
  return type === "person" ? head?.agent === false : head?.site === false;
}

/** The sense of a name's longest ending of two words or more that the dictionary writes as a name. */
function knownEnding(name: string, dictionary: SynonymSource): NounSense | undefined {
  const words = name.split(/\s+/u);
  for (let start = 1; start < words.length - 1; start += 1) {
    const sense = dictionary.nounSense?.(words.slice(start).join(" "));
    if (sense?.proper) return sense;
  }
  return undefined;
}

/**
 * Where quotations whose words are all capitalised, numbers or short function words stand: a
 * title (“Airport and Airway Extension Act of 2023, Part II”, ‘Rust Belt’), not something
 * said (“Tesla will build a plant”).
 */
function quotedTitles(excerpt: string): [number, number][] {
  const spans: [number, number][] = [];
  const quotation = new RegExp(
    String.raw`[“"]([^”"]{1,${SHORT_ANSWER.maxQuotedTitle}})[”"]|‘([^‘’]{1,${SHORT_ANSWER.maxQuotedTitle}})’`,
    "gu",
  );
  for (const match of excerpt.matchAll(quotation)) {
    const words = (match[1] ?? match[2])?.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
    if (words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || QUOTED_TITLE_LINKS.has(word))) {
      spans.push([match.index, match.index + match[0].length]);
    }
  }
  return spans;
}

/** Lower-case words a title may hold between its capitalised ones. */
const QUOTED_TITLE_LINKS: ReadonlySet<string> = new Set([
  "of",
  "and",
  "the",
  "for",
  "to",
  "in",
  "on",
  "a",
  "an",
  "at",
  "by",
]);

/** The part of a name before its " of …" ("Governments" of "Governments of Canada"), or all of it. */
function beforeOf(name: string): string {
  const at = name.indexOf(" of ");
  return at === -1 ? name : name.slice(0, at);
}

/**
 * True when a word before a name's last is a common noun for a person: a title ("President
 * Xi"). Not in a titled thing of dictionary words whose head names what is asked for: in
 * "National Weather Service" (an organisation) or "National Park Service", "national" and
 * "consumer" are no titles, though WordNet knows them as persons.
 */
function hasPersonsTitle(name: string, dictionary: SynonymSource, asked: AnswerType): boolean {
  // "National Science and Technology Council": the "and" is no word of the title.
  const words = beforeOf(name)
    .split(/\s+/u)
    .filter((word) => !STOP_WORDS.has(foldCase(word)));
  // Before "of", the last word is a title too: "Philippine Secretary of Foreign Affairs …".
  const titles = / of /u.test(name) ? words : words.slice(0, -1);
  const titled = titles.some((word) => {
    const sense = dictionary.nounSense?.(word);
    return sense !== undefined && !sense.proper && sense.category === "person";
  });
  if (!titled || words.length < SHORT_ANSWER.titledThingWords) return titled;
  if (!words.every((word) => commonNoun(word, dictionary))) return true;
  // "National Security Advisor Waltz": a head that names neither a group nor a place
  // leaves the title a title.
  const head = dictionary.nounSense?.(foldCase(words.at(-1) ?? ""));
  if (!head || head.category === "person") return true;
  return !(asked === "place" ? head.site : head.agent);
}

/**
 * A role, not a name: capitalised dictionary words only, the last a person ("National
 * Security Advisor", "Ethics Chief"). A proper name among them ("Dana Ortiz", "Vice Premier
 * Wang") or a head that is no person ("National Science and Technology Council") makes a name.
 */
function isRole(words: readonly string[], dictionary: SynonymSource): boolean {
  if (!words.every((word) => commonNoun(word, dictionary))) return false;
  const head = dictionary.nounSense?.(foldCase(words.at(-1) ?? ""));
  return head !== undefined && !head.proper && head.category === "person";
}

/** A common noun for a person ("administrator", "secretary"), by its main sense. */
function isPersonNoun(word: string, dictionary: SynonymSource): boolean {
  const sense = dictionary.nounSense?.(foldCase(word));
  return sense !== undefined && !sense.proper && sense.category === "person";
}

/** A dictionary word that WordNet does not write as a name ("weather", not "donald"). */
function commonNoun(word: string, dictionary: SynonymSource): boolean {
  const folded = foldCase(word);
  return dictionary.knows(folded) && dictionary.nounSense?.(folded)?.proper !== true;
}

/** True when the dictionary knows a word as a verb and never as a noun ("Announce", not "Cook"). */
function onlyVerb(word: string, dictionary: SynonymSource | null | undefined): boolean {
  const folded = foldCase(word);
  return Boolean(dictionary?.mostlyVerb?.(folded)) && dictionary?.nounSense?.(folded) === undefined;
}

/** A name found in an excerpt: its text and where it starts and ends. */
interface NameSpan {
  readonly text: string;
  readonly index: number;
  readonly end: number;
}

/**
 * The runs of capitalised words of an excerpt ({@link NAME}), two joined by "and" when the
 * second ends in a noun for an organisation and the first is two dictionary words or more
 * and no organisation itself ("National Science and Technology Council"); "Canada and
 * Mexico", "President Biden and President Xi", "Chair Lina Khan and Consumer Financial
 * Protection Bureau", "Department of Justice and Federal Trade Commission" stay two names.
 */
function namesIn(excerpt: string, dictionary: SynonymSource | null | undefined): NameSpan[] {
  const spans: NameSpan[] = [];
  NAME.lastIndex = 0;
  for (const match of excerpt.matchAll(NAME)) {
    const span = { text: match[0], index: match.index, end: match.index + match[0].length };
    const previous = spans.at(-1);
    const head = foldCase(span.text.split(/\s+/u).at(-1) ?? "");
    const sense = dictionary?.nounSense?.(head);
    // "The Commerce and State Departments": a sentence's opening "The" is no word of the name.
    const first = (previous?.text.split(/\s+/u) ?? []).filter(
      (word, i) => i > 0 || !STOP_WORDS.has(foldCase(word)),
    );
    const firstHead = foldCase(
      beforeOf(previous?.text ?? "")
        .split(/\s+/u)
        .at(-1) ?? "",
    );
    if (
      previous &&
      dictionary &&
      /^\s+and\s+$/u.test(excerpt.slice(previous.end, span.index)) &&
      // "The Commerce and State Departments": a plural head names both, one word before "and"
      // is enough.
      (first.length >= 2 || /s$/u.test(head)) &&
      sense?.category === "organization" &&
      !sense.proper &&
      // "Chair Lina Khan and Consumer Financial Protection Bureau", "Department of Justice
      // and Federal Trade Commission": a person's name, or a whole organisation, comes first.
      first.every((word) => commonNoun(word, dictionary)) &&
      dictionary.nounSense?.(firstHead)?.category !== "organization"
    ) {
      spans[spans.length - 1] = {
        text: excerpt.slice(previous.index, span.end),
        index: previous.index,
        end: span.end,
      };
      continue;
    }
    spans.push(span);
  }
  return spans;
}

/**
 * The question's word right after "who" when "who" is its first question word ("tweeted" of
 * "who tweeted the photo", "so who tweeted the photo", "does anyone know who tweeted it").
 */
function wordAfterWho(question: string): string | undefined {
  const q = foldCase(question);
  const first = FIRST_WH.exec(q);
  if (first?.[0] !== "who") return undefined;
  return /^\s+(\p{L}+)/u.exec(q.slice(first.index + first[0].length))?.[1];
}

/**
 * Where the excerpt has the verb a "who" question asks about ("who tweeted the photo": the
 * first "tweeted", "tweets"…, not "tweeting"), or -1: the question's word right after "who",
 * when it is no stop word (not "who is", "who did", "who's") and no verb of saying, whose
 * speaker news often writes after it ("said Li Anding", "warned the Secretary").
 */
function askedVerbAt(
  question: string,
  excerpt: string,
  dictionary: SynonymSource | null | undefined,
): number {
  const verb = wordAfterWho(question);
  if (verb === undefined || STOP_WORDS.has(verb) || dictionary?.speechVerb?.(verb)) return -1;
  const term = termOf(foldCase(verb));
  for (const word of excerpt.matchAll(/\p{L}+/gu)) {
    const written = foldCase(word[0]);
    // "Musk's meeting with Wang": a verb made a noun has no subject before it.
    if (termOf(written) === term && !/ing$/u.test(written)) return word.index;
  }
  return -1;
}

/**
 * The name in an excerpt that answers "who"/"which"/"where": one the question does
 * not already say, preferring a name right after a word of the question (an
 * apposition: "researcher JL Warren Capital") and then longer names.
 */
export function bestName(
  type: AnswerType,
  question: string,
  excerpt: string,
  title: string,
  dictionary: SynonymSource | null | undefined,
  bearing?: ReadonlySet<string>,
): string | null {
  const topic = new Set(
    foldCase(title)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((word) => termOf(word)),
  );
  const asked = new Set(
    foldCase(question)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== "" && !STOP_WORDS.has(word))
      .map((word) => termOf(word)),
  );
  // "Treasury's or other agencies'?": the answer is one of the question's own names.
  const alternatives = /\bor\b/iu.test(question);
  // "Which airlines…": a name whose head is the noun asked for ("United Airlines") answers.
  const noun = askedNoun(question, dictionary);
  const kindAsked = noun === undefined ? undefined : termOf(noun.word);
  // "Which federal departments…": a person ("President Biden") does not answer it.
  const organization = type === "person" && noun?.sense.category === "organization";
  // "what's his name": a role ("National Security Advisor") says what someone is, not who.
  const nameAsked = asksForName(question);
  let best: { name: string; order: number } | undefined;
  // Where the question's words stand, to tell places apart (below): read for "where" only.
  const askedAt =
    type === "place"
      ? [...excerpt.matchAll(/[\p{L}\p{N}]+/gu)]
          .filter((word) => asked.has(termOf(foldCase(word[0]))))
          .map((word) => word.index)
      : [];
  // A transcript's "MS. PSAKI:" says who speaks, not whom the passage is about (a question
  // about who said it gets the speaker apart: see search/speakers.ts).
  const label = speakerLabel(excerpt);
  const labelEnd = label === undefined ? 0 : label.length + 1;
  // "who tweeted the photo": the one who did it is written before the verb ("the news agency
  // tweeted a photo of … Wang Yang"); a name after it is what was done to, unless "by" comes
  // first (passive: "was tweeted by Xinhua").
  const verbAt = type === "person" ? askedVerbAt(question, excerpt, dictionary) : -1;
  // "who said …": the name right before or after a verb of saying ("…,” Li said") said it.
  const afterWho = wordAfterWho(question);
  const asksSaying =
    type === "person" && afterWho !== undefined && Boolean(dictionary?.speechVerb?.(afterWho));
  const titles = type === "person" || type === "place" ? quotedTitles(excerpt) : [];
  for (const match of namesIn(excerpt, dictionary)) {
    if (match.index < labelEnd) continue;
    // "the label ‘Rust Belt.’": a closing quotation mark is no part of the name either.
    const name = match.text.replace(/[’']s$/u, "").replace(/[,.;:’'”"]+$/u, "");
    const words = name.split(/\s+/u).filter((word) => !CALENDAR_WORD.test(word));
    // A sentence may open with "But Tesla": the opener is no part of the name.
    while (words.length > 0 && STOP_WORDS.has(foldCase(words[0] ?? ""))) words.shift();
    // A headline in title case runs on into its verb ("Apple CEO Tim Cook Announce"):
    // a last word the dictionary knows only as a verb is no part of the name.
    while (words.length > 1 && onlyVerb(words.at(-1) ?? "", dictionary)) words.pop();
    if (words.length === 0) continue;
    const isSentenceStart =
      match.index === 0 || /[.!?“":•-]\s*$/u.test(excerpt.slice(0, match.index));
    if (isSentenceStart && words.length === 1) continue;
    const isAsked = (word: string) => asked.has(termOf(foldCase(word).replace(/['’]s$/u, "")));
    // "President Trump" for "who did Trump appoint": a name ending in the question's own
    // name is whom the question is about, not its answer.
    const last = words.at(-1) ?? "";
    const ofKindAsked = kindAsked !== undefined && termOf(foldCase(last)) === kindAsked;
    if (!alternatives && isAsked(last) && !ofKindAsked) continue;
    // "Federal Trade Commission" for "who chairs the ftc": the question's own subject, spelt out.
    const initials = words
      .filter((word) => !STOP_WORDS.has(foldCase(word)))
      .map((word) => foldCase(word)[0])
      .join("");
    if (!alternatives && initials.length >= 2 && words.length >= 2 && isAsked(initials)) continue;
    // A heading in capitals ("DELIVERING ON PLEDGE…") is no name: an all-capital word
    // longer than an acronym is shouting.
    if (
      words.some(
        (word) =>
          word.length > SHORT_ANSWER.maxAcronymLength &&
          word === word.toUpperCase() &&
          /\p{Lu}{2}/u.test(word),
      )
    ) {
      continue;
    }
    if (wrongKindOfName(type, words.join(" "), dictionary)) continue;
    // “Grand Ronde Reservation Act Amendment of 2023”: the title of a law, a report or an
    // event, in quotes, is neither who nor where.
    if (titles.some(([from, to]) => match.index >= from && match.index < to)) continue;
    if (nameAsked && dictionary && isRole(words, dictionary)) continue;
    if (organization && dictionary && hasPersonsTitle(words.join(" "), dictionary, type)) continue;
    // "FAA Administrator" for "what agency": a name whose head is a person's title is a role.
    if (organization && dictionary && isPersonNoun(last, dictionary)) continue;
    const preceding = excerpt.slice(Math.max(0, match.index - 20), match.index);
    // "the Administration", "the Order": a capitalised common noun refers to something
    // the article names elsewhere; it is no name of its own (an acronym is: "the FAA").
    const single = words.length === 1 ? (words[0] ?? "") : "";
    if (
      single !== "" &&
      single !== single.toUpperCase() &&
      /\bthe\s+$/iu.test(preceding) &&
      dictionary?.nounSense?.(single)?.proper === false
    ) {
      continue;
    }
    // "in China", "outside of the National Laboratories", "at the White House": a place, not who.
    if (
      type !== "place" &&
      (LOCATIVE_BEFORE.test(preceding) ||
        /\b(?:across|throughout)\s+(?:the\s+)?$/iu.test(preceding))
    ) {
      continue;
    }
    if (verbAt >= 0 && match.index > verbAt && !/\bby\s+(?:the\s+)?$/iu.test(preceding)) {
      continue;
    }
    if (bearing && !words.some((word) => bearing.has(termOf(foldCase(word))))) continue;
    const before = excerpt
      .slice(Math.max(0, match.index - SHORT_ANSWER.lookBehind), match.index)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const after = excerpt
      .slice(match.end, match.end + SHORT_ANSWER.lookAhead)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const nextToQuestion = [...before.slice(-2), ...after.slice(0, 1)].some((word) =>
      asked.has(termOf(foldCase(word))),
    );
    const saying =
      asksSaying &&
      [before.at(-1), after[0]].some(
        (word) => word !== undefined && Boolean(dictionary?.speechVerb?.(foldCase(word))),
      );
    const apposition = nextToQuestion || saying ? SHORT_ANSWER.appositionRank : 0;
    // "held a Summit … in Woodside": where something happened follows "in", "at", "near".
    const located =
      type === "place" && LOCATIVE_BEFORE.test(preceding) ? SHORT_ANSWER.locativeRank : 0;
    // The article's own topic ("Tesla" in an article about Tesla) rarely answers "who".
    const topical = words.every((word) => topic.has(termOf(foldCase(word).replace(/'s$/u, ""))));
    if (topical && apposition === 0) continue;
    const ofKind = ofKindAsked ? SHORT_ANSWER.kindRank : 0;
    const rank = apposition + located + ofKind + words.length * SHORT_ANSWER.rankPerWord;
    // A lone single-word name with nothing tying it to the question is a guess: say nothing.
    if (rank < SHORT_ANSWER.minRank) continue;
    // Among places that may answer, the question's words in a name's own clause tell them
    // apart ("a facility in North Carolina, and Intel's new facility in Ohio": Ohio for Intel).
    // Not among persons: a person's name often stands apart from what is said of them, set
    // off by commas ("…welcome the Chancellor of Germany to the White House, Chancellor Scholz").
    let order = rank;
    if (type === "place") {
      const [from, to] = clauseAround(excerpt, match.index, match.end);
      order += askedAt.filter((at) => at >= from && at < to).length * SHORT_ANSWER.nameClauseCredit;
    }
    if (!best || order > best.order) best = { name: words.join(" "), order };
  }
  return best?.name ?? null;
}

/** Words of a question that name what it is about (not its frame), as terms. */
export function askedTerms(question: string): Set<string> {
  return new Set(
    foldCase(question)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
      .map((word) => termOf(word)),
  );
}
