import { isUtf8 } from "node:buffer";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A checked binary container of typed arrays: the saved index's on-disk layout. Plain
 * data only: reading it runs no code and builds no object graph that the file could shape
 * (no JSON, no v8.deserialize), and nothing is allocated from a size field before it is
 * checked against the file's real length.
 *
 * Layout (little-endian; every section starts at a multiple of 8 bytes):
 *
 * | offset | size | field                                                            |
 * | -----: | ---: | ---------------------------------------------------------------- |
 * |      0 |    8 | magic `CITEBOT` and a zero byte                                  |
 * |      8 |    4 | format version (u32)                                             |
 * |     12 |    4 | section count N (u32, at most {@link MAX_SECTIONS})              |
 * |     16 |    8 | payload length in bytes (f64, an integer)                        |
 * |     24 |   32 | HMAC-SHA256, under the install's secret key, of bytes 0–23 and   |
 * |        |      | of the whole payload                                             |
 * |     56 |    8 | zero                                                             |
 * |     64 | 16·N | section table: per section tag, type, element count, zero (u32)  |
 * |      … |    … | the sections' elements, in table order, each padded to 8 bytes   |
 *
 * Types: 1 = u8, 2 = i32, 3 = f64, 4 = i64. Text is stored as a u8 section of UTF-8 with an i32
 * section of N + 1 offsets into it ({@link StringTable}).
 */
export const MAGIC = Buffer.from("CITEBOT\0", "latin1");

/** Fixed header size in bytes. */
export const HEADER_BYTES = 64;

/** A container holds at most this many sections: the section table is read before anything else. */
export const MAX_SECTIONS = 256;

const TYPE_SIZES = { 1: 1, 2: 4, 3: 8, 4: 8 } as const;
type SectionType = keyof typeof TYPE_SIZES;

/** Why a container was refused: kept for the message that says the index is rebuilt. */
export class ContainerError extends Error {
  override readonly name: string = "ContainerError";
}

/** A container of another format version: written by another citebot, not damaged. */
export class StaleContainer extends ContainerError {
  override readonly name = "StaleContainer";
}

const pad8 = (n: number) => (n + 7) & ~7;

interface PendingSection {
  readonly tag: number;
  readonly type: SectionType;
  readonly bytes: Uint8Array;
  readonly count: number;
}

/** Collects sections, then writes the container, signed with the install's key. */
export class ContainerWriter {
  private readonly sections: PendingSection[] = [];

  /** @param version - the format version written in the header and required when reading. */
  constructor(private readonly version: number) {}

  uint8(tag: number, values: Uint8Array): this {
    return this.add(tag, 1, values, values.length);
  }

  int32(tag: number, values: Int32Array): this {
    return this.add(tag, 2, values, values.length);
  }

  float64(tag: number, values: Float64Array): this {
    return this.add(tag, 3, values, values.length);
  }

  int64(tag: number, values: BigInt64Array): this {
    return this.add(tag, 4, values, values.length);
  }

  /** A list of strings: UTF-8 under `tag`, offsets (count + 1) under `tag + 1`. */
  strings(tag: number, values: readonly string[]): this {
    // Lengths first, then every string written in place: no array per string (a saved
    // archive holds a million paragraphs). A lone surrogate is written as U+FFFD, as
    // TextEncoder writes it, and counted as its three bytes.
    const offsets = new Int32Array(values.length + 1);
    values.forEach(
      (value, i) => (offsets[i + 1] = (offsets[i] as number) + Buffer.byteLength(value, "utf8")),
    );
    const bytes = Buffer.alloc(offsets[values.length] as number);
    values.forEach((value, i) => {
      const at = offsets[i] as number;
      if (bytes.write(value, at, "utf8") !== (offsets[i + 1] as number) - at) {
        throw new Error(`string ${i} of section ${tag} did not encode to its length`);
      }
    });
    return this.uint8(tag, bytes).int32(tag + 1, offsets);
  }

  /** Strings already encoded as a {@link StringTable} holds them (UTF-8 and offsets): as {@link strings} writes them. */
  stringTable(
    tag: number,
    table: { readonly bytes: Uint8Array; readonly offsets: Int32Array },
  ): this {
    return this.uint8(tag, table.bytes).int32(tag + 1, table.offsets);
  }

  private add(tag: number, type: SectionType, view: ArrayBufferView, count: number): this {
    if (this.sections.length >= MAX_SECTIONS) throw new RangeError("too many sections");
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    this.sections.push({ tag, type, bytes, count });
    return this;
  }

  /** The whole file: header, section table and sections, with its HMAC. */
  finish(key: Uint8Array): Buffer {
    const tableBytes = pad8(this.sections.length * 16);
    const payloadLength =
      tableBytes + this.sections.reduce((sum, s) => sum + pad8(s.bytes.length), 0);
    const file = Buffer.alloc(HEADER_BYTES + payloadLength);
    MAGIC.copy(file, 0);
    file.writeUInt32LE(this.version, 8);
    file.writeUInt32LE(this.sections.length, 12);
    file.writeDoubleLE(payloadLength, 16);
    let at = HEADER_BYTES + tableBytes;
    this.sections.forEach((section, i) => {
      const row = HEADER_BYTES + i * 16;
      file.writeUInt32LE(section.tag, row);
      file.writeUInt32LE(section.type, row + 4);
      file.writeUInt32LE(section.count, row + 8);
      file.set(section.bytes, at);
      at += pad8(section.bytes.length);
    });
    return signContainer(file, key);
  }
}

