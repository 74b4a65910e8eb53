import { timingSafeEqual } from "node:crypto";
import { bytesSource, DetachedBytes, DIGEST_BYTES, type ContainerSource } from "./detached.ts";
import { ContainerError, StaleContainer, StringTable, checkOffsets } from "./string-table.ts";
import { readSigned, type SignedPart } from "./container-signature.ts";
import {
  DETACHED,
  HEADER_BYTES,
  MAGIC,
  MAX_SECTIONS,
  pad8,
  TYPE_SIZES,
  type SectionType,
} from "./container-layout.ts";

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

  /** The header and signed payload, as checked against the signature (sections are views into it). */
  get signedPart(): Uint8Array {
    return this.data;
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
