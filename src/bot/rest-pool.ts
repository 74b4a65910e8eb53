/**
 * The connections citebot keeps to Discord's REST API. discord.js (through @discordjs/rest and
 * undici's default agent) opens a new connection for every request that finds none free, with
 * no limit: a burst of 5,000 interactions opened thousands of connections at once, and
 * connecting cost more CPU than answering (twice the floor bot's CPU per interaction in
 * `npm run bench:bot`; against Discord each would also be a TLS handshake). A bounded pool of
 * kept-alive connections queues requests instead and sends them over warm connections.
 */

import { Agent } from "undici";

/** The tuning numbers of the REST connection pool. */
export interface RestPoolOptions {
  /**
   * Connections at most per origin (Discord's API is one). 32 acknowledged a burst of 5,000
   * interactions on a busy 2-core machine where no limit (undici's default) left most late
   * (`npm run bench:bot`, floor bot); a request waits for a free connection meanwhile.
   */
  readonly connections: number;
  /**
   * How long an idle connection is kept open (Discord's edge closes idle ones itself; undici
   * also honours the server's keep-alive hint when it is shorter).
   */
  readonly keepAliveTimeoutMs: number;
}

/** The defaults. */
export const REST_POOL: RestPoolOptions = Object.freeze({
  connections: 32,
  keepAliveTimeoutMs: 30_000,
});

/** The undici dispatcher for discord.js's `rest.agent` option. */
export function restAgent(options: RestPoolOptions = REST_POOL): Agent {
  return new Agent({
    connections: options.connections,
    keepAliveTimeout: options.keepAliveTimeoutMs,
  });
}
