import { parseHTML } from "linkedom";
import { collapseSpace } from "../text/space.ts";
import { BlockSink, type TextBlock } from "./blocks.ts";

/** The part of a DOM node that the walker reads (linkedom's and a browser's nodes both fit). */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "HEAD",
  "SVG",
  "MATH",
  "IFRAME",
  "OBJECT",
  "CANVAS",
  "BUTTON",
  "SELECT",
  "TEXTAREA",
  "NAV",
]);

/** Elements that start and end a passage; the others (span, a, em, u, sup…) run on inside one. */
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BODY",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "HEADER",
  "HR",
  "HTML",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TBODY",
  "TFOOT",
  "THEAD",
  "UL",
]);

const HEADING = /^H([1-6])$/u;

/** The cells of a table row, each collapsed, empty ones left out. */
function rowCells(row: DomNode): { cells: string[]; header: boolean } {
  const cells: string[] = [];
  let header = true;
  for (const cell of Array.from(row.childNodes)) {
    if (cell.nodeName !== "TD" && cell.nodeName !== "TH") continue;
    if (cell.nodeName === "TD") header = false;
    const text = collapseSpace(cell.textContent ?? "");
    if (text !== "") cells.push(text);
  }
  return { cells, header: header && cells.length > 0 };
}

/**
 * Reads a DOM tree into passages in document order: paragraphs, list items and
 * table rows (cells joined by " | ") are passages; headings (h1–h6), a list item's
 * text before its nested list and a table's header row are context; scripts,
 * styles, navigation and tags leave nothing.
 */
export function domBlocks(root: DomNode): TextBlock[] {
  const sink = new BlockSink();
  /** Text of the passage being read, and whether it opens a list item (its lead-in). */
  let buffer = "";
  let bufferIsLead = false;
  const flush = () => {
    sink.block(buffer, bufferIsLead);
    buffer = "";
    bufferIsLead = false;
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return; // comments, doctype
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === "BR") {
      buffer += " ";
      return;
    }
    const heading = HEADING.exec(name);
    if (heading) {
      flush();
      sink.heading(Number(heading[1]), node.textContent ?? "");
      return;
    }
    if (name === "TR") {
      flush();
      const { cells, header } = rowCells(node);
      if (header) sink.setLead(cells.join(" | "));
      else sink.block(cells.join(" | "));
      return;
    }
    if (name === "TABLE" || name === "LI") {
      flush();
      sink.openLead();
      if (name === "LI") bufferIsLead = true;
      for (const child of Array.from(node.childNodes)) walk(child);
      flush();
      sink.closeLead();
      return;
    }
    const block = BLOCKS.has(name);
    if (block) {
      const lead = bufferIsLead && buffer.trim() === "";
      flush();
      bufferIsLead = lead; // a <p> right inside an <li> is still its lead-in
    }
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return sink.blocks;
}

/** The passages of a fragment of HTML (a raw HTML block inside Markdown). */
export function htmlFragmentBlocks(html: string): TextBlock[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return domBlocks(document.body as unknown as DomNode);
}
