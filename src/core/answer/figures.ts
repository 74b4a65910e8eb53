import type { Article } from "../article/types.ts";
import { YEAR } from "../text/lexicon.ts";
import { COUNT, MONEY, NOT_COUNTED, PERCENT } from "../text/expressions.ts";

/** A key figure quoted in an article. */
export interface Figure {
  readonly kind: "money" | "percent" | "count";
  /** The figure as written ("$4.2 billion", "376%", "1,200 workers"). */
  readonly text: string;
  /** Paragraph number, from 1. */
  readonly paragraph: number;
}

/**
 * Finds the key figures of an article (sums of money, percentages, counts of
 * things) in reading order, each once per paragraph. Years and dates are not
 * figures.
 */
export function extractFigures(article: Article): Figure[] {
  const figures: Figure[] = [];
  for (const paragraph of article.paragraphs) {
    const taken: [number, number][] = [];
    const seen = new Set<string>();
    const found: (Figure & { at: number })[] = [];
    const add = (kind: Figure["kind"], text: string, at: number) => {
      const end = at + text.length;
      if (taken.some(([start, stop]) => at < stop && end > start)) return;
      taken.push([at, end]);
      const clean = text.trim();
      if (seen.has(clean)) return;
      seen.add(clean);
      found.push({ kind, text: clean, paragraph: paragraph.number, at });
    };
    for (const match of paragraph.text.matchAll(MONEY)) add("money", match[0], match.index);
    for (const match of paragraph.text.matchAll(PERCENT)) add("percent", match[0], match.index);
    for (const match of paragraph.text.matchAll(COUNT)) {
      const [whole, number = "", noun = ""] = match;
      if (YEAR.test(number) || NOT_COUNTED.test(noun)) continue;
      add("count", whole, match.index);
    }
    found.sort((a, b) => a.at - b.at);
    figures.push(
      ...found.map(({ kind, text, paragraph: number }) => ({ kind, text, paragraph: number })),
    );
  }
  return figures;
}
