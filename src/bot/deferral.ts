/**
 * When to acknowledge a command first ("citebot is thinking…") and send the answer as an
 * edit: Discord drops an interaction not acknowledged within 3 seconds. An answer takes a
 * few milliseconds of work, but under a burst interactions wait their turn on the bot's
 * one thread, and a reply waits behind the other replies: those are the moments to defer.
 */

import { performance } from "node:perf_hooks";

/** The tuning numbers of {@link Deferral}. */
export interface DeferralOptions {
  /**
   * An interaction that has already waited this long (since Discord created it, by its id's
   * timestamp) when its handler starts is deferred: the answer, queued behind others, could
   * reach Discord after the deadline. A third of the 3-second deadline leaves room for the
   * defer's own trip. Clocks that disagree by more than this only make citebot defer more
   * (or less, then the next rule still holds under load).
   */
  readonly maxWaitMs: number;
  /**
   * With this many interactions already being answered (handler started, reply not yet
   * sent), a new one is deferred: their replies queue in front of its own. 32 replies in
   * flight take about a second to send on a busy 2-core machine (`npm run bench:bot`).
   */
  readonly maxInFlight: number;
  /**
   * An answer still not ready this long after Discord created the interaction (it is waiting
   * on something: a server's articles being loaded, the disk) is deferred then: half the
   * deadline leaves the acknowledgement room to arrive in time on a busy machine.
   */
  readonly answerWithinMs: number;
  /**
   * The answer of a deferred interaction waits while other acknowledgements are on their way,
   * at most this long: under a burst the acknowledgements go first (one that comes after 3 s
   * loses its interaction; an answer may come up to 15 minutes later), so that working out
   * answers does not hold back the acknowledgements of interactions still arriving. Answers
   * whose wait ran out still go one per turn of the event loop, in order.
   */
  readonly acknowledgementsFirstMs: number;
}

/** The defaults. */
export const DEFERRAL: DeferralOptions = Object.freeze({
  maxWaitMs: 1_000,
  maxInFlight: 32,
  answerWithinMs: 1_500,
  acknowledgementsFirstMs: 10_000,
});

/** The longest delay a Node timer takes (a longer one fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Decides per interaction whether to defer, and counts the interactions being answered.
 * Commands that are slow by nature (`defer: true` in their module) are always deferred.
 */
export class Deferral {
  private inFlight = 0;
  /** Acknowledgements sent and not yet confirmed. */
  private acknowledging = 0;
  /** Deferred answers waiting for their turn, oldest first, with when they go regardless. */
  private waiting: { wake: () => void; until: number }[] = [];
  private releasing = false;
  /** Set while the oldest waiting answer is due later and acknowledgements are on their way. */
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: DeferralOptions = DEFERRAL,
    /** The clock, in ms since the epoch like Discord's snowflakes (tests pass their own). */
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Whether an interaction created at `createdAt` (ms since the epoch) should be
   * acknowledged before its answer is worked out.
   */
  shouldDefer(createdAt: number, slowCommand: boolean): boolean {
    return (
      slowCommand ||
      this.now() - createdAt >= this.options.maxWaitMs ||
      this.inFlight >= this.options.maxInFlight
    );
  }

  /**
   * How long to wait for an answer being worked out before deferring: what is left of
   * {@link DeferralOptions.answerWithinMs} for an interaction created at `createdAt`.
   */
  patienceMs(createdAt: number): number {
    const left = this.options.answerWithinMs - (this.now() - createdAt);
    return Math.max(0, Math.min(MAX_TIMER_MS, Number.isNaN(left) ? 0 : left));
  }

  /** Marks one interaction as being answered; call the returned function once it is. */
  begin(): () => void {
    this.inFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
    };
  }

  /** Sends an acknowledgement (a defer), counted while it is on its way. */
  async acknowledge(send: () => Promise<unknown>): Promise<void> {
    this.acknowledging += 1;
    try {
      await send();
    } finally {
      this.acknowledging -= 1;
      if (this.acknowledging === 0) this.release();
    }
  }

  /**
   * Lets the waiting answers go one per turn of the event loop: while no acknowledgement is on
   * its way, or once the oldest has waited {@link DeferralOptions.acknowledgementsFirstMs}.
   * Woken all at once, answers run back to back and nothing else is read meanwhile: 1,500
   * answers over 5,000 articles held the bot's thread for seconds after a burst, and for 15 s
   * when their waits ran out together during a `/reload` (each had its own timer, and Node runs
   * every due timer before it reads the network again).
   */
  private release(): void {
    if (this.releasing) return;
    this.releasing = true;
    const next = (): void => {
      const oldest = this.waiting[0];
      if (!oldest) {
        this.releasing = false;
        clearTimeout(this.timer);
        this.timer = undefined;
        return;
      }
      if (this.acknowledging > 0 && performance.now() < oldest.until) {
        this.releasing = false;
        this.wakeAt(oldest.until);
        return;
      }
      this.waiting.shift();
      oldest.wake();
      setImmediate(next);
    };
    next();
  }

  /** Runs {@link release} again at `until` (on the monotonic clock), once. */
  private wakeAt(until: number): void {
    if (this.timer) return; // set for an older answer, due no later: it re-arms for the next
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, until - performance.now()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
    }, delay);
  }

  /**
   * Resolves once no acknowledgement is on its way and the answers that waited before this one
   * went (one per turn of the event loop), or once it has waited
   * {@link DeferralOptions.acknowledgementsFirstMs}, still one per turn and in order.
   */
  acknowledgementsSent(): Promise<void> {
    if (this.acknowledging === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push({
        wake: resolve,
        until: performance.now() + this.options.acknowledgementsFirstMs,
      });
      this.release();
    });
  }

  /** Acknowledgements on their way now. */
  get acknowledgementsPending(): number {
    return this.acknowledging;
  }

  /** Interactions being answered now. */
  get active(): number {
    return this.inFlight;
  }
}
