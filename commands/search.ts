import { SlashCommandBuilder } from "discord.js";
import { checkQuestion, type CitationIndex } from "../src/core/index.ts";
import { describeQuestionProblem } from "../src/reply/problems.ts";
import type { CommandModule } from "../src/bot/context.ts";
import { channelArticle, libraryOption } from "./shared/scope.ts";
import { askIndex, citationFields, mainArticle, sourceLine } from "./shared/views.ts";
import { errorReply, type Choice } from "../src/reply/types.ts";

const RESULTS = 5;

/** `/search query`: up to 5 ranked passages; autocomplete suggests passages while typing. */
export const data = new SlashCommandBuilder()
  .setName("search")
  .setDescription("Find the passages of the article that mention something.")
  .addStringOption((option) =>
    option
      .setName("query")
      .setDescription("Words to look for (pick a suggestion or type your own)")
      .setRequired(true)
      .setAutocomplete(true)
      .setMinLength(1)
      .setMaxLength(300),
  )
  .addBooleanOption(libraryOption);

/** Words of the articles by frequency, for completing the word being typed. */
const vocabularies = new WeakMap<CitationIndex, string[]>();

function vocabulary(index: CitationIndex): string[] {
  let words = vocabularies.get(index);
  if (!words) {
    const counts = new Map<string, number>();
    for (const article of index.articles) {
      for (const paragraph of article.paragraphs) {
        for (const word of paragraph.text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) {
          counts.set(word, (counts.get(word) ?? 0) + 1);
        }
      }
    }
    words = [...counts.keys()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
    vocabularies.set(index, words);
  }
  return words;
}

/** Completes the last, half-typed word ("tari" → "tariffs") so suggestions follow the typing. */
function completeLastWord(typed: string, index: CitationIndex): string {
  const match = /(\p{L}{2,})$/u.exec(typed);
  if (!match?.[1]) return typed;
  const partial = match[1].toLowerCase();
  const words = vocabulary(index);
  if (words.includes(partial)) return typed;
  const completion = words.find((word) => word.startsWith(partial));
  return completion ? typed.slice(0, match.index) + completion : typed;
}

/** A passage's text cut at a word boundary to fit an option value (searching it finds it again). */
function asValue(text: string): string {
  if (text.length <= 100) return text;
  const cut = text.slice(0, 100);
  const space = cut.lastIndexOf(" ");
  return space > 40 ? cut.slice(0, space) : cut;
}

/** Passages matching what is typed so far (fuzzy: the core forgives typos); the opening sentences when nothing is typed. */
export function suggestPassages(index: CitationIndex, typed: string): Choice[] {
  const several = index.articles.length > 1;
  const checked = checkQuestion(typed.slice(0, 300));
  if (!checked.ok) {
    return index.articles.flatMap((article) =>
      article.paragraphs.slice(0, several ? 3 : 25).map((paragraph) => ({
        name: `¶${paragraph.number} · ${paragraph.sentences[0]?.text ?? paragraph.text}`,
        value: asValue(paragraph.sentences[0]?.text ?? paragraph.text),
      })),
    );
  }
  const answer = askIndex(index, completeLastWord(checked.question, index), 25);
  return answer.citations.map((citation) => ({
    name: `¶${citation.paragraph}${several ? ` (${citation.title})` : ""} · ${citation.excerpt}`,
    value: asValue(citation.excerpt),
  }));
}

/** /search: handler and query autocomplete. */
export const command: CommandModule = {
  data,
  execute(input, context) {
    const checked = checkQuestion(input.options.string("query") ?? "");
    if (!checked.ok)
      return errorReply(describeQuestionProblem(checked.problem, checked.length, "search"));
    const index = context.corpus().index;
    const answer = askIndex(index, checked.question, RESULTS, channelArticle(input, context));
    const article = mainArticle(answer, index);
    return {
      title: article?.title ?? "Search",
      url: article?.url,
      description: [
        { bold: "Search:" },
        " ",
        checked.question,
        { markup: "\n" },
        {
          italic:
            answer.citations.length === 0
              ? "No passage mentions this."
              : `${answer.citations.length} passage${answer.citations.length === 1 ? "" : "s"}, best first:`,
        },
      ],
      fields: citationFields(answer.citations, index),
      footer: sourceLine(article),
    };
  },
  autocomplete(input, context) {
    return input.focused === "query" ? suggestPassages(context.corpus().index, input.value) : [];
  },
};
