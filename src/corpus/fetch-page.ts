import { lookup, type LookupAddress } from "node:dns";
import ipaddr from "ipaddr.js";
import { Agent, request } from "undici";

/** Limits of fetching an article page. */
export interface FetchLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
}

/** Limits of fetching an article page from a link a moderator gave. */
export const FETCH_LIMITS: FetchLimits = Object.freeze({
  /** Largest page read, in bytes (news pages with their markup are well under 2 MB). */
  maxBytes: 2_000_000,
  /** Time for the whole fetch, redirects included, in milliseconds. */
  timeoutMs: 10_000,
  /** Redirects followed (http → https, a shortener, a canonical address). */
  maxRedirects: 3,
});

/** Why a link was refused; `message` says it in a moderator's words. */
export type FetchProblem =
  | "bad-link"
  | "address"
  | "unreachable"
  | "timeout"
  | "redirects"
  | "status"
  | "not-text"
  | "too-large";

/** A link that could not be fetched, and why. */
export class FetchRefused extends Error {
  constructor(
    readonly problem: FetchProblem,
    message: string,
  ) {
    super(message);
    this.name = "FetchRefused";
  }
}

/** Options of {@link fetchPage}. */
export interface FetchOptions {
  /**
   * Allows loopback addresses and plain http to them. For tests only (they serve pages on
   * 127.0.0.1); private and link-local addresses stay refused.
   */
  readonly allowLoopback?: boolean;
  readonly limits?: Partial<FetchLimits>;
  /** Accepts any content type (an uploaded file: what it holds is checked when it is read). */
  readonly anyType?: boolean;
}

/** A fetched page: the address it came from (after redirects), its type and its bytes. */
export interface FetchedPage {
  readonly url: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/** Whether an address may be connected to: public unicast only (loopback when allowed). */
export function isAllowedAddress(address: string, allowLoopback = false): boolean {
  if (!ipaddr.isValid(address)) return false;
  const range = ipaddr.process(address).range();
  return range === "unicast" || (allowLoopback && range === "loopback");
}

/**
 * Resolves a host name and refuses it unless every address it resolves to is allowed: checked
 * at connection time, for the first request and every redirect, so a name cannot point at the
 * host's own network (and a second resolution cannot differ from the checked one).
 */
function guardedLookup(allowLoopback: boolean) {
  return (
    hostname: string,
    options: { all?: boolean },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ): void => {
    lookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !isAllowedAddress(a.address, allowLoopback));
      if (refused || addresses.length === 0) {
        const problem = new FetchRefused(
          "address",
          "That link leads to a private or local network address: only public web pages can be added.",
        ) as FetchRefused & NodeJS.ErrnoException;
        return callback(problem, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Stops reading a body: its abort error is expected, not a failure to report. */
function discard(body: NodeJS.ReadableStream & { destroy(): void }): void {
  body.on("error", () => undefined);
  body.destroy();
}

/** Checks a link before any connection: https (http only to loopback when allowed), no literal bad address. */
function checkLink(link: string, allowLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new FetchRefused("bad-link", "That is not a web address: give an https:// link.");
  }
  const host = url.hostname.replace(/^\[|\]$/gu, "");
  const literal = ipaddr.isValid(host);
  const loopbackHttp =
    url.protocol === "http:" && allowLoopback && literal && isAllowedAddress(host, true);
  if (url.protocol !== "https:" && !loopbackHttp) {
    throw new FetchRefused("bad-link", "Only https:// links can be added.");
  }
  if (url.username || url.password) {
    throw new FetchRefused("bad-link", "Links with a user name or password are not accepted.");
  }
  // A literal address is connected to without a lookup: check it here.
  if (literal && !isAllowedAddress(host, allowLoopback)) {
    throw new FetchRefused(
      "address",
      "That link leads to a private or local network address: only public web pages can be added.",
    );
  }
  return url;
}

/**
 * Fetches a web page for adding it as an article, safely: https only, every address checked
 * (public unicast; no private, loopback, link-local or reserved ones, also after redirects),
 * at most `maxRedirects` redirects, `maxBytes` read, `timeoutMs` in all, and text or HTML only.
 *
 * @throws FetchRefused with a moderator-facing message.
 */
export async function fetchPage(link: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const limits = { ...FETCH_LIMITS, ...options.limits };
  const allowLoopback = options.allowLoopback ?? false;
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(allowLoopback) } });
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    let url = checkLink(link, allowLoopback);
    for (let redirects = 0; ; redirects++) {
      const response = await request(url, {
        dispatcher,
        signal,
        method: "GET",
        headers: { accept: "text/html,text/markdown,text/plain;q=0.9", "user-agent": "citebot" },
      });
      const location = response.headers.location;
      if (response.statusCode >= 300 && response.statusCode < 400 && location) {
        await response.body.dump();
        if (redirects >= limits.maxRedirects) {
          throw new FetchRefused(
            "redirects",
            `That link redirects more than ${limits.maxRedirects} times.`,
          );
        }
        url = checkLink(new URL(String(location), url).href, allowLoopback);
        continue;
      }
      if (response.statusCode !== 200) {
        await response.body.dump();
        throw new FetchRefused("status", `The site answered ${response.statusCode} for that link.`);
      }
      const contentType = String(response.headers["content-type"] ?? "");
      const textual = /^(?:text\/(?:html|plain|markdown)|application\/xhtml\+xml)\b/iu;
      if (!options.anyType && !textual.test(contentType)) {
        await response.body.dump();
        throw new FetchRefused("not-text", "That link is not a web page or a text file.");
      }
      const declared = Number(response.headers["content-length"] ?? 0);
      const tooLarge = () =>
        new FetchRefused(
          "too-large",
          `That page is larger than ${limits.maxBytes / 1_000_000} MB.`,
        );
      if (declared > limits.maxBytes) {
        discard(response.body);
        throw tooLarge();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > limits.maxBytes) {
          discard(response.body);
          throw tooLarge();
        }
        chunks.push(chunk as Buffer);
      }
      return { url: url.href, contentType, body: Buffer.concat(chunks) };
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof FetchRefused) throw cause;
    if (signal.aborted) {
      throw new FetchRefused(
        "timeout",
        `That site did not answer within ${limits.timeoutMs / 1000} s.`,
      );
    }
    throw new FetchRefused("unreachable", "That site could not be reached.");
  } finally {
    await dispatcher.close().catch(() => undefined);
  }
}
