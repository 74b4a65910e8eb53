import { timingSafeEqual } from "node:crypto";
import {
  bytesSource,
  chunkDigests,
  DetachedBytes,
  DIGEST_BYTES,
  type ContainerSource,
} from "./detached.ts";
import { ContainerError, StaleContainer, StringTable, checkOffsets } from "./string-table.ts";
import { containerSignature, readSigned, type SignedPart } from "./container-signature.ts";

export { containerSignature, signatureOfPieces, type SignedPart } from "./container-signature.ts";

export {
  checkOffsets,
  checkRange,
  ContainerError,
  StaleContainer,
  StringTable,
} from "./string-table.ts";

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
 * |     16 |    8 | signed payload length S in bytes (f64, an integer)               |
 * |     24 |   32 | HMAC-SHA256, under the install's secret key, of bytes 0–23,      |
 * |        |      | bytes 56–63 and the signed payload (bytes 64 to 64 + S)          |
 * |     56 |    8 | detached length D in bytes (f64, an integer); the file is        |
 * |        |      | 64 + S + D bytes                                                 |
 * |     64 | 16·N | section table: per section tag, type, element count, zero (u32)  |
 * |      … |    … | the signed sections' elements, in table order, each padded to 8  |
 * |      … |    … | the detached sections' bytes, in table order, each padded to 8   |
 *
 * Types: 1 = u8, 2 = i32, 3 = f64, 4 = i64, all in the signed payload; 5 = detached u8, bytes
 * outside the signed payload whose chunks are checked one at a time when first read, against
 * SHA-256 digests stored in a signed section ({@link DetachedBytes}): opening an index reads
 * and checks only the signed payload. Text is stored as a u8 section of UTF-8 with an i32
 * section of N + 1 offsets into it ({@link StringTable}).
 */
export const MAGIC = Buffer.from("CITEBOT\0", "latin1");

/** Fixed header size in bytes. */
export const HEADER_BYTES = 64;

/** A container holds at most this many sections: the section table is read before anything else. */
export const MAX_SECTIONS = 256;

const TYPE_SIZES = { 1: 1, 2: 4, 3: 8, 4: 8, 5: 1 } as const;
type SectionType = keyof typeof TYPE_SIZES;

/** The type of a detached section. */
const DETACHED = 5;

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
    return this.stringTable(tag, encodeStrings(values));
  }

  /**
   * Bytes kept out of the signed payload (type 5), in chunks (chunk i ends at `ends[i]`):
   * the ends are written under `endsTag` and each chunk's SHA-256 under `digestsTag`, both
   * signed. `digests` when already known (copied from another container).
   */
  detached(
    tag: number,
    bytes: Uint8Array,
    ends: Int32Array,
    tags: { readonly ends: number; readonly digests: number },
    digests: Uint8Array = chunkDigests(bytes, ends),
  ): this {
    return this.add(tag, DETACHED, bytes, bytes.length)
      .int32(tags.ends, ends)
      .uint8(tags.digests, digests);
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
    return this.write(key, true);
  }

  /**
   * The same container as {@link finish} in parts, its detached sections not copied: the
   * header, section table and signed sections (signed, as in the whole file), then each
   * detached section's own bytes, in order (each taking its length padded to 8 in the file).
   * Read with `partsSource`: copying a large section into a new buffer costs its size in
   * memory written for the first time, which is slow on a virtual machine.
   */
  finishParts(key: Uint8Array): { readonly signed: Buffer; readonly detached: Uint8Array[] } {
    return {
      signed: this.write(key, false),
      detached: this.sections.filter((s) => s.type === DETACHED).map((s) => s.bytes),
    };
  }

  private write(key: Uint8Array, withDetached: boolean): Buffer {
    const tableBytes = pad8(this.sections.length * 16);
    const length = (type: number) =>
      this.sections
        .filter((s) => (s.type === DETACHED) === (type === DETACHED))
        .reduce((sum, s) => sum + pad8(s.bytes.length), 0);
    const signedLength = tableBytes + length(1);
    const detachedLength = length(DETACHED);
    const file = Buffer.alloc(HEADER_BYTES + signedLength + (withDetached ? detachedLength : 0));
    MAGIC.copy(file, 0);
    file.writeUInt32LE(this.version, 8);
    file.writeUInt32LE(this.sections.length, 12);
    file.writeDoubleLE(signedLength, 16);
    file.writeDoubleLE(detachedLength, 56);
    let at = HEADER_BYTES + tableBytes;
    let detachedAt = HEADER_BYTES + signedLength;
    this.sections.forEach((section, i) => {
      const row = HEADER_BYTES + i * 16;
      file.writeUInt32LE(section.tag, row);
      file.writeUInt32LE(section.type, row + 4);
      file.writeUInt32LE(section.count, row + 8);
      if (section.type === DETACHED) {
        if (withDetached) file.set(section.bytes, detachedAt);
        detachedAt += pad8(section.bytes.length);
      } else {
        file.set(section.bytes, at);
        at += pad8(section.bytes.length);
      }
    });
    return signContainer(file, key);
  }
}

/**
 * Strings as a {@link StringTable} holds them: UTF-8 back to back and N + 1 offsets. Lengths
 * first, then every string written in place: no array per string (a saved archive holds a
 * million paragraphs). A lone surrogate is written as U+FFFD, as TextEncoder writes it, and
 * counted as its three bytes.
 */