/** Writes a container's HMAC into its header (after the writer filled it); returns the file. */
export function signContainer(file: Buffer, key: Uint8Array): Buffer {
  signature(key, file).copy(file, 24);
  return file;
}

/** HMAC of the header's first 24 bytes and of the payload (everything after the header). */
function signature(key: Uint8Array, file: Uint8Array): Buffer {
  return createHmac("sha256", key)
    .update(file.subarray(0, 24))
    .update(file.subarray(HEADER_BYTES))
    .digest();
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

interface SectionEntry {
  readonly type: SectionType;
  readonly count: number;
  readonly offset: number;
}

/** Reads a container after checking its magic, version, length, HMAC and section table. */
export class ContainerReader {
  private readonly entries = new Map<number, SectionEntry>();
  private readonly data: Uint8Array;

  /**
   * @throws ContainerError when the file is not a whole, untampered container of this
   *   version written with this key.
   */
  constructor(file: Uint8Array, version: number, key: Uint8Array) {
    if (file.length < HEADER_BYTES) throw new ContainerError("shorter than the header");
    // Typed views need aligned offsets: copy a buffer that does not start on 8 bytes.
    this.data = file.byteOffset % 8 === 0 ? file : new Uint8Array(file);
    const header = Buffer.from(this.data.buffer, this.data.byteOffset, HEADER_BYTES);
    if (!header.subarray(0, 8).equals(MAGIC)) throw new ContainerError("not a citebot index");
    const found = header.readUInt32LE(8);
    if (found !== version) throw new StaleContainer(`format ${found}, expected ${version}`);
    const sections = header.readUInt32LE(12);
    const payloadLength = header.readDoubleLE(16);
    if (payloadLength !== file.length - HEADER_BYTES) {
      throw new ContainerError(`length ${payloadLength} does not match the file`);
    }
    if (sections > MAX_SECTIONS) throw new ContainerError(`${sections} sections`);
    const expected = signature(key, this.data);
    if (!timingSafeEqual(expected, header.subarray(24, 56))) {
      throw new ContainerError("signature does not match (written elsewhere or altered)");
    }
    const view = new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    let at = HEADER_BYTES + pad8(sections * 16);
    for (let i = 0; i < sections; i += 1) {
      const row = HEADER_BYTES + i * 16;
      const tag = view.getUint32(row, true);
      const type = view.getUint32(row + 4, true);
      const count = view.getUint32(row + 8, true);
      if (type !== 1 && type !== 2 && type !== 3 && type !== 4)
        throw new ContainerError(`section type ${type}`);
      const bytes = count * TYPE_SIZES[type];
      if (at + bytes > this.data.length) throw new ContainerError(`section ${tag} overruns`);
      if (this.entries.has(tag)) throw new ContainerError(`section ${tag} twice`);
      this.entries.set(tag, { type, count, offset: at });
      at += pad8(bytes);
    }
    if (at !== this.data.length) throw new ContainerError("sections do not fill the file");
  }

  private entry(tag: number, type: SectionType, count?: number): SectionEntry {
    const entry = this.entries.get(tag);
    if (!entry || entry.type !== type) throw new ContainerError(`section ${tag} missing`);
    if (count !== undefined && entry.count !== count) {
      throw new ContainerError(`section ${tag} holds ${entry.count}, expected ${count}`);
    }
    return entry;
  }

  /** A u8 section (a view into the file, not a copy); `count` when its length is known. */
  uint8(tag: number, count?: number): Uint8Array {
    const { offset, count: n } = this.entry(tag, 1, count);
    return new Uint8Array(this.data.buffer, this.data.byteOffset + offset, n);
  }

  int32(tag: number, count?: number): Int32Array {
    const { offset, count: n } = this.entry(tag, 2, count);
    return new Int32Array(this.data.buffer, this.data.byteOffset + offset, n);
  }

  float64(tag: number, count?: number): Float64Array {
    const { offset, count: n } = this.entry(tag, 3, count);
    return new Float64Array(this.data.buffer, this.data.byteOffset + offset, n);
  }

  int64(tag: number, count?: number): BigInt64Array {
    const { offset, count: n } = this.entry(tag, 4, count);
    return new BigInt64Array(this.data.buffer, this.data.byteOffset + offset, n);
  }

  /** Strings written by {@link ContainerWriter.strings}, offsets checked. */
  strings(tag: number, count?: number): StringTable {
    const bytes = this.uint8(tag);
    const offsets = this.int32(tag + 1, count === undefined ? undefined : count + 1);
    checkOffsets(offsets, bytes.length, `strings ${tag}`);
    return new StringTable(bytes, offsets);
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
