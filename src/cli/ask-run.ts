/**
 * What the `ask` command line does (`ask.ts` runs it as a process): reads its arguments and
 * environment, opens the articles and answers, writing through the streams it is handed, so
 * that tests run it in-process where the process boundary is not what they check.
 */
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { checkQuestion, type Answer, type CitationIndex } from "../core/index.ts";
import { parseLocalConfig, type LocalConfig } from "../config.ts";
import { openCorpus } from "../corpus/open.ts";
import type { BuildWorkers } from "../corpus/build-threads.ts";
import type { LoadLimits } from "../corpus/limits.ts";
import { printFailure } from "../failure.ts";
import { boundedLines } from "./lines.ts";
import { unknownArticleMessage } from "./unknown-article.ts";
import { sourceLine } from "../../commands/shared/views.ts";
import { printable, renderText } from "../reply/text.ts";
import { truncate } from "../reply/escape.ts";
import { renderExplanation } from "./explain.ts";
import type { Reply, ReplyField } from "../reply/types.ts";
import { describeQuestionProblem } from "../reply/problems.ts";

/** Where `ask` reads and writes: the process's own streams, or a test's. */
export interface AskIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: Readable;
  /** Writes one line of the answers (standard output). */
  readonly out: (line: string) => void;
  /** Writes one line of warnings and problems (standard error). */
  readonly err: (line: string) => void;
  /** Writes raw text to a terminal showing progress; absent when standard error is not one. */
  readonly progress?: (text: string) => void;
  /** Whether standard output is a terminal (answers are then coloured). */
  readonly color: boolean;
}

const USAGE = `Usage: npm run ask -- [options] ["question"]

Answers a question about the articles with cited excerpts. Without a question,
reads questions from standard input, one a line.

Options:
  --json          print one JSON object per question
  --data DIR      folder of articles (default: DATA_DIR, else the bundled data/)
  --limit N       how many citations (1-25, default 3)
  --article ID    answer from one article only
  --explain       show why each citation ranked: the kind of answer expected and
                  whether each passage holds one, each word's weight and why,
                  and why a declined question was declined
  --strict        refuse to start if any article file is broken
  -h, --help      show this help`;

class UsageError extends Error {}

/**
 * Longest value of the command line a usage error quotes, in characters; the rest is cut
 * ("…"). A value is quoted back to show which one was wrong, and 10,000 characters of it hid
 * the message.
 */
const QUOTED_CHARS = 100;

/**
 * Longest message of Node's argument parser shown: it quotes the option it did not know
 * twice, in about 150 characters besides.
 */
const PARSER_MESSAGE_CHARS = 300;

/** A value the user typed, as a usage error quotes it: cut (it is shown printable with the message). */
function quoted(value: string): string {
  return `"${truncate(value, QUOTED_CHARS)}"`;
}

/**
 * A line of standard input is read up to this many bytes, the rest skipped:
 * far over the longest question (MAX_QUESTION_LENGTH), far under what would
 * strain memory.
 */
const MAX_LINE_BYTES = 64 * 1024;

interface CliOptions {
  json: boolean;
  dataDir: string;
  cacheDir: string;
  limits: LoadLimits;
  buildWorkers: BuildWorkers;
  limit: number;
  article: string | undefined;
  strict: boolean;
  explain: boolean;
  question: string | undefined;
}

function readOptions(argv: string[], config: LocalConfig): CliOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        data: { type: "string" },
        limit: { type: "string" },
        article: { type: "string" },
        strict: { type: "boolean", default: false },
        explain: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(truncate(message, PARSER_MESSAGE_CHARS));
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";
  let limit = 3;
  if (values.limit !== undefined) {
    // Whole decimal digits only: Number() would also take "1e1", "0x10" and " 5".
    limit = /^\d{1,2}$/u.test(values.limit) ? Number(values.limit) : NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > 25) {
      throw new UsageError(
        `--limit must be a whole number from 1 to 25, not ${quoted(values.limit)}`,
      );
    }
  }
  // An empty --data (a variable that expanded to nothing) would read the current folder.
  if (values.data !== undefined && values.data.trim() === "") {
    throw new UsageError("--data needs a folder of articles, not an empty path");
  }
  return {
    json: values.json,
    dataDir: values.data ?? config.dataDir,
    cacheDir: config.cacheDir,
    limits: config.limits,
    buildWorkers: config.buildWorkers,
    limit,
    article: values.article,
    strict: values.strict,
    explain: values.explain,
    question: positionals.length > 0 ? positionals.join(" ") : undefined,
  };
}

/** Building a large index takes seconds: show how far it got, on one terminal line. */
function showProgress(write: (text: string) => void) {
  return (done: number, total: number): void => {
    if (total < 200) return;
    const step = Math.max(1, Math.floor(total / 50));
    if (done % step !== 0 && done !== total) return;
    write(`\rindexing articles: ${done}/${total}${done === total ? "\n" : ""}`);
  };
}

/**
 * An answer as a neutral reply, printed by the console's renderer
 * (`src/reply/text.ts`): the short answer or "not covered", then one field
 * per citation (title and ¶, the excerpt, source, date and link).
 */
