import type { SynonymSource } from "../synonyms.ts";
import { NAME_ASKED, questionText } from "./asked-noun.ts";
import { expectedAnswer, type AnswerType } from "./expected.ts";
import { roleAsked, type HeldRole } from "./held-role.ts";

// Whether a question asks for a name: "what's the name of the reporter", or whoever holds a
// role ("who was president when the act was signed"), which the role's words do not answer.

/**
 * True when a question asks for a name ("what's the name of the reporter", "what's his
 * name"), or for whoever holds a role ("who was president when the act was signed": with a
 * dictionary that knows "president" as a person): the role itself does not answer it.
 * `expected` is the question's {@link expectedAnswer}, when the caller has it already.
 */
export function asksForName(
  question: string,
  dictionary?: SynonymSource | null,
  expected: AnswerType = expectedAnswer(question, dictionary),
): boolean {
  return NAME_ASKED.test(questionText(question)) || asksForHolder(question, dictionary, expected);
}

/**
 * True when a question asks who holds a role ("who was president when…", "who's the current
 * secretary of the interior"): the name that answers stands by the role's words.
 */
export function asksForHolder(
  question: string,
  dictionary?: SynonymSource | null,
  expected: AnswerType = expectedAnswer(question, dictionary),
): boolean {
  return heldRole(question, dictionary, expected) !== undefined;
}

/**
 * The role whose holder a question asks for (see {@link asksForHolder}), undefined when it
 * asks for none.
 */
export function heldRole(
  question: string,
  dictionary?: SynonymSource | null,
  expected: AnswerType = expectedAnswer(question, dictionary),
): HeldRole | undefined {
  return expected === "person" ? roleAsked(question, dictionary) : undefined;
}
