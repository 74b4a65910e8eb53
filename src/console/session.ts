import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
} from "discord.js";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  Options,
  type AttachmentRef,
  type OptionValue,
  type Place,
  type UserRef,
} from "../bot/context.ts";
import { INGEST, IngestRefused } from "../corpus/ingest.ts";
import type { Conversation } from "../bot/conversation.ts";
import type { Dispatcher } from "../bot/dispatch.ts";
import { renderText, type TextStyle } from "../reply/text.ts";
import type { Reply } from "../reply/types.ts";

/** What the console prints on start: how to type commands. */
export const CONSOLE_HELP = `Type a command as in Discord, or just a question:
  /ask Who did Elon Musk meet in China?      /ask question:… private:true for:sam
  /search tariffs          /suggest tari      (what autocomplete would offer)
  /quote 6                 /quote paragraph:6 article:<id>
  /article                 /help              /reload
  /check <message text>    (the "Check against article" menu)
  /add-article https://…   /add-article file:story.md     /remove-article <id>
  @citebot <question>      (a mention in a channel)   > why?   (a reply to its last answer)
  /press N                 (press button N of the last reply)
  /quit                    (or Ctrl+D)     Tab completes commands and /search passages`;

/** What can follow "/" in the console. */
const COMMAND_WORDS = [
  "ask",
  "search",
  "suggest",
  "quote",
  "article",
  "help",
  "check",
  "reload",
  "add-article",
  "remove-article",
  "press",
  "quit",
];

/**
 * Where console commands are used: a server of its own, so that articles added here
 * (`/add-article`) are the console's, kept apart from every Discord server's.
 */
export const CONSOLE_PLACE: Place = Object.freeze({ guildId: "console", channelId: "console" });

/** The context menu's name, reachable from the console as /check. */
const CHECK_MENU = "Check against article";

/**
 * The offline console's brain: parses one typed line into the same command,
 * button or autocomplete input Discord would deliver, runs it through the
 * dispatcher and renders the reply as text. Knows nothing of stdin/stdout.
 */
export class ConsoleSession {
  private lastButtons: readonly { label: string; customId: string; disabled?: boolean }[] = [];

  /** citebot's last answer to a mention or a follow-up, which "> …" replies to. */
  private lastAnswer: string | undefined;
  private messages = 0;

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly user: UserRef,
    private readonly style: TextStyle = { color: false },
    /** Mentions and follow-ups, as in a channel; without it "@citebot" and ">" are questions. */
    private readonly conversation?: Conversation,
  ) {}

  /**
   * A line written as in a channel: "@citebot …" mentions citebot, "> …" replies to its last
   * answer. Goes through the same conversation code as Discord's messages.
   */
  private async say(text: string, replying: boolean): Promise<string> {
    if (!this.conversation) return "";
    if (replying && this.lastAnswer === undefined) {
      return "Nothing to reply to yet: mention citebot first, e.g. @citebot who did Musk meet?";
    }
    this.messages += 1;
    const answer = await this.conversation.answer({
      id: `console-${this.messages}`,
      guildId: "console",
      channelId: "console",
      author: this.user,
      fromBot: false,
      text,
      mentionsBot: !replying,
      ...(replying && this.lastAnswer !== undefined ? { repliesToBot: this.lastAnswer } : {}),
    });
    if (!answer) return "";
    const answerId = `console-answer-${this.messages}`;
    if (answer.context) {
      this.conversation.memory.remember(answerId, answer.context);
      this.lastAnswer = answerId;
    }
    return this.show(answer.reply);
  }

  /** Runs one line; returns the text to show, or null to quit. */
  async run(line: string): Promise<string | null> {
    const text = line.trim();
    if (text === "") return "";
    if (/^\/(?:quit|exit)$/iu.test(text)) return null;
    const mention = /^@citebot\b[\s,:]*/iu.exec(text);
    if (this.conversation && mention) return this.say(text.slice(mention[0].length), false);
    if (this.conversation && text.startsWith(">")) return this.say(text.slice(1).trim(), true);
    if (!text.startsWith("/")) return this.show(await this.command("ask", { question: text }));
    const [, name = "", rest = ""] = /^\/(\S+)\s*([\s\S]*)$/u.exec(text) ?? [];
    if (name === "press" || name === "click") return this.press(rest);
    if (name === "suggest") return this.suggest(rest);
    if (name === "check") {
      return this.show(
        await this.dispatcher.command(CHECK_MENU, {
          user: this.user,
          options: new Options(),
          permissions: this.permissions(),
          target: { id: "console", content: rest },
        }),
      );
    }
    const module = this.dispatcher.find(name);
    if (!module) return this.show(await this.command(name, {}));
    const json = module.data.toJSON();
    const definitions = "options" in json && json.options ? json.options : [];
    return this.show(await this.command(name, parseOptions(rest, definitions)));
  }

  /**
   * Tab completion for readline: command names after "/", and for
   * `/search …` the passages autocomplete would suggest.
   */
  complete(line: string): [string[], string] {
    const search = /^\/search\s+(.*)$/u.exec(line);
    if (search) {
      const choices = this.dispatcher.autocomplete("search", {
        user: this.user,
        focused: "query",
        value: search[1] ?? "",
        options: new Options({ query: search[1] ?? "" }),
      });
      return [choices.map((choice) => `/search ${choice.value}`), line];
    }
    if (/^\/\S*$/u.test(line)) {
      const names = [...COMMAND_WORDS].filter((name) => `/${name}`.startsWith(line));
      return [names.map((name) => `/${name} `), line];
    }
    return [[], line];
  }

  private permissions(): bigint {
    // Whoever runs the console runs the bot: they may /reload.
    return PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;
  }

  private command(name: string, values: Record<string, OptionValue>): Promise<Reply> {
    return this.dispatcher.command(name, {
      user: this.user,
      options: new Options(values),
      permissions: this.permissions(),
      place: CONSOLE_PLACE,
    });
  }

  private async press(which: string): Promise<string> {
    const button = this.lastButtons[Number(which) - 1];
    if (!button)
      return `No button ${which.trim() || "?"}: the last reply has ${this.lastButtons.length}.`;
    if (button.disabled) return `“${button.label}” is disabled.`;
    return this.show(await this.dispatcher.button(button.customId, this.user));
  }

  private suggest(typed: string): string {
    const choices = this.dispatcher.autocomplete("search", {
      user: this.user,
      focused: "query",
      value: typed,
      options: new Options({ query: typed }),
    });
    return choices.length === 0
      ? "(no suggestions)"
      : choices.map((choice, i) => `${i + 1}. ${choice.name}`).join("\n");
  }

  private show(reply: Reply): string {
    if (!reply.error) this.lastButtons = reply.buttons ?? [];
    return renderText(reply, this.style);
  }
}

