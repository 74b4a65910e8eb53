import fc from "fast-check";
import { ActionRowBuilder, ButtonBuilder, MessageFlags } from "discord.js";
import { describe, expect, it } from "vitest";
import { escapeMarkdown, renderRich, truncate } from "../../src/reply/escape.ts";
import {
  LIMITS,
  toChoices,
  toDiscordMessage,
  type DiscordMessage,
} from "../../src/reply/discord.ts";
import type { Inline, Reply } from "../../src/reply/types.ts";

const HOSTILE = [
  "@everyone",
  "@here",
  "<@123456789012345678>",
  "<@!123456789012345678>",
  "<@&987654321098765432>",
  "<#123456789012345678>",
  "# heading",
  "-# subtext",
  "> quote",
  ">>> block",
  "- item",
  "1. item",
  "**bold**",
  "__under__",
  "~~strike~~",
  "||spoiler||",
  "`code`",
  "```js\nx\n```",
  "[click](https://evil.example)",
  "\\",
  "\n",
  "😀",
  "\ud83d",
  "\u200b",
  "x".repeat(120),
];

/** Hostile text: mentions and markdown mixed with random (astral, control) characters, up to huge sizes. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc
    .array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })), { maxLength: 40 })
    .map((parts) => parts.join(" ")),
  fc
    .tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 1, max: 9000 }))
    .map(([text, times]) => `${text} `.repeat(times).slice(0, 20_000)),
);

const inline: fc.Arbitrary<Inline> = fc.oneof(
  hostileText,
  hostileText.map((bold) => ({ bold })),
  hostileText.map((italic) => ({ italic })),
  fc.tuple(hostileText, fc.oneof(fc.webUrl(), hostileText)).map(([link, url]) => ({ link, url })),
  fc.constantFrom("> ", "\n", "• ").map((markup) => ({ markup })),
);
const rich = fc.oneof(hostileText, fc.array(inline, { maxLength: 12 }));

const reply: fc.Arbitrary<Reply> = fc.record(
  {
    content: rich,
    title: hostileText,
    url: fc.oneof(fc.webUrl(), hostileText),
    description: rich,
    fields: fc.array(
      fc.record(
        { name: hostileText, value: rich, inline: fc.boolean() },
        { requiredKeys: ["name", "value"] },
      ),
      { maxLength: 40 },
    ),
    footer: hostileText,
    buttons: fc.array(
      fc.record(
        { label: hostileText, customId: fc.string({ maxLength: 130 }), disabled: fc.boolean() },
        { requiredKeys: ["label", "customId"] },
      ),
      { maxLength: 30 },
    ),
    ephemeral: fc.boolean(),
    mentionUser: fc.oneof(fc.constant("123456789012345678"), hostileText),
    error: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Every limit Discord enforces on a message, as a list of broken ones. */
function brokenLimits(message: DiscordMessage): string[] {
  const broken: string[] = [];
  if ((message.content?.length ?? 0) > LIMITS.content) broken.push("content");
  if (message.content === "") broken.push("empty content");
  if (!message.content && message.embeds.length === 0) broken.push("empty message");
  for (const embed of message.embeds) {
    let total = 0;
    const count = (what: string, text: string | undefined, max: number) => {
      if (text === undefined) return;
      if (text.length > max) broken.push(`${what} ${text.length} > ${max}`);
      if (text.trim() === "") broken.push(`${what} blank`);
      total += text.length;
    };
    count("title", embed.title, LIMITS.title);
    count("description", embed.description, LIMITS.description);
    count("footer", embed.footer?.text, LIMITS.footer);
    if ((embed.fields?.length ?? 0) > LIMITS.fields) broken.push("field count");
    for (const field of embed.fields ?? []) {
      count("field name", field.name, LIMITS.fieldName);
      count("field value", field.value, LIMITS.fieldValue);
    }
    if (total > LIMITS.embedTotal) broken.push(`embed total ${total}`);
  }
  if (message.components.length > LIMITS.rows) broken.push("rows");
  const ids = new Set<string>();
  for (const row of message.components) {
    if (row.components.length > LIMITS.buttonsPerRow) broken.push("buttons per row");
    for (const button of row.components) {
      if (
        button.label === undefined ||
        button.label.length > LIMITS.buttonLabel ||
        button.label === ""
      )
        broken.push("label");
      if (button.custom_id.length > LIMITS.customId || button.custom_id === "")
        broken.push("custom_id");
      if (ids.has(button.custom_id)) broken.push("duplicate custom_id");
      ids.add(button.custom_id);
    }
  }
  if (message.allowedMentions.parse.length !== 0) broken.push("allowedMentions.parse");
  return broken;
}

