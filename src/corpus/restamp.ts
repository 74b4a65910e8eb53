/**
 * Giving a served saved index the stamps it lacked. A file changed within `RACY_MARGIN_MS` of
 * its build's listing is saved without a stamp (`savedFilesOf`), so every open reads and hashes
 * it. Once an open has hashed such a file (its digest the saved one, since the fingerprint
 * matched) and its change time lies outside the margin of that open's own listing, the stamp
 * taken as it was read vouches for its bytes by the same rule as a build's: the saved index is
 * written again with those stamps, after the corpus is handed back, so that the next open trusts
 * them. Only the stamps section (tag 5) changes: the file is copied with it patched and the
 * signature worked out again, a piece at a time (`FILE_READ`), then renamed over the one read,
 * if that one is still there.
 */
import { fstatSync } from "node:fs";
import { lstat, open, rename, rm, type FileHandle } from "node:fs/promises";
import { signatureOfPieces } from "./container-signature.ts";
import { FILE_READ, type FileSource } from "./detached.ts";
import type { FileRead } from "./file-read.ts";
import { STAMP_FIELDS, type SavedFile } from "./index-codec.ts";
import { sameStamp, type FileStamp } from "./listing.ts";
import { vouchesFor } from "./store.ts";

/** A served saved index as read: what writing it again with new stamps needs. */
export interface RestampTarget {
  /** Its path in the cache folder. */
  readonly file: string;
  /** The open file it was read from (its detached part is copied from there). */
  readonly source: FileSource;
  /** Its header and signed payload, as checked against the signature. */
  readonly signed: Uint8Array;
  /** The stamps section (tag 5), a view into `signed`: five fields a file, -1 when untrusted. */
  readonly stamps: BigInt64Array;
  /** The files' names, in the order of `stamps` (tag 3). */
  readonly names: readonly string[];
  /** The install's key, which signs it. */
  readonly key: Uint8Array;
}

/**
 * The stamps an open can now vouch for: of the files it read and hashed to check a saved index
 * that then matched (`fresh`), those whose stamp is not the saved one and whose change time is
 * outside the margin of `listedAt` (this open's listing, ms since the epoch; `vouchesFor`).
 */
export function newlyVouched(
  fresh: ReadonlyMap<string, FileRead>,
  saved: ReadonlyMap<string, SavedFile>,
  listedAt: number,
): Map<string, FileStamp> {
  const stamps = new Map<string, FileStamp>();
  for (const [name, read] of fresh) {
    const known = saved.get(name);
    if (!known || !vouchesFor(read.stamp, listedAt)) continue;
    if (known.stamp && sameStamp(known.stamp, read.stamp)) continue;
    stamps.set(name, read.stamp);
  }
  return stamps;
}

/**
 * Writes the saved index of `target` again with `stamps` (by file name) in its stamps section,
 * atomically (a temporary file renamed over it), owner-only. Nothing is replaced when the file
 * at `target.file` is no longer the one read (rebuilt, or removed as damaged, meanwhile).
 *
 * @returns True when the file was replaced.
 * @throws Error when writing fails (the temporary file is removed; the file read stays).
 */
export async function restampSavedIndex(
  target: RestampTarget,
  stamps: ReadonlyMap<string, FileStamp>,
): Promise<boolean> {
  const { file, source, signed, names } = target;
  const patched = new BigInt64Array(target.stamps);
  names.forEach((name, i) => {
    const stamp = stamps.get(name);
    if (!stamp) return;
    const { dev, ino, size, mtimeNs, ctimeNs } = stamp;
    patched.set([dev, ino, size, mtimeNs, ctimeNs], STAMP_FIELDS * i);
  });
  const stampsAt = target.stamps.byteOffset - signed.byteOffset;
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, "wx", 0o600);
  try {
    const signing = signatureOfPieces(target.key);
    const write = async (piece: Uint8Array, at: number) => {
      signing.update(piece, at);
      await writeAll(handle, piece, at);
    };
    // The signed part in three runs (before the stamps, the stamps, after), a piece at a time:
    // each await lets questions be answered meanwhile.
    const stampBytes = new Uint8Array(patched.buffer);
    const after = stampsAt + stampBytes.length;
    await writePieces(signed.subarray(0, stampsAt), 0, write);
    await writePieces(stampBytes, stampsAt, write);
    await writePieces(signed.subarray(after), after, write);
    // The signature covers the header but its own bytes 24–55: written last, over the old one.
    await writeAll(handle, signing.digest(), 24);
    const scratch = new Uint8Array(FILE_READ.pieceBytes);
    for (let at = signed.length; at < source.length; at += scratch.length) {
      const piece = scratch.subarray(0, Math.min(scratch.length, source.length - at));
      source.readInto(at, piece.length, piece);
      await writeAll(handle, piece, at);
    }
    await handle.close();
    if (!(await stillTheOneRead(file, source))) {
      await rm(temporary, { force: true });
      return false;
    }
    await rename(temporary, file);
    return true;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes all of `bytes` at `at` in the file (a write may take fewer bytes than it was given). */
async function writeAll(handle: FileHandle, bytes: Uint8Array, at: number): Promise<void> {
  for (let done = 0; done < bytes.length;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, at + done);
    done += bytesWritten;
  }
}

/** Writes `bytes` (at `at` in the file) a `FILE_READ.pieceBytes` piece at a time. */
async function writePieces(
  bytes: Uint8Array,
  at: number,
  write: (piece: Uint8Array, at: number) => Promise<void>,
): Promise<void> {
  for (let done = 0; done < bytes.length; done += FILE_READ.pieceBytes) {
    await write(bytes.subarray(done, done + FILE_READ.pieceBytes), at + done);
  }
}

/** True when the file at `file` is still the open `source` (any write or rename gives another stamp). */
async function stillTheOneRead(file: string, source: FileSource): Promise<boolean> {
  try {
    const now = await lstat(file, { bigint: true });
    const read = fstatSync(source.fd, { bigint: true });
    return (
      now.isFile() &&
      now.dev === read.dev &&
      now.ino === read.ino &&
      now.size === read.size &&
      now.mtimeNs === read.mtimeNs &&
      now.ctimeNs === read.ctimeNs
    );
  } catch {
    return false; // removed (damaged, or the cache emptied): nothing to give stamps to
  }
}

/**
 * Once the corpus is handed back (a later turn of the event loop), writes the served index of
 * `target` again with the stamps this open can vouch for ({@link newlyVouched}); nothing when
 * there are none. Settles with undefined, or why writing failed (the index still serves, and
 * the next open hashes those files again); never rejects.
 */
export function restampLater(
  target: RestampTarget,
  saved: ReadonlyMap<string, SavedFile>,
  fresh: ReadonlyMap<string, FileRead>,
  listedAt: number,
): Promise<string | undefined> {
  const stamps = newlyVouched(fresh, saved, listedAt);
  if (stamps.size === 0) return Promise.resolve(undefined);
  return new Promise((resolve) => setImmediate(resolve))
    .then(() => restampSavedIndex(target, stamps))
    .then(
      () => undefined,
      (error: unknown) =>
        `writing the stamps of ${stamps.size} article file(s) into the saved index failed: ${error instanceof Error ? error.message : String(error)}`,
    );
}
