import type { SynonymSource } from "../synonyms.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { initialismLetters, spellsOut } from "../text/initials.ts";
import { choiceRanges } from "../search/alternatives.ts";
import { askedNoun, type AskedNoun } from "./asked-noun.ts";
import type { QuestionWords } from "./echo.ts";
import { FIRST_WH, type AnswerType } from "./expected.ts";
import { asksForName, heldRole } from "./name-asked.ts";
import { roleNear } from "./held-role.ts";

/**
 * What a "who"/"which"/"where" question says about the name that answers it, read once per
 * question: the words it already says, the kind of name it asks for, whether it offers a
 * choice or asks for a role's holder. {@link bestName} tests each name of an excerpt against it.
 */
export interface NameQuestion {
  readonly type: AnswerType;
  readonly question: string;
  readonly dictionary: SynonymSource | null | undefined;
  /** The title's words as terms: the article's own topic rarely answers "who". */
  readonly topic: ReadonlySet<string>;
  /** The question's words, as typed and as terms. */
  readonly said: QuestionWords;
  /** "whose farmers", "which country's citizens": the place before the persons answers. */
  readonly asksWhose: boolean;
  /** "Treasury's or other agencies'?": the answer may be one of the question's own names. */
  readonly offersChoice: boolean;
  /** Whether a name's words are one of the alternatives the question offers. */
  readonly isChoice: (words: readonly string[]) => boolean;
  /** The noun asked for ("which airlines"), if any. */
  readonly noun: AskedNoun | undefined;
  /** That noun as a term: a name whose head it is ("United Airlines") is of the kind asked. */
  readonly kindAsked: string | undefined;
  /** "which cities": the noun asked when it names a kind of place. */
  readonly placeAsked: AskedNoun | undefined;
  /** "which cities", "which countries", "which nations": a place or a polity is asked. */
  readonly polityAsked: boolean;
  /** "which federal departments": a body, not a person, is asked. */
  readonly organization: boolean;
  /** "which eu leader": a person is asked by a noun of persons. */
  readonly personAsked: boolean;
  /** "what's his name": a role says what someone is, not who. */
  readonly nameAsked: boolean;
  /** "who is the current US trade representative": whether a name stands by the role's words. */
  readonly holderNear: ((excerpt: string, from: number, to: number) => boolean) | undefined;
  /**
   * That role's noun and the role phrase's other words, as terms ("secretari"; "commerc" of
   * "the secretary of commerce"): a name holding the noun, and one of the others when the
   * phrase has any, is titled by the role.
   */
  readonly role: { readonly noun: string; readonly others: ReadonlySet<string> } | undefined;
  /** A bare "where": the body something sits in or took place at may answer. */
  readonly venue: boolean;
  /** "who is/was the …": a role's holder is asked. */
  readonly asksHolder: boolean;
  /** "who said …": the name by a verb of saying said it. */
  readonly asksSaying: boolean;
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

/** The words of a text, case folded, split at anything that is no letter or digit. */
const wordsOf = (text: string): string[] => foldCase(text).split(/[^\p{L}\p{N}]+/u);

/** Reads what a question asks of the name that answers it (see {@link NameQuestion}). */
export function readNameQuestion(
  type: AnswerType,
  question: string,
  title: string,
  dictionary: SynonymSource | null | undefined,
): NameQuestion {
  const topic = new Set(
    wordsOf(title)
      .filter(Boolean)
      .map((word) => termOf(word)),
  );
  const said: QuestionWords = {
    typed: new Set(wordsOf(question)),
    asked: new Set(
      wordsOf(question)
        .filter((word) => word !== "" && !STOP_WORDS.has(word))
        .map((word) => termOf(word)),
    ),
  };
  const offersChoice = /\bor\b/iu.test(question);
  // Where the choice is read ("which 2025 AI order was it, january or april?"), only a name of
  // one of the alternatives is spared: "AI" is the question's subject.
  const choices = choiceRanges(question).map(([from, to]) =>
    wordsOf(question.slice(from, to)).filter(Boolean),
  );
  // One of a name's words, or its initials ("Secretary of Veterans Affairs" for "VA").
  const namesChoice = (choice: readonly string[], name: string) =>
    choice.some((typed) => {
      if (wordsOf(name).some((word) => termOf(word) === termOf(typed))) return true;
      const letters = initialismLetters(typed);
      return letters !== undefined && spellsOut(letters, name);
    });
  const noun = askedNoun(question, dictionary);
  const nameAsked = asksForName(question, dictionary, type);
  // A name away from the role's words ("President Donald J. Trump signed … directing the U.S.
  // Trade Representative") is another's.
  const holder = nameAsked ? heldRole(question, dictionary, type) : undefined;
  const afterWho = wordAfterWho(question);
  return {
    type,
    question,
    dictionary,
    topic,
    said,
    asksWhose:
      /\bwhose\b|\b(?:which|what)\s+(?:country|countries|nation|state|city|region|province|town)['’]s?(?!\p{L})/u.test(
        foldCase(question),
      ),
    offersChoice,
    isChoice: (words) =>
      offersChoice &&
      (choices.length === 0 || choices.some((choice) => namesChoice(choice, words.join(" ")))),
    noun,
    kindAsked: noun === undefined ? undefined : termOf(noun.word),
    placeAsked: type === "place" && noun?.sense.category === "location" ? noun : undefined,
    polityAsked:
      noun !== undefined &&
      (noun.sense.category === "location" || dictionary?.isKindOf?.(noun.word, "country") === true),
    organization: type === "person" && noun?.sense.category === "organization",
    personAsked: type === "person" && noun?.sense.category === "person",
    nameAsked,
    holderNear: holder && dictionary ? roleNear(holder, dictionary) : undefined,
    role:
      holder && dictionary
        ? { noun: termOf(holder.role), others: new Set(holder.others.map((word) => termOf(word))) }
        : undefined,
    venue: type === "place" && FIRST_WH.exec(foldCase(question))?.[0] === "where",
    asksHolder: /\bwho(?:['’]?s|\s+(?:is|was|are|were))\b/u.test(foldCase(question)),
    asksSaying:
      type === "person" && afterWho !== undefined && Boolean(dictionary?.speechVerb?.(afterWho)),
  };
}

/**
 * Where the excerpt has the verb a "who" question asks about ("who tweeted the photo": the
 * first "tweeted", "tweets"…, not "tweeting"), or -1: the question's word right after "who",
 * when it is no stop word (not "who is", "who did", "who's") and no verb of saying, whose
 * speaker news often writes after it ("said Li Anding", "warned the Secretary").
 */
export function askedVerbAt(asked: NameQuestion, excerpt: string): number {
  if (asked.type !== "person") return -1;
  const verb = wordAfterWho(asked.question);
  if (verb === undefined || STOP_WORDS.has(verb) || asked.dictionary?.speechVerb?.(verb)) {
    return -1;
  }
  const term = termOf(foldCase(verb));
  for (const word of excerpt.matchAll(/\p{L}+/gu)) {
    const written = foldCase(word[0]);
    // "Musk's meeting with Wang": a verb made a noun has no subject before it.
    if (termOf(written) === term && !/ing$/u.test(written)) return word.index;
  }
  return -1;
}
