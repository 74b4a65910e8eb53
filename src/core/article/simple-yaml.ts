/**
 * A fast path for the front matter that scrapers and static-site generators write: top-level
 * `key: value` lines whose values are plain, single-quoted or double-quoted text, possibly
 * folded over indented lines (PyYAML's dumps of the archive: `title: "America Is Back \u2014
 * ..."`). It gives what the `yaml` package's `parse` gives for such a block (the tests compare
 * both on generated documents and on every archive file), and `undefined` for anything else
 * (numbers, booleans, nulls, lists, mappings, block scalars, anchors, tags, comments, tabs,
 * blank lines, unusual characters), which the caller then reads with the `yaml` package. The
 * package builds a syntax tree and a document per file: about a tenth of a cold build's CPU.
 */

/** A key the fast path takes: a letter, then letters, digits, `_` or `-`. */
const KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: +|$)/u;

/** Plain scalars that YAML 1.2's core schema reads as null, a boolean or a number. */
const NOT_TEXT =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/u;

/**
 * True when `source` holds a character left to the package: a tab, a control or C1 control
 * character, a byte-order mark, a non-character or a lone surrogate (YAML refuses some, and
 * escapes and folding need care with the others).
 */
function hasUnusual(source: string): boolean {
  for (let i = 0; i < source.length; i += 1) {
    const c = source.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 0x0a) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfeff || c === 0xfffe || c === 0xffff)
      return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const low = source.charCodeAt(i + 1);
      if (!(low >= 0xdc00 && low <= 0xdfff)) return true;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/** Characters that give a plain scalar another meaning when it starts with one. */
const INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

/** Double-quoted escapes of one character. */
const ESCAPES: Readonly<Record<string, string>> = Object.freeze({
  "0": "\0",
  a: "\u0007",
  b: "\b",
  e: "\u001b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
});

/** `line` without the spaces at its start and/or end (YAML trims spaces and tabs only). */
function trimSpaces(line: string, start: boolean, end: boolean): string {
  let from = 0;
  let to = line.length;
  while (start && from < to && line[from] === " ") from += 1;
  while (end && to > from && line[to - 1] === " ") to -= 1;
  return line.slice(from, to);
}

/**
 * Lines folded as YAML folds a flow scalar's (no blank line among them): each line break and
 * the spaces around it become one space; the first line keeps its leading spaces, the last its
 * trailing ones.
 */
function unfold(lines: readonly string[]): string {
  if (lines.length === 1) return lines[0] as string;
  const last = lines.length - 1;
  return lines.map((line, i) => trimSpaces(line, i > 0, i < last)).join(" ");
}

/** How many hex digits follow `\x`, `\u` and `\U` escapes. */
const HEX_DIGITS: Readonly<Record<string, number>> = Object.freeze({ x: 2, u: 4, U: 8 });

/** The text of a double-quoted scalar's inside (no blank line in it), or undefined. */
function doubleQuoted(inside: string): string | undefined {
  let text = "";
  // Spaces written in the source since the last other character: dropped before a line break.
  let spaces = "";
  for (let i = 0; i < inside.length; i += 1) {
    const c = inside[i] as string;
    if (c === " ") {
      spaces += c;
      continue;
    }
    if (c === "\n") {
      // A line break and the indentation after it fold into one space.
      text += " ";
      spaces = "";
      while (inside[i + 1] === " ") i += 1;
      continue;
    }
    text += spaces;
    spaces = "";
    if (c !== "\\") {
      text += c;
      continue;
    }
    const next = inside[i + 1];
    i += 1;
    const simple = next === undefined ? undefined : ESCAPES[next];
    const digits = next === undefined ? undefined : HEX_DIGITS[next];
    if (simple !== undefined) {
      text += simple;
    } else if (next === "\n") {
      // An escaped line break: nothing, and the next line's indentation dropped.
      while (inside[i + 1] === " ") i += 1;
    } else if (digits !== undefined) {
      const hex = inside.slice(i + 1, i + 1 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/u.test(hex)) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
      text += String.fromCodePoint(code);
      i += digits;
    } else {
      return undefined;
    }
  }
  return text + spaces;
}

/**
 * Where a quoted scalar's closing quote is in `source`, scanning from `from` (`\x` escapes a character
 * inside double quotes, `''` a quote inside single ones): `end` is its index or -1, `resume`
 * where to go on once a line is added.
 */
function closingQuote(
  source: string,
  quote: string,
  from: number,
): { end: number; resume: number } {
  let i = from;
  for (; i < source.length; i += 1) {
    const c = source[i];
    if (quote === '"' && c === "\\") i += 1;
    else if (c === quote) {
      if (quote === "'" && source[i + 1] === "'") i += 1;
      else return { end: i, resume: i };
    }
  }
  return { end: -1, resume: i };
}

/**
 * The value starting at `lines[at]` (`value`: what follows its key) and any lines folded into
 * it: its text and the index of the next line, or undefined when it is not of the simple kind.
 */
function scalar(
  value: string,
  lines: readonly string[],
  at: number,
): { text: string; next: number } | undefined {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    // The lines up to the one holding the closing quote.
    let source = value.slice(1);
    let next = at + 1;
    let scan = closingQuote(source, quote, 0);
    while (scan.end < 0) {
      const line = lines[next];
      if (line === undefined || !line.startsWith(" ") || line.trim() === "") return undefined;
      source += `\n${line}`;
      next += 1;
      scan = closingQuote(source, quote, scan.resume);
    }
    // Only spaces may follow the closing quote: YAML reads a no-break space there as text.
    if (trimSpaces(source.slice(scan.end + 1), true, true) !== "") return undefined;
    source = source.slice(0, scan.end);
    if (quote === "'") return { text: unfold(source.split("\n")).replaceAll("''", "'"), next };
    const text = doubleQuoted(source);
    return text === undefined ? undefined : { text, next };
  }
  if (value === "" || INDICATORS.includes(value[0] as string)) return undefined;
  const folded = [trimSpaces(value, false, true)];
  let next = at + 1;
  while (lines[next]?.startsWith(" ")) {
    const line = trimSpaces(lines[next] as string, true, true);
    if (line === "" || INDICATORS.includes(line[0] as string)) return undefined;
    folded.push(line);
    next += 1;
  }
  for (const line of folded) {
    if (line.includes(": ") || line.endsWith(":") || line.includes(" #")) return undefined;
  }
  const text = unfold(folded);
  return NOT_TEXT.test(text) ? undefined : { text, next };
}

/**
 * Reads front matter of the simple kind (see the module's comment): its keys and texts in
 * order, as `yaml`'s `parse` gives them; undefined when the block is of another kind.
 */
export function parseSimpleYaml(source: string): Record<string, string> | undefined {
  if (hasUnusual(source)) return undefined;
  const lines = source.split("\n");
  const fields: Record<string, string> = {};
  let at = 0;
  while (at < lines.length) {
    const line = lines[at] as string;
    const match = KEY.exec(line);
    const key = match?.[1];
    if (match === null || key === undefined || NOT_TEXT.test(key) || Object.hasOwn(fields, key))
      return undefined;
    const value = scalar(line.slice(match[0].length), lines, at);
    if (value === undefined) return undefined;
    fields[key] = value.text;
    at = value.next;
  }
  return at > 0 ? fields : undefined;
}
