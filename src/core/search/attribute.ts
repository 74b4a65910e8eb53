import type { RankingOptions } from "../options.ts";
import {
  COPULAS,
  FRAME_NOUNS,
  GENERIC_PERSON_NOUNS,
  IRREGULAR_FORMS,
  LOW_INFORMATION_WORDS,
  WH_WORDS,
} from "../text/lexicon.ts";
import type { Token } from "../text/tokenize.ts";

/**
 * The words that tie an attribute to what it belongs to or when it applies: "the range of",
 * "the price for", "the cap on", "the penalty if". Not "in" or "to" ("the increase in …",
 * "the response to …"): their noun is more often the asker's word for what the passage says
 * otherwise (dev sweep, 4 December: "in" top1 1240 → 1238, "to" 1240 → 1239). Nor "between":
 * "the difference between X and Y" is answered by a passage that contrasts them without the
 * word.
 */
const ATTRIBUTE_LINKS: ReadonlySet<string> = new Set(["of", "for", "on", "if"]);

/**
 * The position of the attribute a question asks about, in "what is the range of the
 * Model S", "who was the head of the lobby", "whats the current price of …", "what's the
 * cap on …": the last word before one of {@link ATTRIBUTE_LINKS} after the question word,
 * a copula and "the". Not a name, not a verb, not a frame noun ("the name of …" is
 * answered by a name, not by "name"; "the latest on …" by the news), not a word for a
 * person ("the person on …").
 */
export function askedAttribute(
  tokens: readonly Token[],
  content: readonly (Token | undefined)[],
  isName: (token: Token) => boolean,
  options: Readonly<RankingOptions>,
): number | undefined {
  const start = tokens.findIndex((token) => WH_WORDS.has(token.word));
  if (start < 0) return undefined;
  let position = start + 1;
  while (tokens[position] && COPULAS.has((tokens[position] as Token).word)) position++;
  if (tokens[position]?.word !== "the") return undefined;
  position++;
  let last: number | undefined;
  for (; content[position] && !isName(content[position] as Token); position++) last = position;
  const after = tokens[position]?.word;
  if (last === undefined || after === undefined || !ATTRIBUTE_LINKS.has(after)) return undefined;
  const word = (tokens[last] as Token).word;
  const verb = options.synonyms?.mostlyVerb?.(IRREGULAR_FORMS.get(word) ?? word) ?? false;
  // "who is the person on the program": the one asked for, not a word the passage says.
  const framing = FRAME_NOUNS.has(word) || GENERIC_PERSON_NOUNS.has(word);
  return framing || LOW_INFORMATION_WORDS.has(word) || verb ? undefined : last;
}
