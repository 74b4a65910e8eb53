import type { Answer, Article, Citation, CitationIndex } from "../core/index.ts";
import { formatPublished } from "../format.ts";
import type { Choice, Inline, ReplyField } from "../reply/types.ts";

/** A word or number as the core tokenizes them (acronyms like "U.S." included). */
const TOKEN = /(?:\p{Lu}\.){2,}|\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:['’][\p{L}]+)*/gu;

/** Splits an excerpt into pieces with the matched words in bold. */
export function highlight(excerpt: string, matched: readonly string[]): Inline[] {
  if (matched.length === 0) return [excerpt];
  const wanted = new Set(matched);
  const pieces: Inline[] = [];
  let last = 0;
  for (const match of excerpt.matchAll(TOKEN)) {
    if (!wanted.has(match[0])) continue;
    if (match.index > last) pieces.push(excerpt.slice(last, match.index));
    pieces.push({ bold: match[0] });
    last = match.index + match[0].length;
  }
  if (last < excerpt.length) pieces.push(excerpt.slice(last));
  return pieces;
}

/** How many recent answers each set of articles remembers. */
const MEMO_SIZE = 500;
const memos = new WeakMap<CitationIndex, Map<string, Answer>>();

/**
 * `index.ask`, remembering recent answers: the same question comes back often
 * (several members, "More passages", "Share in channel", autocomplete), and an
 * answer depends only on the articles, the question and the limit. A reload
 * makes a new index, hence a fresh memory.
 */
export function askIndex(index: CitationIndex, question: string, limit: number): Answer {
  let memo = memos.get(index);
  if (!memo) {
    memo = new Map();
    memos.set(index, memo);
  }
  const key = `${limit}\u0000${question}`;
  let answer = memo.get(key);
  if (answer) {
    memo.delete(key);
  } else {
    answer = index.ask(question, { limit });
    if (memo.size >= MEMO_SIZE) {
      const oldest = memo.keys().next().value;
      if (oldest !== undefined) memo.delete(oldest);
    }
  }
  memo.set(key, answer);
  return answer;
}

/** Source lines by article: formatting dates with Intl is slow enough to matter per reply. */
const sourceLines = new WeakMap<Article, string>();

/** "Fortune · 27 April 2017, 06:11 UTC": an article's source and date, for footers. */
export function sourceLine(article: Article | undefined): string {
  if (!article) return "";
  let line = sourceLines.get(article);
  if (line === undefined) {
    const parts: string[] = [];
    if (article.source) parts.push(article.source);
    if (article.published) parts.push(formatPublished(article.published));
    if (article.author) parts.push(`by ${article.author}`);
    line = parts.join(" · ");
    sourceLines.set(article, line);
  }
  return line;
}

/**
 * One embed field per citation: "¶N" (and the article's title when several
 * are loaded, so a citation always names its article), the excerpt quoted
 * with the matched words in bold.
 */
export function citationFields(
  citations: readonly Citation[],
  index: CitationIndex,
  label = "",
): ReplyField[] {
  const several = index.articles.length > 1;
  return citations.map((citation) => ({
    name: `${label}¶${citation.paragraph}${several ? ` · ${citation.title}` : ""}`,
    value: [{ markup: "> " }, "“", ...highlight(citation.excerpt, citation.matched), "”"],
  }));
}

/** The article a reply is mostly about: that of its first citation, else the only one loaded. */
export function mainArticle(answer: Answer, index: CitationIndex): Article | undefined {
  const first = answer.citations[0];
  return first ? index.article(first.article) : index.articles[0];
}

/**
 * Finds the article an `article` option names: its id (what autocomplete
 * sends), else a title or id containing the typed text. Without a value,
 * the first article.
 */
export function resolveArticle(
  index: CitationIndex,
  value: string | undefined,
): Article | undefined {
  const wanted = value?.trim() ?? "";
  if (wanted === "") return index.articles[0];
  const exact = index.article(wanted);
  if (exact) return exact;
  const folded = wanted.toLowerCase();
  return index.articles.find(
    (article) =>
      article.title.toLowerCase().includes(folded) || article.id.toLowerCase().includes(folded),
  );
}

/** Autocomplete for an `article` option: titles matching the typed text, value the article id. */
export function articleChoices(index: CitationIndex, typed: string): Choice[] {
  const words = typed.toLowerCase().split(/\s+/u).filter(Boolean);
  return index.articles
    .filter((article) => {
      const haystack = `${article.title} ${article.id} ${article.source ?? ""}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .slice(0, 25)
    .map((article) => ({ name: article.title, value: article.id }));
}

/** "no article matches …" with the list of loaded ones, for a wrong `article` option. */
export function noSuchArticle(index: CitationIndex, value: string): string {
  const titles = index.articles.slice(0, 10).map((article) => `“${article.title}”`);
  return `No article matches “${value}”. Loaded: ${titles.join(", ")}${index.articles.length > 10 ? ", …" : ""}.`;
}
