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

/** A sorted WordNet file searched in place, so that start-up reads nothing. */
export class SortedFile {
  private readonly fd: number;
  private readonly size: number;
  private readonly buffer = Buffer.alloc(8192);

  constructor(file: string) {
    this.fd = openSync(file, "r");
    this.size = fstatSync(this.fd).size;
  }

  /** The line at or after a byte position. */
  private lineAt(position: number): { line: string; start: number } | undefined {
    let start = position;
    if (start > 0) {
      const read = readSync(this.fd, this.buffer, 0, this.buffer.length, start - 1);
      const newline = this.buffer.subarray(0, read).indexOf(10);
      if (newline < 0) return undefined;
      start = start - 1 + newline + 1;
    }
    if (start >= this.size) return undefined;
    const read = readSync(this.fd, this.buffer, 0, this.buffer.length, start);
    const chunk = this.buffer.subarray(0, read);
    const end = chunk.indexOf(10);
    return { line: chunk.subarray(0, end < 0 ? read : end).toString("latin1"), start };
  }

  /** Binary search for the line whose first field is `key` (lines sorted bytewise). */
  find(key: string): string | undefined {
    let low = 0;
    let high = this.size;
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
    const read = readSync(this.fd, this.buffer, 0, this.buffer.length, offset);
    const chunk = this.buffer.subarray(0, read);
    const end = chunk.indexOf(10);
    return chunk.subarray(0, end < 0 ? read : end).toString("latin1");
  }

  close(): void {
    closeSync(this.fd);
  }
}
