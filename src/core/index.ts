/**
 * The pure core of citebot: text → article → index → search → answer. It reads
 * no files, imports nothing from discord.js and speaks no interface English;
 * loading, saved indexes and WordNet's files live in `src/corpus/`.
 */
export type { Article, ArticleMeta, Paragraph, Sentence } from "./article/types.ts";
export { ArticleError, parseArticle } from "./article/parse.ts";
export { parsePublished, formatDate } from "./text/dates.ts";
export { splitSentences } from "./text/sentences.ts";
export { ownCopy } from "./text/own-copy.ts";
export { foldCase, isContentToken, termOf, tokenize } from "./text/tokenize.ts";
export type { Token } from "./text/tokenize.ts";
export { STOP_WORDS } from "./text/lexicon.ts";
export { buildIndexData, IndexBuilder } from "./index/build.ts";
export { SentenceFlag } from "./index/index-data.ts";
export type { IndexData, Posting, SentenceTable, SentenceTexts } from "./index/index-data.ts";
export { CitationIndex } from "./search/citation-index.ts";
export type { DeclineReason } from "./search/verdict.ts";
export type {
  Answer,
  AskOptions,
  Citation,
  ExplainedCitation,
  TermExplanation,
} from "./search/types.ts";
export type { MatchKind } from "./search/variants.ts";
export { DEFAULT_RANKING } from "./options.ts";
export { TYPO_MATCHING } from "./fixed-tuning.ts";
export { FOLLOW_UP, SHORT_ANSWER } from "./fixed-tuning.ts";
export { CACHE_SIZES } from "./speed-tuning.ts";
export type { RankingOptions } from "./options.ts";
export type { NounCategory, NounSense, SynonymSource } from "./synonyms.ts";
export type { WordVectors } from "./vectors.ts";
export { checkQuestion, questionKind, MAX_QUESTION_LENGTH } from "./answer/kinds.ts";
export type { QuestionCheck, QuestionKind, QuestionProblem } from "./answer/kinds.ts";
export { followUpQuestion } from "./answer/followup.ts";
export { extractShortAnswer } from "./answer/short-answer.ts";
export { expectedAnswer } from "./answer/expected.ts";
export type { AnswerType } from "./answer/expected.ts";
export { normalizeDiscordText } from "./text/normalize.ts";
export { metadataField, metadataValue } from "./answer/metadata.ts";
export type { MetadataField } from "./answer/metadata.ts";
export { extractFigures } from "./answer/figures.ts";
export type { Figure } from "./answer/figures.ts";
