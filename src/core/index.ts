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
export { buildIndexData, CitationIndex, DEFAULT_RANKING } from "./engine.ts";
export type { ExplainedCitation, IndexData, RankingOptions, TermExplanation } from "./engine.ts";
export { WordNetSynonyms, defaultSynonyms } from "./wordnet.ts";
export type { SynonymSource } from "./wordnet.ts";
export { checkQuestion, questionKind, MAX_QUESTION_LENGTH } from "./question.ts";
export type { QuestionCheck, QuestionKind } from "./question.ts";
export { extractFigures } from "./figures.ts";
export type { Figure } from "./figures.ts";