function answerReply(answer: Answer, index: CitationIndex): Reply {
  let description: string | undefined;
  if (!answer.answered) {
    description = "The articles don't cover this.";
    if (answer.citations.length > 0) description += "\nClosest passages (related, not an answer):";
  } else if (answer.close) {
    description = "Two passages fit about equally well: read both.";
  } else if (answer.answer) {
    description = `Answer: ${answer.answer}`;
  }
  const fields: ReplyField[] = answer.citations.map((citation) => {
    const article = index.article(citation.article);
    const where = [sourceLine(article), article?.url ?? ""].filter(Boolean).join(" · ");
    return {
      name: `${citation.title}, ¶${citation.paragraph}`,
      value: [
        { markup: "> " },
        `“${citation.excerpt}”`,
        ...(where ? [{ markup: "\n" }, `— ${where}`] : []),
      ],
    };
  });
  return { description, fields };
}

function toJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answered: answer.answered,
    answer: answer.answer,
    close: answer.close,
    citations: answer.citations.map(({ article, title, paragraph, excerpt, score }) => ({
      article,
      title,
      paragraph,
      excerpt,
      score,
    })),
  });
}

/** Answers one raw question; returns false when the question was refused. */
function answerOne(
  raw: string,
  index: CitationIndex,
  options: CliOptions,
  io: AskIo,
  cutFrom = 0,
): boolean {
  const checked = checkQuestion(raw);
  if (!checked.ok) {
    const problem = describeQuestionProblem(checked.problem, Math.max(checked.length, cutFrom));
    if (options.json) {
      const question = raw.length > 200 ? `${raw.slice(0, 200)}…` : raw;
      io.out(
        JSON.stringify({
          question,
          answered: false,
          answer: null,
          close: false,
          citations: [],
          error: problem,
        }),
      );
    } else {
      io.err(problem);
    }
    return false;
  }
  const askOptions = { limit: options.limit, article: options.article };
  if (options.explain) {
    const { answer, citations, setApart, declined } = index.explain(checked.question, askOptions);
    io.out(
      options.json
        ? JSON.stringify({ ...answer, citations, setApart, declined })
        : renderExplanation(answer, citations, setApart, declined),
    );
    return true;
  }
  const answer = index.ask(checked.question, askOptions);
  io.out(
    options.json ? toJson(answer) : renderText(answerReply(answer, index), { color: io.color }),
  );
  return true;
}

async function answerAll(argv: string[], io: AskIo): Promise<number> {
  const config = parseLocalConfig(io.env);
  if (!config.ok) {
    io.err(config.message);
    return 1;
  }
  const options = readOptions(argv, config.config);
  if (options === "help") {
    io.out(USAGE);
    return 0;
  }
  if (options.question !== undefined && options.question.trim() === "") {
    throw new UsageError("the question is empty: ask something about the article");
  }
  const corpus = await openCorpus(options.dataDir, {
    strict: options.strict,
    cacheDir: options.cacheDir,
    limits: options.limits,
    buildWorkers: options.buildWorkers,
    onProgress: io.progress ? showProgress(io.progress) : undefined,
    onLaterWarning: (warning) => io.err(`warning: ${warning}`),
  });
  for (const problem of corpus.problems) io.err(`warning: skipped ${problem.message}`);
  for (const warning of corpus.warnings) io.err(`warning: ${warning}`);
  // Awaited at the end (the process would not exit before the save anyway), so that the
  // warning is written before `ask` is done.
  const saved = corpus.saved.then((failure) => {
    if (failure)
      io.err(
        `warning: could not save the index (${failure}): the next start rebuilds it or hashes its articles again`,
      );
  });
  if (options.article !== undefined && !corpus.index.article(options.article)) {
    throw new UsageError(
      unknownArticleMessage(
        quoted(options.article),
        options.article,
        corpus.index.articles.map((a) => a.id),
      ),
    );
  }
  if (options.question !== undefined) {
    const code = answerOne(options.question, corpus.index, options, io) ? 0 : 1;
    await saved;
    return code;
  }
  let allAccepted = true;
  let first = true;
  for await (const { text, bytes, cut } of boundedLines(io.stdin, MAX_LINE_BYTES)) {
    const line = text;
    if (line.trim() === "") continue;
    if (!options.json && !first) io.out("\n" + "─".repeat(40) + "\n");
    first = false;
    // The question as read, made printable: a line of stdin may hold terminal escapes.
    if (!options.json) io.out(`Q: ${printable(line.trim().slice(0, 200))}${cut ? "…" : ""}\n`);
    allAccepted = answerOne(line, corpus.index, options, io, cut ? bytes : 0) && allAccepted;
  }
  await saved;
  return allAccepted ? 0 : 1;
}

/**
 * Runs `ask` with these arguments (those after the program's name): answers, or says in one
 * line (no stack) why it cannot. Resolves to the exit code: 0, or 1 when something was refused.
 */
export function runAsk(argv: string[], io: AskIo): Promise<number> {
  return answerAll(argv, io).catch((error: unknown) => {
    // Printable: a usage error quotes what was typed, which may hold terminal escapes.
    if (error instanceof UsageError) io.err(`ask: ${printable(error.message)}\n\n${USAGE}`);
    else printFailure("ask", error, io.err);
    return 1;
  });
}
