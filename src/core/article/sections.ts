import { TITLE_ABBREVIATIONS } from "../text/lexicon.ts";
import type { TextBlock } from "./blocks.ts";

/** Longest word of a section's title: a longer run of letters is no title's word. */
const TITLE_WORD_CHARS_MAX = 40;

/** Most words of a section's title: longer runs are prose, not a title. */
const TITLE_WORDS_MAX = 16;

/**
 * A capitalised word of a section's title ("Non-Federal", "COVID-19"), or a dotted initialism
 * inside it ("U.S."), each of bounded length: a title is copied into the context of every
 * paragraph of its section, so its size must not grow with the input.
 */
const CAPITALISED = String.raw`(?:(?:\p{Lu}\.){2,4}|\p{Lu}[\p{L}\p{N}’'-]{0,${TITLE_WORD_CHARS_MAX}})`;

/** A word of a section's title: capitalised, a number ("Executive Order 14033"), or a short joining word. */
const TITLE_WORD = String.raw`(?:${CAPITALISED}|\p{N}{1,12}|of|the|and|for|to|on|in|with|from|a|an|by|or|at|as)`;

/**
 * An order's section label and title opening a passage, as executive orders, proclamations
 * and memoranda number their parts: "Sec. 2.  Increasing the Minimum Wage for Federal
 * Contractors." or "Section 1.  Policy." The title starts with a capital, is made of
 * capitalised and joining words only, and ends with a full stop of its own, then the passage
 * or its end.
 */
const SECTION_LABEL = new RegExp(
  String.raw`^((?:Sec\.|Section)\s+\d{1,4}\.)(?:\s+(${CAPITALISED}(?:\s+${TITLE_WORD}){0,${TITLE_WORDS_MAX - 1}})\.(?:\s+|$))?`,
  "u",
);

/**
 * The title a label's match holds, unless its full stop is an abbreviation's ("Sec. 3. Mr.
 * Smith shall…", "Sec. 7. St. Louis…") or an initial's ("John F. Kennedy"): then the words
 * after the label are prose, and none of them may be taken out of the passage.
 */
function titleOf(match: RegExpExecArray): string | undefined {
  const title = match[2];
  const last = title?.split(/\s+/u).at(-1) ?? "";
  if (
    title === undefined ||
    TITLE_ABBREVIATIONS.has(last.toLowerCase()) ||
    /^\p{Lu}$/u.test(last)
  ) {
    return undefined;
  }
  return title;
}

/**
 * Reads an order's section titles as headings: "Sec. 2.  Increasing the Minimum Wage for
 * Federal Contractors.  (a) Executive departments…" becomes the passage "Sec. 2. (a)
 * Executive departments…" under the heading "Increasing the Minimum Wage for Federal
 * Contractors", and that heading is the context of every passage of its section: until the
 * next label (titled or not), or until a heading above changes the passages' context. So a
 * section's title is searched with its provisions but never quoted as an answer, as a
 * Markdown heading is. The label stays in the passage: a reader cites the section by it, and
 * the passages keep their numbers.
 */
export function withSectionHeadings(blocks: readonly TextBlock[]): readonly TextBlock[] {
  if (!blocks.some((block) => SECTION_LABEL.test(block.text))) return blocks;
  let heading: string | undefined;
  let headingContext: string | undefined;
  // The joined context of the last passage: passages of one section share one string.
  let joined: { context: string | undefined; value: string } | undefined;
  return blocks.map((block) => {
    const match = SECTION_LABEL.exec(block.text);
    let text = block.text;
    if (match) {
      heading = titleOf(match);
      headingContext = block.context;
      joined = undefined;
      if (heading !== undefined) {
        const rest = block.text.slice(match[0].length);
        text = rest === "" ? (match[1] as string) : `${match[1] as string} ${rest}`;
      }
    } else if (heading !== undefined && block.context !== headingContext) {
      heading = undefined;
    }
    if (heading === undefined) return block;
    if (joined?.context !== block.context || joined === undefined) {
      const value = block.context === undefined ? heading : `${block.context} — ${heading}`;
      joined = { context: block.context, value };
    }
    return { ...block, text, context: joined.value };
  });
}
