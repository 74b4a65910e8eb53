/**
 * Answers Discord's interactions with the command modules: slash and message commands
 * (deferred when {@link Deferral} says so), autocomplete and buttons, each reply turned
 * into a Discord message; a failed send is logged, never thrown.
 */
import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  MessageFlags,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type User,
} from "discord.js";
import type { Logger } from "pino";
import { fetchPage } from "../corpus/fetch-page.ts";
import { toChoices, toDiscordMessage, type DiscordMessage } from "../reply/discord.ts";
import { errorReply } from "../reply/types.ts";
import { Options, type OptionValue, type UserRef } from "./context.ts";
import { UNKNOWN_COMMAND, type Dispatcher } from "./dispatch.ts";
import type { Deferral } from "./deferral.ts";
import type { InteractionEdits } from "./edits.ts";

function userRef(user: User): UserRef {
  return { id: user.id, name: user.globalName ?? user.username };
}

/**
 * Option values as handlers see them; a user option becomes the user it names, an attachment
 * its name, size and a reader (fetched from Discord's CDN with the page-fetching limits).
 */
function optionsOf(data: readonly CommandInteractionOption[], allowLoopback = false): Options {
  const values: Record<string, OptionValue | undefined> = {};
  for (const option of data) {
    const { attachment } = option;
    values[option.name] = option.user
      ? userRef(option.user)
      : attachment
        ? {
            name: attachment.name,
            size: attachment.size,
            read: async () =>
              (await fetchPage(attachment.url, { allowLoopback, anyType: true })).body,
          }
        : option.value;
  }
  return new Options(values);
}

/** An edit or update keeps the message's visibility: Discord refuses the ephemeral flag there. */
function withoutFlags(message: DiscordMessage): Omit<DiscordMessage, "flags"> {
  const copy = { ...message };
  delete copy.flags;
  return copy;
}

/** Answers a slash or message command, deferred first when {@link Deferral} says so. */
async function answerCommand(
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  dispatcher: Dispatcher,
  deferral: Deferral,
  allowLoopback: boolean,
  edits: InteractionEdits,
): Promise<void> {
  // Acknowledged first when the answer might not be ready well within Discord's 3 seconds.
  const slow = dispatcher.find(interaction.commandName)?.defer === true;
  // Slow commands answer privately; others as the member asked (the "private" option).
  // Read from the raw options: getBoolean throws on a forged option of another type.
  const privately =
    slow || interaction.options.data.some((o) => o.name === "private" && o.value === true);
  const defer = () => interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
  if (deferral.shouldDefer(interaction.createdTimestamp, slow)) {
    await deferral.acknowledge(defer);
    // Under a burst, the other interactions' acknowledgements first: this answer can wait.
    await deferral.acknowledgementsSent();
  }
  const work = dispatcher.command(interaction.commandName, {
    user: userRef(interaction.user),
    options: optionsOf(interaction.options.data, allowLoopback),
    permissions: interaction.memberPermissions?.bitfield ?? null,
    ...(interaction.guildId && interaction.channelId
      ? {
          place: {
            guildId: interaction.guildId,
            channelId: interaction.channelId,
            ...(interaction.channel?.isThread() && interaction.channel.parentId
              ? { parentId: interaction.channel.parentId }
              : {}),
          },
        }
      : {}),
    ...(interaction.isMessageContextMenuCommand()
      ? {
          target: {
            id: interaction.targetMessage.id,
            content: interaction.targetMessage.content ?? "",
          },
        }
      : {}),
  });
  if (!interaction.deferred) {
    // An answer that waits on something (a server's articles loading) is deferred in time.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      timer = setTimeout(() => resolve("late"), deferral.patienceMs(interaction.createdTimestamp));
    });
    const first = await Promise.race([work, late]);
    clearTimeout(timer);
    if (first === "late") await deferral.acknowledge(defer);
  }
  const reply = await work;
  const message = toDiscordMessage(reply);
  if (!interaction.deferred) await interaction.reply(message);
  else if (!privately && reply.ephemeral) {
    // A private reply (a refusal, a cooldown) after a public "thinking…": an edit would
    // show it to everyone, so the placeholder goes and the reply follows privately.
    await interaction.deleteReply();
    await interaction.followUp(message);
  } else await edits.editOriginal(interaction, withoutFlags(message));
}

/** Answers one interaction; never throws (a failed send is logged, the bot keeps running). */
export async function answer(
  interaction: Interaction,
  dispatcher: Dispatcher,
  deferral: Deferral,
  logger: Logger,
  allowLoopback: boolean,
  edits: InteractionEdits,
) {
  try {
    if (interaction.isAutocomplete()) {
      const focused = interaction.options.getFocused(true);
      const choices = dispatcher.autocomplete(interaction.commandName, {
        user: userRef(interaction.user),
        focused: focused.name,
        value: String(focused.value),
        options: optionsOf(interaction.options.data),
        ...(interaction.guildId ? { guildId: interaction.guildId } : {}),
      });
      await interaction.respond(toChoices(choices));
    } else if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
      const done = deferral.begin();
      try {
        await answerCommand(interaction, dispatcher, deferral, allowLoopback, edits);
      } finally {
        done();
      }
    } else if (interaction.isButton()) {
      const reply = await dispatcher.button(interaction.customId, userRef(interaction.user), {
        messageId: interaction.message.id,
        ...(interaction.guildId
          ? { place: { guildId: interaction.guildId, channelId: interaction.channelId } }
          : {}),
      });
      const message = toDiscordMessage(reply);
      if (reply.update && !reply.error) await interaction.update(withoutFlags(message));
      else await interaction.reply(message);
    } else if (interaction.isRepliable()) {
      await interaction.reply(toDiscordMessage(errorReply(UNKNOWN_COMMAND)));
    }
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownInteraction) {
      // Expired (not acknowledged within 3 s): one short line; a stack per interaction would
      // cost more CPU than answering, when a burst has made many late.
      logger.warn(
        { interactionId: interaction.id, type: interaction.type, code: error.code },
        "interaction expired before citebot could acknowledge it (Discord's 3-second deadline)",
      );
    } else {
      logger.error(
        { err: error, interactionId: interaction.id, type: interaction.type },
        "could not answer an interaction",
      );
    }
  }
}
