// The baseline: a plain discord.js client that answers every command with an echo (a failed
// answer, a late one say, is dropped as the emulator already recorded it). It tests the
// emulator without citebot and measures what discord.js itself costs in the benchmark.

import { pathToFileURL } from "node:url";
import {
  Client,
  GatewayIntentBits,
  MessageFlags,
  type ClientOptions,
  type Interaction,
} from "discord.js";
import { restAgent } from "../../src/bot/rest-pool.ts";
import { noIdentifyWait } from "./emulator.ts";

/**
 * Logs a plain echo client in to the emulator and resolves once it is ready. Commands get
 * `echo: <first option>`, autocomplete gets one choice, buttons update their message.
 */
export async function startEchoBot(
  emulator: { apiUrl: string; token: string },
  options: Partial<ClientOptions> = {},
): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // citebot's connection pool, so that the benchmark compares like with like.
    rest: { api: emulator.apiUrl, agent: restAgent() },
    ws: noIdentifyWait,
    ...options,
  });
  client.on("interactionCreate", (interaction) => void echo(interaction).catch(() => undefined));
  const echo = async (interaction: Interaction): Promise<void> => {
    if (interaction.isChatInputCommand()) {
      const first = interaction.options.data[0]?.value ?? "";
      await interaction.reply({
        content: `echo: ${String(first)}`,
        allowedMentions: { parse: [] },
        flags: interaction.options.getBoolean("private") ? MessageFlags.Ephemeral : undefined,
      });
    } else if (interaction.isAutocomplete()) {
      await interaction.respond([{ name: "echo", value: "echo" }]);
    } else if (interaction.isButton()) {
      await interaction.update({ content: `pressed ${interaction.customId}` });
    }
  };
  await Promise.all([
    new Promise<void>((resolve) => client.once("clientReady", () => resolve())),
    client.login(emulator.token),
  ]);
  return client;
}

// Run as a script (`tsx tests/emulator/echo-bot.ts`) it is the echo bot in a process of its own,
// for the benchmark: DISCORD_API_URL and DISCORD_TOKEN as for citebot.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const client = await startEchoBot({
    apiUrl: process.env.DISCORD_API_URL ?? "",
    token: process.env.DISCORD_TOKEN ?? "",
  });
  process.once("SIGTERM", () => void client.destroy().then(() => process.exit(0)));
}
