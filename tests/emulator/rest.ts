// The REST API: each request is read, recorded in `requests`, failed if a test injected a fault
// for it, refused without the bot's token (the interaction routes excepted: Discord authenticates
// them by the interaction's token), then routed: the gateway's URL, the application and its
// commands, channel messages (channels.ts), attachments, and the interaction callback and webhook
// routes (interactions.ts).

import type http from "node:http";
import { snowflake } from "./ids.ts";
import type { Interactions } from "./interactions.ts";
import { userObject } from "./member-messages.ts";
import type { EmulatorState } from "./state.ts";
import type { Loose, RecordedRequest } from "./types.ts";

/** A REST fault: the next `times` requests matching `path` get `status` instead of an answer. */
export interface RestFault {
  path: RegExp;
  method?: string;
  status: 429 | 500 | 502 | 503;
  times: number;
  /** Seconds, sent in the `Retry-After` header only (discord.js ignores the JSON field). */
  retryAfter?: number;
}

/** Answers one request (JSON when `json` is given) and records its status. */
export type Send = (status: number, json?: unknown, headers?: Record<string, string>) => void;

/** The emulator's REST API, served on the HTTP server's requests. */
export class Rest {
  private readonly faults: RestFault[] = [];

  constructor(
    private readonly state: EmulatorState,
    private readonly interactions: Interactions,
  ) {}

  /** Makes the next matching requests fail. */
  injectFault(fault: RestFault): void {
    this.faults.push({ ...fault });
  }

  /** Reads, records and answers one request. */
  async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = decodeURIComponent(url.pathname.replace(/^\/api/, "").replace(/^\/v\d+/, ""));
    let body: Loose = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = (req.method ?? "GET").toUpperCase();
    const record: RecordedRequest = {
      method,
      path,
      query: url.searchParams,
      body,
      at: Date.now(),
      status: 0,
    };
    this.state.requests.push(record);
    const send: Send = (status, json, headers = {}) => {
      record.status = status;
      if (json === undefined) {
        res.writeHead(status, headers).end();
        return;
      }
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(json));
    };
    const fault = this.faults.find(
      (f) => f.times > 0 && f.path.test(path) && (!f.method || f.method === method),
    );
    if (fault) {
      fault.times -= 1;
      if (fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 0.2;
        return send(
          429,
          { message: "You are being rate limited.", retry_after: retryAfter, global: false },
          { "retry-after": String(retryAfter), "x-ratelimit-scope": "user" },
        );
      }
      return send(fault.status, { message: "emulated server error", code: 0 });
    }
    if (method === "GET" && path.startsWith("/attachments/")) {
      const file = this.state.channels.attachment(path.slice("/attachments/".length));
      if (!file) return send(404, { message: "Not Found", code: 0 });
      record.status = 200;
      res.writeHead(200, { "content-type": file.contentType, "content-length": file.data.length });
      return void res.end(file.data);
    }
    const isInteractionRoute = /^\/(interactions|webhooks)\//.test(path);
    if (!isInteractionRoute && req.headers.authorization !== `Bot ${this.state.token}`) {
      return send(401, { message: "401: Unauthorized", code: 0 });
    }
    try {
      this.route(method, path, url.searchParams, body, send);
    } catch (error) {
      send(500, { message: String(error), code: 0 });
    }
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Loose,
    send: Send,
  ): void {
    const state = this.state;
    let m: RegExpMatchArray | null;
    if (method === "GET" && path === "/gateway/bot") {
      return send(200, {
        url: state.gatewayUrl,
        shards: state.options.recommendedShards,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: 16,
        },
      });
    }
    if (method === "GET" && path === "/gateway") return send(200, { url: state.gatewayUrl });
    if (method === "GET" && path === "/users/@me") return send(200, state.botUser);
    if (method === "GET" && (path === "/applications/@me" || path === "/oauth2/applications/@me")) {
      const owner = state.applicationOwner ? userObject(state.applicationOwner) : undefined;
      return send(200, {
        id: state.applicationId,
        name: "citebot",
        flags: 0,
        bot: state.botUser,
        ...(owner ? { owner } : {}),
      });
    }
    if ((m = path.match(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (m[1] !== state.applicationId)
        return send(404, { message: "Unknown Application", code: 10002 });
      const key = m[2] ?? "global";
      if (method === "GET") return send(200, state.commands.get(key) ?? []);
      if (method === "PUT" && Array.isArray(body)) {
        const registered = body.map((c: Loose) => ({
          ...c,
          id: snowflake(),
          application_id: state.applicationId,
          guild_id: m![2],
          version: snowflake(),
          type: c.type ?? 1,
        }));
        state.commands.set(key, registered);
        return send(200, registered);
      }
    }
    if (method === "POST" && (m = path.match(/^\/interactions\/(\d+)\/([^/]+)\/callback$/))) {
      return this.interactions.callback(m[2]!, body, query, send);
    }
    if ((m = path.match(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      return this.interactions.webhookMessage(method, m[2]!, m[3]!, body, send);
    }
    if (method === "POST" && (m = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/))) {
      return this.interactions.followup(m[2]!, body, query, send);
    }
    if (method === "POST" && (m = path.match(/^\/channels\/(\d+)\/messages$/))) {
      const { status, json } = state.channels.post(m[1]!, body, performance.now());
      if (status === 200) {
        const sent = { id: json.id, at: performance.now(), body };
        state.channelMessages.push({ ...sent, channelId: m[1]! });
        this.interactions.noteChannelMessage(sent);
      }
      return send(status, json);
    }
    if (method === "GET" && (m = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/))) {
      const message = state.channels.messages.get(m[2]!);
      if (!message || message.channel_id !== m[1])
        return send(404, { message: "Unknown Message", code: 10008 });
      return send(200, message);
    }
    if (method === "POST" && (m = path.match(/^\/channels\/(\d+)\/typing$/))) return send(204);
    send(404, { message: `404: Not Found (${method} ${path})`, code: 0 });
  }
}
