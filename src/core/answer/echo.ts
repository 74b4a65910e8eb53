import editDistance from "damerau-levenshtein";
import { SHORT_ANSWER } from "../fixed-tuning.ts";
import type { SynonymSource } from "../synonyms.ts";
import { STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { initialismLetters, spellsOut } from "../text/initials.ts";
import type { AnswerType } from "./expected.ts";
import { commonNoun } from "./name-kinds.ts";

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

/** A question's words as names are compared with them: as typed, and as terms (stop words aside). */
export interface QuestionWords {
  readonly typed: ReadonlySet<string>;
  readonly asked: ReadonlySet<string>;
}

/** Whether a name's word is one of the question's (the same term, a possessive aside). */
export function isAskedWord(word: string, said: QuestionWords): boolean {
  return said.asked.has(termOf(foldCase(word).replace(/['’]s$/u, "")));
}

/**
 * Whether the question typed a name's word as written, not one of the same stem:
 * "Administration" is not the "administrator" asked about ("where will the administrator
 * sit": "within the … Administration").
 */
export function typedAsWritten(word: string, said: QuestionWords): boolean {
  const written = foldCase(word).replace(/['’]s$/u, "");
  return [written, `${written}s`, written.replace(/e?s$/u, "")].some((form) =>
    said.typed.has(form),
  );
}

/** "ofice" for "Office": a typed word one edit from the name's, long enough to be no accident. */
function typedOneEditFrom(
  word: string,
  said: QuestionWords,
  dictionary: SynonymSource | null | undefined,
): boolean {
  const written = foldCase(word);
  return (
    written.length >= SHORT_ANSWER.echoTypoLength &&
    [...said.typed].some(
      (typed) =>
        typed.length >= SHORT_ANSWER.echoTypoLength &&
        Math.abs(typed.length - written.length) <= 1 &&
        // "policy" is no misspelling of "Police": a typo is a word the dictionary lacks.
        !(dictionary?.knows(typed) ?? false) &&
        editDistance(typed, written).steps === 1,
    )
  );
}

/** A title of address or rank written before a name ("Dr.", "Sen."): no name itself. */
const HONORIFIC = /^(?:mr|mrs|ms|dr|gen|adm|sen|rep|gov|jr|sr)\.?$/u;

/**
 * Whether a name's words hold a person's name after the last of them the question says: a
 * word that is no common noun ("Marco", "Lloyd Austin"), acronym ("MABA"), honorific,
 * adjective ("Federal"), place or organisation ("Texas"), nor part of a name the dictionary
 * knows whole as no person ("White House", "New York"). "Secretary of State Marco Rubio"
 * holds one; "White House Faith Office" and "Office of Texas Maritime Security" hold none.
 */
function holdsPersonalName(
  words: readonly string[],
  said: QuestionWords,
  dictionary: SynonymSource | null | undefined,
): boolean {
  if (!dictionary) return true;
  const pairNamesNoOne = (a: string | undefined, b: string | undefined) => {
    if (a === undefined || b === undefined) return false;
    const sense = dictionary.nounSense?.(`${foldCase(a)} ${foldCase(b)}`);
    return sense !== undefined && sense.category !== "person";
  };
  // The holder follows the role or body the question names: only the words after its last
  // asked word may be a person's name ("Office of Texas Maritime Security" holds none).
  let lastAsked = -1;
  words.forEach((word, i) => {
    if (!STOP_WORDS.has(foldCase(word)) && isAskedWord(word, said)) lastAsked = i;
  });
  return words.some((word, i) => {
    if (i <= lastAsked) return false;
    const folded = foldCase(word.replace(/['’]s$/u, ""));
    const sense = dictionary.nounSense?.(folded);
    return (
      !STOP_WORDS.has(folded) &&
      !HONORIFIC.test(folded) &&
      !/^[\p{Lu}\p{N}.&-]+$/u.test(word) &&
      !commonNoun(word.replace(/['’]s$/u, ""), dictionary) &&
      // "Federal", "European": a people's or a place's adjective; "Texas", "Ireland": a place.
      !(dictionary.adjective?.(folded) ?? false) &&
      !(
        sense?.proper === true &&
        (sense.category === "location" || sense.category === "organization")
      ) &&
      !pairNamesNoOne(words[i - 1], word) &&
      !pairNamesNoOne(word, words[i + 1])
    );
  });
}

/**
 * Whether a name is the question's subject named in full: its head (its last word, or the
 * word before its "of") and another of its words are the question's, the head perhaps
 * misspelt ("Office of Maritime and Industrial Capacity" for "where does the new maritime
 * office sit", "White House Faith Office" for "the faith ofice is supposed to bring who").
 * Not when the head is the noun asked for ("which office"), nor, when a person is asked,
 * when a role or a body is followed by its holder's name ("Secretary of State Marco Rubio").
 */
export function restatesSubject(
  words: readonly string[],
  said: QuestionWords,
  kindAsked: string | undefined,
  type: AnswerType,
  dictionary: SynonymSource | null | undefined,
): boolean {
  const ofAt = words.findIndex((word, i) => i > 0 && foldCase(word) === "of");
  const head = ofAt > 0 ? (words[ofAt - 1] as string) : (words.at(-1) ?? "");
  return (
    termOf(foldCase(head)) !== kindAsked &&
    words.some(
      (word) => word !== head && !STOP_WORDS.has(foldCase(word)) && isAskedWord(word, said),
    ) &&
    (typedAsWritten(head, said) || typedOneEditFrom(head, said, dictionary)) &&
    !(type === "person" && holdsPersonalName(words, said, dictionary))
  );
}
