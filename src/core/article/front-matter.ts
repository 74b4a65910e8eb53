import { z } from "zod";
import { parsePublished } from "../text/dates.ts";

/**
 * Keys that scrapers, CMSs and static-site generators write for the same field, in order
 * of preference: the first one present is used. Every one present is validated.
 */
export const FRONT_MATTER_ALIASES = Object.freeze({
  published: ["published", "published_time", "pubDate", "date"],
  url: ["url", "source_url", "canonical_url", "link"],
  author: ["author", "byline"],
} as const);

/** What front matter says about an article, validated and normalised. */
export interface FrontMatter {
  readonly title: string;
  readonly source?: string | undefined;
  readonly url?: string | undefined;
  /** ISO 8601 date or UTC date-time. */
  readonly published?: string | undefined;
  readonly author?: string | undefined;
}

const optionalText = z
  .union([z.string(), z.number()], { error: "must be text" })
  .optional()
  .transform((value) => {
    const text = value === undefined ? "" : String(value).trim();
    return text === "" ? undefined : text;
  });

/** Authors as one name or a list of names (joined with commas). */
const people = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))], {
    error: "must be a name or a list of names",
  })
  .optional()
  .transform((value) => {
    const text = (Array.isArray(value) ? value.map(String).join(", ") : (value ?? "")).trim();
    return text === "" ? undefined : text;
  });

/** A title may be a bare number in YAML (`title: 1984`): it is still the title. */
const title = z
  .union([z.string(), z.number()], {
    // A list, a mapping or a yes/no is a title of the wrong kind, not a missing one.
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? "the title is missing"
        : "the title must be text (a list, a mapping or true/false is not a title)",
  })
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, "the title is empty"));

const address = (key: string) => z.url({ error: `${key} is not a valid web address` }).optional();

const date = (key: string) =>
  z
    .union([z.string(), z.date()], { error: `${key} must be a date such as 2024-09-23` })
    .optional()
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const iso =
        value instanceof Date
          ? Number.isNaN(value.getTime())
            ? undefined
            : value.toISOString()
          : parsePublished(value);
      if (iso === undefined) {
        context.addIssue({
          code: "custom",
          message: `${key} date "${String(value)}" does not parse (use 2024-09-23 or 2024-09-23T10:00:00Z)`,
        });
        return z.NEVER;
      }
      return iso;
    });

/**
 * One field under every alias, validated; unknown keys are ignored (zod strips them).
 * Lenient: an invalid optional field is dropped instead of refused (a web page's own tags).
 */
function frontMatterSchema(lenient: boolean) {
  const optional = <T extends z.ZodType>(schema: T) =>
    lenient ? schema.catch(undefined as z.output<T>) : schema;
  return z
    .object({
      title,
      source: optional(optionalText),
      ...Object.fromEntries(FRONT_MATTER_ALIASES.url.map((key) => [key, optional(address(key))])),
      ...Object.fromEntries(
        FRONT_MATTER_ALIASES.published.map((key) => [key, optional(date(key))]),
      ),
      ...Object.fromEntries(FRONT_MATTER_ALIASES.author.map((key) => [key, optional(people)])),
    })
    .transform((data): FrontMatter => {
      const fields = data as Record<string, string | undefined>;
      const first = (keys: readonly string[]) =>
        keys.map((key) => fields[key]).find((value) => value !== undefined);
      return {
        title: data.title,
        source: fields.source,
        url: first(FRONT_MATTER_ALIASES.url),
        published: first(FRONT_MATTER_ALIASES.published),
        author: first(FRONT_MATTER_ALIASES.author),
      };
    });
}

const STRICT = frontMatterSchema(false);
const LENIENT = frontMatterSchema(true);

/** Names the field of each problem unless the message already does. */
function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.join(".");
      return field && !issue.message.includes(field) ? `${field}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/**
 * Validates parsed front matter (a YAML mapping). Every problem is reported at once;
 * `lenient` drops invalid optional fields instead (only the title is required).
 *
 * @returns the fields, or the problems in words.
 */
export function readFrontMatter(
  raw: unknown,
  options: { readonly lenient?: boolean } = {},
): { ok: true; value: FrontMatter } | { ok: false; problem: string } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, problem: "front matter must be 'key: value' lines, with a title" };
  }
  const parsed = (options.lenient ? LENIENT : STRICT).safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: describe(parsed.error) };
}
