import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CitationIndex, type Answer } from "../../src/core/index.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { defaultSynonyms } from "../../src/corpus/wordnet.ts";
import { defaultWordVectors } from "../../src/corpus/word-vectors.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { readQuestions } from "../eval.ts";
import { ROOT } from "../helpers.ts";

/** One line per question: verdict, short answer, and the top three citations' article, ¶ and opening. */
function line(question: string, answer: Answer): string {
  const verdict = answer.answered
    ? answer.close
      ? "answered, close call"
      : "answered"
    : "declined";
  const short = answer.answer === null ? "" : ` A: ${answer.answer}`;
  const cited = answer.citations
    .map((c) => `  ${c.article.slice(0, 24)} ¶${c.paragraph} ${c.excerpt.slice(0, 72)}`)
    .join("\n");
  return `${question}\n  → ${verdict}${short}\n${cited}`;
}

let both: CitationIndex;
beforeAll(async () => {
  const seed = (await loadArticles(DEFAULT_DATA_DIR)).articles;
  const vehicles = (await loadArticles(path.join(ROOT, "tests/fixtures/articles/md"))).articles;
  both = new CitationIndex([...seed, ...vehicles], {
    synonyms: defaultSynonyms,
    wordVectors: defaultWordVectors,
  });
});

describe("ranking snapshot", () => {
  // Every ranking change shows up in this file's diff; update it (vitest -u) only with the
  // reason in the commit message.
  it("GIVEN every question of our fixture sets, with two articles loaded THEN the verdicts and top citations are as recorded", async () => {
    const files = [
      "seed-questions.jsonl",
      "seed-paraphrases.jsonl",
      "blind-seed.jsonl",
      "connected-vehicles.jsonl",
      "blind-vehicles.jsonl",
    ];
    const lines = files.flatMap((file) => [
      `# ${file}`,
      ...readQuestions(file).map(({ q }) => line(q, both.ask(q))),
    ]);
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("__snapshots__/ranking.txt");
  });
});
