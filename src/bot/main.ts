/**
 * `npm start`: runs citebot. Reads the configuration (environment and .env),
 * loads the articles, connects, and logs out cleanly on SIGINT/SIGTERM.
 */
import { LibraryError } from "../core/index.ts";
import { openCorpus } from "../corpus.ts";
import { startBot } from "./bot.ts";
import { startup } from "./startup.ts";

const { config, logger } = startup();

// Signals are handled from the first moment: one that arrives while connecting
// waits for the connection, then logs out, instead of killing the process mid-login.
let bot: Awaited<ReturnType<typeof startBot>> | undefined;
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  if (bot) void bot.stop().then(() => process.exit(0));
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

try {
  const corpus = await openCorpus(config.dataDir);
  for (const problem of corpus.problems)
    logger.warn({ file: problem.file }, `skipped ${problem.message}`);
  bot = await startBot({ config, corpus, logger });
  if (stopping) void bot.stop().then(() => process.exit(0));
} catch (error) {
  if (error instanceof LibraryError) {
    logger.fatal(
      { problems: error.problems.map((problem) => problem.message) },
      `cannot load the articles: ${error.message}`,
    );
  } else {
    logger.fatal({ err: error }, "citebot could not start");
  }
  process.exit(1);
}
