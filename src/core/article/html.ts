import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { TextBlock } from "./blocks.ts";
import { collapseSpace } from "../text/space.ts";
import { domBlocks, type DomNode } from "./dom.ts";

/**
 * What a web page says as an article: Mozilla's Readability (Firefox's Reader View)
 * finds the article's content over linkedom's server-side DOM, and its passages are
 * read like Markdown's. The metadata are the page's own words, unvalidated: the caller
 * checks them as it checks front matter.
 */
export interface HtmlArticle {
  readonly title?: string | undefined;
  readonly byline?: string | undefined;
  readonly siteName?: string | undefined;
  /** As the page gives it (`article:published_time`, JSON-LD `datePublished`…). */
  readonly publishedTime?: string | undefined;
  /** The page's canonical address (`<link rel="canonical">` or `og:url`). */
  readonly url?: string | undefined;
  readonly blocks: readonly TextBlock[];
}

/** Minimal view of linkedom's document used here. */
interface PageDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/** Minimal view of an element, to walk the tree without recursion. */
interface TreeElement {
  readonly firstElementChild: TreeElement | null;
  readonly nextElementSibling: TreeElement | null;
  readonly parentElement: TreeElement | null;
}

/**
 * The deepest nesting of elements a page may have to be read. Readability's time grows far
 * faster than the page with it: a page of one paragraph inside N nested <div>s took 0.4 s at
 * 100 levels, 16 s at 1,000 and over 2 minutes at 2,000 (22 KB), while an article's page
 * nests a few tens deep.
 */
export const MAX_PAGE_DEPTH = 100;

/** A page whose elements nest deeper than {@link MAX_PAGE_DEPTH}: not read. */
export class PageTooDeep extends Error {
  override readonly name = "PageTooDeep";
}

/** True when elements nest more than `limit` levels below `root` (walked in a loop, not recursion). */
function nestsDeeperThan(root: TreeElement, limit: number): boolean {
  let node: TreeElement | null = root;
  let depth = 0;
  while (node !== null) {
    if (depth > limit) return true;
    if (node.firstElementChild !== null) {
      node = node.firstElementChild;
      depth += 1;
      continue;
    }
    while (node !== null && node !== root && node.nextElementSibling === null) {
      node = node.parentElement;
      depth -= 1;
    }
    if (node === null || node === root) return false;
    node = node.nextElementSibling;
  }
  return false;
}

function attribute(document: PageDocument, selector: string, name: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : undefined;
}

function present(value: string | null | undefined): string | undefined {
  const text = collapseSpace(value ?? "");
  return text === "" ? undefined : text;
}

/**
 * Extracts the article of an HTML page. Pure: a string in, an article out; nothing
 * is fetched (images, scripts and styles are never loaded or run). A page without
 * readable content gives no blocks.
 *
 * @throws PageTooDeep when its elements nest deeper than {@link MAX_PAGE_DEPTH}.
 */
export function parseHtmlPage(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  if (!document.documentElement) return { blocks: [] }; // not even an <html> element
  if (nestsDeeperThan(document.documentElement as unknown as TreeElement, MAX_PAGE_DEPTH)) {
    throw new PageTooDeep(`more than ${MAX_PAGE_DEPTH} levels`);
  }
  const page = document as unknown as PageDocument;
  // Read before Readability, which rewrites the document as it works.
  const url =
    attribute(page, 'link[rel="canonical"]', "href") ??
    attribute(page, 'meta[property="og:url"]', "content");
  const parsed = new Readability<DomNode>(document as never, {
    serializer: (node) => node as unknown as DomNode,
  }).parse();
  return {
    title: present(parsed?.title),
    byline: present(parsed?.byline),
    siteName: present(parsed?.siteName),
    publishedTime: present(parsed?.publishedTime),
    url,
    blocks: parsed?.content ? domBlocks(parsed.content) : [],
  };
}
