import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markdownBlocks } from "../../src/core/article/markdown.ts";
import { TABLE_READING } from "../../src/core/fixed-tuning.ts";
import { ROOT } from "../helpers.ts";

/** A fixture cut verbatim from the briefing-room archive, without its front matter. */
function archiveBody(name: string): string {
  const text = readFileSync(path.join(ROOT, "tests/fixtures/markdown", name), "utf8");
  return text.replace(/^---\n[\s\S]*?\n---\n/u, "");
}

describe("markdownBlocks on Markdown cut from the archive", () => {
  it("GIVEN a nested bullet list split by Pandoc's <!-- --> THEN each item is a passage of its own, without its marker, and the outer item is the inner items' context", () => {
    const blocks = markdownBlocks(archiveBody("nested-lists.md"));
    const lead = "Duties imposed to address the flow of illicit drugs across our borders are now:";
    expect(blocks.map((block) => block.text)).toEqual([
      "USING LEVERAGE TO PROTECT AMERICANS: Today, President Donald J. Trump announced adjustments to tariffs imposed on imports from Canada and Mexico in recognition of the structure of the automotive supply chain that strives to bring production into America.",
      lead,
      "25% tariffs on goods that do not satisfy U.S.-Mexico-Canada Agreement (USMCA) rules of origin.",
      "A lower 10% tariff on those energy products imported from Canada that fall outside the USMCA preference.",
      "A lower 10% tariff on any potash imported from Canada and Mexico that falls outside the USMCA preference.",
      "No tariffs on those goods from Canada and Mexico that claim and qualify for USMCA preference.",
      "While the situations at our Northern and Southern borders continue to require appropriate action from the Governments of Canada and Mexico, our American automotive industry, which provides American jobs, should not suffer significant disruption just because of the structure of its supply chain.",
    ]);
    expect(blocks.map((block) => block.context)).toEqual([
      undefined,
      undefined,
      lead,
      lead,
      lead,
      lead,
      undefined,
    ]);
  });

  it("GIVEN a memo with a ------ rule, underlined <span>s and indented paragraphs THEN the rule and tags leave no trace and indented text is prose, not code", () => {
    const blocks = markdownBlocks(archiveBody("rules-and-spans.md"));
    const texts = blocks.map((block) => block.text);
    expect(texts.slice(6, 8)).toEqual([
      "THE SENIOR COUNSELOR TO THE PRESIDENT FOR TRADE AND MANUFACTURING",
      "SUBJECT: Reciprocal Trade and Tariffs",
    ]);
    expect(texts[8]).toMatch(
      /^Section 1\. Background\. The United States has one of the most open economies/u,
    );
    expect(texts[9]).toMatch(/^Our workers and industries bear the brunt of unfair practices/u);
    expect(texts[10]).toMatch(/^Sec\. 2\. Policy\. It is the policy of the United States/u);
    expect(texts).toHaveLength(11);
    for (const text of texts) expect(text).not.toMatch(/<|>|-{3}|\s{2}/u);
  });

  it("GIVEN an HTML table inside Markdown, split by a blank line THEN each body row is a passage (cells joined by |) and the header row is context", () => {
    const blocks = markdownBlocks(archiveBody("html-table.md"));
    const header = "Baseline Deficits | Deficit Impact ($ billions)";
    expect(blocks.slice(4, 9)).toEqual([
      { text: "CBO Baseline Deficit (+) FYs 2025-2034 | $21,092", context: header },
      { text: "TCJA Extension | $3,760", context: header },
      { text: "Change in Debt Service | $594", context: header },
      { text: "Current Baseline Deficit | $25,445", context: header },
      {
        text: expect.stringMatching(
          /^On its own, the OBBB reduces the deficit by over \$1\.4 trillion\./u,
        ),
      },
    ]);
    expect(blocks[0]?.text).toBe(
      "TO: White House Communications Staff FROM: Office of Management and Budget Staff SUBJECT: The One Big Beautiful Bill Improves the Fiscal Trajectory",
    );
  });

  it("GIVEN emphasis markers CommonMark cannot pair THEN no star is left in the passage, and a star inside a word stays", () => {
    // As scraped: Pandoc's emphasised full stop, a star before a curly quote, a bare one.
    const blocks = markdownBlocks(
      "Sec. 2. Increasing the Minimum Wage for Federal Contractors*.* The order applies.\n\n" +
        "Rep. Guthrie writes: *“When prices rise, families pay.” *STELLANTIS *\n\n" +
        "The fee is 2*3 dollars.\n\nThe f*ck stays as written.\n",
    );
    expect(blocks.map((block) => block.text)).toEqual([
      "Sec. 2. Increasing the Minimum Wage for Federal Contractors. The order applies.",
      "Rep. Guthrie writes: “When prices rise, families pay.” STELLANTIS",
      "The fee is 2*3 dollars.",
      "The f*ck stays as written.",
    ]);
  });

  it("GIVEN headings and bulleted links THEN headings are context only, never passages, and links keep their text but not their address", () => {
    const blocks = markdownBlocks(archiveBody("headings-and-links.md"));
    const texts = blocks.map((block) => block.text);
    expect(texts).not.toContain("Here’s what you missed:");
    expect(texts.some((text) => text.includes("Sunday Morning Futures"))).toBe(false);
    expect(blocks[1]).toEqual({
      text: "On pausing tariffs on certain imports: “I wanted to help the American car makers — until April 2nd. April 2nd, it becomes all reciprocal — what they charge us, we charge them.”",
      context: "President Trump on Sunday Morning Futures",
    });
    for (const text of texts) expect(text).not.toMatch(/https?:|\]\(|\*/u);
    expect(texts).toHaveLength(4);
  });
});

