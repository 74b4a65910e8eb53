/**
 * Reading listed article files (`listing.ts`): each opened without following a link or
 * blocking, read up to its size limit, its stamp taken from the open file.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { ArticleError } from "../core/index.ts";
import { stampOf, type FileStamp, type ListedFile } from "./listing.ts";

/**
 * Opened without following a last link (the path is already resolved) and
 * without blocking: opening a FIFO for reading would otherwise wait for a writer.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;

/** One article file's bytes, read safely, and its stamp taken before reading. */
export interface FileRead {
  readonly bytes: Buffer;
  readonly stamp: FileStamp;
}

/**
 * Reads one listed file: at most `limit` bytes, opened without following a link and
 * without blocking. The stamp is taken from the open file before its bytes are read, so
 * that a write after it shows as a newer stamp next time.
 *
 * @returns the bytes, or why the file was left out (in an {@link ArticleError}).
 */
export function readListedFile(
  dir: string,
  file: ListedFile,
  limit: number,
): FileRead | ArticleError {
  let fd: number | undefined;
  try {
    fd = openSync(file.real, OPEN_FLAGS);
    const info = fstatSync(fd, { bigint: true });
    if (!info.isFile() || info.size > BigInt(limit)) return changed(dir, file);
    const chunks: Buffer[] = [];
    let total = 0;
    let buffer = Buffer.allocUnsafe(Number(info.size) + 1);
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return changed(dir, file);
      buffer = Buffer.allocUnsafe(Math.min(65_536, limit + 1 - total));
    }
    const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
    return { bytes, stamp: stampOf(info) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return new ArticleError(path.join(dir, file.name), `cannot be read (${code})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads listed files as {@link readListedFile} does, into one buffer, back to back: one
 * allocation for the folder rather than one a file (allocating 14,000 buffers took a tenth
 * of reading an archive). Each file's bytes are a view of that buffer; a file that grew since
 * it was listed is read into a buffer of its own.
 */
export function readListedFiles(
  dir: string,
  files: readonly ListedFile[],
  limit: number,
): (FileRead | ArticleError)[] {
  // Room for each file as listed and one byte more, which tells a file that grew. Never from
  // the shared pool: a build worker hands the whole buffer over to another thread.
  const buffer = Buffer.allocUnsafeSlow(
    files.reduce((sum, file) => sum + Number(file.stamp.size) + 1, 0),
  );
  let at = 0;
  return files.map((file) => {
    const read =
      readListedFileInto(dir, file, limit, buffer.subarray(at)) ?? readListedFile(dir, file, limit);
    if (!(read instanceof ArticleError) && read.bytes.buffer === buffer.buffer) {
      at += read.bytes.length;
    }
    return read;
  });
}

/**
 * One listed file read as {@link readListedFile} reads it, but into `room` (its bytes a view
 * of it); undefined when it does not fit there with a byte to spare (it grew since listed).
 */
export function readListedFileInto(
  dir: string,
  file: ListedFile,
  limit: number,
  room: Buffer,
): FileRead | ArticleError | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file.real, OPEN_FLAGS);
    const info = fstatSync(fd, { bigint: true });
    if (!info.isFile() || info.size > BigInt(limit)) return changed(dir, file);
    const size = Number(info.size);
    if (size + 1 > room.length) return undefined;
    let total = 0;
    for (;;) {
      const bytesRead = readSync(fd, room, total, size + 1 - total, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      // Longer than its stamp said: written to as it was read.
      if (total > size) return undefined;
    }
    return { bytes: room.subarray(0, total), stamp: stampOf(info) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return new ArticleError(path.join(dir, file.name), `cannot be read (${code})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function changed(dir: string, file: ListedFile): ArticleError {
  return new ArticleError(path.join(dir, file.name), "changed while it was read");
}
