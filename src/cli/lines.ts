import type { Readable } from "node:stream";

/** One line of input; a line longer than the cap is cut, with its real length kept. */
export interface InputLine {
  readonly text: string;
  /** The line's length in UTF-8 bytes (what it would have been, when cut). */
  readonly bytes: number;
  readonly cut: boolean;
}

/**
 * The lines of a stream, like readline but bounded: a line over `maxBytes` is
 * cut there and the rest of it skipped, so a single huge line (hundreds of MB
 * without a newline) neither fills memory nor overruns the longest string V8
 * can make. Splits on "\n" and drops a "\r" before it.
 */
export async function* boundedLines(input: Readable, maxBytes: number): AsyncGenerator<InputLine> {
  let kept: Buffer[] = [];
  let keptBytes = 0;
  let bytes = 0;
  const finish = (): InputLine => {
    let line = Buffer.concat(kept, keptBytes);
    if (line.at(-1) === 0x0d && bytes <= maxBytes) line = line.subarray(0, -1);
    const done = { text: line.toString("utf8"), bytes, cut: bytes > maxBytes };
    kept = [];
    keptBytes = 0;
    bytes = 0;
    return done;
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    let data = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (;;) {
      const newline = data.indexOf(0x0a);
      const piece = newline < 0 ? data : data.subarray(0, newline);
      bytes += piece.length;
      const room = maxBytes - keptBytes;
      if (room > 0) {
        const taken = piece.subarray(0, room);
        kept.push(taken);
        keptBytes += taken.length;
      }
      if (newline < 0) break;
      yield finish();
      data = data.subarray(newline + 1);
    }
  }
  if (bytes > 0 || keptBytes > 0) yield finish();
}
