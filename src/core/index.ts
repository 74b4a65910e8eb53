/** The pure core of citebot: articles → passages → index → ranked citations. */
export * from "./types.ts";
export {
  ArticleError,
  LibraryError,
  loadArticles,
  parseArticle,
  parsePublished,
} from "./articles.ts";
export type { LoadOptions, LoadResult } from "./articles.ts";
export { splitSentences } from "./sentences.ts";
export { CitationIndex, DEFAULT_RANKING } from "./engine.ts";
export type { RankingOptions } from "./engine.ts";
export { checkQuestion, questionKind, MAX_QUESTION_LENGTH } from "./question.ts";
export type { QuestionCheck, QuestionKind } from "./question.ts";
