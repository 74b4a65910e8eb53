import { ORDINAL_PATTERN } from "../text/lexicon.ts";

// Ranks a question asks about and ranks a passage gives the same thing: "the third ministerial"
// is not the fifth one.

/** An ordinal and the word after it: "fourth Los", "3rd round". */
const RANKED = new RegExp(String.raw`\b(${ORDINAL_PATTERN})\s+([\p{L}\p{N}]+)`, "giu");

/** Each word the text ranks ("ministerial" of "the fifth ministerial"), with the ranks it gets. */
function ranksIn(text: string): Map<string, Set<string>> {
  const ranked = new Map<string, Set<string>>();
  for (const [, rank, word] of text.matchAll(RANKED)) {
    const key = (word as string).toLowerCase();
    const ranks = ranked.get(key) ?? new Set<string>();
    ranks.add((rank as string).toLowerCase());
    ranked.set(key, ranks);
  }
  return ranked;
}

/**
 * True when the question ranks a thing ("who hosted the fourth Los Angeles Declaration
 * ministerial") and the excerpt gives the same thing another rank and never the one asked
 * ("…will host the fifth Los Angeles Declaration Ministerial"): it speaks of another one.
 */
export function speaksOfOtherRank(question: string, excerpt: string): boolean {
  const asked = ranksIn(question);
  if (asked.size === 0) return false;
  const said = ranksIn(excerpt);
  return [...asked].some(([word, ranks]) => {
    const given = said.get(word);
    return given !== undefined && ![...ranks].some((rank) => given.has(rank));
  });
}