/**
 * Reads `name:value` options for the option names a command declares; text
 * before the first of them is the value of its first option, so `/quote 6`
 * and `/ask Why?` work. A colon in other words ("3:30") is left alone.
 */
export function parseOptions(
  text: string,
  definitions: readonly APIApplicationCommandOption[],
): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  if (definitions.length === 0) return values;
  const names = definitions.map((definition) =>
    definition.name.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&"),
  );
  const marker = new RegExp(`(?:^|\\s)(${names.join("|")}):`, "gu");
  const marks = [...text.matchAll(marker)];
  const put = (name: string, raw: string) => {
    const definition = definitions.find((option) => option.name === name);
    const value = raw.trim();
    if (!definition || value === "") return;
    values[name] = convert(definition.type, value);
  };
  const first = definitions[0];
  const lead = text.slice(0, marks[0]?.index ?? text.length);
  if (first) put(first.name, lead);
  marks.forEach((mark, i) => {
    const start = mark.index + mark[0].length;
    put(mark[1] ?? "", text.slice(start, marks[i + 1]?.index ?? text.length));
  });
  return values;
}

function convert(type: ApplicationCommandOptionType, value: string): OptionValue {
  switch (type) {
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return Number.isFinite(Number(value)) ? Number(value) : value;
    case ApplicationCommandOptionType.Boolean:
      return /^(?:true|yes|y|1|on)$/iu.test(value);
    case ApplicationCommandOptionType.Attachment:
      return localFile(value);
    case ApplicationCommandOptionType.User: {
      const name = value.replace(/^@/u, "");
      return { id: name, name };
    }
    default:
      return value;
  }
}

/** A local file given where Discord takes an attachment (`file:story.md`). */
function localFile(given: string): AttachmentRef {
  const file = path.resolve(given.replace(/^["']|["']$/gu, ""));
  const missing = () => new IngestRefused(`There is no readable file at ${file}.`);
  return {
    name: path.basename(file),
    // Known once read: the limits are checked on the bytes.
    size: 0,
    read: async () => {
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) throw missing();
      if (info.size > INGEST.maxFileBytes) {
        throw new IngestRefused(`That file is larger than ${INGEST.maxFileBytes / 1_000_000} MB.`);
      }
      return readFile(file);
    },
  };
}
