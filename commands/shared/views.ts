import type { SlashCommandStringOption } from "discord.js";
import { LRUCache } from "lru-cache";
import type { Answer, Article, Citation, CitationIndex } from "../../src/core/index.ts";
import { formatDate, tokenize } from "../../src/core/index.ts";
import {
  errorReply,
  type Choice,
  type Inline,
  type Reply,
  type ReplyButton,
  type ReplyField,
} from "../../src/reply/types.ts";
import type { AutocompleteInput, CommandContext, UserRef } from "../../src/bot/context.ts";

/**
 * Splits an excerpt into pieces with the matched words in bold. Words are cut
 * by the core's own tokenizer, so what is bold is exactly what matched.
 */
export function highlight(excerpt: string, matched: readonly string[]): Inline[] {
  if (matched.length === 0) return [excerpt];
  const wanted = new Set(matched);
  const pieces: Inline[] = [];
  let last = 0;
  let bold: { start: number; end: number } | undefined;
  const flush = () => {
    if (!bold) return;
    if (bold.start > last) pieces.push(excerpt.slice(last, bold.start));
    pieces.push({ bold: excerpt.slice(bold.start, bold.end) });
    last = bold.end;
    bold = undefined;
  };
  for (const token of tokenize(excerpt)) {
    if (!wanted.has(token.surface)) continue;
    // Touching tokens ("25" and "%") make one bold piece, not two that Markdown would garble.
    if (bold && token.start === bold.end) bold.end = token.end;
    else {
      flush();
      bold = { start: token.start, end: token.end };
    }
  }
  flush();
  if (last < excerpt.length) pieces.push(excerpt.slice(last));
  return pieces;
}

/** How many recent answers each set of articles remembers. */
const MEMO_SIZE = 500;
const memos = new WeakMap<CitationIndex, LRUCache<string, Answer>>();

/**
 * `index.ask`, remembering recent answers: the same question comes back often
 * (several members, "More passages", "Share in channel", autocomplete), and an
 * answer depends only on the articles, the question and the limit. A reload
 * makes a new index, hence a fresh memory. `article` restricts the search to one article.
 */
export function askIndex(
  index: CitationIndex,
  question: string,
  limit: number,
  article?: string,
): Answer {
  let memo = memos.get(index);
  if (!memo) {
    memo = new LRUCache({ max: MEMO_SIZE });
    memos.set(index, memo);
  }
  const key = `${limit}\u0000${article ?? ""}\u0000${question}`;
  let answer = memo.get(key);
  if (!answer) {
    answer = index.ask(question, article ? { limit, article } : { limit });
    memo.set(key, answer);
  }
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
    if (article.published) parts.push(formatDate(article.published));
    if (article.author) parts.push(`by ${article.author}`);
    line = parts.join(" · ");
    sourceLines.set(article, line);
  }
  return line;
}

/** The "Share in channel" button a private reply offers; `customId` says what to share. */
export function shareButton(customId: string): ReplyButton {
  return { label: "Share in channel", style: "primary", customId };
}

/** A footer from its non-empty parts, " · " between, ending with who shared the message. */
export function footerOf(parts: readonly string[], sharedBy?: UserRef): string {
  return [...parts, sharedBy ? `shared by ${sharedBy.name}` : ""].filter(Boolean).join(" · ");
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

/** The optional `article` option, with autocomplete, of /quote and /article. */
export function articleOption(option: SlashCommandStringOption): SlashCommandStringOption {
  return option
    .setName("article")
    .setDescription("Which article (when several are loaded)")
    .setAutocomplete(true)
    .setMaxLength(100);
}

/**
 * Finds the article an `article` option names: its id (what autocomplete
 * sends), else a title or id containing the typed text. Without a value,
 * the first article. When none matches, the private reply listing the
 * loaded ones.
 */
export function pickArticle(
  index: CitationIndex,
  value: string | undefined,
): { readonly article: Article } | { readonly refusal: Reply } {
  const wanted = value?.trim() ?? "";
  const folded = wanted.toLowerCase();
  const article =
    wanted === ""
      ? index.articles[0]
      : (index.article(wanted) ??
        index.articles.find(
          (candidate) =>
            candidate.title.toLowerCase().includes(folded) ||
            candidate.id.toLowerCase().includes(folded),
        ));
  if (article) return { article };
  const titles = index.articles.slice(0, 10).map((loaded) => `“${loaded.title}”`);
  return {
    refusal: errorReply(
      `No article matches “${wanted}”. Loaded: ${titles.join(", ")}${index.articles.length > 10 ? ", …" : ""}.`,
    ),
  };
}

/**
 * Autocomplete of the `article` option: titles matching the typed words, the
 * value being the article id.
 */
export function completeArticle(input: AutocompleteInput, context: CommandContext): Choice[] {
  if (input.focused !== "article") return [];
  const words = input.value.toLowerCase().split(/\s+/u).filter(Boolean);
  return context
    .corpus()
    .index.articles.filter((article) => {
      const haystack = `${article.title} ${article.id} ${article.source ?? ""}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    })
    .slice(0, 25)
    .map((article) => ({ name: article.title, value: article.id }));
}
