import type { NounSense, SynonymSource } from "../synonyms.ts";
import { STOP_WORDS } from "../text/lexicon.ts";

// What noun a question asks for ("which agency", "the name of the reporter") and its sense in
// the dictionary, read from the question as its rules read it.

/**
 * A question asking for a name: "what's the name of …", "whats his name", "what was the
 * name of …", "what's the official name of …" (one word may qualify the name; the words
 * after "of", without their article, kept).
 */
export const NAME_ASKED =
  /\b(?:what(?:'s|s| is| was| are| were)?|whats)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:\w+\s+)?names?\b(?:\s+of\s+(?:the\s+|a\s+|an\s+)?(\w+(?:\s+\w+)?))?/u;

/** "Does anyone know when…", "can you tell me who…": a question asked inside a polite frame. */
const FRAME =
  /^(?:(?:do|does|did|can|could|would) )?(?:you|u|anyone|anybody|someone|somebody|y'?all|ya)(?: guys)? (?:know|remember|tell me|say|explain|have any idea)(?: if| whether)? |^(?:any ?idea|tell me|i wonder|wondering) /u;

/**
 * A word of precision between "what"/"which" and the noun it asks for ("what exact date",
 * "which specific year"): the same kind of answer is asked as without it.
 */
export const PRECISION_WORDS: ReadonlySet<string> = new Set([
  "exact",
  "specific",
  "precise",
  "particular",
]);

const PRECISION_AFTER_WH = new RegExp(
  `\\b(what|which) (?:${[...PRECISION_WORDS].join("|")}) `,
  "gu",
);

/**
 * An adverb of emphasis between the question's words and its auxiliary ("how much exactly did",
 * "what actually is", "when even was"): the same is asked as without it.
 */
const FILLER_BEFORE_AUXILIARY =
  /\b(how (?:much|many(?: \w+)?)|what|when|where|which \w+|why) (?:exactly|actually|even|really|precisely|specifically) (?=(?:did|does|do|is|are|was|were|will|would|has|have|had|can|could|should)\b)/gu;

/**
 * The question as its rules read it: lower case, straight apostrophes, no polite frame, no
 * word of precision after "what" or "which", no adverb of emphasis before its auxiliary.
 */
export function questionText(question: string): string {
  return question
    .toLowerCase()
    .replace(/[’']/gu, "'")
    .replace(/^[^\p{L}\p{N}]+/u, "")
    .replace(FRAME, "")
    .replace(PRECISION_AFTER_WH, "$1 ")
    .replace(FILLER_BEFORE_AUXILIARY, "$1 ");
}

/** The dictionary's sense of the noun after "which"/"what" ("department" in "which federal departments wrote…"). */
export function askedNounSense(q: string, dictionary: SynonymSource): NounSense | undefined {
  return nounAfterWhich(q, dictionary)?.sense;
}

/** The noun after an opening "which"/"what" (`q` as {@link questionText} gives it). */
function nounAfterWhich(q: string, dictionary: SynonymSource): AskedNoun | undefined {
  // "which anti-drug agency": a hyphen joins words of one noun phrase.
  const match = /^(?:which|what) (\w+)((?:[ -]\w+){0,2})/u.exec(q);
  // "what did…", "what is…": no noun follows the question word.
  if (!match?.[1] || STOP_WORDS.has(match[1])) return undefined;
  const next = match[2]?.split(/[ -]/u).filter(Boolean) ?? [];
  // "what area of policy", "what kind of agency": the noun after "of" says what is asked.
  const afterOf = /^(?:which|what) \w+ of (?:the |a )?(\w+)/u.exec(q)?.[1];
  const ofNoun = afterOf ? headNoun([afterOf], dictionary) : undefined;
  return ofNoun ?? headNoun([match[1], ...next], dictionary);
}

/** The noun a question asks for (as typed, lower case) and its sense in the dictionary. */
export interface AskedNoun {
  readonly word: string;
  readonly sense: NounSense;
}

/**
 * The words after "the name of" ("what's the name of the healthcare exec" → "healthcare",
 * "exec"; one or two, without their article), when the question asks a name so.
 */
export function namedNounWords(question: string): string[] | undefined {
  return NAME_ASKED.exec(questionText(question))?.[1]?.split(" ");
}

/**
 * The noun a question asks for: after "which"/"what" ("which airlines committed…") or after
 * "the name of the" ("whats the name of the news agency"); undefined without a dictionary.
 */
export function askedNoun(
  question: string,
  dictionary?: SynonymSource | null,
): AskedNoun | undefined {
  if (!dictionary) return undefined;
  const q = questionText(question);
  const [first, second] = namedNounWords(question) ?? [];
  return first
    ? headNoun(second ? [first, second] : [first], dictionary)
    : nounAfterWhich(q, dictionary);
}

/**
 * The head of the words after a question word or "the name of the", up to a function word or
 * a verb: the last that is a noun ("which research firm", "which biden executive order gets
 * revoked", "which anti-drug agency"), not a verb ("which firm tracked").
 */
function headNoun(words: readonly string[], dictionary: SynonymSource): AskedNoun | undefined {
  let head: AskedNoun | undefined;
  for (const [position, word] of words.entries()) {
    if (STOP_WORDS.has(word)) break;
    if (dictionary.mostlyVerb?.(word)) {
      if (position > 0) break;
      continue;
    }
    const sense = dictionary.nounSense?.(word);
    if (sense && !sense.proper) head = { word, sense };
  }
  return head;
}

/**
 * True when the question asks "which N" of an organisation ("which federal departments",
 * "what agency", "what's the name of the news agency"): a person ("President Biden") does
 * not answer it.
 */
export function asksForOrganization(question: string, dictionary?: SynonymSource | null): boolean {
  return askedNoun(question, dictionary)?.sense.category === "organization";
}
