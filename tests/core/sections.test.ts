import { describe, expect, it } from "vitest";
import { parseArticle } from "../../src/core/index.ts";

function parseText(file: string, text: string) {
  return parseArticle(file, new TextEncoder().encode(text));
}

const ORDER = [
  "---",
  "title: Executive Order on Increasing the Minimum Wage",
  "---",
  "",
  "By the authority vested in me as President, it is hereby ordered as follows:",
  "",
  "Section 1.  Policy.  This order raises the minimum wage.",
  "",
  "Sec. 2.  Increasing the Minimum Wage for Federal Contractors.  (a) The wage shall be at least: (i) $15.00 per hour, beginning January 30, 2022; and (ii) an amount set by the Secretary.",
  "",
  "(b) The Secretary shall publish the amount.",
  "",
  "Sec. 3.  General Provisions.",
  "",
  "Nothing in this order shall impair the law.",
  "",
  "Sec. 4.  Executive Order 13658 is superseded.",
  "",
].join("\n");

describe("sections of an order", () => {
  it("GIVEN an order's section titles THEN each title is the context of its section's passages and is never a sentence to quote", () => {
    const article = parseText("order.md", ORDER);
    expect(article.paragraphs.map((p) => [p.number, p.text.slice(0, 24), p.context])).toEqual([
      [1, "By the authority vested ", undefined],
      [2, "Section 1. This order ra", "Policy"],
      [3, "Sec. 2. (a) The wage sha", "Increasing the Minimum Wage for Federal Contractors"],
      [4, "(b) The Secretary shall ", "Increasing the Minimum Wage for Federal Contractors"],
      [5, "Sec. 3.", "General Provisions"],
      [6, "Nothing in this order sh", "General Provisions"],
      // A label followed by prose, not a title: the passage is read as written, and the
      // section before it has ended.
      [7, "Sec. 4. Executive Order ", undefined],
    ]);
    const quotable = article.paragraphs.flatMap((p) => p.sentences.map((s) => s.text));
    expect(quotable).not.toContain("Increasing the Minimum Wage for Federal Contractors.");
    expect(quotable).toContain("(i) $15.00 per hour, beginning January 30, 2022; and");
  });

  it("GIVEN a label whose next full stop is an abbreviation's or an initial's THEN no word leaves the passage", () => {
    for (const text of [
      "Section 2. The U.S. Government shall act within 30 days.",
      "Sec. 3. Mr. Smith shall report to the Congress.",
      "Sec. 7. St. Louis shall host the office.",
      "Sec. 8. John F. Kennedy Center funds are restored.",
    ]) {
      const article = parseText("order.md", `---\ntitle: Order\n---\n\n${text}\n`);
      expect(article.paragraphs[0]?.text).toBe(text);
      expect(article.paragraphs[0]?.context).toBeUndefined();
    }
  });

  it("GIVEN a heading above that changes THEN a section's title no longer carries past it", () => {
    const article = parseText(
      "order.md",
      "---\ntitle: Order\n---\n\nSec. 1. Policy. It is the policy.\n\nMore policy.\n\n## Fact sheet\n\nA fact.\n",
    );
    expect(article.paragraphs.map((p) => p.context)).toEqual(["Policy", "Policy", "Fact sheet"]);
  });

  it("GIVEN a label followed by a 100,000-character capitalised run THEN no title is read: a title is copied into every paragraph of its section, so it is bounded", () => {
    const long = `Sec. 1. ${"A.".repeat(50_000)} Aaa. Text.`;
    const many = Array.from({ length: 200 }, (_, i) => `Item ${i}.`).join("\n\n");
    const article = parseText(
      "order.md",
      `---\ntitle: Order\n---\n\n# Head\n\n${long}\n\n${many}\n`,
    );
    expect(article.paragraphs).toHaveLength(201);
    for (const paragraph of article.paragraphs) expect(paragraph.context).toBe("Head");
    const word = `Sec. 2. ${"B".repeat(100_000)}. Text.`;
    expect(
      parseText("order.md", `---\ntitle: Order\n---\n\n${word}\n`).paragraphs[0]?.context,
    ).toBeUndefined();
  });

  it("GIVEN a label whose words run on as prose THEN no heading is read from it", () => {
    const article = parseText(
      "order.md",
      "---\ntitle: Order\n---\n\nSection 1. The Secretary of State shall act within 30 days.\n",
    );
    expect(article.paragraphs[0]?.context).toBeUndefined();
    expect(article.paragraphs[0]?.text).toBe(
      "Section 1. The Secretary of State shall act within 30 days.",
    );
  });
});
