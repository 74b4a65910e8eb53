// Interactions from dispatch to answer: INTERACTION_CREATE sent to a shard, then what the bot does
// with it over REST, checked as Discord checks it and recorded in the interaction's outcome: the
// callback (refused after the deadline or a second time), `@original` reads, edits and deletes,
// followups. A test's wait settles at the answer (for a deferral, at the first edit or followup).

import type { Gateway } from "./gateway.ts";
import { messageObject } from "./channels.ts";
import { snowflake } from "./ids.ts";
import { autocompleteProblems, messageProblems } from "./limits.ts";
import type { Send } from "./rest.ts";
import type { EmulatorState } from "./state.ts";
import type { InteractionOutcome, Loose, SentMessage } from "./types.ts";

interface PendingInteraction {
  outcome: InteractionOutcome;
  settle: () => void;
}

/** Interactions sent and their outcomes, by token; the REST routes hand them the bot's calls. */
export class Interactions {
  private readonly pending = new Map<string, PendingInteraction>();
  private readonly byToken = new Map<string, InteractionOutcome>();

  constructor(
    private readonly state: EmulatorState,
    private readonly gateway: Gateway,
  ) {}

  /** See {@link DiscordEmulator.sendInteraction}, which gives the defaults. */
  send(
    payload: Loose,
    { timeoutMs, settleMs, shard }: { timeoutMs: number; settleMs: number; shard?: number },
  ): Promise<InteractionOutcome> {
    const session =
      shard === undefined
        ? this.gateway.sessionFor(payload.guild_id)
        : this.gateway.sessionOfShard(shard);
    if (!session) return Promise.reject(new Error("emulator: no session for this guild's shard"));
    const outcome: InteractionOutcome = {
      id: payload.id,
      token: payload.token,
      payload,
      shard: session.shard,
      dispatchedAt: performance.now(),
      edits: [],
      followups: [],
      channelMessages: [],
      deleted: false,
      late: false,
      errors: [],
    };
    this.byToken.set(payload.token, outcome);
    return new Promise((resolve, reject) => {
      let answered = false;
      const timeout = setTimeout(() => {
        this.pending.delete(payload.token);
        reject(
          new Error(
            `emulator: interaction ${payload.data?.name ?? payload.data?.custom_id} not answered in ` +
              `${timeoutMs} ms (errors: ${outcome.errors.join("; ") || "none"})`,
          ),
        );
      }, timeoutMs);
      const settle = (): void => {
        if (answered) return;
        answered = true;
        clearTimeout(timeout);
        setTimeout(() => {
          this.pending.delete(payload.token);
          resolve(outcome);
        }, settleMs);
      };
      this.pending.set(payload.token, { outcome, settle });
      this.gateway.dispatch(session, "INTERACTION_CREATE", payload);
    });
  }

  /** Settles every interaction still waiting, as unanswered (the emulator is stopping). */
  settleAll(): void {
    for (const entry of this.pending.values()) entry.settle();
    this.pending.clear();
  }

  /** Records a channel message the bot posted in every interaction still waiting. */
  noteChannelMessage(sent: SentMessage): void {
    for (const p of this.pending.values()) p.outcome.channelMessages.push(sent);
  }

