import { isRomanNumeral } from "../text/lexicon.ts";
import type { Token } from "../text/tokenize.ts";
import type { QueryTerm } from "./query.ts";

// Links between the terms of one question: a word and the word that modifies it ("the CEO of
// Apple"), and the words of one name ("Model 3"). Scoring reads them to tell a passage about
// this CEO or this Model from one about another.

/**
 * "the CEO of Apple" is Apple's CEO: the word after "of" is the modifier of the
 * word before it, so where the passage's article lacks "Apple", a "CEO" found is
 * another one (as with "stock" in "stock price").
 */
export function linkComplements(
  tokens: readonly Token[],
  content: readonly (Token | undefined)[],
  terms: QueryTerm[],
  positionOf: ReadonlyMap<string, number>,
): void {
  content.forEach((token, position) => {
    const head = content[position - 2];
    if (!token || !head || tokens[position - 1]?.word !== "of") return;
    const headAt = positionOf.get(head.term);
    const at = positionOf.get(token.term);
    const headTerm = headAt === undefined ? undefined : terms[headAt];
    if (headTerm && at !== undefined && headTerm.modifier === undefined) {
      terms[headAt as number] = { ...headTerm, modifier: at };
    }
  });
}

/**
 * Names of several words ("Model 3", "Wang Yang") are one thing: each word lists
 * the others as partners, so a passage whose article lacks one is about another "Model".
 */
export function linkNames(
  content: readonly (Token | undefined)[],
  terms: QueryTerm[],
  positionOf: ReadonlyMap<string, number>,
  isName: (token: Token) => boolean,
): void {
  let run: number[] = [];
  const closeRun = () => {
    const members = [...new Set(run.map((p) => positionOf.get((content[p] as Token).term)))];
    if (members.length >= 2) {
      for (const member of members) {
        const term = terms[member as number];
        if (term) term.partners.push(...(members.filter((m) => m !== member) as number[]));
      }
    }
    run = [];
  };
  content.forEach((token, position) => {
    // A word right before a number names a thing in any case: "model 3", "section 232".
    // So does a Roman numeral after a name: "Artemis III", "Title IX".
    const numeral = (t: Token | undefined) =>
      t !== undefined && (t.isNumber || isRomanNumeral(t.word));
    const beforeNumber = token !== undefined && !numeral(token) && numeral(content[position + 1]);
    const inName =
      token !== undefined &&
      (isName(token) ||
        beforeNumber ||
        (numeral(token) && run.length > 0 && run.at(-1) === position - 1));
    if (inName && (run.length === 0 || run.at(-1) === position - 1)) run.push(position);
    else {
      closeRun();
      if (inName) run.push(position);
    }
  });
  closeRun();
}
