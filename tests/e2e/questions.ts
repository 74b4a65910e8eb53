// Many distinct questions built from an article's own words, so that load tests and the benchmark
// measure real ranking work rather than the bot's memory of recent answers.

import type { Corpus } from "../../src/corpus/open.ts";

const OPENERS = [
  "What about",
  "Tell me about",
  "Why",
  "How did",
  "Who said",
  "When was",
  "Is it true that",
];

/**
 * `count` distinct questions (fewer if the articles are tiny): an opener and a window of four to
 * six words from one sentence, varied over sentences, word offsets and openers.
 */
export function distinctQuestions(corpus: Corpus, count: number): string[] {
  const windows: string[] = [];
  for (const article of corpus.index.articles) {
    for (const paragraph of article.paragraphs) {
      for (const sentence of paragraph.sentences) {
        const words = sentence.text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
        for (let start = 0; start + 4 <= words.length && start < 24; start += 1) {
          windows.push(words.slice(start, start + 4 + (start % 3)).join(" "));
        }
      }
    }
  }
  const seen = new Set<string>();
  const questions: string[] = [];
  for (let i = 0; questions.length < count && i < windows.length * OPENERS.length; i++) {
    const question = `${OPENERS[i % OPENERS.length]} ${windows[Math.floor(i / OPENERS.length)]}?`;
    if (question.length <= 300 && !seen.has(question)) {
      seen.add(question);
      questions.push(question);
    }
  }
  return questions;
}
