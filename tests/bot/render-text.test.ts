import { describe, expect, it } from "vitest";
import { renderText } from "../../src/reply/text.ts";
import type { Reply } from "../../src/reply/types.ts";

describe("reply rendering as text", () => {
  it("GIVEN a reply THEN the console text shows title, fields, footer, numbered buttons and privacy", () => {
    const text = renderText({
      title: "Title",
      url: "https://example.com",
      description: [{ bold: "Q:" }, " why?"],
      fields: [{ name: "¶6", value: [{ markup: "> " }, "quoted"] }],
      footer: "Fortune",
      buttons: [{ label: "More passages", customId: "ask:more" }],
      ephemeral: true,
    });
    expect(text.split("\n")).toEqual([
      "# Title",
      "https://example.com",
      "**Q:** why?",
      "",
      "## ¶6",
      "│ quoted",
      "",
      "— Fortune",
      "",
      "[1: More passages]",
      "(only you can see this)",
    ]);
  });

  it("GIVEN article text, a title, a footer and a button label holding ANSI escapes, a bell and bidi overrides WHEN rendered for the console THEN none reaches the terminal raw; only the renderer's own styles do", () => {
    const hostile = "\u001b[2J\u001b[31mRED\u0007\u009b1m\u202eevil\u0008";
    const reply: Reply = {
      title: `Title ${hostile}`,
      url: `https://example.com/${hostile}`,
      content: hostile,
      description: [{ bold: hostile }, " ", { italic: hostile }, " ", hostile],
      fields: [
        { name: hostile, value: [{ markup: "> " }, hostile, { link: hostile, url: hostile }] },
      ],
      footer: hostile,
      buttons: [{ label: hostile, customId: "ask:more" }],
      mentionUser: hostile,
    };
    const plain = renderText(reply);
    // eslint-disable-next-line no-control-regex -- the characters under test
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/u);
    expect(plain).toContain("\\u{1b}[31mRED\\u{7}");
    expect(plain.split("\n")[0]).toContain("@\\u{1b}[2J");
    const colored = renderText(reply, { color: true });
    // eslint-disable-next-line no-control-regex -- the renderer's own escapes are what it counts
    const escapes = colored.match(/\u001b\[[0-9;]*[A-Za-z]/gu) ?? [];
    expect(new Set(escapes)).toEqual(new Set(["\u001b[1m", "\u001b[3m", "\u001b[2m", "\u001b[0m"]));
    // eslint-disable-next-line no-control-regex -- the characters under test
    expect(colored).not.toMatch(/[\u0007\u0008\u009b\u202e]/u);
  });
});
