/**
 * `npm start`: runs citebot. Reads the configuration (environment and .env),
 * loads the articles, connects, and logs out cleanly on SIGINT/SIGTERM.
 */
import { config as loadDotenv } from "dotenv";
import { LibraryError } from "../core/index.ts";
import { parseConfig } from "../config.ts";
import { openCorpus } from "../corpus.ts";
import { createLogger } from "../logger.ts";
import { startBot } from "./bot.ts";

loadDotenv({ quiet: true });
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const { config } = parsed;
const logger = createLogger(config.logLevel);

try {
  const corpus = await openCorpus(config.dataDir);
  for (const problem of corpus.problems)
    logger.warn({ file: problem.file }, `skipped ${problem.message}`);
  const bot = await startBot({ config, corpus, logger });
  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    void bot.stop().then(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
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
