import type { QuestionKind } from "./question.ts";
import { foldCase } from "./text.ts";

const MONEY = /(?:US)?\$\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|[mbk]n?)\b)?/giu;
const PERCENT = /\d[\d,.]*\s?(?:%|percent\b|per cent\b)/giu;
const QUANTITY = /\b\d[\d,.]*(?:\s?(?:million|billion|trillion|thousand|hundred))?(?:\s[a-z]+)?/giu;
const MULTIPLIER = /\b(?:doubled|tripled|quadrupled|halved|(?:two|three|four|five|ten)fold)\b/giu;
const DATE =
  /\b(?:(?:late|early)\s+on\s+)?(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:night|morning|afternoon|evening))?|(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|(?:this|last|next)\s+(?:week|month|year)|(?:in\s+)?\d{4})\b/giu;
/** A run of capitalised words, allowing "of" and initials inside: "Vice Premier Wang Yang". */
const NAME = /\b\p{Lu}[\p{L}'’.-]*(?:\s+(?:of\s+|de\s+|van\s+)?\p{Lu}[\p{L}'’.-]*)*/gu;

function firstMatch(pattern: RegExp, text: string): string | undefined {
  pattern.lastIndex = 0;
  const match = pattern.exec(text);
  return match?.[0].trim().replace(/[,.;:]+$/u, "");
}

/**
 * Picks the short answer (a number, name, date) out of a cited excerpt, verbatim,
 * when the question asks for one; null otherwise or when none is found.
 */
export function extractShortAnswer(
  kind: QuestionKind,
  question: string,
  excerpt: string,
): string | null {
  switch (kind) {
    case "quantity": {
      const percentFirst = /percent|%|rate|tariff|share/iu.test(question);
      const ordered = percentFirst
        ? [PERCENT, MONEY, MULTIPLIER, QUANTITY]
        : [MONEY, PERCENT, MULTIPLIER, QUANTITY];
      for (const pattern of ordered) {
        const found = firstMatch(pattern, excerpt);
        if (found) return found;
      }
      return null;
    }
    case "time":
      return firstMatch(DATE, excerpt) ?? null;
    case "person":
    case "place": {
      const asked = new Set(foldCase(question).split(/[^\p{L}\p{N}]+/u));
      NAME.lastIndex = 0;
      for (const match of excerpt.matchAll(NAME)) {
        const name = match[0].replace(/[’']s$/u, "").replace(/[,.;:]+$/u, "");
        const words = name.split(/\s+/u);
        const isSentenceStart =
          match.index === 0 || /[.!?“"]\s*$/u.test(excerpt.slice(0, match.index));
        if (isSentenceStart && words.length === 1) continue;
        if (words.every((word) => asked.has(foldCase(word).replace(/'s$/u, "")))) continue;
        return name;
      }
      return null;
    }
    default:
      return null;
  }
}
