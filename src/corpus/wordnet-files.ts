import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** True when a synset's line writes the lemma in title case ("Peru", "New_York"; not "SAT"). */
export function writtenInTitleCase(line: string, lemma: string): boolean {
  const fields = line.split(" ");
  const wordCount = parseInt(fields[3] ?? "0", 16);
  for (let i = 0; i < wordCount; i += 1) {
    const written = (fields[4 + 2 * i] ?? "").replace(/\(.*\)$/u, "");
    if (written.toLowerCase() === lemma) return /^[A-Z](?![A-Z_]*$)/u.test(written);
  }
  return false;
}

/** Words initials skip: "Master of Education" is "MEd". */
const UNCAPITALISED_WORDS: ReadonlySet<string> = new Set(["of", "the", "and", "for", "in", "on"]);

/**
 * True when a synset's line writes the lemma as a one-word abbreviation of another of its
 * names: its capitals, two or more, are that name's initials ("MEd" of
 * "Master_of_Education", "DoJ" of "Department_of_Justice").
 */
export function writtenAsAbbreviation(line: string, lemma: string): boolean {
  const fields = line.split(" ");
  const wordCount = parseInt(fields[3] ?? "0", 16);
  const words = Array.from({ length: wordCount }, (_, i) =>
    (fields[4 + 2 * i] ?? "").replace(/\(.*\)$/u, ""),
  );
  const written = words.find((word) => word.toLowerCase() === lemma);
  const capitals = written?.replace(/[^A-Z]/gu, "") ?? "";
  if (!written || written.includes("_") || capitals.length < 2) return false;
  return words.some(
    (other) =>
      other.includes("_") &&
      other
        .split("_")
        .filter((part) => !UNCAPITALISED_WORDS.has(part.toLowerCase()))
        .map((part) => part[0]?.toUpperCase() ?? "")
        .join("") === capitals,
  );
}

/**
 * Levels of a binary search whose lines are kept once read: every search starts down the same
 * middles, so their 2^10 lines (about 100 KB a file) spare each look-up ten of its twenty-odd
 * reads; the rest of the file stays on disk.
 */
const KEPT_LEVELS = 10;

/** A sorted WordNet file searched in place, so that start-up reads nothing. */
export class SortedFile {
  private readonly fd: number;
  private readonly size: number;
  private readonly buffer = Buffer.alloc(8192);
  /** Lines read at the first {@link KEPT_LEVELS} levels of a search, by position searched. */
  private readonly kept = new Map<number, { line: string; start: number } | undefined>();

  constructor(file: string) {
    this.fd = openSync(file, "r");
    this.size = fstatSync(this.fd).size;
  }

  /**
   * The line at or after a byte position: usually one read, holding the byte before the
   * position, the rest of the line it falls in and the next line whole.
   */
  private lineAt(position: number): { line: string; start: number } | undefined {
    if (position === 0) return this.size > 0 ? { line: this.lineFrom(0), start: 0 } : undefined;
    for (let from = position - 1; from < this.size;) {
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, from);
      if (read === 0) return undefined;
      const newline = this.buffer.subarray(0, read).indexOf(10);
      if (newline < 0) {
        from += read;
        continue;
      }
      const start = from + newline + 1;
      if (start >= this.size) return undefined;
      const rest = this.buffer.subarray(newline + 1, read);
      const end = rest.indexOf(10);
      if (end >= 0) return { line: rest.subarray(0, end).toString("latin1"), start };
      return { line: this.lineFrom(start), start };
    }
    return undefined;
  }

  /** The whole line starting at a byte offset, however long (a few synsets' run past 8 KB). */
  private lineFrom(start: number): string {
    const parts: Buffer[] = [];
    for (let from = start; from < this.size;) {
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, from);
      if (read === 0) break;
      const chunk = this.buffer.subarray(0, read);
      const end = chunk.indexOf(10);
      parts.push(Buffer.from(end < 0 ? chunk : chunk.subarray(0, end)));
      if (end >= 0) break;
      from += read;
    }
    return Buffer.concat(parts).toString("latin1");
  }

  /** {@link lineAt}, kept for a search's first levels. */
  private probe(position: number, level: number): { line: string; start: number } | undefined {
    if (level >= KEPT_LEVELS) return this.lineAt(position);
    if (this.kept.has(position)) return this.kept.get(position);
    const found = this.lineAt(position);
    this.kept.set(position, found);
    return found;
  }

  /** Binary search for the line whose first field is `key` (lines sorted bytewise). */
  find(key: string): string | undefined {
    let low = 0;
    let high = this.size;
    for (let level = 0; low < high; level += 1) {
      const middle = Math.floor((low + high) / 2);
      const found = this.probe(middle, level);
      if (!found) {
        high = middle;
        continue;
      }
      const head = found.line.slice(0, found.line.indexOf(" "));
      if (found.line.startsWith(" ") || head < key) low = middle + 1;
      else if (head > key) high = middle;
      else return found.line;
    }
    const last = this.lineAt(low);
    return last && last.line.startsWith(`${key} `) ? last.line : undefined;
  }

  /** The line that starts at a byte offset (WordNet's synset addresses). */
  at(offset: number): string {
    return this.lineFrom(offset);
  }

  close(): void {
    closeSync(this.fd);
  }
}
