import { FOLLOW_UP } from "../fixed-tuning.ts";
import { MONTH_ABBREVIATIONS, MONTHS } from "../text/lexicon.ts";
import { isContentToken, tokenize, type Token } from "../text/tokenize.ts";

/** Words that open a follow-up without meaning anything ("and in 2016?", "so why?", "ok, what about…"). */
const OPENER = /^(?:(?:and|but|so|ok|okay|then|also|well|hmm|wait)\b[\s,]*)+/iu;
/** "what about X", "how about X": X in place of the earlier question's topic. */
const ABOUT = /^(?:what|how)\s+about\b\s*/iu;
/** Words that make a follow-up's opening a question of its own ("why", "how so", "when did"). */
const QUESTION_WORDS = new Set([
  "who",
  "whom",
  "whose",
  "what",
  "which",
  "when",
  "where",
  "why",
  "how",
]);
/** Words of a time expression that a new date or number in the follow-up replaces. */
const TIME_WORDS = new Set([
  ...`year years month months week weeks quarter quarters decade day days last next previous past ago
  yesterday today tomorrow`.split(/\s+/u),
  ...MONTHS,
  ...MONTH_ABBREVIATIONS,
]);

function isName(token: Token, first: boolean): boolean {
  return (
    token.acronym ||
    (token.capitalized && !first) ||
    (token.capitalized && token.afterName === true)
  );
}

function isTimeOrNumber(token: Token): boolean {
  return token.isNumber || token.term === "%" || TIME_WORDS.has(token.word);
}

/** The function words before the first content word: "How much did", "Who", "Why was the". */
function leadOf(text: string, tokens: readonly Token[]): string {
  const first = tokens.find(isContentToken);
  return (first ? text.slice(0, first.start) : text).replace(/[?!.,;:\s]+$/u, "").trim();
}

/**
 * Reads a follow-up ("why?", "and in 2016?", "what about the tariffs") in the context of the
 * question it answers, as one question the index can rank:
 * - no content words of its own ("why?", "how so?"): the follow-up's question words, else the
 *   earlier ones, with the earlier question's words ("why did Musk meet in China");
 * - only a date or number: the earlier question with its time words replaced;
 * - a new name ("and the U.S.?"): the earlier question's other words about the new name;
 * - a new topic without a name ("what about the tariffs"): the earlier question's words that ask
 *   (its opening) and its names, about the new topic;
 * - a question of its own (three content words or more): unchanged.
 */
export function followUpQuestion(previous: string, followUp: string): string {
  let text = followUp.trim().replace(OPENER, "");
  const about = ABOUT.test(text);
  text = text.replace(ABOUT, "").trim();
  const tokens = tokenize(text);
  const content = tokens.filter(isContentToken);
  if (!about && content.length >= FOLLOW_UP.standaloneWords) return followUp.trim();
  const before = tokenize(previous);
  const earlierLead = leadOf(previous, before);
  const ownLead = about || !QUESTION_WORDS.has(tokens[0]?.word ?? "") ? "" : leadOf(text, tokens);
  const earlier = before.filter(isContentToken);
  const lead = ownLead !== "" ? ownLead : earlierLead;
  const topic = text.replace(/[?!]+$/u, "").trim();
  const ownTerms = new Set(content.map((token) => token.term));
  const kept = (keep: (token: Token, index: number) => boolean) =>
    earlier.filter((token, i) => !ownTerms.has(token.term) && keep(token, i));
  if (content.length === 0) {
    if (ownLead === "") return previous.trim();
    return `${capitalize(ownLead.replace(/[?!.,;:\s]+$/u, ""))} ${withoutQuestionWord(previous, before)}`;
  }
  let carried: Token[];
  const first = (token: Token) => token.start === before[0]?.start;
  if (content.every(isTimeOrNumber)) {
    carried = kept((token) => !isTimeOrNumber(token));
  } else if (content.some((token) => isName(token, token.start === tokens[0]?.start))) {
    carried = kept((token) => !isName(token, first(token)));
  } else {
    carried = kept((token) => isName(token, first(token)));
  }
  const body = ownLead !== "" ? topic.slice(ownLead.length).trim() : topic;
  return join(lead, [...carried.map((t) => t.surface), body]);
}

/** How-phrases whose second word belongs to the question word ("how much", "how many"). */
const HOW = new Set([
  "much",
  "many",
  "far",
  "long",
  "big",
  "large",
  "high",
  "fast",
  "old",
  "often",
  "come",
]);

/** The earlier question without its question word: "did Musk meet in China?" of "Who did Musk meet in China?". */
function withoutQuestionWord(previous: string, tokens: readonly Token[]): string {
  const [first, second] = tokens;
  if (!first || isContentToken(first)) return previous.trim();
  const cut = first.word === "how" && second && HOW.has(second.word) ? second.end : first.end;
  return previous.slice(cut).trim();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function join(lead: string, parts: readonly string[]): string {
  return `${capitalize([lead, ...parts].filter(Boolean).join(" "))}?`;
}
