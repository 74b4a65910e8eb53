import { MONTH_PATTERN } from "./lexicon.ts";

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