  /** `POST /interactions/{id}/{token}/callback`. */
  callback(token: string, body: Loose, query: URLSearchParams, send: Send): void {
    const outcome = this.byToken.get(token);
    if (!outcome) return send(404, { message: "Unknown interaction", code: 10062 });
    const at = performance.now();
    const latencyMs = at - outcome.dispatchedAt;
    const { deadlineMs } = this.state.options;
    if (latencyMs > deadlineMs) {
      outcome.late = true;
      outcome.lateCallbackMs ??= latencyMs;
      outcome.lateCallbackType ??= Number(body?.type);
      outcome.errors.push(`callback after ${Math.round(latencyMs)} ms (deadline ${deadlineMs} ms)`);
      send(404, { message: "Unknown interaction", code: 10062 });
      // The interaction failed for the user: settle now, so the test sees `late` and not a timeout.
      return this.pending.get(token)?.settle();
    }
    if (outcome.callback) {
      outcome.errors.push("second callback");
      return send(400, { message: "Interaction has already been acknowledged.", code: 40060 });
    }
    const type = Number(body?.type);
    const data = body?.data ?? {};
    const problems =
      type === 8
        ? autocompleteProblems(data)
        : type === 4 || type === 7
          ? messageProblems(data)
          : [];
    if (problems.length) return this.refuse(outcome, `callback type ${type}`, problems, send);
    outcome.callback = { type, data, at, latencyMs };
    if (type === 4 || type === 5) outcome.original = { ...data };
    if (type === 7 || type === 6)
      outcome.original = { ...(outcome.payload.message ?? {}), ...data };
    if (type !== 5 && type !== 6) this.pending.get(token)?.settle();
    if (query.get("with_response") === "true") {
      const message = outcome.original
        ? this.message(outcome, outcome.original, outcome.id)
        : undefined;
      return send(200, {
        interaction: {
          id: outcome.id,
          type: outcome.payload.type,
          response_message_loading: type === 5,
        },
        resource: { type, message },
      });
    }
    send(204);
  }

  /** `POST /webhooks/{application}/{token}`: a followup message. */
  followup(token: string, body: Loose, query: URLSearchParams, send: Send): void {
    const outcome = this.byToken.get(token);
    if (!outcome?.callback || outcome.late)
      return send(404, { message: "Unknown Webhook", code: 10015 });
    const problems = messageProblems(body);
    if (problems.length) return this.refuse(outcome, "followup", problems, send);
    const message = this.message(outcome, body, snowflake());
    outcome.followups.push({ id: message.id, at: performance.now(), body });
    this.pending.get(outcome.token)?.settle();
    return query.get("wait") === "true" ? send(200, message) : send(204);
  }

  /** `GET`, `PATCH` or `DELETE /webhooks/{application}/{token}/messages/{id or @original}`. */
  webhookMessage(method: string, token: string, messageId: string, body: Loose, send: Send): void {
    const outcome = this.byToken.get(token);
    if (!outcome?.callback) return send(404, { message: "Unknown Webhook", code: 10015 });
    if (messageId === "@original") {
      if (!outcome.original || outcome.deleted)
        return send(404, { message: "Unknown Message", code: 10008 });
      if (method === "GET") return send(200, this.message(outcome, outcome.original, outcome.id));
      if (method === "DELETE") {
        outcome.deleted = true;
        return send(204);
      }
      if (method === "PATCH") {
        const merged = { ...outcome.original, ...body };
        const problems = messageProblems(merged);
        if (problems.length) return this.refuse(outcome, "edit", problems, send);
        outcome.original = merged;
        outcome.edits.push({ id: outcome.id, at: performance.now(), body });
        this.pending.get(token)?.settle();
        return send(200, this.message(outcome, merged, outcome.id));
      }
    }
    const followup = outcome.followups.find((f) => f.id === messageId);
    if (!followup) return send(404, { message: "Unknown Message", code: 10008 });
    if (method === "GET") return send(200, this.message(outcome, followup.body, followup.id));
    if (method === "DELETE") return send(204);
    if (method === "PATCH")
      return send(200, this.message(outcome, { ...followup.body, ...body }, followup.id));
    send(405, { message: "405: Method Not Allowed", code: 0 });
  }

  private refuse(outcome: InteractionOutcome, what: string, problems: string[], send: Send): void {
    outcome.errors.push(`${what} refused: ${problems.join("; ")}`);
    send(400, { message: "Invalid Form Body", code: 50035, errors: problems });
  }

  /** The message object of the interaction's response or followup, as a webhook message. */
  private message(outcome: InteractionOutcome, body: Loose, id: string): Loose {
    const channelId = outcome.payload.channel_id ?? outcome.payload.channel?.id;
    const { botUser, applicationId } = this.state;
    return {
      ...messageObject(channelId, id, botUser),
      ...body,
      type: 20,
      webhook_id: applicationId,
      application_id: applicationId,
      flags: body?.flags ?? 0,
      guild_id: outcome.payload.guild_id,
    };
  }
}