describe("markdownBlocks on constructed Markdown", () => {
  it("GIVEN a GitHub pipe table THEN its rows read one by one under the header", () => {
    const blocks = markdownBlocks(
      "| Country | Tariff |\n| --- | --- |\n| Canada | 25% |\n| Mexico | 10% |\n",
    );
    expect(blocks).toEqual([
      { text: "Canada | 25%", context: "Country | Tariff" },
      { text: "Mexico | 10%", context: "Country | Tariff" },
    ]);
  });

  it("GIVEN emphasis, inline code, a line-break tag, an image and a rule THEN only the words remain", () => {
    const blocks = markdownBlocks(
      "Prices *rose* **sharply** in `2024`,<br>said ![a chart](c.png) the _report_.\n\n***\n\nNext.",
    );
    expect(blocks.map((block) => block.text)).toEqual([
      "Prices rose sharply in 2024, said the report.",
      "Next.",
    ]);
  });

  it("GIVEN a bold line that ends like a sentence THEN it is a passage, not a heading", () => {
    const blocks = markdownBlocks("**Tariffs will rise on Monday.**\n\nMore text.");
    expect(blocks.map((block) => block.text)).toEqual([
      "Tariffs will rise on Monday.",
      "More text.",
    ]);
  });

  it("GIVEN a deeper heading after a shallower one THEN the context holds both, and a new heading of the same level replaces the old", () => {
    const blocks = markdownBlocks("# Trade\n\n## Canada\n\nOne.\n\n## Mexico\n\nTwo.\n");
    expect(blocks).toEqual([
      { text: "One.", context: "Trade — Canada" },
      { text: "Two.", context: "Trade — Mexico" },
    ]);
  });

  it("GIVEN Windows and old Mac line breaks and a NUL THEN it reads as with LF line breaks and U+FFFD", () => {
    const lf = "# Trade\n\nLine one\nline two.\n\n- item \uFFFD\n- item two\n";
    const mixed = "# Trade\r\n\r\nLine one\rline two.\r\n\r- item \u0000\r\n- item two\r";
    expect(markdownBlocks(mixed)).toEqual(markdownBlocks(lf));
    expect(markdownBlocks(mixed).map((block) => block.text)).toEqual([
      "Line one line two.",
      "item \uFFFD",
      "item two",
    ]);
  });
});

describe("markdownBlocks on tables past the cell budget", () => {
  const { maxCells } = TABLE_READING;

  /** A pipe table of `columns` columns: a header row and `rows` body rows, cell text from `cell`. */
  function table(columns: number, rows: number, cell: (row: number, column: number) => string) {
    const line = (row: number) =>
      `| ${Array.from({ length: columns }, (_, column) => cell(row, column)).join(" | ")} |`;
    return [
      line(-1),
      `|${"---|".repeat(columns)}`,
      ...Array.from({ length: rows }, (_, row) => line(row)),
    ].join("\n");
  }

  it("GIVEN a table of more cells than TABLE_READING.maxCells THEN the rows within the budget are passages under the header and the rest of the table is one plain-text paragraph", () => {
    const columns = 100;
    const rows = (2 * maxCells) / columns;
    const blocks = markdownBlocks(
      `Before.\n\n${table(columns, rows, (row, column) => (row < 0 ? `h${column}` : `r${row}c${column}`))}\n\nAfter.\n`,
    );
    // The header's cells count: (budget / columns) - 1 body rows fit.
    const rowsRead = maxCells / columns - 1;
    expect(blocks).toHaveLength(1 + rowsRead + 1 + 1);
    const header = Array.from({ length: columns }, (_, column) => `h${column}`).join(" | ");
    expect(blocks[1]).toEqual({
      text: Array.from({ length: columns }, (_, column) => `r0c${column}`).join(" | "),
      context: header,
    });
    expect(blocks[rowsRead]?.text.startsWith(`r${rowsRead - 1}c0 | `)).toBe(true);
    const rest = blocks[rowsRead + 1];
    expect(rest?.context).toBeUndefined();
    expect(rest?.text.startsWith(`| r${rowsRead}c0 | r${rowsRead}c1 |`)).toBe(true);
    expect(rest?.text.endsWith(`r${rows - 1}c${columns - 1} |`)).toBe(true);
    expect(blocks.at(-1)).toEqual({ text: "After." });
  });

  it("GIVEN a header row wider than the budget (a hostile table of empty cells) THEN the table is plain text: no row is a passage of cells", () => {
    const blocks = markdownBlocks(`${table(maxCells + 1, 2, (row) => (row < 0 ? "h" : ""))}\n`);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]?.context).toBeUndefined();
    expect(blocks[0]?.text.startsWith("| h | h |")).toBe(true);
  });

  it("GIVEN several tables THEN they share one budget: a table after the budget is spent is plain text", () => {
    const small = table(2, 1, (row, column) => (row < 0 ? `k${column}` : `v${column}`));
    // Two columns, its header and body rows exactly the cells the small table leaves.
    const bodyRows = (maxCells - 4) / 2 - 1;
    const big = table(2, bodyRows, (row, column) => `${row}.${column}`);
    const blocks = markdownBlocks(`${small}\n\n${big}\n\n${table(2, 1, () => "x")}\n`);
    expect(blocks[0]).toEqual({ text: "v0 | v1", context: "k0 | k1" });
    expect(blocks[bodyRows]).toEqual({
      text: `${bodyRows - 1}.0 | ${bodyRows - 1}.1`,
      context: "-1.0 | -1.1",
    });
    expect(blocks[bodyRows + 1]).toEqual({ text: "| x | x | |---|---| | x | x |" });
    expect(blocks).toHaveLength(bodyRows + 2);
  });
});
