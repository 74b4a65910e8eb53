// The baseline: a plain discord.js client that answers every command with an echo. It tests the
// emulator without citebot and measures what discord.js itself costs in the benchmark.

import { Client, GatewayIntentBits, MessageFlags, type ClientOptions } from "discord.js";
import { clientOptionsFor, type DiscordEmulator } from "./emulator.ts";

/**
 * Logs a plain echo client in to the emulator and resolves once it is ready. Commands get
 * `echo: <first option>`, autocomplete gets one choice, buttons update their message.
 */
export async function startEchoBot(
  emulator: DiscordEmulator,
  options: Partial<ClientOptions> = {},
): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...clientOptionsFor(emulator),
    ...options,
  });
  client.on("interactionCreate", async (interaction) => {
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
  });
  await Promise.all([
    new Promise<void>((resolve) => client.once("clientReady", () => resolve())),
    client.login(emulator.token),
  ]);
  return client;
}
