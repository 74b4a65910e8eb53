/**
 * The passages of an article body as its Markdown or HTML structure gives them: every
 * paragraph, list item and table row is a block of its own; headings, the lead-in of a
 * list item that holds a nested list, and a table's header row are the context of the
 * blocks under them (searched, never quoted).
 */

import { collapseSpace } from "../text/space.ts";

/** One passage of a body, before it is split into sentences. */
export interface TextBlock {
  /** The passage's text: markup removed, white space collapsed. */
  readonly text: string;
  /** Headings and lead-ins above it, joined by " — "; absent when there are none. */
  readonly context?: string | undefined;
}

/**
 * Collects blocks in body order while a parser walks a document, keeping track of the
 * headings and lead-ins that are open at each point.
 */
export class BlockSink {
  readonly blocks: TextBlock[] = [];
  /** Open headings by level (index 0 = level 1). */
  private readonly headings: (string | undefined)[] = [];
  /** Lead-ins of the list items and table headers the walker is inside, outermost first. */
  private readonly leads: (string | undefined)[] = [];
  /**
   * {@link context} as last worked out, or null once a heading or lead-in changed: most blocks
   * share their neighbours' context, and joining it anew for each was a new string per block.
   */
  private openContext: string | undefined | null = undefined;

  /** A heading of a level (1–6; 7 for a paragraph in bold alone): closes deeper headings. */
  heading(level: number, raw: string): void {
    const text = collapseSpace(raw);
    if (text === "") return;
    this.headings.length = Math.max(0, level - 1);
    this.headings[level - 1] = text;
    this.openContext = null;
  }

  /** Enters a list item or table: its lead-in (set later by {@link setLead}) is context inside it. */
  openLead(): void {
    this.leads.push(undefined);
    this.openContext = null;
  }

  /** The lead-in of the innermost open list item or table, if it has none yet. */
  setLead(raw: string): void {
    const text = collapseSpace(raw);
    const last = this.leads.length - 1;
    if (last >= 0 && this.leads[last] === undefined && text !== "") {
      this.leads[last] = text;
      this.openContext = null;
    }
  }

  /** Leaves the innermost list item or table. */
  closeLead(): void {
    this.leads.pop();
    this.openContext = null;
  }

  /**
   * A passage. Inside a list item, the item's first passage is also the lead-in of the
   * passages nested under it; the item's own passage is not its own context.
   */
  block(raw: string, asLead = false): void {
    const text = collapseSpace(raw);
    if (text === "") return;
    const context = this.context();
    this.blocks.push(context === undefined ? { text } : { text, context });
    if (asLead) this.setLead(text);
  }

  /** What is open above the current point, outermost first. */
  context(): string | undefined {
    if (this.openContext !== null) return this.openContext;
    const parts = [...this.headings, ...this.leads].filter(
      (part): part is string => part !== undefined,
    );
    this.openContext = parts.length > 0 ? parts.join(" — ") : undefined;
    return this.openContext;
  }
}
