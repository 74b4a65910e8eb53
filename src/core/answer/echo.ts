import { SHORT_ANSWER } from "../fixed-tuning.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { initialismLetters, spellsOut } from "../text/initials.ts";

/**
 * Whether a name found in an excerpt only says again what the question already says:
 * "Chairman of the Federal Trade Commission" for "who's the chair of the FTC", "Vice
 * Chairman" for "who sits on it besides the chair and vice chair", "Department of Justice"
 * for "the DOJ probe was aimed at who". Each of its words is a word of the question (the same
 * term, or one the other begins: "chair" and "chairman"), a connector, or one of the words
 * spelling an initialism the question uses. Such a name is the question's subject, not its
 * answer.
 *
 * @param words - the name's words, as written.
 */
export function restatesQuestion(words: readonly string[], question: string): boolean {
  const typed = foldCase(question)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "" && !STOP_WORDS.has(word));
  if (typed.length === 0) return false;
  const terms = new Set(typed.map((word) => termOf(word)));
  // The name's words that spell an initialism of the question ("Department of Justice" for
  // "doj"): a run of them, from a word starting with its first letter to one with its last.
  const spelt = new Set<number>();
  for (const word of typed) {
    const letters = initialismLetters(word.replace(/s$/u, "")) ?? initialismLetters(word);
    if (letters === undefined) continue;
    for (let from = 0; from < words.length; from += 1) {
      if (foldCase(words[from] ?? "")[0] !== letters[0]) continue;
      // A letter a word, a connector at most between two: no longer run spells them.
      const longest = Math.min(words.length, from + 2 * letters.length - 1);
      for (let to = from + 1; to <= longest; to += 1) {
        if (foldCase(words[to - 1] ?? "")[0] !== letters.at(-1)) continue;
        if (!spellsOut(letters, words.slice(from, to).join(" "))) continue;
        for (let at = from; at < to; at += 1) spelt.add(at);
      }
    }
  }
  const said = (word: string, at: number): boolean => {
    const folded = foldCase(word).replace(/['’]s$/u, "");
    if (STOP_WORDS.has(folded) || spelt.has(at)) return true;
    if (terms.has(termOf(folded))) return true;
    // "chair" and "chairman": one begins the other, and is long enough to be no accident.
    return typed.some(
      (typedWord) =>
        Math.min(typedWord.length, folded.length) >= SHORT_ANSWER.echoPrefixLength &&
        (folded.startsWith(typedWord) || typedWord.startsWith(folded)),
    );
  };
  return words.length > 0 && words.every(said);
}
