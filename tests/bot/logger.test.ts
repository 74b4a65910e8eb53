import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { scrubSecrets } from "../../src/logger.ts";
import { memoryLogger } from "./helpers.ts";

const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDe.secret_part-of-the-token";
const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246MTIzNDU2Nzg5OnNlY3JldA";

describe("the logger keeps tokens out of the log", () => {
  it("GIVEN a discord.js API error for a failed interaction reply WHEN it is logged THEN its URL keeps the ids but not the interaction token, and the reply body (question text) is left out", () => {
    const { logger, lines } = memoryLogger("info", [TOKEN]);
    const error = new DiscordAPIError(
      { code: 10062, message: "Unknown interaction" },
      10062,
      404,
      "POST",
      `https://discord.com/api/v10/interactions/1234567890/${INTERACTION_TOKEN}/callback`,
      { files: undefined, body: { type: 4, data: { content: "Q: who met Musk?" } } },
    );
    logger.error({ err: error }, "could not answer an interaction");
    expect(JSON.stringify(lines)).not.toContain(INTERACTION_TOKEN);
    expect(JSON.stringify(lines)).not.toContain("who met Musk");
    expect(lines[0]?.err).toMatchObject({ type: "DiscordAPIError", status: 404, code: 10062 });
    expect(lines[0]?.err.stack).toContain("Unknown interaction");
    expect(lines[0]?.err.url).toBe(
      "https://discord.com/api/v10/interactions/1234567890/[redacted]/callback",
    );
  });

  it("GIVEN the bot token inside an error message, a stack, a nested Authorization header and a plain field WHEN logged THEN it appears nowhere", () => {
    const { logger, lines } = memoryLogger("debug", [TOKEN]);
    const error = new Error(`login failed with ${TOKEN}`);
    logger.error({ err: error }, "could not start");
    logger.warn({ request: { headers: { authorization: `Bot ${TOKEN}` } } }, "request");
    logger.warn({ response: { request: { headers: { authorization: "Bot x" } } } }, "deep");
    logger.debug({ token: TOKEN, note: `token is ${TOKEN}` }, "fields");
    const text = JSON.stringify(lines);
    expect(lines).toHaveLength(4);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain("Bot x");
    expect(lines[3]?.note).toBe("token is [redacted]");
  });

  it("GIVEN a webhook edit path WHEN scrubbed THEN the token segment is replaced and the rest kept", () => {
    expect(
      scrubSecrets(`PATCH /api/v10/webhooks/42/${INTERACTION_TOKEN}/messages/%40original`, []),
    ).toBe("PATCH /api/v10/webhooks/42/[redacted]/messages/%40original");
  });
});
