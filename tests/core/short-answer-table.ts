/** The short-answer tables' row and runner, shared by short-answer-kinds and short-answer-names. */
import { expect, it } from "vitest";
import { expectedAnswer, type AnswerType } from "../../src/core/answer/expected.ts";
import { extractShortAnswer } from "../../src/core/answer/short-answer.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";

/** A question, the kind it asks for, a passage, and the short answer taken from it (or null). */
export type ShortAnswerRow = readonly [string, AnswerType, string, string | null];

/** One test per row: the question's kind, then the short answer the passage gives for it. */
export function itAnswersEachRow(table: readonly ShortAnswerRow[]): void {
  it.each(table)(
    "GIVEN %j THEN it asks for %s, AND GIVEN the passage %j THEN the short answer is %j",
    (question, kind, passage, short) => {
      expect(expectedAnswer(question, defaultSynonyms)).toBe(kind);
      expect(extractShortAnswer(kind, question, passage, "", defaultSynonyms)).toBe(short);
    },
  );
}
