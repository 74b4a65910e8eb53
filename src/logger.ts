import { pino, type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

/**
 * Creates the structured (JSON) logger. With no destination it writes to
 * stdout: pretty lines on a terminal, JSON lines otherwise. Fields that could
 * hold the token are redacted as a last line of defence.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
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
        paths: ["token", "*.token", "config.token", "headers.authorization", "*.authorization"],
        censor: "[redacted]",
      },
    },
    stream,
  );
}
