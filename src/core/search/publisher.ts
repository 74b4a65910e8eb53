import type { Article } from "../article/types.ts";
import { ACCORDING } from "../text/lexicon.ts";
import { foldCase, isContentToken, type Token } from "../text/tokenize.ts";

/** Words before a clause's subject in a question: "does the White House say", "is the White House saying". */
const AUXILIARIES: ReadonlySet<string> = new Set(
  "does do did is are was were has have had will would can could should".split(" "),
);

/** Longest name, in words, looked for as a publisher's. */
const MAX_NAME_WORDS = 3;

/**
 * Who published the articles, each as a name typed run together in lower case: the first
 * label of the site's address ("whitehouse" of www.whitehouse.gov) and the source named in
 * the front matter ("The Guardian" → "guardian").
 */
export function publisherKeys(articles: readonly Article[]): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const article of articles) {
    if (article.url) {
      try {
        const label = new URL(article.url).hostname.replace(/^www\./u, "").split(".")[0];
        if (label && label.length > 2) keys.add(label);
      } catch {
        // A front matter's address is checked when read; a bad one names no one.
      }
    }
    if (article.source) {
      const key = runTogether(article.source.split(/\s+/u));
      if (key.length > 2) keys.add(key);
    }
  }
  return keys;
}

/**
 * True when a name typed run together is a publisher's key, or, of two words or more, ends one:
 * "white house" ends "bidenwhitehouse" of bidenwhitehouse.archives.gov. One word may only be the
 * whole key: "house" is another body than the White House.
 */
function namesPublisher(name: string, words: number, publishers: ReadonlySet<string>): boolean {
  if (publishers.has(name)) return true;
  return words >= 2 && [...publishers].some((key) => key.endsWith(name));
}

function runTogether(words: readonly string[]): string {
  return words
    .map((word) => foldCase(word).replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((word, i) => !(i === 0 && word === "the"))
    .join("");
}

/**
 * Positions of the question's tokens that name the articles' publisher as the one who says
 * or thinks what is asked ("why does the White House think …", "what is the white house
 * saying …") or as its source, with the words that cite it ("… according to the White House
 * and its allies", "per the White House"; normalize.ts drops such a source at the question's
 * end or start whoever published the articles): the asker points at the articles, whose text
 * rarely names who published it. A publisher named elsewhere ("hosting at the White House")
 * is asked about and stays.
 */
export function publisherAsSubject(
  tokens: readonly Token[],
  publishers: ReadonlySet<string>,
): ReadonlySet<number> {
  const found = new Set<number>();
  if (publishers.size === 0) return found;
  tokens.forEach((token, start) => {
    const first = token.word === "the" ? start + 1 : start;
    const before = tokens[start - 1];
    if (before === undefined) return;
    const citing = AUXILIARIES.has(before.word) ? 0 : citingWords(tokens, start);
    if (citing < 0) return;
    for (let end = first + 1; end <= Math.min(tokens.length, first + MAX_NAME_WORDS); end += 1) {
      const words = tokens.slice(first, end).map((t) => t.word);
      if (!namesPublisher(runTogether(words), words.length, publishers)) continue;
      // "per White House staffer" is "for each"; "according to White House economists" cites
      // the publisher's own, and the words after it stay.
      if (before.word === "per" && runsOn(tokens, end)) return;
      for (let i = start - citing; i < end; i += 1) found.add(i);
      return;
    }
  });
  return found;
}

const ACCORDING_WORD = new RegExp(`^${ACCORDING}$`, "u");

/**
 * How many words before position `start` cite a source: 2 for "according to", 1 for "per",
 * -1 when they do not.
 */
function citingWords(tokens: readonly Token[], start: number): number {
  const before = tokens[start - 1]?.word;
  if (before === "per") return 1;
  return before === "to" && ACCORDING_WORD.test(tokens[start - 2]?.word ?? "") ? 2 : -1;
}

/**
 * Whether the name ending before `end` runs on into a word it qualifies ("White House
 * staffer"). A comma, a possessive ("the White House's …") or a word of no content ends it.
 */
function runsOn(tokens: readonly Token[], end: number): boolean {
  const last = tokens[end - 1] as Token;
  const next = tokens[end];
  if (next === undefined || /['’]s$/u.test(last.surface)) return false;
  return next.start === last.end + 1 && isContentToken(next);
}
