/**
 * A JSON value as Discord sends or receives it. Loosely typed on purpose: the emulator and the tests
 * read payloads field by field, and a test that reads a missing field fails on its assertion.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** One REST request the emulator received, as recorded for the tests. */
export interface RecordedRequest {
  readonly method: string;
  /** Path after `/api/v10`, URL-decoded (`/webhooks/1/tok/messages/@original`). */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: Loose;
  readonly at: number;
  status: number;
}

/** A message the bot created through an interaction or in a channel. */
export interface SentMessage {
  readonly id: string;
  readonly at: number;
  readonly body: Loose;
}

/** What happened to one interaction: the callback and every edit and followup, with times. */
export interface InteractionOutcome {
  readonly id: string;
  readonly token: string;
  readonly payload: Loose;
  readonly shard: number;
  readonly dispatchedAt: number;
  callback?: { type: number; data: Loose; at: number; latencyMs: number };
  /** PATCHes of `@original`, in order. */
  readonly edits: SentMessage[];
  readonly followups: SentMessage[];
  /** Messages sent with `POST /channels/{id}/messages` while the interaction was pending. */
  readonly channelMessages: SentMessage[];
  deleted: boolean;
  /** The callback came after the deadline and was refused, as Discord refuses it. */
  late: boolean;
  /** When late: how long after the dispatch the refused callback came. */
  lateCallbackMs?: number;
  /** When late: the refused callback's type (5: a defer). */
  lateCallbackType?: number;
  /** Anything Discord would have refused: late or double callbacks, bodies over the limits. */
  readonly errors: string[];
  /** The message as users see it now: the callback's data with the edits applied. */
  original?: Loose;
}
