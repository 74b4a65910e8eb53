/**
 * The one log line for an index that was built but could not be saved (a full disk, a cache
 * folder gone or taken by something else): the bot answers from what it built, and the next
 * start builds it again, which an admin should know about. Also for a served index that could
 * not be written again with its files' stamps (`restamp.ts`): the next start hashes them again.
 */

import type { Logger } from "pino";
import type { Corpus } from "./open.ts";

/** The log message for a failed save. */
export const SAVE_FAILED =
  "could not save the index: the next start rebuilds it or hashes its articles again";

/**
 * Logs one warning once `corpus`'s saving failed, with the reason; nothing when it was saved
 * or came from the saved index. Settles after logging (callers need not wait for it).
 */
export async function reportSaveFailure(
  corpus: Pick<Corpus, "saved">,
  logger: Logger,
): Promise<void> {
  const failure = await corpus.saved;
  if (failure) logger.warn({ reason: failure }, SAVE_FAILED);
}
