import { pino, type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

const REDACTED = "[redacted]";

/**
 * Interaction and webhook tokens in Discord API paths. discord.js puts the
 * request URL on every `DiscordAPIError`, so a failed reply would otherwise
 * log a token that lets anyone answer as the bot for 15 minutes.
 */
const PATH_TOKEN = /(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"\\]+/gu;

/**
 * Removes secrets from one serialized log line: each of `secrets` wherever it
 * appears (a token inside an error message or a stack is no field that
 * `redact` could name), and interaction or webhook tokens in API paths.
 */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
  let out = line.replace(PATH_TOKEN, `$1${REDACTED}`);
  for (const secret of secrets) if (secret !== "") out = out.replaceAll(secret, REDACTED);
  return out;
}

/**
 * pino's error serializer without `requestBody`: discord.js puts the whole
 * reply on a failed request's error, and that holds question and message
 * text, which belongs at debug level only.
 */
function serializeError(error: unknown): unknown {
  const serialized: unknown = pino.stdSerializers.err(error as Error);
  if (typeof serialized !== "object" || serialized === null) return serialized;
  const { requestBody, ...rest } = serialized as Record<string, unknown>;
  return requestBody === undefined ? serialized : rest;
}

/**
 * Creates the structured (JSON) logger. With no destination it writes to
 * stdout: pretty lines on a terminal, JSON lines otherwise. Every line is
 * scrubbed of `secrets` (give it the bot token) and of interaction tokens,
 * fields named like credentials are redacted, and errors are logged without
 * the request body discord.js attaches.
 */
export function createLogger(
  level: string,
  destination?: DestinationStream,
  secrets: readonly string[] = [],
): Logger {
  const stream =
    destination ??
    (process.stdout.isTTY
      ? pretty({ colorize: true, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" })
      : pino.destination({ dest: 1, sync: true }));
  return pino(
    {
      level,
      base: { app: "citebot" },
      redact: {
        paths: [
          "token",
          "*.token",
          "authorization",
          "*.authorization",
          "headers.authorization",
          "*.headers.authorization",
          "*.*.headers.authorization",
        ],
        censor: REDACTED,
      },
      serializers: { err: serializeError },
      hooks: { streamWrite: (line) => scrubSecrets(line, secrets) },
    },
    stream,
  );
}
