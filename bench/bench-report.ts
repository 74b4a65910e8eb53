/** `npm run bench`'s results: what each size measured, and the Markdown tables that show it. */
import type { TimingResult } from "./measure.ts";
import type { Top } from "./peers.ts";
import type { JobResult } from "./worker.ts";
import { SYSTEMS, type Measured } from "./bench-options.ts";

/** What one system measured at one size (citebot: with its saved index's figures). */
export interface SystemRow {
  readonly system: Measured;
  readonly result: JobResult;
  /** Ready time of a fresh process opening the saved index (citebot only, when supported). */
  readonly savedLoadMs?: number;
  readonly savedLoadCpuMs?: number;
  /** Resident memory of the saved-load process right after ready. */
  readonly savedLoadRssMb?: number;
  /**
   * RSS high-water mark of the saved-load process once its top-1s are asked, before its timed
   * loop: what it was before 2da89f3 timed the questions there too (then it had no timed loop).
   */
  readonly savedLoadPeakMb?: number;
  /**
   * The same questions timed in the saved-load process, on the index opened from its file: the
   * way a bot answers on every start but the first (the built index's figures are `result`'s).
   */
  readonly savedTiming?: TimingResult;
  /** The saved index answered the timed questions with the same top-1s as the fresh build. */
  readonly savedSameTop1?: string;
  /** Questions whose top-1 differs between the saved index and the fresh build. */
  readonly savedMismatches?: { q: string; built: Top | null; saved: Top | null }[];
  /** False when the second open did not report using the saved index (it rebuilt). */
  readonly savedUsed?: boolean;
  readonly savedEngineHash?: string;
}

/** What every system measured at one corpus size, and citebot's quality there. */
export interface SizeResult {
  readonly size: number;
  readonly articles: number;
  readonly sentences: number;
  readonly corpusDir: string;
  readonly systems: SystemRow[];
  /** Seed questions whose citebot top-1 is the same as with the seed alone. */
  readonly sameTop1?: { same: number; total: number };
  /** Seed questions whose top-1 moved: the question, top-1 alone, top-1 among N. */
  readonly moved?: { q: string; alone: Top | null; among: Top | null }[];
  /** Answerable seed questions answered with the top-1 in an accepted paragraph (and with the seed alone). */
  readonly correctTop1?: { correct: number; total: number; alone: number };
  /** Unanswerable seed questions citebot abstains on (answered: false), and with the seed alone. */
  readonly abstains?: { abstained: number; total: number; alone: number };
}

/** True when two top-1s are the same article and paragraph (or both nothing). */
export const sameTop = (a: Top | null | undefined, b: Top | null | undefined) =>
  (a ?? null) === null
    ? (b ?? null) === null
    : b != null && a?.article === b.article && a?.paragraph === b.paragraph;

/** A figure as the tables print it ("n/a" when missing). */
export function fmt(value: number | undefined, digits = 1): string {
  if (value === undefined || Number.isNaN(value)) return "n/a";
  if (value >= 100) return Math.round(value).toLocaleString("en-US");
  return value.toFixed(value < 1 ? Math.max(digits, 2) : digits);
}

