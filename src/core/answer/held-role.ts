/**
 * The role a question asks the holder of ("who's the current secretary of the interior") and
 * where, in a passage, a name holds it: by the role's words.
 */
import { SHORT_ANSWER } from "../fixed-tuning.ts";
import type { SynonymSource } from "../synonyms.ts";
import { GENERIC_PERSON_NOUNS, LOW_INFORMATION_WORDS, STOP_WORDS } from "../text/lexicon.ts";
import { foldCase, termOf } from "../text/tokenize.ts";
import { questionText } from "./asked-noun.ts";

/**
 * "who is", "who's", "who was", and as Discord types it, "who even is", "who exactly was": a
 * filler adverb between them changes nothing asked.
 */
export const WHO_IS = String.raw`who(?:'s| is| was| are| were| (?:even|actually|exactly|really) (?:is|was|are|were))`;

/**
 * "who was president when…", "who is the ceo of…", "who's the current us trade
 * representative", and as a name asked for, "what was the name of the healthcare executive
 * killed…": up to four words after "who is" or "the name of" may name a role (see
 * {@link roleAsked}).
 */
const WHO_HOLDS = new RegExp(
  String.raw`^(?:so |and |but |ok |okay |lol |hey )?(?:${WHO_IS}|(?:what(?:'s|s| is| was)?|whats) (?:the |his |her |their )?name of) (?:the |a |an )?(\w+(?: \w+){0,3})`,
  "u",
);

/** A question opening with "who is", "who was"…: its "-ing" after a role is a tense. */
const WHO_IS_OPENS = new RegExp(String.raw`^(?:so |and |but |ok |okay |lol |hey )?${WHO_IS} `, "u");

/** The role a question asks the holder of, and the other words of its phrase. */
export interface HeldRole {
  /** The role's noun as typed: "secretary" in "who's the current secretary of the interior". */
  readonly role: string;
  /** The phrase's other words: "current", "interior"; "commerce" in "the commerce secretary". */
  readonly others: readonly string[];
}

/**
 * The role a "who is the …" question names, whose holder it asks for when it expects a person
 * (`heldRole` in `expected.ts`); undefined when it names none.
 */
export function roleAsked(
  question: string,
  dictionary?: SynonymSource | null,
): HeldRole | undefined {
  const phrase = WHO_HOLDS.exec(questionText(question))?.[1];
  if (phrase === undefined || !dictionary?.nounSense) return undefined;
  // The role's words up to a function word: "current us trade representative", "ceo" (of…).
  // An adjective ("current", "former") or a modifier ("us", "trade") may come before it.
  const words = phrase.split(" ");
  const holds = (role: string): HeldRole => ({
    role,
    others: words.filter((word) => word !== role && !STOP_WORDS.has(word)),
  });
  // "who is the president meeting with": the role is the subject of a verb in "-ing", and the
  // question asks whom it acts on, not who holds it.
  // ("The name of the secretary honoring the veterans" asks the secretary's.)
  const progressive = WHO_IS_OPENS.test(questionText(question));
  const acts = (next: string | undefined) =>
    progressive && next !== undefined && /ing$/u.test(next) && (dictionary.verb?.(next) ?? false);
  for (const [position, word] of words.entries()) {
    if (STOP_WORDS.has(word)) return undefined;
    const sense = dictionary.nounSense(word);
    if (sense?.category === "person" && !sense.proper) {
      return acts(words[position + 1]) ? undefined : holds(word);
    }
    // A noun phrase's head, the word before "of", "that"…, may be a role in a later sense:
    // "the chair of the FTC" presides, though "chair" is furniture first.
    const next = words[position + 1];
    const head = next !== undefined && STOP_WORDS.has(next);
    if (head && sense?.person && !sense.proper) return holds(word);
    if (sense?.proper) return undefined;
  }
  return undefined;
}

/**
 * Whether a name in an excerpt (at `from`..`to`) stands where the holder of a role would:
 * the role's word (or a dictionary synonym of it, as written: "chairman" for "chair") in
 * it or within a few words of it, and so one of the role phrase's other words ("argentina"
 * of "the president of argentina") when the passage says any of them. "President Donald J. Trump … trade deals
 * with El Salvador, Argentina" names another president; "President Donald J. Trump's Office
 * of Personnel Management" no director of it.
 */
export function roleNear(
  held: HeldRole,
  dictionary: SynonymSource,
): (excerpt: string, from: number, to: number) => boolean {
  const plural = (word: string) => [word, `${word}s`, `${word}es`];
  const roleForms = new Set(
    [held.role, ...dictionary.synonyms(held.role)].flatMap((word) => plural(word)),
  );
  const others = new Set(
    held.others
      .filter((word) => !LOW_INFORMATION_WORDS.has(word))
      .map((word) => termOf(foldCase(word))),
  );
  const reach = SHORT_ANSWER.roleReach;
  return (excerpt, from, to) => {
    const near = [...excerpt.matchAll(/[\p{L}\p{N}]+/gu)];
    const first = near.findIndex((word) => word.index >= from);
    let last = first;
    while (last + 1 < near.length && (near[last + 1]?.index ?? to) < to) last += 1;
    const around = near
      .slice(Math.max(0, first - reach), last + 1 + reach)
      .map((word) => foldCase(word[0]));
    // "the Xinhua guy": a word that names no role is not looked for.
    const roleSaid = GENERIC_PERSON_NOUNS.has(held.role) || around.some((w) => roleForms.has(w));
    if (!roleSaid) return false;
    // What the role is of may go unsaid ("President Biden" for the United States); said
    // elsewhere in the passage, it belongs to something else there.
    const isOther = (word: string) => others.has(termOf(word));
    return around.some(isOther) || !near.some((word) => isOther(foldCase(word[0])));
  };
}