export function encodeStrings(values: readonly string[]): {
  readonly bytes: Uint8Array;
  readonly offsets: Int32Array;
} {
  const offsets = new Int32Array(values.length + 1);
  values.forEach(
    (value, i) => (offsets[i + 1] = (offsets[i] as number) + Buffer.byteLength(value, "utf8")),
  );
  const bytes = Buffer.alloc(offsets[values.length] as number);
  values.forEach((value, i) => {
    const at = offsets[i] as number;
    if (bytes.write(value, at, "utf8") !== (offsets[i + 1] as number) - at) {
      throw new Error(`string ${i} did not encode to its length`);
    }
  });
  return { bytes, offsets };
}

/** Writes a container's HMAC into its header (after the writer filled it); returns the file. */
export function signContainer(file: Buffer, key: Uint8Array): Buffer {
  containerSignature(key, file.subarray(0, HEADER_BYTES + file.readDoubleLE(16))).copy(file, 24);
  return file;
}

interface SectionEntry {
  readonly type: SectionType;
  readonly count: number;
  readonly offset: number;
}

/**
 * Reads a container after checking its magic, version, lengths, HMAC and section table. Only
 * the header and the signed payload are read; detached sections are read chunk by chunk when
 * asked for ({@link detached}).
 */
export class ContainerReader {
  private readonly entries = new Map<number, SectionEntry>();
  private readonly data: Uint8Array;
  private readonly source: ContainerSource;

  /**
   * @param file - the container's bytes, or where to read them (a file read where asked).
   * @param signed - the header and signed payload of `file` already read, with their HMAC
   *   (see {@link SignedPart}); else they are read from `file` and hashed here.
   * @throws ContainerError when the file is not a whole, untampered container of this
   *   version written with this key.
   */
  constructor(
    file: Uint8Array | ContainerSource,
    version: number,
    key: Uint8Array,
    signed?: SignedPart,
  ) {
    this.source = file instanceof Uint8Array ? bytesSource(file) : file;
    const total = this.source.length;
    if (total < HEADER_BYTES || (signed && signed.bytes.length < HEADER_BYTES)) {
      throw new ContainerError("shorter than the header");
    }
    const header = Buffer.from(
      signed ? signed.bytes.subarray(0, HEADER_BYTES) : this.source.read(0, HEADER_BYTES),
    );
    if (!header.subarray(0, 8).equals(MAGIC)) throw new ContainerError("not a citebot index");
    const found = header.readUInt32LE(8);
    if (found !== version) throw new StaleContainer(`format ${found}, expected ${version}`);
    const sections = header.readUInt32LE(12);
    const signedLength = header.readDoubleLE(16);
    const detachedLength = header.readDoubleLE(56);
    if (
      !Number.isSafeInteger(signedLength) ||
      !Number.isSafeInteger(detachedLength) ||
      signedLength < 0 ||
      detachedLength < 0 ||
      HEADER_BYTES + signedLength + detachedLength !== total ||
      (signed && signed.bytes.length !== HEADER_BYTES + signedLength)
    ) {
      throw new ContainerError(
        `length ${signedLength} + ${detachedLength} does not match the file`,
      );
    }
    if (sections > MAX_SECTIONS) throw new ContainerError(`${sections} sections`);
    const read = signed ?? readSigned(this.source, HEADER_BYTES + signedLength, key);
    // Typed views need aligned offsets: copy a buffer that does not start on 8 bytes.
    this.data = read.bytes.byteOffset % 8 === 0 ? read.bytes : new Uint8Array(read.bytes);
    const mac = read.mac;
    if (mac.length !== 32 || !timingSafeEqual(mac, header.subarray(24, 56))) {
      throw new ContainerError("signature does not match (written elsewhere or altered)");
    }
    const view = new DataView(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    let at = HEADER_BYTES + pad8(sections * 16);
    let detachedAt = this.data.length;
    for (let i = 0; i < sections; i += 1) {
      const row = HEADER_BYTES + i * 16;
      const tag = view.getUint32(row, true);
      const type = view.getUint32(row + 4, true);
      const count = view.getUint32(row + 8, true);
      if (type !== 1 && type !== 2 && type !== 3 && type !== 4 && type !== DETACHED)
        throw new ContainerError(`section type ${type}`);
      const bytes = count * TYPE_SIZES[type];
      const offset = type === DETACHED ? detachedAt : at;
      const end = type === DETACHED ? total : this.data.length;
      if (offset + bytes > end) throw new ContainerError(`section ${tag} overruns`);
      if (this.entries.has(tag)) throw new ContainerError(`section ${tag} twice`);
      this.entries.set(tag, { type, count, offset });
      if (type === DETACHED) detachedAt += pad8(bytes);
      else at += pad8(bytes);
    }
    if (at !== this.data.length || detachedAt !== total) {
      throw new ContainerError("sections do not fill the file");
    }
  }

  /**
   * A detached section (written by {@link ContainerWriter.detached}): its chunk ends and
   * digests checked now, each chunk's bytes when read.
   */
  detached(tag: number, tags: { readonly ends: number; readonly digests: number }): DetachedBytes {
    const { offset, count } = this.entry(tag, DETACHED);
    const ends = this.int32(tags.ends);
    const digests = this.uint8(tags.digests, DIGEST_BYTES * ends.length);
    let previous = 0;
    for (let i = 0; i < ends.length; i += 1) {
      const end = ends[i] as number;
      if (end < previous)
        throw new ContainerError(`section ${tag}: chunk ${i} ends before it starts`);
      previous = end;
    }
    if (previous !== count) throw new ContainerError(`section ${tag}: chunks do not span it`);
    return new DetachedBytes(this.source, offset, count, ends, digests);
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