/** A Markdown table, aligned as Prettier aligns it (so it pastes into the README as is). */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(3, cell.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${widths.map((width, i) => (cells[i] ?? "").padEnd(width)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join(
    "\n",
  );
}

/** The per-question figures of the saved-load process (citebot), or "" for others. */
function savedTimes(row: SystemRow): string {
  const t = row.savedTiming;
  if (!t) return row.system === "citebot" ? "n/a" : "";
  const mark = t.capped ? "*" : "";
  return `${fmt(t.medianMs, 2)} / ${fmt(t.p99Ms, 2)} / ${fmt(t.maxMs, 1)}${mark}`;
}

/** The Markdown tables and notes of one corpus's results. */
export function report(results: SizeResult[], questionTexts: string[], notes: string[]): string {
  const out: string[] = [];
  const rows: string[][] = [];
  for (const size of results) {
    for (const row of size.systems) {
      const t = row.result.timing;
      const mark = t?.capped ? "*" : "";
      rows.push([
        size.articles.toLocaleString("en-US"),
        size.sentences.toLocaleString("en-US"),
        row.system === "fuse"
          ? "fuse.js (naive)"
          : row.system === "minisearch"
            ? "MiniSearch"
            : "citebot",
        `${fmt(row.result.readyMs, 0)}${row.result.buildWorkers ? ` (${row.result.buildWorkers + 1} threads)` : ""}`,
        row.result.parseMs === undefined ? "(incl.)" : fmt(row.result.parseMs, 0),
        row.system !== "citebot"
          ? ""
          : row.savedLoadMs === undefined
            ? "n/a"
            : `${fmt(row.savedLoadMs, 0)} (cpu ${fmt(row.savedLoadCpuMs, 0)}; ${fmt(row.savedLoadRssMb, 0)} MB)${row.savedUsed === false ? " rebuilt!" : ""}`,
        fmt(row.result.peakMb, 0),
        t ? `${fmt(t.medianMs, 2)}${mark}` : "n/a",
        t ? `${fmt(t.p99Ms, 2)}${mark}` : "n/a",
        t ? `${fmt(t.maxMs, 1)}${mark}` : "n/a",
        t ? `${t.samples}${mark}` : "0",
        savedTimes(row),
      ]);
    }
  }
  out.push(
    table(
      [
        "articles",
        "sentences",
        "system",
        "build ms",
        "parse ms",
        "saved-load ms (cpu ms; RSS MB after ready)",
        "peak MB",
        "median ms (built)",
        "p99 ms (built)",
        "max ms (built)",
        "samples",
        "saved index: median / p99 / max ms",
      ],
      rows,
    ),
  );
  out.push("");
  const median = (size: SizeResult, system: Measured) =>
    size.systems.find((row) => row.system === system)?.result.timing?.medianMs;
  const ratio = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined || b === 0 ? "n/a" : `${fmt(a / b, 1)}×`;
  out.push(
    table(
      ["articles", "citebot median ms", "MiniSearch / citebot", "fuse.js / citebot"],
      results.map((size) => [
        size.articles.toLocaleString("en-US"),
        fmt(median(size, "citebot"), 2),
        ratio(median(size, "minisearch"), median(size, "citebot")),
        ratio(median(size, "fuse"), median(size, "citebot")),
      ]),
    ),
  );
  out.push("");
  // The curve: cost of a question against corpus size, with the local growth exponent
  // (log of the cost ratio over log of the size ratio: 1 = linear in the corpus).
  const curveRows: string[][] = [];
  let previous: SizeResult | undefined;
  for (const size of results) {
    const cells = [size.articles.toLocaleString("en-US"), size.sentences.toLocaleString("en-US")];
    for (const system of SYSTEMS) {
      const now = median(size, system);
      const before = previous ? median(previous, system) : undefined;
      const exponent =
        now !== undefined && before !== undefined && previous && previous.sentences > 0
          ? Math.log(now / before) / Math.log(size.sentences / previous.sentences)
          : undefined;
      cells.push(
        now === undefined
          ? "n/a"
          : `${fmt(now * 1000, 0)} µs${exponent === undefined ? "" : ` (^${exponent.toFixed(2)})`}`,
      );
    }
    curveRows.push(cells);
    previous = size;
  }
  out.push(
    "Per-question median against corpus size (^k: cost grows as sentences^k since the previous size):",
  );
  out.push("");
  out.push(table(["articles", "sentences", "citebot", "MiniSearch", "fuse.js"], curveRows));
  out.push("");
  for (const size of results) {
    if (size.sameTop1) {
      const correct = size.correctTop1
        ? `; answered with the top-1 in an accepted paragraph: ${size.correctTop1.correct}/${size.correctTop1.total} (alone ${size.correctTop1.alone})`
        : "";
      const abstain = size.abstains
        ? `; abstains on ${size.abstains.abstained}/${size.abstains.total} unanswerable (alone ${size.abstains.alone})`
        : "";
      out.push(
        `Quality, seed among ${size.articles.toLocaleString("en-US")} articles: same top-1 (article + paragraph) as the seed alone for ${size.sameTop1.same}/${size.sameTop1.total} seed questions${correct}${abstain}.`,
      );
    }
  }
  const largest = results[results.length - 1];
  if (largest?.moved && largest.moved.length > 0) {
    const where = (top: Top | null) => (top ? `${top.article} ¶${top.paragraph}` : "nothing");
    out.push(`Top-1 moved among ${largest.articles.toLocaleString("en-US")} articles:`);
    for (const { q, alone, among } of largest.moved) {
      out.push(`- "${q}": ${where(alone)} → ${where(among)}`);
    }
  }
  const biggest = results[results.length - 1];
  const perQuestion = biggest?.systems.find((row) => row.system === "citebot")?.result.timing
    ?.perQuestionMs;
  if (biggest && perQuestion && questionTexts.length === perQuestion.length) {
    const slowest = perQuestion
      .map((ms, i) => ({ ms, q: questionTexts[i] as string }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    out.push(
      `Slowest questions for citebot among ${biggest.articles.toLocaleString("en-US")} articles (median): ${slowest
        .map(({ ms, q }) => `"${q}" ${fmt(ms, 1)} ms`)
        .join(", ")}.`,
    );
  }
  for (const size of results) {
    for (const row of size.systems) {
      if (!row.savedMismatches || row.savedMismatches.length === 0) continue;
      const where = (top: Top | null) => (top ? `${top.article} ¶${top.paragraph}` : "nothing");
      out.push(
        `Saved index ≠ fresh build among ${size.articles.toLocaleString("en-US")} articles (top-1):`,
      );
      for (const { q, built, saved } of row.savedMismatches) {
        out.push(`- "${q}": built ${where(built)}, saved ${where(saved)}`);
      }
    }
  }
  out.push(...notes);
  return out.join("\n");
}
