import { CONFIDENCE } from "../fixed-tuning.ts";
import type { SynonymSource } from "../synonyms.ts";
import type { Citation } from "../search/types.ts";
import { foldCase } from "../text/tokenize.ts";
import type { CountedThing } from "./counted.ts";
import type { AnswerType } from "./expected.ts";
import { description } from "./description.ts";
import { extractShortAnswer } from "./short-answer.ts";

/** The short answer an answered question gets, and whether its best two passages are a close call. */
export interface Confidence {
  readonly answer: string | null;
  readonly close: boolean;
}

/** True when one short answer says the other ("Vice Premier Wang Yang" and "Wang"), as whole words. */
function agree(a: string, b: string): boolean {
  const words = (text: string) =>
    ` ${foldCase(text)
      .replace(/[^\p{L}\p{N}%$.]+/gu, " ")
      .trim()} `;
  const [x, y] = [words(a), words(b)];
  return x.includes(y) || y.includes(x);
}

/**
 * Decides how sure an answered question's reply may sound. When the second passage
 * scores within {@link CONFIDENCE.closeMargin} of the first, the ranking cannot tell them
 * apart (the best one is wrong about four times as often as otherwise): the reply shows
 * both and gives no short answer, unless both passages hold the same one.
 *
 * @param citations - the answer's citations, best first.
 * @param dictionary - tells a place from a person among names (see extractShortAnswer).
 * @param counted - what a "how many" question counts: a number must count it.
 * @param publishedOf - when a citation's article was published: a date must fit the tense.
 */
export function judgeConfidence(
  type: AnswerType,
  question: string,
  citations: readonly Citation[],
  dictionary?: SynonymSource | null,
  counted?: CountedThing,
  publishedOf: (article: string) => string | undefined = () => undefined,
): Confidence {
  const [top, second] = citations;
  if (!top) return { answer: null, close: false };
  const answer = extractShortAnswer(
    type,
    question,
    top.excerpt,
    top.title,
    dictionary,
    counted,
    publishedOf(top.article),
  );
  if (!second || top.score <= 0) return { answer, close: false };
  // "who is X": what the best passage says X is, tied to X's name there, is true whichever
  // passage is best; another passage describing X too is no rival answer.
  // Not when the asked word was a title and a name answers ("who is china's premier").
  const described = type === "description" && answer !== null;
  if (described && description(question, top.excerpt, dictionary) === answer) {
    return { answer, close: false };
  }
  const lead = (top.score - second.score) / top.score;
  if (lead >= CONFIDENCE.closeMargin) return { answer, close: false };
  const other = extractShortAnswer(
    type,
    question,
    second.excerpt,
    second.title,
    dictionary,
    counted,
    publishedOf(second.article),
  );
  if (answer !== null && other !== null && agree(answer, other)) return { answer, close: false };
  return { answer: null, close: true };
}
