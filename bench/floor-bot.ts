// The floor of `npm run bench:bot`: the least any bot must do per interaction, without
// discord.js. It reads the gateway with `ws`, parses each frame and answers every command with
// one small message (callback type 4) over a pool of kept-alive connections (undici). Whatever
// this cannot acknowledge in time on a machine, no bot on that machine can: what is left is the
// emulator's and the machine's cost. Run as a script: DISCORD_API_URL and DISCORD_TOKEN as for
// citebot.

import { Agent, request } from "undici";
import WebSocket from "ws";

/** Connections kept open to the REST API (per origin); FLOOR_CONNECTIONS=0: no limit. */
const CONNECTIONS = Number(process.env.FLOOR_CONNECTIONS ?? 32) || null;

const api = `${process.env.DISCORD_API_URL ?? ""}/v10`;
const token = process.env.DISCORD_TOKEN ?? "";
const agent = new Agent({
  connections: CONNECTIONS,
  pipelining: Number(process.env.FLOOR_PIPELINING ?? 1),
  keepAliveTimeout: 60_000,
});

const gateway = (await (
  await request(`${api}/gateway/bot`, { headers: { authorization: `Bot ${token}` } })
).body.json()) as { url: string };
const ws = new WebSocket(`${gateway.url}/?v=10&encoding=json`);
let seq: number | null = null;
let heartbeat: NodeJS.Timeout | undefined;

ws.on("message", (raw) => {
  const msg = JSON.parse(String(raw)) as {
    op: number;
    s?: number;
    t?: string;
    d: { heartbeat_interval?: number; id?: string; token?: string };
  };
  if (msg.s) seq = msg.s;
  if (msg.op === 10) {
    heartbeat = setInterval(
      () => ws.send(JSON.stringify({ op: 1, d: seq })),
      msg.d.heartbeat_interval,
    );
    ws.send(
      JSON.stringify({
        op: 2,
        d: { token, intents: 1, properties: { os: "linux", browser: "floor", device: "floor" } },
      }),
    );
  } else if (msg.op === 0 && msg.t === "INTERACTION_CREATE") {
    void request(`${api}/interactions/${msg.d.id}/${msg.d.token}/callback`, {
      method: "POST",
      dispatcher: agent,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: 4, data: { content: "ok", allowed_mentions: { parse: [] } } }),
    })
      .then((res) => res.body.dump())
      .catch(() => undefined);
  }
});

process.once("SIGTERM", () => {
  clearInterval(heartbeat);
  ws.close(1000);
  void agent.close().then(() => process.exit(0));
});
