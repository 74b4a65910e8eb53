// The dev question sets the engine benchmarks ask (`bench:engines`, `bench:memory`): every set of
// tests/fixtures/eval and ../shared/eval's seed and discord-style sets, each question as written
// and, where the set names an article, within that article.

import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../src/paths.ts";
import { SHARED_DIR } from "./archive.ts";

/** A question to ask, and the article it is asked within (all articles when absent). */
export interface DevQuestion {
  readonly q: string;
  readonly article?: string;
}

/** Every dev set's questions, as written and within their article where one is named. */
export function devQuestions(): DevQuestion[] {
  const fixtures = path.join(PROJECT_ROOT, "tests", "fixtures", "eval");
  const files = [
    ...readdirSync(fixtures)
      .filter((name) => name.endsWith(".jsonl"))
      .sort()
      .map((name) => path.join(fixtures, name)),
    path.join(SHARED_DIR, "eval", "seed-questions.jsonl"),
    path.join(SHARED_DIR, "eval", "discord-style", "seed.jsonl"),
    path.join(SHARED_DIR, "eval", "discord-style", "articles.jsonl"),
  ];
  const questions: DevQuestion[] = [];
  for (const file of files) {
    if (!existsSync(file)) {
      console.error(`questions not found, skipped: ${file}`);
      continue;
    }
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (line.trim() === "") continue;
      const { q, article } = JSON.parse(line) as DevQuestion;
      questions.push({ q });
      if (article) questions.push({ q, article });
    }
  }
  return questions;
}

/**
 * Ways a member retypes a question in chat. Each keeps the question's words, so a long run of
 * distinct texts still meets the repeated words a bot's caches see.
 */
const RETYPED: readonly ((q: string) => string)[] = [
  (q) => q,
  (q) => q.toLowerCase(),
  (q) => `hey citebot, ${q}`,
  (q) => `${q} 🤔`,
  (q) => `does anyone know ${q}`,
  (q) => q.toUpperCase(),
  (q) => `can u tell me ${q}`,
  (q) => `btw quick q: ${q}`,
  (q) => `${q.replace(/[?!.]+$/u, "")} fr`,
  (q) => q.replace(/['’]/gu, ""),
  (q) => `<@123456789012345678> ${q}`,
  (q) => `${q.replace(/[?!.]+$/u, "")}??`,
];

/**
 * `count` questions: the dev questions in turn, each pass over them in another typed form,
 * distinct where the forms differ (at most {@link RETYPED} passes; then they repeat).
 */
export function retypedQuestions(base: readonly DevQuestion[], count: number): DevQuestion[] {
  const out: DevQuestion[] = [];
  for (let i = 0; i < count && base.length > 0; i += 1) {
    const { q, article } = base[i % base.length] as DevQuestion;
    const retype = RETYPED[Math.floor(i / base.length) % RETYPED.length] as (q: string) => string;
    out.push(article === undefined ? { q: retype(q) } : { q: retype(q), article });
  }
  return out;
}
