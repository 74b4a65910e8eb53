import { pathToFileURL } from "node:url";
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from "discord.js";
import type { Logger } from "pino";
import { commands } from "../../commands/index.ts";
import type { BotConfig } from "../config.ts";
import { describeDiscordFailure, startup } from "./startup.ts";

/** The JSON of every command, as registered. */
export function commandJson() {
  return commands.map((command) => command.data.toJSON());
}

/**
 * Registers every command with one bulk overwrite (safe to rerun: Discord
 * replaces the whole set), in `config.guildId` when set (instant), else
 * globally. Returns the commands as Discord registered them.
 */
export async function deployCommands(
  config: BotConfig,
  logger?: Logger,
): Promise<RESTPutAPIApplicationCommandsResult> {
  const rest = new REST({
    version: "10",
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    // No background sweepers: this is a one-shot client.
    hashSweepInterval: 0,
    handlerSweepInterval: 0,
  }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  const registered = (await rest.put(route, {
    body: commandJson(),
  })) as RESTPutAPIApplicationCommandsResult;
  logger?.info(
    {
      scope: config.guildId ? `guild ${config.guildId}` : "global",
      commands: registered.map((command) => command.name),
    },
    "commands registered",
  );
  return registered;
}

async function main(): Promise<number> {
  const { config, logger } = startup();
  try {
    const registered = await deployCommands(config, logger);
    const where = config.guildId
      ? `in server ${config.guildId} (available now)`
      : "globally (may take up to an hour to appear)";
    console.log(`Registered ${registered.length} commands ${where}:`);
    for (const command of registered) {
      console.log(
        `  ${command.type === 1 ? "/" : "⋯ "}${command.name}  ${command.description || "(message menu)"}`,
      );
    }
    return 0;
  } catch (error) {
    console.error(`deploy-commands: ${describeDiscordFailure(error, config).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
