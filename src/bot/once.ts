import { LRUCache } from "lru-cache";

/** How long and how many event ids are remembered to drop a second delivery. */
export const DELIVERY_MEMORY = Object.freeze({
  /** An interaction can be answered for 15 minutes (its token's life); a replay after that fails anyway. */
  ttlMs: 15 * 60 * 1000,
  /** Ids kept at most: a 5,000-interaction burst four times over. */
  max: 20_000,
});

/**
 * Remembers the ids of interactions and messages already handled, so that a
 * gateway RESUME replaying events the bot had received (Discord delivers at
 * least once) does not answer them twice: the second answer would be refused
 * (40060) or, for a mention, posted twice.
 */
export class DeliveredOnce {
  private readonly seen = new LRUCache<string, true>({
    max: DELIVERY_MEMORY.max,
    ttl: DELIVERY_MEMORY.ttlMs,
  });

  /** True the first time an id is seen; false for a repeat. */
  first(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.set(id, true);
    return true;
  }
}
