/**
 * Per-user cooldown: one command per user every `seconds` (0 turns it off).
 * The clock is injected so tests need no waiting.
 */
export class Cooldowns {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records a use by `userId`; returns 0 when allowed, else the whole seconds
   * to wait (at least 1). A refused use does not extend the wait.
   */
  take(userId: string): number {
    if (this.seconds <= 0) return 0;
    const now = this.now();
    const until = this.until.get(userId);
    if (until !== undefined && until > now) return Math.max(1, Math.ceil((until - now) / 1000));
    this.until.set(userId, now + this.seconds * 1000);
    if (this.until.size > 10_000) this.sweep(now);
    return 0;
  }

  /** Forgets users whose cooldown is over, so the map stays small. */
  private sweep(now: number): void {
    for (const [user, until] of this.until) if (until <= now) this.until.delete(user);
  }
}
