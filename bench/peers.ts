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

/** MiniSearch: BM25 over sentences (text and article title), fuzzy and prefix matching. */
export function buildMiniSearch(docs: readonly SentenceDoc[]): Peer {
  const index = new MiniSearch<SentenceDoc>({
    fields: ["text", "title"],
    storeFields: ["article", "paragraph"],
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
