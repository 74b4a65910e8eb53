import { readFileSync } from "node:fs";
import path from "node:path";
import type { Answer, AskOptions, Citation, CitationIndex } from "../src/core/index.ts";
import { ROOT } from "./helpers.ts";

/** One question of an evaluation file (the format of shared/eval/README.md). */
export interface EvalQuestion {
  q: string;
  paragraphs?: number[];
  answer?: string[];
  article?: string;
  unanswerable?: boolean;
  /** The sort of question (discord-style sets): "typo", "near-miss", "cross-article"… */
  kind?: string;
}

/** Scores as shared/eval/score.mjs does: hits at 1 and 3, abstentions, excerpt length. */
export interface EvalScore {
  answerable: number;
  top1: number;
  top3: number;
  unanswerable: number;
  abstained: number;
  falseAbstain: number;
  meanExcerpt: number;
  misses: string[];
}

const norm = (text: string | null | undefined) =>
  String(text ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/gu, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/gu, '"')
    .replace(/\s+/gu, " ")
    .trim()
    .toLowerCase();

/** Reads a JSONL evaluation file from tests/fixtures/eval. */
export function readQuestions(name: string): EvalQuestion[] {
  return readFileSync(path.join(ROOT, "tests/fixtures/eval", name), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as EvalQuestion);
}

function citationOk(
  question: EvalQuestion,
  answer: Answer,
  citation: Citation | undefined,
): boolean {
  if (!citation) return false;
  // Lines without paragraph numbers are judged by the answer phrase alone (as score.mjs does).
  if (question.paragraphs && !question.paragraphs.includes(citation.paragraph)) return false;
  if (question.article && citation.article !== question.article) return false;
  return (question.answer ?? []).some(
    (phrase) =>
      norm(citation.excerpt).includes(norm(phrase)) || norm(answer.answer).includes(norm(phrase)),
  );
}

/**
 * Runs every question through the index and scores the answers.
 *
 * @param scope - what each question is asked with beyond the limit (its article, say).
 */
export function score(
  index: CitationIndex,
  questions: readonly EvalQuestion[],
  scope: (question: EvalQuestion) => AskOptions = () => ({}),
): EvalScore {
  const result: EvalScore = {
    answerable: 0,
    top1: 0,
    top3: 0,
    unanswerable: 0,
    abstained: 0,
    falseAbstain: 0,
    meanExcerpt: 0,
    misses: [],
  };
  let excerptTotal = 0;
  let excerptCount = 0;
  for (const question of questions) {
    const answer = index.ask(question.q, { ...scope(question), limit: 3 });
    if (answer.answered && answer.citations[0]) {
      excerptTotal += answer.citations[0].excerpt.length;
      excerptCount += 1;
    }
    if (question.unanswerable) {
      result.unanswerable += 1;
      if (!answer.answered) result.abstained += 1;
      else result.misses.push(`answered: ${question.q}`);
      continue;
    }
    result.answerable += 1;
    if (!answer.answered) {
      result.falseAbstain += 1;
      result.misses.push(`declined: ${question.q}`);
      continue;
    }
    if (citationOk(question, answer, answer.citations[0])) result.top1 += 1;
    else result.misses.push(`not first: ${question.q}`);
    if (answer.citations.slice(0, 3).some((citation) => citationOk(question, answer, citation)))
      result.top3 += 1;
  }
  result.meanExcerpt = excerptCount > 0 ? excerptTotal / excerptCount : 0;
  return result;
}
