/** Every command of citebot, in the order `/help` and deploy-commands list them. */
import type { CommandModule } from "../src/bot/context.ts";
import { command as addArticle } from "./add-article.ts";
import { command as article } from "./article.ts";
import { command as ask } from "./ask.ts";
import { command as check } from "./check.ts";
import { command as gaps } from "./gaps.ts";
import { command as help } from "./help.ts";
import { command as quote } from "./quote.ts";
import { command as reload } from "./reload.ts";
import { command as removeArticle } from "./remove-article.ts";
import { command as search } from "./search.ts";
import { command as topic } from "./topic.ts";

/** The one explicit list of command modules: deploy-commands registers exactly these. */
export const commands: readonly CommandModule[] = [
  ask,
  search,
  quote,
  article,
  help,
  check,
  topic,
  gaps,
  addArticle,
  removeArticle,
  reload,
];
