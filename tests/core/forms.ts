import { expect } from "vitest";
import { normalizeDiscordText, type Answer, type CitationIndex } from "../../src/core/index.ts";
import { readQuestions } from "../eval.ts";

// The twenty forms of the form-invariance property, shared by its two test files (split so
// that two workers check the dev sets at once).

/** A question's opening word: who, what, how, is, does… */
const QUESTION_OPENING =
  /^(?:who|whom|whose|what|whats|what's|when|where|which|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/iu;

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
  ["a greeting without a comma", (q) => `hey citebot ${q}`],
  ["double spaces", (q) => q.replace(/ /gu, "  ")],
  ["a source first", (q) => `according to the article, ${q}`],
  ["a request", (q) => `can u tell me ${q}`],
  ["fillers", (q) => `btw quick q: ${q}`],
  ["title case", (q) => q.replace(/(?<![\p{L}\p{N}'])\p{Ll}/gu, (c) => c.toUpperCase())],
  ["a trailing filler", (q) => `${q.replace(/[?!.]+$/u, "")} fr`],
  ["right now", (q) => `${q.replace(/[?!.]+$/u, "")} rn`],
  ["an interjection", (q) => `lowkey ${q}`],
  // Addressed by name without a greeting: a question that opens with its question word.
  ["addressed by name", (q) => (QUESTION_OPENING.test(q) ? `citebot ${q}` : q)],
];

/** What must not change with the form: the verdict and the top citation. */
export function verdict(answer: Answer): string {
  const top = answer.citations[0];
  return JSON.stringify([answer.answered, top?.article, top?.paragraph, top?.excerpt]);
}

/**
 * The verdict of each question, asked once per distinct normalized text. `ask` reads a
 * question only through {@link normalizeDiscordText} (the answer's `question` field, which no
 * verdict holds, aside), so forms that normalize alike share one verdict: of the 12,000 forms
 * of the eight blind Discord-style sets, 777 normalize to a text of their own. A form whose
 * normalization misses what Discord added still gets a text of its own and is asked;
 * `expectAskReadsNormalizedText` checks the premise, on the Discord-style seed set.
 */
function verdicts(index: CitationIndex): (question: string) => string {
  const byText = new Map<string, string>();
  return (question) => {
    const text = normalizeDiscordText(question);
    let found = byText.get(text);
    if (found === undefined) {
      found = verdict(index.ask(question));
      byText.set(text, found);
    }
    return found;
  };
}

/** Retypes every question of the sets in the forms; lists the variants whose verdict or top citation changed. */
function formChanges(
  files: readonly string[],
  index: CitationIndex,
): { variants: number; changed: string[] } {
  const changed: string[] = [];
  const verdictOf = verdicts(index);
  let variants = 0;
  for (const file of files) {
    for (const { q } of readQuestions(file)) {
      const expected = verdictOf(q);
      for (const [form, retype] of FORMS) {
        variants += 1;
        const question = retype(q);
        if (verdictOf(question) !== expected) changed.push(`${form}: ${question}`);
      }
    }
  }
  return { variants, changed };
}

/**
 * Asserts the premise of {@link verdicts} on the sets: every form of every question, asked as
 * typed, gets the verdict of its normalized text asked as is.
 */
export function expectAskReadsNormalizedText(files: readonly string[], index: CitationIndex): void {
  const differ: string[] = [];
  for (const file of files) {
    for (const { q } of readQuestions(file)) {
      for (const [form, retype] of [["as written", (x: string) => x] as const, ...FORMS]) {
        const question = retype(q);
        const text = normalizeDiscordText(question);
        if (verdict(index.ask(question)) !== verdict(index.ask(text)))
          differ.push(`${form}: ${question}`);
      }
    }
  }
  expect(differ, differ.join("\n")).toEqual([]);
}

/**
 * Asserts the property over the sets: more than `atLeast` variants were asked, and none
 * changed its verdict or top citation (the failure lists them), but for `knownChanges`: the
 * forms of a defect that is written down and not yet fixed, listed exactly, so that fixing it
 * or breaking another form fails too.
 */
export function expectFormInvariant(
  files: readonly string[],
  index: CitationIndex,
  atLeast: number,
  knownChanges: readonly string[] = [],
): void {
  const { variants, changed } = formChanges(files, index);
  expect(variants).toBeGreaterThan(atLeast);
  expect(changed, changed.join("\n")).toEqual(knownChanges);
}
