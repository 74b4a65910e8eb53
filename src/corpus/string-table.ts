import { isUtf8 } from "node:buffer";

/**
 * The saved index's string tables and the checks of its offset arrays (`container-reader.ts`
 * reads the container that holds them), and the errors that refuse a container.
 */

/** Why a container was refused: kept for the message that says the index is rebuilt. */
export class ContainerError extends Error {
  override readonly name: string = "ContainerError";
}

/** A container of another format version: written by another citebot, not damaged. */
export class StaleContainer extends ContainerError {
  override readonly name = "StaleContainer";
}

/** Strings stored as UTF-8 and offsets, decoded one at a time when asked for. */
export class StringTable {
  /** Fatal on bad UTF-8; keeps a leading U+FEFF as text (it would shift every offset). */
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  constructor(
    /** The strings' UTF-8, back to back. */
    readonly bytes: Uint8Array,
    /** Where each string starts in {@link bytes}, plus the end (checked). */
    readonly offsets: Int32Array,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  /** The i-th string; throws {@link ContainerError} outside the table. */
  get(i: number): string {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) {
      throw new ContainerError(`string ${i} outside a table of ${this.length}`);
    }
    return this.decoder.decode(
      this.bytes.subarray(this.offsets[i] as number, this.offsets[i + 1] as number),
    );
  }

  /** True when the bytes are valid UTF-8 (checked once, natively, before any is decoded). */
  isUtf8(): boolean {
    return isUtf8(this.bytes);
  }

  /**
   * Checks, without decoding any, that every string is whole UTF-8 (the bytes valid, no
   * string ending inside a character), as {@link all} finds while decoding: then {@link get}
   * decodes any string later without failing. For tables whose strings are read one at a time
   * when asked for.
   *
   * @returns this table.
   * @throws ContainerError naming the first string cut inside a character, or the bad bytes.
   */
  checked(): this {
    if (!this.isUtf8()) throw new ContainerError("strings that are not UTF-8");
    const { bytes, offsets } = this;
    for (let i = 1; i < offsets.length; i += 1) {
      const end = offsets[i] as number;
      if (end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) {
        throw new ContainerError(`string ${i - 1} ends inside a character`);
      }
    }
    return this;
  }

  /**
   * Every string, in order: the table decoded once and cut where each string's UTF-16
   * units end (counted from the UTF-8 lead bytes), far cheaper than one decode a string.
   */
  all(): string[] {
    const { bytes, offsets } = this;
    const count = this.length;
    const text = this.decoder.decode(bytes);
    const strings = new Array<string>(count);
    let byte = 0;
    let unit = 0;
    for (let i = 0; i < count; i += 1) {
      const end = offsets[i + 1] as number;
      if (end < bytes.length && ((bytes[end] as number) & 0xc0) === 0x80) {
        throw new ContainerError(`string ${i} ends inside a character`);
      }
      const start = unit;
      for (; byte < end; byte += 1) {
        const lead = bytes[byte] as number;
        // A lead byte starts a character; one of four bytes is two UTF-16 units.
        if ((lead & 0xc0) !== 0x80) unit += lead >= 0xf0 ? 2 : 1;
      }
      strings[i] = text.slice(start, unit);
    }
    return strings;
  }
}

/**
 * Checks that an offsets array (N + 1 entries) starts at 0, never decreases and ends at
 * `end`: then every `[offsets[i], offsets[i + 1])` lies inside the array it indexes.
 */
export function checkOffsets(offsets: Int32Array, end: number, what: string): void {
  if (offsets.length === 0 || offsets[0] !== 0 || offsets[offsets.length - 1] !== end) {
    throw new ContainerError(`${what}: offsets do not span 0..${end}`);
  }
  for (let i = 1; i < offsets.length; i += 1) {
    if ((offsets[i] as number) < (offsets[i - 1] as number)) {
      throw new ContainerError(`${what}: offsets decrease at ${i}`);
    }
  }
}

/** Checks that every value lies in [low, high). */
export function checkRange(values: Int32Array, low: number, high: number, what: string): void {
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    if (value < low || value >= high) {
      throw new ContainerError(`${what}: ${value} at ${i} outside ${low}..${high - 1}`);
    }
  }
}
