import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContainerReader, ContainerWriter, signContainer } from "../../src/corpus/binary.ts";

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

  it("GIVEN a signed table whose offset falls inside a character THEN all() refuses it", () => {
    const file = new ContainerWriter(1).strings(1, ["é", "a"]).finish(key);
    // The offsets section (tag 2) follows the bytes (tag 1, padded to 8): [0, 2, 3] → [0, 1, 3].
    const offsets = file.indexOf(Buffer.from([0, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0]));
    expect(offsets).toBeGreaterThan(0);
    file.writeInt32LE(1, offsets + 4);
    const table = new ContainerReader(signContainer(file, key), 1, key).strings(1, 2);
    expect(() => table.all()).toThrow(/inside a character/u);
  });
});
