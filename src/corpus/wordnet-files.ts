import { readFileSync } from "node:fs";

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

/** True when a synset's line writes the lemma in capitals, two or more ("EPA", "NASA"). */
export function writtenInCapitals(line: string, lemma: string): boolean {
  const fields = line.split(" ");
  const wordCount = parseInt(fields[3] ?? "0", 16);
  for (let i = 0; i < wordCount; i += 1) {
    const written = (fields[4 + 2 * i] ?? "").replace(/\(.*\)$/u, "");
    if (written.toLowerCase() === lemma) return /^[A-Z]{2,}$/u.test(written);
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
 * A sorted WordNet file held in memory, read whole when first needed (the dictionary opens a
 * file at its first look-up in it: 28 MB for all eight). Searched in place, it spares each
 * look-up the twenty-odd reads of a search on disk: 96,000 reads of 8 KB for the first asks
 * of the archive's 182 real questions.
 */
export class SortedFile {
  private bytes: Buffer | undefined;

  constructor(file: string) {
    this.bytes = readFileSync(file);
  }

  private get contents(): Buffer {
    if (!this.bytes) throw new Error("the WordNet file was closed");
    return this.bytes;
  }

  /** The line starting at a byte offset, up to its newline or the file's end. */
  private lineFrom(start: number): string {
    const bytes = this.contents;
    const end = bytes.indexOf(10, start);
    return bytes.toString("latin1", start, end < 0 ? bytes.length : end);
  }

  /** The line at or after a byte position: the one after the newline at or past `position - 1`. */
  private lineAt(position: number): { line: string; start: number } | undefined {
    const bytes = this.contents;
    let start = 0;
    if (position > 0) {
      const newline = bytes.indexOf(10, position - 1);
      if (newline < 0) return undefined;
      start = newline + 1;
    }
    if (start >= bytes.length) return undefined;
    return { line: this.lineFrom(start), start };
  }

  /** Binary search for the line whose first field is `key` (lines sorted bytewise). */
  find(key: string): string | undefined {
    let low = 0;
    let high = this.contents.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      const found = this.lineAt(middle);
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
    return offset >= 0 && offset < this.contents.length ? this.lineFrom(offset) : "";
  }

  /** Lets the file's bytes go. */
  close(): void {
    this.bytes = undefined;
  }
}
