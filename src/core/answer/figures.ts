import type { Article } from "./types.ts";

/** A key figure quoted in an article. */
export interface Figure {
  readonly kind: "money" | "percent" | "count";
  /** The figure as written ("$4.2 billion", "376%", "1,200 workers"). */
  readonly text: string;
  /** Paragraph number, from 1. */
  readonly paragraph: number;
}

const SCALE = String.raw`(?:\s?(?:thousand|million|billion|trillion|bn|mn|m|k)\b)?`;
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const MONEY = new RegExp(
  String.raw`(?:(?:US|C|A|HK)?[$€£¥]\s?${NUMBER}${SCALE})|(?:\b${NUMBER}${SCALE}\s(?:dollars|euros|pounds|yuan|yen|rupees)\b)`,
  "giu",
);
const PERCENT = new RegExp(String.raw`\b${NUMBER}\s?(?:%|percent\b|per cent\b)`, "giu");
// A number and the word it counts: "1,200 workers", "3 million cars"; not years, dates or times.
const COUNT = new RegExp(String.raw`\b(${NUMBER}${SCALE})\s([a-z][a-z-]+)`, "gu");
const NOT_COUNTED =
  /^(?:a\.?m|p\.?m|am|pm|and|or|to|in|on|of|at|by|for|from|the|percent|per|years?|months?|days?|hours?|minutes?|seconds?|january|february|march|april|may|june|july|august|september|october|november|december)$/u;

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
      if (/^(?:1[5-9]|20)\d\d$/u.test(number) || NOT_COUNTED.test(noun)) continue;
      add("count", whole, match.index);
    }
    found.sort((a, b) => a.at - b.at);
    figures.push(
      ...found.map(({ kind, text, paragraph: number }) => ({ kind, text, paragraph: number })),
    );
  }
  return figures;
}
