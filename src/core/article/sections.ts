import type { TextBlock } from "./blocks.ts";

/** A capitalised word of a section's title ("Non-Federal", "COVID-19"), or a dotted initialism ("U.S."). */
const CAPITALISED = String.raw`(?:(?:\p{Lu}\.){2,}|\p{Lu}[\p{L}\p{N}’'-]*)`;

/** A word of a section's title: capitalised, a number ("Executive Order 14033"), or a short joining word. */
const TITLE_WORD = String.raw`(?:${CAPITALISED}|\p{N}+|of|the|and|for|to|on|in|with|from|a|an|by|or|at|as)`;

/** Most words of a section's title: longer runs are prose, not a title. */
const TITLE_WORDS_MAX = 16;

/**
 * An order's section label and title opening a passage, as executive orders, proclamations
 * and memoranda number their parts: "Sec. 2.  Increasing the Minimum Wage for Federal
 * Contractors." or "Section 1.  Policy." The title starts with a capital, is made of
 * capitalised and joining words only, and ends with a full stop, then the passage or its end.
 */
const SECTION_HEADING = new RegExp(
  String.raw`^((?:Sec\.|Section)\s+\d{1,4}\.)\s+(${CAPITALISED}(?:\s+${TITLE_WORD}){0,${TITLE_WORDS_MAX - 1}})(?:\.|(?<=\.))(?:\s+|$)`,
  "u",
);

/**
 * Reads an order's section titles as headings: "Sec. 2.  Increasing the Minimum Wage for
 * Federal Contractors.  (a) Executive departments…" becomes the passage "Sec. 2. (a)
 * Executive departments…" under the heading "Increasing the Minimum Wage for Federal
 * Contractors", and that heading is the context of every passage of its section, until the
 * next label. So a section's title is searched with its provisions but never quoted as an
 * answer, as a Markdown heading is. The label stays in the passage: a reader cites the
 * section by it, and the passages keep their numbers.
 */
export function withSectionHeadings(blocks: readonly TextBlock[]): readonly TextBlock[] {
  if (!blocks.some((block) => SECTION_HEADING.test(block.text))) return blocks;
  let heading: string | undefined;
  return blocks.map((block) => {
    const match = SECTION_HEADING.exec(block.text);
    let text = block.text;
    if (match) {
      heading = match[2];
      const rest = block.text.slice(match[0].length);
      text = rest === "" ? (match[1] as string) : `${match[1] as string} ${rest}`;
    }
    if (heading === undefined) return block;
    const context = block.context === undefined ? heading : `${block.context} — ${heading}`;
    return { ...block, text, context };
  });
}
