import { expect } from "vitest";
import type { Answer, CitationIndex } from "../../src/core/index.ts";
import { readQuestions } from "../eval.ts";

// The fifteen forms of the form-invariance property, shared by its two test files (split so
// that two workers check the dev sets at once).

/** Ways the same question is typed on Discord. */
const FORMS: readonly [string, (question: string) => string][] = [
  ["lower case", (q) => q.toLowerCase()],
  ["a leading mention", (q) => `<@123456789012345678> ${q}`],
  ["a custom emoji", (q) => `<:pepe:123456789012345678> ${q}`],
  ["a trailing emoji", (q) => `${q} 🤔`],
  ["bold", (q) => q.replace(/^(\S+)/u, "**$1**")],
  // The first long word outside a mention or custom emoji ("<:thinking:123>" stays one).
  ["bold inside", (q) => q.replace(/(?<!<[^>]*)(\p{L}{6,})/u, "**$1**")],
  ["no apostrophes", (q) => q.replace(/['’]/gu, "")],
  ["upper case", (q) => q.toUpperCase()],
  ["a chat frame", (q) => `does anyone know ${q}`],
  ["a greeting", (q) => `hey citebot, ${q}`],
  ["a request", (q) => `can u tell me ${q}`],
  ["fillers", (q) => `btw quick q: ${q}`],
  ["title case", (q) => q.replace(/(?<![\p{L}\p{N}'])\p{Ll}/gu, (c) => c.toUpperCase())],
  ["a trailing filler", (q) => `${q.replace(/[?!.]+$/u, "")} fr`],
  ["right now", (q) => `${q.replace(/[?!.]+$/u, "")} rn`],
];

/** What must not change with the form: the verdict and the top citation. */
export function verdict(answer: Answer): string {
  const top = answer.citations[0];
  return JSON.stringify([answer.answered, top?.article, top?.paragraph, top?.excerpt]);
}

/** Retypes every question of the sets in the forms; lists the variants whose verdict or top citation changed. */
function formChanges(
  files: readonly string[],
  index: CitationIndex,
): { variants: number; changed: string[] } {
  const changed: string[] = [];
  let variants = 0;
  for (const file of files) {
    for (const { q } of readQuestions(file)) {
      const expected = verdict(index.ask(q));
      for (const [form, retype] of FORMS) {
        variants += 1;
        const question = retype(q);
        if (verdict(index.ask(question)) !== expected) changed.push(`${form}: ${question}`);
      }
    }
  }
  return { variants, changed };
}

/**
 * Asserts the property over the sets: more than `atLeast` variants were asked, and none
 * changed its verdict or top citation (the failure lists them).
 */
export function expectFormInvariant(
  files: readonly string[],
  index: CitationIndex,
  atLeast: number,
): void {
  const { variants, changed } = formChanges(files, index);
  expect(variants).toBeGreaterThan(atLeast);
  expect(changed, changed.join("\n")).toEqual([]);
}
