import { STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { questionText } from "./asked-noun.ts";

// "What's the difference between X and Y": a comparison, answered only where both are said.

/** "difference between a deductible and a copay", "how is X different from Y". */
const COMPARED =
  /\b(?:difference|differences|diff)\s+between\s+(.+?)\s+(?:and|&|vs\.?|versus)\s+(.+?)(?:[?!.,]|$)/u;

/** The content terms of a phrase. */
function termsOf(phrase: string): string[] {
  return foldCase(phrase)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map((word) => termOf(word));
}

/**
 * True when the question asks the difference between two things and the excerpt does not
 * name both: "whats the difference between a tariff and a quota" is not answered by a passage
 * on tariffs alone.
 */
export function comparesWithout(question: string, excerpt: string): boolean {
  const match = COMPARED.exec(questionText(question));
  if (!match) return false;
  const said = new Set(termsOf(excerpt));
  const named = (phrase: string) => termsOf(phrase).some((term) => said.has(term));
  return !named(match[1] ?? "") || !named(match[2] ?? "");
}
