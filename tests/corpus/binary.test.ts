import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ContainerReader,
  ContainerWriter,
  HEADER_BYTES,
  signContainer,
} from "../../src/corpus/binary.ts";
import { DetachedError, partsSource } from "../../src/corpus/detached.ts";

const key = randomBytes(32);

describe("the saved index's string tables", () => {
  it("GIVEN strings of one-, two-, three- and four-byte characters, an empty one and a leading U+FEFF THEN all() gives each back exactly, as get() does", () => {
    const strings = [
      "\ufeffbom first",
      "plain",
      "",
      "café",
      "€ and ’quotes’",
      "emoji 🚗 car",
      "中文",
      "x",
    ];
    const reader = new ContainerReader(
      new ContainerWriter(1).strings(1, strings).finish(key),
      1,
      key,
    );
    const table = reader.strings(1, strings.length);
    expect(table.all()).toEqual(strings);
    expect(strings.map((_, i) => table.get(i))).toEqual(strings);
  });

  it("GIVEN any strings, lone surrogates included WHEN written THEN each is stored as TextEncoder encodes it", () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 12 }), { maxLength: 20 }),
        (strings) => {
          const reader = new ContainerReader(
            new ContainerWriter(1).strings(1, strings).finish(key),
            1,
            key,
          );
          const table = reader.strings(1, strings.length);
          strings.forEach((value, i) => {
            const stored = table.bytes.subarray(table.offsets[i], table.offsets[i + 1]);
            expect(Buffer.from(stored)).toEqual(Buffer.from(encoder.encode(value)));
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("GIVEN a signed table whose offset falls inside a character THEN all() and checked() refuse it", () => {
    const file = new ContainerWriter(1).strings(1, ["é", "a"]).finish(key);
    // The offsets section (tag 2) follows the bytes (tag 1, padded to 8): [0, 2, 3] → [0, 1, 3].
    const offsets = file.indexOf(Buffer.from([0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0]));
    expect(offsets).toBeGreaterThan(0);
    file.writeInt32LE(1, offsets + 4);
    const table = new ContainerReader(signContainer(file, key), 1, key).strings(1, 2);
    expect(() => table.all()).toThrow(/inside a character/u);
    expect(() => table.checked()).toThrow(/inside a character/u);
  });

  it("GIVEN a signed table of bytes that are not UTF-8 THEN checked() refuses it, and a whole table passes and reads back by get()", () => {
    const strings = ["café", "中文", "emoji 🚗"];
    const whole = new ContainerReader(
      new ContainerWriter(1).strings(1, strings).finish(key),
      1,
      key,
    ).strings(1, strings.length);
    expect(strings.map((_, i) => whole.checked().get(i))).toEqual(strings);
    const file = new ContainerWriter(1).strings(1, ["ab", "cd"]).finish(key);
    const at = file.indexOf(Buffer.from("abcd"));
    file[at + 1] = 0xff;
    const bad = new ContainerReader(signContainer(file, key), 1, key).strings(1, 2);
    expect(() => bad.checked()).toThrow(/not UTF-8/u);
  });
});

describe("the saved index's detached sections", () => {
  const text = Buffer.from("first chunk|second|third chunk, the last");
  const ends = Int32Array.of(12, 19, text.length);
  const tags = { ends: 2, digests: 3 };
  const written = () =>
    new ContainerWriter(1).int32(1, Int32Array.of(7)).detached(4, text, ends, tags).finish(key);

  /** A source over a buffer that records every read. */
  function recorded(file: Uint8Array) {
    const reads: [number, number][] = [];
    const source = {
      length: file.length,
      read: (start: number, length: number) => {
        reads.push([start, length]);
        return file.subarray(start, start + length);
      },
    };
    return { source, reads };
  }

  it("GIVEN a container with a detached section WHEN it is opened THEN only the header and the signed part are read, and each chunk is read and checked when asked for", () => {
    const file = written();
    const { source, reads } = recorded(file);
    const reader = new ContainerReader(source, 1, key);
    const signedEnd = HEADER_BYTES + file.readDoubleLE(16);
    expect(reads.every(([start, length]) => start + length <= signedEnd)).toBe(true);
    expect(file.length).toBe(signedEnd + 40); // the text (40 bytes), padded to 8
    const detached = reader.detached(4, tags);
    expect(reader.int32(1)).toEqual(Int32Array.of(7));
    expect(Buffer.from(detached.chunk(1)).toString()).toBe("second|");
    expect(reads.at(-1)).toEqual([signedEnd + 12, 7]);
    expect([0, 1, 2].map((i) => Buffer.from(detached.chunk(i)).toString()).join("")).toBe(
      text.toString(),
    );
  });

  it("GIVEN a detached chunk altered after writing THEN opening succeeds, that chunk is refused when read, and the others still read", () => {
    const file = written();
    file.write("X", file.indexOf("second"), "latin1");
    const detached = new ContainerReader(file, 1, key).detached(4, tags);
    expect(() => detached.chunk(1)).toThrow(DetachedError);
    expect(() => detached.chunk(1)).toThrow(/chunk 1 does not match its digest/u);
    expect(Buffer.from(detached.chunk(2)).toString()).toBe("third chunk, the last");
    expect(() => detached.chunk(3)).toThrow(/outside/u);
  });

  it("GIVEN headers whose lengths do not add up to the file, or chunk ends that do not span the section THEN the container is refused at open", () => {
    const longer = written();
    longer.writeDoubleLE(longer.readDoubleLE(56) + 8, 56);
    expect(() => new ContainerReader(signContainer(longer, key), 1, key)).toThrow(
      /does not match the file/u,
    );
    const truncated = written().subarray(0, -8);
    expect(() => new ContainerReader(truncated, 1, key)).toThrow(/does not match the file/u);
    const short = new ContainerWriter(1)
      .detached(4, text, Int32Array.of(12, 19, text.length - 1), tags)
      .finish(key);
    expect(() => new ContainerReader(short, 1, key).detached(4, tags)).toThrow(/do not span/u);
    // The detached length is signed: changing it without the key is refused.
    const unsigned = written();
    unsigned.writeDoubleLE(0, 56);
    expect(() => new ContainerReader(unsigned.subarray(0, -40), 1, key)).toThrow(/signature/u);
  });

  it("GIVEN two detached sections of odd lengths WHEN written in parts THEN the parts read as the whole file reads, byte for byte, signature included", () => {
    const other = Buffer.from("a section of 29 bytes, odd...");
    const writer = () =>
      new ContainerWriter(1)
        .int32(1, Int32Array.of(7))
        .detached(4, text, ends, tags)
        .detached(6, other, Int32Array.of(other.length), { ends: 7, digests: 8 });
    const whole = writer().finish(key);
    const { signed, detached } = writer().finishParts(key);
    const source = partsSource(signed, detached);
    expect(source.length).toBe(whole.length);
    expect(Buffer.from(source.read(0, whole.length))).toEqual(whole);
    for (const [start, length] of [
      [0, HEADER_BYTES],
      [signed.length + 3, 30],
      [signed.length + 40, 29],
      [signed.length - 4, 10],
    ] as const) {
      expect(Buffer.from(source.read(start, length))).toEqual(
        whole.subarray(start, start + length),
      );
    }
    const reader = new ContainerReader(source, 1, key);
    expect(Buffer.from(reader.detached(6, { ends: 7, digests: 8 }).chunk(0))).toEqual(other);
  });
});
