import { readQuestions } from "./tests/eval.ts";
import { DEV_SCORINGS, loadDevLibraries } from "./tests/core/dev-libraries.ts";
const libs = await loadDevLibraries({});
const norm = (s: string) => s.replace(/[’‘]/g, "'").toLowerCase().replace(/\s+/g, " ");
const setName = process.argv[2] ?? "blind discord 22 / own";
for (const { name, file, library } of DEV_SCORINGS) {
  if (name !== setName) continue;
  const index = library(libs);
  for (const q of readQuestions(file)) {
    const e = index.explain(q.q, { limit: 5 });
    const ok = (c: any) => c && (!q.article || c.article === q.article) && (q.answer ?? []).some((p: string) => norm(c.excerpt).includes(norm(p)));
    const rank = e.citations.findIndex(ok);
    const verdict = e.answer.answered ? "ANS" : `DECL(${e.declined})`;
    if (q.unanswerable ? !e.answer.answered : rank === 0 && e.answer.answered) continue;
    console.log(`${q.unanswerable ? "UN " + q.kind : q.kind} ${verdict} rank=${rank} cov=${e.citations[0]?.coverage.toFixed(2)} short=${e.answer.answer}\n  Q: ${q.q}\n  want: ${(q.answer ?? []).join(" | ")}\n  top: ${e.citations[0]?.excerpt.slice(0, 160)}`);
  }
}
