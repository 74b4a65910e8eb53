#!/usr/bin/env node
/**
 * `ask`: answers questions about the articles from the command line.
 *
 *   npm run ask -- "Who did Elon Musk meet in China?"
 *   npm run ask -- --json < questions.txt
 */
import "dotenv/config";
import { runAsk } from "./ask-run.ts";

process.exitCode = await runAsk(process.argv.slice(2), {
  env: process.env,
  stdin: process.stdin,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  ...(process.stderr.isTTY ? { progress: (text: string) => process.stderr.write(text) } : {}),
  color: process.stdout.isTTY === true,
});
