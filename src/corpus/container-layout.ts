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
 * SHA-256 digests stored in a signed section (`DetachedBytes`, `detached.ts`): opening an index reads
 * and checks only the signed payload. Text is stored as a u8 section of UTF-8 with an i32
 * section of N + 1 offsets into it (`StringTable`, `string-table.ts`).
 */
export const MAGIC = Buffer.from("CITEBOT\0", "latin1");

/** Fixed header size in bytes. */
export const HEADER_BYTES = 64;

/** A container holds at most this many sections: the section table is read before anything else. */
export const MAX_SECTIONS = 256;

/** Bytes an element of each section type takes. */
export const TYPE_SIZES = { 1: 1, 2: 4, 3: 8, 4: 8, 5: 1 } as const;
/** A section's type code (see the layout above). */
export type SectionType = keyof typeof TYPE_SIZES;

/** The type of a detached section. */
export const DETACHED = 5;

/** `n` rounded up to a multiple of 8: every section starts on 8 bytes. */
export const pad8 = (n: number) => (n + 7) & ~7;
