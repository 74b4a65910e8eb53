// `npm run deploy-commands` as a user runs it, against the emulator: what it registers and whether
// Discord would accept it.

import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { deployCommands } from "../../src/bot/deploy.ts";
import { parseConfig } from "../../src/config.ts";
import { DiscordEmulator, type Loose } from "../emulator/emulator.ts";
import { envFor, spawnScript, stopAfterEach } from "./harness.ts";

const SLASH_NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const MENU_NAME = /^[^\s].{0,31}$/u;

/** Discord's rules for one registered command; empty when Discord would accept it. */
function commandProblems(command: Loose): string[] {
  const problems: string[] = [];
  const name = String(command.name);
  let total = name.length;
  if (command.type === 1) {
    if (!SLASH_NAME.test(name)) problems.push(`${name}: name breaks Discord's pattern`);
    const description = String(command.description ?? "");
    if (description.length < 1 || description.length > 100)
      problems.push(`${name}: description length`);
    total += description.length;
    const options: Loose[] = command.options ?? [];
    if (options.length > 25) problems.push(`${name}: more than 25 options`);
    let optionalSeen = false;
    const names = new Set<string>();
    for (const option of options) {
      if (!SLASH_NAME.test(option.name)) problems.push(`${name}.${option.name}: option name`);
      if (names.has(option.name)) problems.push(`${name}.${option.name}: duplicate option`);
      names.add(option.name);
      const d = String(option.description ?? "");
      if (d.length < 1 || d.length > 100)
        problems.push(`${name}.${option.name}: description length`);
      if (option.required && optionalSeen)
        problems.push(`${name}.${option.name}: required after optional`);
      if (!option.required) optionalSeen = true;
      if (option.autocomplete && option.choices?.length)
        problems.push(`${name}.${option.name}: choices with autocomplete`);
      if (option.max_length !== undefined && (option.max_length < 1 || option.max_length > 6000)) {
        problems.push(`${name}.${option.name}: max_length`);
      }
      total += option.name.length + d.length;
    }
  } else if (command.type === 3 || command.type === 2) {
    if (!MENU_NAME.test(name)) problems.push(`${name}: context menu name`);
    if (command.description) problems.push(`${name}: context menus have no description`);
    if (command.options?.length) problems.push(`${name}: context menus have no options`);
  } else {
    problems.push(`${name}: unknown type ${command.type}`);
  }
  if (total > 4000) problems.push(`${name}: over 4000 characters`);
  return problems;
}

const started = stopAfterEach();

describe("deploy-commands against the emulator", () => {
  it("GIVEN DISCORD_GUILD_ID WHEN npm run deploy-commands runs, and runs again THEN each run bulk-overwrites exactly the command list in that guild, and Discord's rules hold", async () => {
    const emulator = started(await DiscordEmulator.start());
    const guild = emulator.addGuild();
    const env = envFor(emulator, { DISCORD_GUILD_ID: guild.id, LOG_LEVEL: "warn" });
    // The command as users run it, once: a child process costs seconds, so the rerun is in-process.
    const child = started(spawnScript("deploy-commands", env));
    expect(await child.exited, child.stderr).toBe(0);
    const parsed = parseConfig(env);
    if (!parsed.ok) throw new Error(parsed.message);
    const again = await deployCommands(parsed.config);
    const puts = emulator.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => [r.path, r.status])).toEqual([
      [`/applications/${emulator.applicationId}/guilds/${guild.id}/commands`, 200],
      [`/applications/${emulator.applicationId}/guilds/${guild.id}/commands`, 200],
    ]);
    expect(puts[1]!.body).toEqual(puts[0]!.body);
    const registered = emulator.commands.get(guild.id)!;
    expect(again.map((c) => c.name)).toEqual(registered.map((c) => c.name));
    expect(registered.map((c) => c.name)).toEqual(commands.map((c) => c.data.name));
    expect(emulator.commands.has("global")).toBe(false);
    expect(registered.flatMap(commandProblems)).toEqual([]);
    for (const c of registered) expect(child.stdout).toContain(c.name);
    const reload = registered.find((c) => c.name === "reload");
    expect(reload?.default_member_permissions).toBe("32");
    const ask = registered.find((c) => c.name === "ask");
    expect(ask?.options.find((o: Loose) => o.name === "question")).toMatchObject({
      required: true,
      max_length: 300,
    });
    const search = registered.find((c) => c.name === "search");
    expect(search?.options[0]).toMatchObject({ autocomplete: true });
    expect(registered.find((c) => c.type === 3)?.name).toBe("Check against article");
  });

  it("GIVEN no DISCORD_GUILD_ID WHEN the commands are deployed THEN they are registered globally", async () => {
    const emulator = started(await DiscordEmulator.start());
    const parsed = parseConfig(envFor(emulator));
    if (!parsed.ok) throw new Error(parsed.message);
    await deployCommands(parsed.config);
    expect(emulator.commands.get("global")?.map((c) => c.name)).toEqual(
      commands.map((c) => c.data.name),
    );
  });

  it("GIVEN a wrong token WHEN the commands are deployed THEN it fails on 401 without the token in the error", async () => {
    const emulator = started(await DiscordEmulator.start());
    const parsed = parseConfig(envFor(emulator, { DISCORD_TOKEN: "wrong.token-value" }));
    if (!parsed.ok) throw new Error(parsed.message);
    const error: unknown = await deployCommands(parsed.config).then(
      () => new Error("deployed with a wrong token"),
      (e: unknown) => e,
    );
    expect(String(error)).toMatch(/401|Unauthorized/);
    expect(String(error) + JSON.stringify(error)).not.toContain("wrong.token-value");
    expect(emulator.commands.size).toBe(0);
  });
});
