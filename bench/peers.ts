/**
 * The peers citebot is measured against, over the same sentences: a naive
 * fuse.js scan of every sentence and a MiniSearch (BM25) index of sentences.
 */
import Fuse from "fuse.js";
import MiniSearch from "minisearch";
import type { Article } from "../src/core/index.ts";

/** One sentence as a searchable document. */
export interface SentenceDoc {
  readonly id: number;
  readonly article: string;
  readonly paragraph: number;
  readonly title: string;
  readonly text: string;
}

/** Every sentence of the articles, in order. */
export function sentenceDocs(articles: readonly Article[]): SentenceDoc[] {
  const docs: SentenceDoc[] = [];
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      for (const sentence of paragraph.sentences) {
        docs.push({
          id: docs.length,
          article: article.id,
          paragraph: paragraph.number,
          title: article.title,
          text: sentence.text,
        });
      }
    }
  }
  return docs;
}

/** The top result of a peer: where it points. */
export interface Top {
  readonly article: string;
  readonly paragraph: number;
  /** citebot only: whether it says the articles answer the question. */
  readonly answered?: boolean;
}

export interface Peer {
  /** Answers a question with at most three hits, best first. */
  search(question: string): Top[];
}

/** fuse.js as a first attempt would use it: a fuzzy scan of every sentence per question. */
export function buildFuse(docs: readonly SentenceDoc[]): Peer {
  const fuse = new Fuse(docs, {
    keys: ["text"],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  return {
    search: (question) =>
      fuse.search(question, { limit: 3 }).map(({ item }) => ({
        article: item.article,
        paragraph: item.paragraph,
      })),
  };
}

/**
 * A common English stop-word list, as MiniSearch's documentation suggests
 * passing through `processTerm`. Without it, prefix search expands "in", "do"
 * or the "s" of "Tesla's" to thousands of terms and every sentence matches:
 * a configuration nobody would ship, and a peer too easy to beat.
 */
export const PEER_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below
  between both but by can could did do does doing down during each few for from further had has have
  having he her here hers herself him himself his how i if in into is it its itself just me more most my
  myself no nor not now of off on once only or other our ours ourselves out over own same she should so
  some such than that the their theirs them themselves then there these they this those through to too
  under until up very was we were what when where which while who whom why will with would you your
  yours yourself yourselves`
    .split(/\s+/u)
    .filter(Boolean),
);

/** Lower case; stop words and single letters dropped (index and queries alike). */
function processTerm(term: string): string | null {
  const folded = term.toLowerCase();
  return folded.length < 2 || PEER_STOP_WORDS.has(folded) ? null : folded;
}

/**
 * MiniSearch as its documentation sets it up: BM25 over sentences (text and
 * article title), stop words removed, fuzzy and prefix matching.
 */
export function buildMiniSearch(docs: readonly SentenceDoc[]): Peer {
  const index = new MiniSearch<SentenceDoc>({
    fields: ["text", "title"],
    storeFields: ["article", "paragraph"],
    processTerm,
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { text: 2, title: 1 } },
  });
  index.addAll(docs as SentenceDoc[]);
  return {
    search: (question) =>
      index
        .search(question)
        .slice(0, 3)
        .map((result) => ({
          article: result["article"] as string,
          paragraph: result["paragraph"] as number,
        })),
  };
}
