import { createHmac } from "node:crypto";
import type { ContainerSource } from "./detached.ts";

/**
 * A container's signature (`container-layout.ts`): an HMAC-SHA256 under the install's key of the
 * header's bytes 0–23 and 56–63 and of the signed payload that follows the header, carried at
 * bytes 24–55; worked out over bytes in memory or piece by piece as they are read.
 */

/** Where a container's signature sits in its header: bytes 24 to 55. */
const SIGNATURE_AT = 24;
const SIGNATURE_END = 56;

/**
 * HMAC of the header's bytes 0–23 and 56–63 and of the signed payload (the rest of `signed`,
 * which starts with the header): the signature a container carries at bytes 24–55.
 */
export function containerSignature(key: Uint8Array, signed: Uint8Array): Buffer {
  const signing = signatureOfPieces(key);
  signing.update(signed, 0);
  return signing.digest();
}

/**
 * {@link containerSignature} of a container's header and signed payload shown piece by piece,
 * in order (`at`: the piece's offset in the file), as they are read.
 */
export function signatureOfPieces(key: Uint8Array): {
  update(piece: Uint8Array, at: number): void;
  digest(): Buffer;
} {
  const hmac = createHmac("sha256", key);
  // The signed ranges: the header but its signature, then all from its end on.
  const ranges = [
    [0, SIGNATURE_AT],
    [SIGNATURE_END, Number.POSITIVE_INFINITY],
  ] as const;
  return {
    update(piece, at) {
      for (const [from, to] of ranges) {
        const start = Math.max(from, at);
        const end = Math.min(to, at + piece.length);
        if (start < end) hmac.update(piece.subarray(start - at, end - at));
      }
    },
    digest: () => hmac.digest(),
  };
}

/**
 * A container's header and signed payload already read (bytes 0 to 64 + S), with the
 * {@link containerSignature} worked out over exactly these bytes by whoever read them (a worker
 * thread, `signed-read.ts`): the reader compares it with the signature the bytes carry.
 */
export interface SignedPart {
  readonly bytes: Uint8Array;
  readonly mac: Uint8Array;
}

/** The first `length` bytes of a source and their {@link containerSignature}, hashed as read when the source can. */
export function readSigned(source: ContainerSource, length: number, key: Uint8Array): SignedPart {
  if (!source.readSeen) {
    const bytes = source.read(0, length);
    return { bytes, mac: containerSignature(key, bytes) };
  }
  const signing = signatureOfPieces(key);
  // Read from 0: readSeen's offsets are from its start, which are then the file's.
  const bytes = source.readSeen(0, length, (piece, at) => signing.update(piece, at));
  return { bytes, mac: signing.digest() };
}
