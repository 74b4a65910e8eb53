/**
 * `npm start`: runs citebot. Reads the configuration (environment and .env),
 * loads the articles, connects, and logs out cleanly on SIGINT/SIGTERM.
 *
 * The signal handlers are installed before anything else: discord.js and the
 * core take about a second to import, and static imports would load them
 * first, leaving a window in which a signal kills the process instead of
 * ending it with 0. So this module imports only types statically.
 */
import type { BotHandle } from "./bot.ts";

let signalled: NodeJS.Signals | undefined;
let bot: BotHandle | undefined;
/** Logs the signal once the logger exists; before that there is nothing to report or close. */
let report = (_signal: NodeJS.Signals): void => undefined;

const stopAndExit = (running: BotHandle) => void running.stop().then(() => process.exit(0));
// A signal while loading or connecting is acted on at the next step (below), so that a
// connection being opened is logged out of, never cut mid-login.
const shutdown = (signal: NodeJS.Signals) => {
  if (signalled) return;
  signalled = signal;
  report(signal);
  if (bot) stopAndExit(bot);
};
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

const { startup } = await import("./startup.ts");
const { config, logger } = startup();
report = (signal) => logger.info({ signal }, "shutting down");
if (signalled) report(signalled);

/** Exits 0 when a signal came while starting: nothing is connected yet. */
const exitIfSignalled = () => {
  if (signalled) {
    logger.info("stopped before connecting");
    process.exit(0);
  }
};

const [{ describeDiscordFailure }, { openCorpusInWorker }, { startBot }, { reportSaveFailure }] =
  await Promise.all([
    import("./startup.ts"),
    import("../corpus/open-in-worker.ts"),
    import("./bot.ts"),
    import("../corpus/save-failure.ts"),
  ]);
try {
  exitIfSignalled();
  logger.info({ dataDir: config.dataDir }, "loading the articles");
  // Opened in a worker thread as /reload does: the bot keeps the articles' encoded form, over
  // which servers' own indexes are built in workers too. The worker does not hold the process
  // open (a reload never delays an exit), so a timer does while nothing else does.
  const loading = setInterval(() => undefined, 60_000);
  const corpus = await openCorpusInWorker(config.dataDir, {
    cacheDir: config.cacheDir,
    limits: config.limits,
    buildWorkers: config.buildWorkers,
  }).finally(() => clearInterval(loading));
  for (const problem of corpus.problems)
    logger.warn({ file: problem.file }, `skipped ${problem.message}`);
  for (const warning of corpus.warnings) logger.warn(warning);
  void reportSaveFailure(corpus, logger);
  exitIfSignalled();
  // The tables the first question would build (title terms, word vectors, the dictionary's
  // first look-up), built now, before Discord sends anything: no member's question pays.
  const warming = performance.now();
  corpus.index.warm();
  logger.info({ ms: Math.round(performance.now() - warming) }, "warmed the index");
  bot = await startBot({ config, corpus, logger });
  if (signalled) stopAndExit(bot);
} catch (error) {
  const { message, details } = describeDiscordFailure(error, config);
  logger.fatal(details.length > 0 ? { problems: details } : {}, message);
  process.exit(1);
}
