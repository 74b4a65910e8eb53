/** The questions the bench times: made about synthetic articles, or read from a JSONL file. */
import { readFileSync } from "node:fs";
import { GENERATOR_VERSION, makeArticle } from "./corpus.ts";
import { mixSeed, pick, prng, randomInt } from "./seeded-random.ts";
import { harvestPool } from "./sentence-pool.ts";

/** A question the bench times, and where it comes from. */
export interface BenchQuestion {
  readonly q: string;
  /** Where it comes from: "seed" or the synthetic article it was made from. */
  readonly origin: string;
}

const QUESTION_STOP = new Set(
  `about above after again against also among another because been before being below between both
  could does doing down during each either every from further have having here into itself more most
  must neither only other ought over same shall should some such than that their them then there these
  they this those through under until upon very were what when where which while will with within
  without would your yours shall unless whether thereof hereby herein`.split(/\s+/u),
);

function contentWords(sentence: string): string[] {
  return (sentence.match(/[A-Za-z]{4,}/gu) ?? []).filter(
    (word) => !QUESTION_STOP.has(word.toLowerCase()),
  );
}

/** A plausible typo: swap two inner letters, drop one or double one. */
function typo(random: () => number, word: string): string {
  if (word.length < 5) return word;
  const at = randomInt(random, 1, word.length - 3);
  switch (randomInt(random, 0, 2)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}

const TEMPLATES: readonly ((words: string[]) => string)[] = [
  (w) => `What does it say about ${w.join(" ")}?`,
  (w) => `Who ${w.join(" ")}?`,
  (w) => `How many ${w.join(" ")}?`,
  (w) => `When was the ${w.join(" ")}?`,
  (w) => `Why ${w.join(" ")}?`,
  (w) => `${w.join(" ")}`,
];

/**
 * Questions about synthetic articles 0..count-1: a few content words of one
 * random sentence of each, in a question template; about a third with a typo.
 */
export function syntheticQuestions(seed: number, count = 20): BenchQuestion[] {
  const pool = harvestPool();
  const random = prng(mixSeed(seed, 0x51, GENERATOR_VERSION));
  const questions: BenchQuestion[] = [];
  for (let i = 0; i < count; i += 1) {
    const article = makeArticle(pool, seed, i);
    const sentences = article.paragraphs.flat();
    let words: string[] = [];
    for (let attempt = 0; attempt < 10 && words.length < 2; attempt += 1) {
      words = contentWords(pick(random, sentences));
    }
    const take = Math.min(words.length, randomInt(random, 2, 4));
    const start = randomInt(random, 0, Math.max(0, words.length - take));
    const chosen = words.slice(start, start + take).map((word) => word.toLowerCase());
    if (chosen.length > 0 && random() < 0.35) {
      const at = randomInt(random, 0, chosen.length - 1);
      chosen[at] = typo(random, chosen[at] as string);
    }
    questions.push({ q: pick(random, TEMPLATES)(chosen), origin: article.id });
  }
  return questions;
}

/** Reads a JSONL file of questions (`{"q": ...}` a line). */
export function readQuestions(file: string, origin = "file"): BenchQuestion[] {
  const out: BenchQuestion[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const value = JSON.parse(line) as { q?: unknown };
    if (typeof value.q !== "string" || value.q.trim() === "") {
      throw new Error(`${file}: every line needs a "q" string`);
    }
    out.push({ q: value.q, origin });
  }
  return out;
}