/** The texts of a message where markdown and mentions are parsed. */
function parsedTexts(message: DiscordMessage): string[] {
  const texts = [message.content ?? ""];
  for (const embed of message.embeds) {
    texts.push(embed.title ?? "", embed.description ?? "", embed.footer?.text ?? "");
    for (const field of embed.fields ?? []) texts.push(field.name, field.value);
  }
  return texts;
}

describe("reply rendering for Discord", () => {
  it("GIVEN any reply with huge and hostile text THEN the message stays within every Discord limit and pings nobody", () => {
    fc.assert(
      fc.property(reply, (description) => {
        const message = toDiscordMessage(description);
        expect(brokenLimits(message)).toEqual([]);
        // discord.js's own component validation agrees.
        for (const row of message.components)
          expect(() => new ActionRowBuilder<ButtonBuilder>(row).toJSON()).not.toThrow();
        for (const button of message.components.flatMap((row) => row.components))
          expect(() => new ButtonBuilder(button).toJSON()).not.toThrow();
        const users = message.allowedMentions.users ?? [];
        expect(users.length).toBeLessThanOrEqual(1);
        if (users[0] !== undefined) expect(users[0]).toBe(description.mentionUser);
        for (const text of parsedTexts(message)) {
          expect(text).not.toMatch(/@(?:everyone|here)/u);
          const withoutOwnMention = text.replace(/^<@\d{1,20}>(?: |$)/u, "");
          expect(withoutOwnMention).not.toMatch(/<@[!&]?\d/u);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("GIVEN a description longer than 4096 characters THEN it is cut at a word boundary with …", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(" ");
    const description = toDiscordMessage({ description: words }).embeds[0]?.description ?? "";
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description.endsWith("…")).toBe(true);
    expect(description.slice(0, -1)).toMatch(/word\d+$/u);
    expect(words.startsWith(description.slice(0, -1))).toBe(true);
  });

  it("GIVEN 40 fields of 1024 characters THEN fields are dropped to respect 25 fields and 6000 in all", () => {
    const fields = Array.from({ length: 40 }, (_, i) => ({
      name: `¶${i}`,
      value: "a ".repeat(600),
    }));
    const embed = toDiscordMessage({ title: "t", fields }).embeds[0];
    const total = (embed?.fields ?? []).reduce(
      (sum, field) => sum + field.name.length + field.value.length,
      1,
    );
    expect(embed?.fields?.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(6000);
  });

  it("GIVEN a `for` user THEN only that user is mentioned and allowed to be pinged", () => {
    const message = toDiscordMessage({
      description: "hi @everyone",
      mentionUser: "123456789012345678",
    });
    expect(message.content).toBe("<@123456789012345678>");
    expect(message.allowedMentions).toEqual({ parse: [], users: ["123456789012345678"] });
  });

  it("GIVEN no `for` user THEN allowedMentions parses nothing", () => {
    expect(toDiscordMessage({ description: "<@123> @here" }).allowedMentions).toEqual({
      parse: [],
    });
  });

  it("GIVEN an error reply THEN it is private, plain text, without embed or buttons", () => {
    const message = toDiscordMessage({
      content: "Something went wrong (error id x)",
      error: true,
      title: "t",
      buttons: [{ label: "b", customId: "b" }],
    });
    expect(message.flags).toBe(MessageFlags.Ephemeral);
    expect(message.embeds).toEqual([]);
    expect(message.components).toEqual([]);
  });

  it("GIVEN buttons with a too long or repeated custom id THEN those are left out, the rest kept in rows of five", () => {
    const buttons = [
      { label: "ok", customId: "a:1" },
      { label: "dup", customId: "a:1" },
      { label: "long", customId: "x".repeat(101) },
      ...Array.from({ length: 6 }, (_, i) => ({ label: `b${i}`, customId: `b:${i}` })),
    ];
    const rows = toDiscordMessage({ title: "t", buttons }).components;
    expect(rows.map((row) => row.components.map((button) => button.custom_id))).toEqual([
      ["a:1", "b:0", "b:1", "b:2", "b:3"],
      ["b:4", "b:5"],
    ]);
  });

  it("GIVEN more than 25 long autocomplete choices THEN 25 remain with names and values of at most 100 characters", () => {
    const choices = Array.from({ length: 40 }, (_, i) => ({
      name: `${i} ${"n".repeat(300)}`,
      value: `${i}`,
    }));
    choices.push({ name: "too long value", value: "v".repeat(101) });
    const out = toChoices(choices);
    expect(out).toHaveLength(25);
    for (const choice of out) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe("escaping", () => {
  it("GIVEN mentions THEN they are neutralised", () => {
    const escaped = escapeMarkdown("@everyone @here <@123> <@&456> <#789>");
    expect(escaped).not.toMatch(/@everyone|@here|(?<!\\)<[@#]/u);
  });

  it("GIVEN markdown syntax THEN every construct is escaped", () => {
    expect(escapeMarkdown("**b** __u__ ~~s~~ ||p|| `c`")).toBe(
      "\\*\\*b\\*\\* \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|p\\|\\| \\`c\\`",
    );
    expect(escapeMarkdown("[click](https://evil.example)")).toBe(
      "\\[click\\](https://evil.example)",
    );
    expect(escapeMarkdown("# big\n## big\n-# small\n- item\n+ item\n12. item\n> quote")).toBe(
      "\\# big\n\\## big\n\\-# small\n\\- item\n\\+ item\n12\\. item\n\\> quote",
    );
  });

  it("GIVEN bare links THEN they stay intact so they still open, while the text around them is escaped", () => {
    expect(escapeMarkdown("*see* https://example.com/a_b*c~d|e, then **more**")).toBe(
      "\\*see\\* https://example.com/a_b*c~d|e, then \\*\\*more\\*\\*",
    );
    expect(escapeMarkdown("(https://example.com/x_y)")).toBe("(https://example.com/x_y)");
    expect(escapeMarkdown("https://example.com/@everyone")).not.toMatch(/@everyone/u);
    expect(escapeMarkdown("<https://example.com/_>")).toBe("\\<https://example.com/_\\>");
  });

  it("GIVEN formatted pieces THEN bold keeps its markers and its text is escaped", () => {
    expect(renderRich([{ markup: "> " }, "a*b ", { bold: "@here" }], 100)).toBe(
      "> a\\*b **@\u200bhere**",
    );
  });

  it("GIVEN text cut inside a bold piece THEN the markers stay balanced", () => {
    const out = renderRich(["start ", { bold: "one two three four five six" }], 22);
    expect(out.length).toBeLessThanOrEqual(22);
    expect(out).toMatch(/^start \*\*one two[^*]*…\*\*$/u);
  });

  it("GIVEN a cut between surrogate halves THEN no lone surrogate is produced", () => {
    const out = truncate("😀".repeat(10), 6);
    expect(out).toMatch(/^(?:😀)*…$/u);
  });

  it("GIVEN any text and room THEN truncate fits the room and keeps a prefix", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 500 }),
        fc.integer({ min: 0, max: 600 }),
        (text, max) => {
          const out = truncate(text, max);
          expect(out.length).toBeLessThanOrEqual(max);
          if (out !== text) expect(text.startsWith(out.slice(0, -1).trimEnd())).toBe(true);
        },
      ),
    );
  });
});
