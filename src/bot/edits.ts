/**
 * Edits of deferred replies, sent outside discord.js's global rate limit. @discordjs/rest counts
 * every request against the bot's global limit (50 a second) and holds the rest back, but
 * Discord exempts interaction endpoints from it: a reply's edit uses the interaction's own token
 * (no bot token), and 1,000 deferred answers waited 20 s for their turn. Each interaction's
 * webhook keeps its own per-route limit, which @discordjs/rest still honours here.
 */

import {
  MessagePayload,
  REST,
  Routes,
  type ChatInputCommandInteraction,
  type InteractionEditReplyOptions,
  type MessageContextMenuCommandInteraction,
  type RESTOptions,
} from "discord.js";

/** Sends the edits of deferred replies through a REST client of their own. */
export class InteractionEdits {
  private readonly rest: REST;

  /** `options`: the bot's REST options (API address, connection pool) to share. */
  constructor(options: Partial<RESTOptions>) {
    // No global limit: interaction webhooks are not bound by it (Discord's rate limit docs).
    this.rest = new REST({ ...options, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
  }

  /** Replaces a deferred reply's placeholder with `message`, as `interaction.editReply` does. */
  async editOriginal(
    interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
    message: InteractionEditReplyOptions,
  ): Promise<void> {
    const payload = MessagePayload.create(interaction.webhook, message);
    const { body, files } = await payload.resolveBody().resolveFiles();
    await this.rest.patch(
      Routes.webhookMessage(interaction.webhook.id, interaction.token, "@original"),
      { body, files: files ?? [], auth: false },
    );
  }

  /** Stops the client's timers. */
  destroy(): void {
    this.rest.clearHashSweeper();
    this.rest.clearHandlerSweeper();
  }
}
