import { MONTH_PATTERN, MONTHS } from "./lexicon.ts";

/** Whether a day exists in a month (0-based) of a year: no April 31, no February 29, 2023. */
function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month, day));
  return day >= 1 && date.getUTCFullYear() === year && date.getUTCDate() === day;
}

/** A month name, as MONTH_PATTERN matches it, without its word boundaries (to embed it). */
const MONTH_WORD = MONTH_PATTERN.source.replace(/^\\b|\\b$/gu, "");
const MONTH_THEN_DAY = new RegExp(`(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?!\\d)`, "iu");
const DAY_THEN_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORD})`, "iu");

/**
 * False when a text names a day its month does not have ("April 31, 2017",
 * "2024-02-30T10:00Z"): JavaScript's Date rolls such days over into the next
 * month, and an article dated May 1 by mistake is worse than one refused.
 */
function calendarDayExists(text: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/u.exec(text);
  if (iso) return dayExists(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  const year = /\b(\d{4})\b/u.exec(text)?.[1];
  const monthFirst = MONTH_THEN_DAY.exec(text);
  const dayFirst = monthFirst ? undefined : DAY_THEN_MONTH.exec(text);
  const [monthName, day] = monthFirst
    ? [monthFirst[1], monthFirst[2]]
    : dayFirst
      ? [dayFirst[2], dayFirst[1]]
      : [undefined, undefined];
  if (!year || !monthName || !day) return true;
  const month = MONTHS.findIndex((name) => name.startsWith(monthName.toLowerCase().slice(0, 3)));
  return month < 0 || dayExists(Number(year), month, Number(day));
}

/**
 * Parses a publication date as people write it ("April 27, 2017, 6:11 AM UTC",
 * "2024-09-23", ISO date-times) into ISO 8601: a date when no time is given,
 * else a UTC date-time. Returns undefined when it is not a date.
 */
export function parsePublished(input: string): string | undefined {
  // RFC 3339 allows a space for the "T" ("2025-02-13 15:56:42-05:00", as scrapers write it).
  const text = input.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d{2}:\d{2})/u, "$1T");
  if (text.length > 80 || !/\b\d{4}\b/u.test(text)) return undefined;
  const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (isoDate) {
    const [, y, m, d] = isoDate;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1
      ? text
      : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T/u.test(text) && !MONTH_PATTERN.test(text)) return undefined;
  if (!calendarDayExists(text)) return undefined;
  // V8 reads "April 27, 2017 6:11 AM UTC" but not with a comma before the time.
  const millis = Date.parse(text.replace(/,\s*(\d{1,2}:\d{2})/u, " $1"));
  if (Number.isNaN(millis)) return undefined;
  const hasTime = /\d{1,2}:\d{2}/u.test(text);
  if (hasTime) return new Date(millis).toISOString();
  const local = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

/**
 * Formats an ISO date or date-time for people, the one way citebot writes dates:
 * "27 April 2017", with ", 06:11 UTC" when a time is given. Day before month
 * reads the same to every English reader; an invalid date is returned as given.
 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString("en-GB", {
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
