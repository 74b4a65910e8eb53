/**
 * What a front end says when it cannot go on: one function shared by the
 * bot, the console and the command line, so a broken articles folder reads
 * the same everywhere.
 */
import { LibraryError } from "./corpus/load.ts";
import { printable } from "./reply/text.ts";

/** An error in words: a one-line message and, for a broken folder, one line per broken file. */
export interface Failure {
  readonly message: string;
  readonly details: readonly string[];
}

/** What network errors mean, by the code Node and undici give them. */
const NETWORK_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was cut",
  ENOTFOUND: "the host name is unknown (DNS)",
  EAI_AGAIN: "the host name could not be looked up (DNS)",
  ETIMEDOUT: "it timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  UND_ERR_CONNECT_TIMEOUT: "connecting timed out",
  UND_ERR_SOCKET: "the connection failed",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "its TLS certificate cannot be verified",
};

/** The network cause of an error, looked for through its `cause` chain and aggregated errors. */
export function networkCause(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 5) return undefined;
  const { code, name, cause, errors } = error as {
    code?: unknown;
    name?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string" && code in NETWORK_CODES) return `${NETWORK_CODES[code]} (${code})`;
  if (name === "AbortError" || name === "TimeoutError") return "no answer in time (timed out)";
  for (const inner of [cause, ...(Array.isArray(errors) ? errors : [])]) {
    const found = networkCause(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Describes why loading or starting failed, in one line without a stack (and,
 * for a broken folder, one line per broken file). `remote` names what a
 * network failure could not reach, with where to look.
 */
export function describeFailure(error: unknown, remote = "the network"): Failure {
  const network = networkCause(error);
  if (network) return { message: `cannot reach ${remote}: ${network}`, details: [] };
  if (error instanceof LibraryError) {
    return {
      message: `cannot load the articles: ${error.message}`,
      details: error.problems.map((problem) => problem.message),
    };
  }
  return {
    message: `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    details: [],
  };
}

/** Prints a {@link Failure} for a person at a terminal: `program: message`, then each detail indented. */
export function printFailure(
  program: string,
  error: unknown,
  write: (line: string) => void = (line) => console.error(line),
): void {
  const { message, details } = describeFailure(error);
  // A folder's path, an error's own words: shown printable, never a terminal's commands.
  write(`${program}: ${printable(message)}`);
  for (const detail of details) write(`  ${printable(detail)}`);
}
