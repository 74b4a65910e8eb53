/**
 * `npm run chat`: an offline console running citebot's command modules
 * without Discord or a token. Type `/ask …`, `/search …`, `/quote 6`… and see
 * each reply as Discord would show it. Reads stdin, so it can be scripted.
 */
import { userInfo } from "node:os";
import { createInterface } from "node:readline";
import { config as loadDotenv } from "dotenv";
import { commands } from "../../commands/index.ts";
import { Conversation, RecentContexts } from "../bot/conversation.ts";
import { createContext, Dispatcher } from "../bot/dispatch.ts";
import { parseLocalConfig } from "../config.ts";
import { Library } from "../corpus/library.ts";
import { openCorpus } from "../corpus/open.ts";
import { warmSoon } from "../corpus/warm.ts";
import { printFailure } from "../failure.ts";
import { createLogger } from "../logger.ts";
import { openStore } from "../storage/database.ts";
import { ServerArticles } from "../storage/server-articles.ts";
import { CONSOLE_HELP, ConsoleSession } from "./session.ts";

loadDotenv({ quiet: true });
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
// Logs go to stderr, quiet unless asked: the console's output is the replies.
const logger = createLogger("warn", process.stderr);
const parsed = parseLocalConfig(process.env);
if (!parsed.ok) {
  console.error(parsed.message);
  process.exit(1);
}
const { dataDir, cacheDir } = parsed.config;

let name = "you";
try {
  name = userInfo().username || name;
} catch {
  // No user entry (some containers): keep the generic name.
}

try {
  const corpus = await openCorpus(dataDir, {
    cacheDir,
    limits: parsed.config.limits,
    buildWorkers: parsed.config.buildWorkers,
    onLaterWarning: (warning) => console.error(`warning: ${warning}`),
  });
  for (const problem of corpus.problems) console.error(`warning: skipped ${problem.message}`);
  for (const warning of corpus.warnings) console.error(`warning: ${warning}`);
  warmSoon(corpus);
  void corpus.saved.then((failure) => {
    if (failure)
      console.error(
        `warning: could not save the index (${failure}): the next start rebuilds it or hashes its articles again`,
      );
  });
  // Articles added here (/add-article) are the console's own, kept in the state folder's
  // database and servers/console/ like a server's: the next console session still has them.
  const store = openStore(parsed.config.stateDir);
  const library = new Library({
    shared: corpus,
    stateDir: parsed.config.stateDir,
    limits: parsed.config.limits,
    logger,
    store: new ServerArticles(store.db),
    reopenShared: () =>
      openCorpus(dataDir, {
        cacheDir,
        limits: parsed.config.limits,
        buildWorkers: parsed.config.buildWorkers,
      }),
  });
  const dispatcher = new Dispatcher(
    commands,
    // Whoever runs the console runs the bot: they are its owner (/reload).
    createContext({ corpus, config: parsed.config, logger, owners: new Set([name]), library }),
    {
      cooldownSeconds: 0,
    },
  );
  // Follow-up contexts in memory (the console keeps no database): bounded, a day at most.
  const conversation = new Conversation(dispatcher, new RecentContexts(), 0);
  const session = new ConsoleSession(
    dispatcher,
    { id: name, name },
    { color: interactive },
    conversation,
  );
  const titles = corpus.index.articles.map((article) => `“${article.title}”`).join(", ");
  console.log(`citebot console: ${corpus.index.articles.length} article(s) loaded: ${titles}`);
  console.log(`${CONSOLE_HELP}\n`);
  const lines = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: interactive,
    historySize: 500,
    prompt: "citebot> ",
    completer: (line: string) => session.complete(line),
  });
  if (interactive) lines.prompt();
  for await (const line of lines) {
    const output = await session.run(line);
    if (output === null) break;
    if (output !== "") console.log(`${output}\n`);
    if (interactive) lines.prompt();
  }
  lines.close();
  store.close();
} catch (error) {
  printFailure("chat", error);
  process.exitCode = 1;
}
