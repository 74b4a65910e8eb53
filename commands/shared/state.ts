import { randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";

/**
 * Where button state lives when it does not fit in a custom id (Discord allows
 * 100 characters): a bounded least-recently-used map. Short texts are carried
 * inline (`=text`), survive restarts and need no memory; longer ones get a
 * random key (`#key`) so that after a restart an old key is unknown (stale),
 * never someone else's state.
 */
export class RefStore {
  private readonly entries: LRUCache<string, string>;

  /** @param capacity How many long texts are kept; the least recently used goes first. */
  constructor(capacity = 5000) {
    this.entries = new LRUCache({ max: capacity });
  }

  /** A reference to `text` of at most `room` characters. */
  put(text: string, room: number): string {
    if (text.length + 1 <= room) return `=${text}`;
    const key = randomBytes(6).toString("base64url");
    this.entries.set(key, text);
    return `#${key}`;
  }

  /** The text a reference stands for, or undefined when it has expired or is malformed. */
  get(ref: string | undefined): string | undefined {
    if (ref === undefined) return undefined;
    if (ref.startsWith("=")) return ref.slice(1);
    if (!ref.startsWith("#")) return undefined;
    return this.entries.get(ref.slice(1));
  }
}

/**
 * A number carried in a custom id: plain decimal digits only (a forged "1e1",
 * "0x10", " 5" or "" is no number), at most `max`; undefined otherwise.
 */
export function wholeNumber(text: string | undefined, max: number): number | undefined {
  if (text === undefined || !/^\d{1,6}$/u.test(text)) return undefined;
  const value = Number(text);
  return value <= max ? value : undefined;
}

/**
 * Builds a custom id `<prefix>:<part>:…`. Only the last part may contain ":"
 * (a ref): handlers rejoin the parts after the fixed ones.
 */
export function customId(prefix: string, ...parts: readonly (string | number)[]): string {
  return [prefix, ...parts].join(":");
}

/** The room left for a ref at the end of a custom id made of these leading parts. */
export function refRoom(prefix: string, ...parts: readonly (string | number)[]): number {
  return 100 - customId(prefix, ...parts).length - 1;
}
