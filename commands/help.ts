import { SlashCommandBuilder } from "discord.js";
import type { CommandModule } from "../src/bot/context.ts";
import type { Inline } from "../src/reply/types.ts";

/** `/help`: what citebot does, with examples. */
export const data = new SlashCommandBuilder()
  .setName("help")
  .setDescription("What citebot does, with examples.");

const EXAMPLES: readonly [string, string][] = [
  [
    "/ask question: Who did Elon Musk meet in China?",
    "the passage that answers, quoted and cited as ¶N",
  ],
  ["/ask question: … private: True", "only you see the answer (then “Share in channel”)"],
  ["/ask question: … for: @member", "point the answer at one member"],
  ["/search query: tariffs", "up to 5 passages; suggestions appear as you type"],
  ["/quote paragraph: 6", "a whole paragraph, with ◀ ▶ for its neighbours"],
  ["/article", "source, date, link, lead paragraph and key figures"],
  ["Apps → Check against article", "on any message: what the article says about it"],
  ["@citebot who did Musk meet?", "in a channel or thread: answered as a reply"],
  ["reply “why?” to an answer", "a follow-up, read in the context of that answer's question"],
  ["/topic article: …", "moderators: the article this channel (and its threads) discusses"],
];

/** /help: handler. */
export const command: CommandModule = {
  data,
  execute(_input, context) {
    const index = context.corpus().index;
    const titles = index.articles.slice(0, 5).map((article) => `“${article.title}”`);
    const loaded = `${index.articles.length === 1 ? "Article" : `${index.articles.length} articles`}: ${titles.join(", ")}${index.articles.length > 5 ? ", …" : ""}`;
    const examples: Inline[] = [];
    for (const [usage, what] of EXAMPLES) {
      if (examples.length > 0) examples.push({ markup: "\n" });
      examples.push({ markup: "• " }, { bold: usage }, ` — ${what}`);
    }
    return {
      title: "citebot",
      description:
        "I answer questions about the article this server is discussing, quoting the passage that answers and citing its paragraph (¶). When the article doesn't cover a question, I say so and show the closest passages as related only.",
      fields: [
        { name: "Examples", value: examples },
        { name: "Loaded", value: loaded },
      ],
      footer:
        "Moderators (Manage Server): /add-article adds an article from a link or a file for this server. The bot's owner: /reload picks up the shared folder's changes.",
      ephemeral: true,
    };
  },
};
