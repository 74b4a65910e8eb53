import { readFileSync } from "node:fs";
import path from "node:path";
import type { WordVectors } from "../core/index.ts";
import { PROJECT_ROOT } from "../paths.ts";

/** The shipped table (built by `scripts/build-word-vectors.mjs` from GloVe, public domain). */
export const WORD_VECTORS_FILE = path.join(PROJECT_ROOT, "assets", "word-vectors.bin");

const MAGIC = "CBWV";
const HEADER_BYTES = 16;

/**
 * Word vectors read from a reduced table: the words, then one row of signed bytes
 * a word (see `scripts/build-word-vectors.mjs` for the layout). Read on first use,
 * so start-up costs nothing; rows are normalised to unit length as they are read.
 */
export class VectorTable implements WordVectors {
  private rows: Map<string, Float32Array> | undefined;
  private readonly ranks = new Map<string, number>();
  private width = 0;

  constructor(private readonly file: string = WORD_VECTORS_FILE) {}

  get dimensions(): number {
    this.load();
    return this.width;
  }

  vector(word: string): Float32Array | undefined {
    return this.load().get(word);
  }

  rank(word: string): number | undefined {
    this.load();
    return this.ranks.get(word);
  }

  private load(): Map<string, Float32Array> {
    if (this.rows) return this.rows;
    const rows = new Map<string, Float32Array>();
    try {
      const bytes = readFileSync(this.file);
      if (bytes.length < HEADER_BYTES || bytes.toString("latin1", 0, 4) !== MAGIC) {
        throw new Error("not a word-vector table");
      }
      const count = bytes.readUInt32LE(4);
      const width = bytes.readUInt32LE(8);
      const textBytes = bytes.readUInt32LE(12);
      const start = HEADER_BYTES + textBytes;
      if (bytes.length !== start + count * width) throw new Error("truncated word-vector table");
      const words = bytes.toString("utf8", HEADER_BYTES, start).split("\n");
      const values = new Int8Array(bytes.buffer, bytes.byteOffset + start, count * width);
      const all = new Float32Array(count * width);
      words.forEach((word, i) => {
        let norm = 0;
        for (let j = 0; j < width; j += 1) norm += (values[i * width + j] as number) ** 2;
        const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
        for (let j = 0; j < width; j += 1) {
          all[i * width + j] = (values[i * width + j] as number) * scale;
        }
        rows.set(word, all.subarray(i * width, (i + 1) * width));
        this.ranks.set(word, i);
      });
      this.width = width;
    } catch {
      // A missing or damaged table only costs the evidence: no word has a vector.
      rows.clear();
      this.ranks.clear();
    }
    this.rows = rows;
    return rows;
  }
}

/** The shared table: read on first use and kept for the process. */
export const defaultWordVectors: WordVectors = new VectorTable();
