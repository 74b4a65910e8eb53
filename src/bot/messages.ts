import { Events, type Client, type Message } from "discord.js";
import type { Logger } from "pino";
import { toChannelReply } from "../reply/discord.ts";
import type { ChannelMessage, Conversation } from "./conversation.ts";

/**
 * The question in a message's text: citebot's mentions taken out, other members' mentions made
 * their names, role and channel mentions and custom emoji dropped.
 */
export function questionText(
  content: string,
  botId: string,
  nameOf: (userId: string) => string | undefined,
): string {
  return content
    .replace(/<@!?(\d{1,20})>/gu, (_all, id: string) => (id === botId ? " " : (nameOf(id) ?? " ")))
    .replace(/<(?:@&|#)\d{1,20}>|<a?:\w+:\d{1,20}>/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** What the conversation needs of a discord.js message. */
export function channelMessageOf(message: Message, botId: string): ChannelMessage {
  const mention = new RegExp(`<@!?${botId}>`, "u");
  const repliedId = message.reference?.messageId;
  const replied = repliedId ? message.channel.messages.cache.get(repliedId) : undefined;
  const repliesToBot =
    repliedId !== undefined &&
    (replied?.author.id === botId || message.mentions.repliedUser?.id === botId);
  return {
    id: message.id,
    guildId: message.guildId,
    channelId: message.channelId,
    ...(message.channel.isThread() && message.channel.parentId
      ? { parentId: message.channel.parentId }
      : {}),
    author: {
      id: message.author.id,
      name: message.author.globalName ?? message.author.username,
    },
    fromBot: message.author.bot || message.webhookId !== null || message.system,
    text: questionText(message.content, botId, (id) => {
      const user = message.mentions.users.get(id);
      return user ? (user.globalName ?? user.username) : undefined;
    }),
    mentionsBot: mention.test(message.content),
    ...(repliesToBot ? { repliesToBot: repliedId } : {}),
  };
}

/**
 * Answers messages that mention citebot or reply to its answers (GuildMessages intent; Discord
 * sends such messages' content without the privileged Message Content intent). The answer is a
 * reply in the same channel or thread that pings nobody. Never throws: a failure is logged.
 * `firstDelivery` tells a message seen for the first time from a replayed one.
 */
export function listenForMessages(
  client: Client,
  conversation: Conversation,
  logger: Logger,
  firstDelivery: (id: string) => boolean = () => true,
) {
  client.on(Events.MessageCreate, (message) => {
    // A gateway RESUME may replay a message already answered: answer it once.
    if (!firstDelivery(message.id)) return;
    void (async () => {
      try {
        const botId = client.user?.id;
        if (!botId || message.author.id === botId) return;
        const incoming = channelMessageOf(message, botId);
        const answer = await conversation.answer(incoming);
        if (!answer) return;
        const sent = await message.reply(toChannelReply(answer.reply));
        if (answer.context) conversation.memory.remember(sent.id, answer.context);
      } catch (error) {
        logger.error(
          { err: error, messageId: message.id, channelId: message.channelId },
          "could not answer a message",
        );
      }
    })();
  });
}
