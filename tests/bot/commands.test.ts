import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
} from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { commandJson } from "../../src/bot/deploy.ts";

/** A registered command's JSON, seen loosely so both kinds can be checked field by field. */
interface Loose {
  type?: ApplicationCommandType;
  name: string;
  description?: string;
  options?: APIApplicationCommandOption[];
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** Discord's rules for one level of options; returns the problems found. */
function optionProblems(options: readonly APIApplicationCommandOption[], where: string): string[] {
  const problems: string[] = [];
  if (options.length > 25) problems.push(`${where}: more than 25 options`);
  let optionalSeen = false;
  const names = new Set<string>();
  for (const option of options) {
    const at = `${where} ${option.name}`;
    if (!NAME.test(option.name) || option.name !== option.name.toLowerCase())
      problems.push(`${at}: bad name`);
    if (names.has(option.name)) problems.push(`${at}: duplicate name`);
    names.add(option.name);
    if (option.description.length < 1 || option.description.length > 100)
      problems.push(`${at}: description must be 1-100 characters`);
    const required = "required" in option && option.required === true;
    if (required && optionalSeen) problems.push(`${at}: required after optional`);
    if (!required) optionalSeen = true;
    if ("choices" in option && option.choices && option.choices.length > 25)
      problems.push(`${at}: more than 25 choices`);
    if ("autocomplete" in option && option.autocomplete && "choices" in option && option.choices)
      problems.push(`${at}: autocomplete with choices`);
  }
  return problems;
}

describe("command definitions", () => {
  it("GIVEN the command list THEN it holds the eleven commands, each once", () => {
    const names = commands.map((command) => command.data.name);
    expect(names).toEqual([
      "ask",
      "search",
      "quote",
      "article",
      "help",
      "Check against article",
      "topic",
      "gaps",
      "add-article",
      "remove-article",
      "reload",
    ]);
  });

  it("GIVEN every definition THEN discord.js builder validation accepts its toJSON()", () => {
    for (const command of commands) expect(() => command.data.toJSON()).not.toThrow();
  });

  it("GIVEN every slash command THEN names, descriptions and options follow Discord's rules", () => {
    const problems: string[] = [];
    for (const json of commandJson() as Loose[]) {
      if (
        json.type === ApplicationCommandType.Message ||
        json.type === ApplicationCommandType.User
      ) {
        if (json.name.length < 1 || json.name.length > 32)
          problems.push(`${json.name}: bad menu name`);
        if ("options" in json && json.options?.length)
          problems.push(`${json.name}: menu with options`);
        continue;
      }
      if (!NAME.test(json.name) || json.name !== json.name.toLowerCase())
        problems.push(`${json.name}: bad name`);
      const description = json.description ?? "";
      if (description.length < 1 || description.length > 100)
        problems.push(`${json.name}: description must be 1-100 characters`);
      problems.push(...optionProblems(json.options ?? [], `/${json.name}`));
    }
    expect(problems).toEqual([]);
  });

  it("GIVEN the definitions THEN no two commands of one type share a name", () => {
    const keys = commandJson().map((json) => `${json.type ?? 1}:${json.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("GIVEN /ask THEN question is required with at most 300 characters, private, for and library optional", () => {
    const ask = commandJson().find((json) => json.name === "ask");
    const options = ask && "options" in ask ? (ask.options ?? []) : [];
    expect(options.map((option) => [option.name, option.type, option.required ?? false])).toEqual([
      ["question", ApplicationCommandOptionType.String, true],
      ["private", ApplicationCommandOptionType.Boolean, false],
      ["for", ApplicationCommandOptionType.User, false],
      ["library", ApplicationCommandOptionType.Boolean, false],
    ]);
    expect(options[0] && "max_length" in options[0] ? options[0].max_length : undefined).toBe(300);
  });

  it("GIVEN /topic THEN it is registered for Manage Channels members, in servers only", () => {
    const json = commandJson().find((entry) => entry.name === "topic");
    expect(json?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageChannels));
    expect(json?.contexts).toEqual([0]);
  });

  it("GIVEN /gaps THEN it is registered for Manage Server members, in servers only", () => {
    const json = commandJson().find((entry) => entry.name === "gaps");
    expect(json?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(json?.contexts).toEqual([0]);
  });

  it("GIVEN /reload THEN it is registered for Manage Server members only, in servers", () => {
    const reload = commandJson().find((json) => json.name === "reload");
    expect(reload?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
  });

  it("GIVEN the check menu THEN it is a message context menu", () => {
    const check = commandJson().find((json) => json.name === "Check against article");
    expect(check?.type).toBe(ApplicationCommandType.Message);
  });

  it("GIVEN /search, /quote, /article, /topic and /remove-article THEN their free-text options autocomplete", () => {
    const autocompleted = commandJson().flatMap((json) =>
      ("options" in json ? (json.options ?? []) : [])
        .filter((option) => "autocomplete" in option && option.autocomplete)
        .map((option) => `${json.name}.${option.name}`),
    );
    expect(autocompleted.sort()).toEqual([
      "article.article",
      "quote.article",
      "remove-article.article",
      "search.query",
      "topic.article",
    ]);
  });
});
