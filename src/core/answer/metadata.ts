import type { Article } from "./types.ts";

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

/** An article's value for a metadata field, as people read it ("April 27, 2017, 06:11 UTC"). */
export function metadataValue(article: Article, field: MetadataField): string | undefined {
  switch (field) {
    case "published":
      return article.published === undefined ? undefined : readableDate(article.published);
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
 * Formats an ISO date or date-time for people, in a locale's order: "April 27, 2017"
 * (en-US) or "27 April 2017" (en-GB), with ", 06:11 UTC" when a time is given.
 */
export function readableDate(iso: string, locale: "en-US" | "en-GB" = "en-US"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString(locale, {
    month: "long",
    day: "numeric",
    year: "numeric",
    timeZone: "UTC",
  });
  if (!iso.includes("T")) return day;
  const time = date.toLocaleTimeString("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  });
  return `${day}, ${time} UTC`;
}
