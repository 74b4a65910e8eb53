import type { Article } from "../article/types.ts";
import { plainCitation } from "../search/cite.ts";
import type { Answer, Citation, ExplainedCitation } from "../search/types.ts";
import { formatDate } from "../text/dates.ts";

/** An article's own details that a question may ask about. */
export type MetadataField = "published" | "author" | "source" | "title" | "url";

const ABOUT_THE_ARTICLE = /\b(?:article|story|piece|report|text|this|it|fact sheet|news)\b/iu;

/**
 * Recognises a question about the article itself ("When was the article
 * published?", "Who wrote this?", "What is the source?") rather than about
 * what it reports. Returns the field asked for, or undefined.
 */
export function metadataField(question: string): MetadataField | undefined {
  const q = question.toLowerCase();
  if (/\bwho (?:wrote|authored|is the author of)\b|\bauthor\b|\bwritten by\b|\bbyline\b/u.test(q)) {
    return ABOUT_THE_ARTICLE.test(q) || /\bauthor\b/u.test(q) ? "author" : undefined;
  }
  if (/\bheadline\b/u.test(q)) return "title";
  if (!ABOUT_THE_ARTICLE.test(q)) return undefined;
  if (
    /\b(?:when (?:was|is|did)|what (?:date|day)|publication date|date of)\b.*\b(?:publish(?:ed)?|written|come out|released?|posted|dated?)\b|\bpublished (?:on|when)\b|\bpublication date\b/u.test(
      q,
    )
  ) {
    return "published";
  }
  if (
    /\b(?:source|publisher|outlet|publication)\b|\bwho (?:published|publishes|ran|released)\b|\bwhere (?:was|is) (?:it|this|the \w+) (?:published|from)\b/u.test(
      q,
    )
  ) {
    return "source";
  }
  if (/\b(?:title|headline)\b/u.test(q)) return "title";
  if (/\b(?:link|url|web address)\b/u.test(q)) return "url";
  return undefined;
}

/** An article's value for a metadata field, as people read it ("27 April 2017, 06:11 UTC"). */
export function metadataValue(article: Article, field: MetadataField): string | undefined {
  switch (field) {
    case "published":
      return article.published === undefined ? undefined : formatDate(article.published);
    case "author":
      return article.author;
    case "source":
      return article.source;
    case "title":
      return article.title;
    case "url":
      return article.url;
  }
}

/**
 * Answers a question about the article itself from its front matter: the
 * citation is the article's lead, followed by the ranked citations that are not it.
 *
 * @param ranked - the ordinary answer to the question, whose citations follow the lead.
 */
export function metadataAnswer<C extends Citation>(
  field: MetadataField,
  article: Article,
  ranked: { answer: Answer; citations: C[] },
  limit: number,
  explain: boolean,
): { answer: Answer; citations: Citation[] } {
  const lead = article.paragraphs[0];
  if (!lead) return ranked;
  const value = metadataValue(article, field);
  const plainLead: Citation = {
    article: article.id,
    title: article.title,
    paragraph: lead.number,
    excerpt: lead.sentences[0]?.text ?? lead.text,
    score: ranked.citations[0]?.score ?? 0,
    matched: [],
  };
  const leadCitation: Citation | ExplainedCitation = explain
    ? {
        ...plainLead,
        coverage: value === undefined ? 0 : 1,
        kindFits: value !== undefined,
        expected: "none",
        shortAnswer: value ?? null,
        terms: [],
      }
    : plainLead;
  const others = ranked.citations.filter(
    (c) => !(c.article === article.id && c.paragraph === lead.number),
  );
  const citations = [leadCitation, ...others].slice(0, limit);
  return {
    answer: {
      question: ranked.answer.question,
      answered: value !== undefined,
      answer: value ?? null,
      close: false,
      citations: explain ? citations.map(plainCitation) : citations,
    },
    citations,
  };
}
