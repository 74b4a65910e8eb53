import path from "node:path";
import { buildIndexData, CitationIndex, type Article, type ArticleError } from "../core/index.ts";
import type { LoadLimits } from "./limits.ts";
import { LibraryError, parseArticleFiles, readArticleFolder } from "./load.ts";
import type { Corpus } from "./open.ts";

/** What a server's index is built from, besides the shared articles. */
export interface ServerBuildRequest {
  /** The server's folder of added articles (`servers/<guild id>/`). */
  readonly folder: string;
  /** The ids of the articles the server added (files in the folder not listed are not its). */
  readonly ids: readonly string[];
  readonly limits: LoadLimits;
}

/** A server's index, or why its folder could not be read. */
export type ServerBuildResult =
  | {
      readonly kind: "built";
      readonly corpus: Corpus;
      /** The server's own files that were skipped, with their reasons. */
      readonly problems: readonly ArticleError[];
    }
  | { readonly kind: "unreadable"; readonly error: LibraryError };

/** Builds a server's index over the shared articles `shared`. */
export type ServerBuilder = (
  shared: Corpus,
  request: ServerBuildRequest,
) => Promise<ServerBuildResult>;

/**
 * A server's own articles: the listed files of its folder, less any the shared library has
 * meanwhile gained (`isShared`: the shared one is kept), and the files skipped.
 *
 * @throws LibraryError when the folder cannot be read.
 */
export async function readServerArticles(
  isShared: (id: string) => boolean,
  request: ServerBuildRequest,
): Promise<{ own: Article[]; problems: ArticleError[] }> {
  const ids = new Set(request.ids);
  const read = await readArticleFolder(request.folder, request.limits);
  const files = read.files.filter((file) => ids.has(path.basename(file.name, ".md")));
  const parsed = parseArticleFiles({ ...read, files });
  return {
    own: parsed.articles.filter((article) => !isShared(article.id)),
    problems: parsed.problems,
  };
}

/**
 * A server's index built in this thread: the shared articles and those it added. Building it
 * takes as long as building the shared index: the bot does it in a worker
 * (`buildServerCorpusInWorker`); the console and tests here.
 */
export async function buildServerCorpus(
  shared: Corpus,
  request: ServerBuildRequest,
): Promise<ServerBuildResult> {
  let own: Article[];
  let problems: ArticleError[];
  try {
    ({ own, problems } = await readServerArticles((id) => !!shared.index.article(id), request));
  } catch (error) {
    if (!(error instanceof LibraryError)) throw error;
    return { kind: "unreadable", error };
  }
  const articles = [...shared.index.articles, ...own];
  return {
    kind: "built",
    problems,
    corpus: serverCorpus(
      request,
      new CitationIndex(articles, shared.index.options, buildIndexData(articles)),
      [...shared.problems, ...problems],
    ),
  };
}

/** The Corpus of a server's index. */
export function serverCorpus(
  request: ServerBuildRequest,
  index: CitationIndex,
  problems: readonly ArticleError[],
): Corpus {
  return {
    dir: request.folder,
    index,
    problems,
    fromSavedIndex: false,
    saved: Promise.resolve(undefined),
    warnings: [],
    filesRead: request.ids.length,
  };
}
