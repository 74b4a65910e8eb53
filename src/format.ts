import { readableDate } from "./core/metadata.ts";

/**
 * Formats an article's ISO publication date for people: "27 April 2017" or
 * "27 April 2017, 06:11 UTC".
 */
export function formatPublished(iso: string): string {
  return readableDate(iso, "en-GB");
}
