import { chunkDigests } from "./detached.ts";
import { containerSignature } from "./container-signature.ts";
import {
  DETACHED,
  HEADER_BYTES,
  MAGIC,
  MAX_SECTIONS,
  pad8,
  type SectionType,
} from "./container-layout.ts";

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
