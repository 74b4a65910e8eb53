import { SHORT_ANSWER } from "../fixed-tuning.ts";
import { AUXILIARIES, COPULAS } from "../text/lexicon.ts";
import { isContentToken, tokenize, type Token } from "../text/tokenize.ts";

// Whether a figure counts what a "how many" question counts: "23 states" does not answer
// "how many cars", "12 million metric tons of soybeans" does not answer "how many tons of
// sorghum" (answers-in.ts asks, for each figure a passage holds).

/** What a "how many" question counts: the terms that stand for it, and how to tell a noun. */
export interface CountedThing {
  readonly terms: ReadonlySet<string>;
  isNoun(word: string): boolean;
  /**
   * True when a noun is a kind of the thing counted or the thing counted a kind of it, by the
   * dictionary ("100,000 vehicles" may count the cars asked about, "two sedans" too).
   */
  isRelated?(word: string): boolean;
  /** True when the dictionary knows a word as an adjective ("American", "Chinese"). */
  isAdjective?(word: string): boolean;
  /**
   * True when a name of people ("Americans", "Canadians") cannot count the thing counted: the
   * dictionary files that thing under places, structures or objects ("hospitals", "cars").
   */
  notCountedBy?(name: string): boolean;
  /**
   * For "how many tons of sorghum", what the unit counted is of: a figure of tons "of"
   * something else ("12 million metric tons of soybeans") does not answer it.
   */
  readonly of?: Pick<CountedThing, "terms" | "isRelated">;
}

/** A preposition of purpose right after a number: it went to or for what follows, not counted it. */
const SPENT_ON = /^\s+(?:on|for|to|toward|towards|into)\b/iu;

/**
 * False when the number counts something else: the word after it is a noun ("the two
 * leaders") and none of the few words after it names the thing counted ("23 states",
 * "two new weekly flights"). "only eight were built" or "150 million Americans" may count it.
 */
export function countsThing(
  text: string,
  from: number,
  counted: CountedThing,
  vague = false,
): boolean {
  return countsUnit(text, from, counted, vague) && ofThing(text.slice(from, from + 80), counted);
}

/** {@link countsThing} but for what the unit counted is of. */
function countsUnit(text: string, from: number, counted: CountedThing, vague: boolean): boolean {
  // "spent billions on charging stations": what the number was spent on is not what it counts.
  if (SPENT_ON.test(text.slice(from, from + 12))) return false;
  // A compound ("year-round", "long-range") is one word before the noun it describes.
  const words = text.slice(from, from + 80).replace(/(\p{L})[-‐‑](?=\p{L})/gu, "$1");
  // "35,000 cases in this country": what it counts comes before a preposition ("two new
  // weekly flights" has none); the country after "in" is no count of countries.
  const tokens = tokenize(words).slice(0, SHORT_ANSWER.countedWithin);
  // "70 national and local grievances": an "and" between the words before the noun joins them.
  const stop = tokens.findIndex(
    (token, i) =>
      i > 0 &&
      !isContentToken(token) &&
      !(/^(?:and|or)$/u.test(token.word) && isContentToken(tokens[i + 1] ?? token)),
  );
  const after = stop < 0 ? tokens : tokens.slice(0, stop);
  const next = after[0];
  // A name after it may still be what is counted ("150 million Americans" are people), and
  // so may what follows "of" ("90 percent of firearms" for guns); an adjective is passed
  // over ("1.3 million new acres" counts acres, not parks).
  // "needs at least 4,000 officers, yet has fewer than 3,500.": a figure with nothing after it
  // counts what the figure before it in its sentence counted.
  // So does one followed by its verb ("and 2 are missing overboard", "only eight were built"):
  // the words after the verb say what it did, not what it counts.
  if (next === undefined || COPULAS.has(next.word) || AUXILIARIES.has(next.word)) {
    return !countsOtherBefore(text.slice(0, from), counted);
  }
  // "millions of hardworking Americans" counts people, not the hospitals asked about.
  if (after.some((token) => token.capitalized && (counted.notCountedBy?.(token.word) ?? false))) {
    return false;
  }
  // "nearly 300 American tanks": a capitalised adjective describes the noun after it, and
  // that noun is what is counted (not the jobs asked about).
  const described = after[1];
  if (
    next.capitalized &&
    described !== undefined &&
    !described.capitalized &&
    (counted.isAdjective?.(next.word) ?? false) &&
    counted.isNoun(described.word)
  ) {
    // "15 million American adults" still counts the Americans asked about, and the noun
    // counted may end a compound ("American combat troops").
    const countsIt = (token: Token) =>
      counted.terms.has(token.term) || (counted.isRelated?.(token.word) ?? false);
    // The noun counted is the last of the nouns right after the adjective: "3,000 American
    // combat troops", not "500 American companies creating jobs".
    let head = 1;
    const nounAfter = (at: number) => {
      const word = after[at]?.word;
      return word !== undefined && counted.isNoun(word) && !/ing$/u.test(word);
    };
    while (nounAfter(head + 1)) head += 1;
    return countsIt(next) || countsIt(after[head] as Token);
  }
  if (next.capitalized) return true;
  // "millions of new customers" counts customers, not countries: after a magnitude without
  // a figure, what "of" introduces is what is counted. ("90 percent of firearms" may count
  // guns: a share of what follows is read more loosely.)
  const named =
    next.word === "of" ? tokens.slice(1).filter((token) => isContentToken(token)) : after;
  const countsIt = (token: Token) =>
    counted.terms.has(token.term) || (counted.isRelated?.(token.word) ?? false);
  const namesNoun = named.some((token) => !token.capitalized && counted.isNoun(token.word));
  if (next.word === "of" && !vague) {
    // Loosely, but not where the passage never speaks of the thing counted: "40% of
    // catch-and-release migrants" counts no veterans.
    return !namesNoun || named.some(countsIt) || tokenize(text).some(countsIt);
  }
  if (!namesNoun) return true;
  return named.some(countsIt);
}

/**
 * True unless the question counts a unit of something ("tons of sorghum") and the figure is
 * that unit of something else: the words after its "of" ("tons (MMT) of U.S. soybeans") name
 * none of it. A figure with no "of" after its unit may still count it.
 */
function ofThing(words: string, counted: CountedThing): boolean {
  const of = counted.of;
  if (of === undefined) return true;
  const tokens = tokenize(words).slice(0, SHORT_ANSWER.countedWithin + 3);
  const at = tokens.findIndex((token) => token.word === "of");
  if (at < 0) return true;
  const after = tokens.slice(at + 1, at + 1 + SHORT_ANSWER.countedWithin);
  return after.some((token) => of.terms.has(token.term) || (of.isRelated?.(token.word) ?? false));
}

/** A figure and the word after it: "4,000 officers". */
const FIGURE_AND_WORD = /\d[\d,.]*\s+(?:more\s+|new\s+)?(\p{Ll}[\p{Ll}-]+)/gu;

/**
 * True when the sentence before a bare figure (`before` ends with it) holds an earlier figure
 * counting a noun that is not the thing counted: the bare one counts that noun again.
 */
function countsOtherBefore(before: string, counted: CountedThing): boolean {
  const sentence = before.slice(before.search(/[^.!?]*$/u)).replace(/[\d,.]+\s*$/u, "");
  let last: string | undefined;
  for (const match of sentence.matchAll(FIGURE_AND_WORD)) last = match[1];
  if (last === undefined || !counted.isNoun(last)) return false;
  const term = tokenize(last)[0]?.term;
  return !(term !== undefined && counted.terms.has(term)) && !(counted.isRelated?.(last) ?? false);
}
