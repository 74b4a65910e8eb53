import type { Corpus } from "./open.ts";

/**
 * Warms a corpus's lazily built tables (`CitationIndex.warm`) on the next turn of the event
 * loop: once whoever opened it has said it is ready, before the first question, which would
 * otherwise pay for them. Does not keep the process alive (a one-shot command exits first).
 */
export function warmSoon(corpus: Corpus): void {
  setImmediate(() => corpus.index.warm()).unref();
}
