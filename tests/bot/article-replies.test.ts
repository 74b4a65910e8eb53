import { describe, expect, it } from "vitest";
import { extractFigures } from "../../src/core/index.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { ALICE, articleFile, buttonId, folderWith, input, visible, world } from "./helpers.ts";

describe("several articles", () => {
  it("GIVEN two articles THEN article options select one, autocomplete offers titles, and citations name their article", async () => {
    const folder = await folderWith({
      "bridges.md": articleFile(
        "Golden Bridges",
        "The bridge opened in 1932 and cost $35 million.\n\nIt carries 40,000 cars a day.",
      ),
      "tunnels.md": articleFile("Deep Tunnels", "The tunnel opened in 1994 under the sea."),
    });
    try {
      const corpus = await openCorpus(folder.dir);
      const { dispatcher } = await world({ corpus });
      const choices = dispatcher.autocomplete("quote", {
        user: ALICE,
        focused: "article",
        value: "tun",
        options: input().options,
      });
      expect(choices).toEqual([{ name: "Deep Tunnels", value: "tunnels" }]);
      const quote = await dispatcher.command("quote", input({ paragraph: 1, article: "tunnels" }));
      expect(quote.title).toBe("Deep Tunnels");
      const answer = await dispatcher.command(
        "ask",
        input({ question: "When did the tunnel open?" }),
      );
      expect(answer.fields?.[0]?.name).toBe("¶1 · Deep Tunnels");
      const about = await dispatcher.command("article", input({ article: "Golden" }));
      expect(visible(about)).toMatch(/\$35 million\*\* \(money\) · ¶1/u);
      expect(visible(about)).toMatch(/40,000 cars\*\* \(count\) · ¶2/u);
      const wrong = await dispatcher.command("article", input({ article: "volcanoes" }));
      expect(wrong).toMatchObject({ error: true });
      expect(String(wrong.content)).toMatch(/No article matches.*Golden Bridges/u);
    } finally {
      await folder.cleanup();
    }
  });
});

describe("/article, /help and the check menu", () => {
  it("GIVEN /article THEN title, source, date, paragraph count, lead and key figures with their ¶", async () => {
    const { dispatcher } = await world();
    const text = visible(await dispatcher.command("article", input()));
    for (const expected of [
      /Fortune/u,
      /27 April 2017/u,
      /Paragraphs\n8/u,
      /Lead \(¶1\)\nElon Musk made/u,
      /\$4\.2 billion\*\* \(money\) · ¶3/u,
      /376%\*\* \(percent\) · ¶2/u,
    ]) {
      expect(text).toMatch(expected);
    }
  });

  it("GIVEN /help THEN it explains citebot with examples of every command", async () => {
    const { dispatcher } = await world();
    const text = visible(await dispatcher.command("help", input()));
    for (const command of ["/ask", "/search", "/quote", "/article", "Check against article"])
      expect(text).toContain(command);
  });

  it("GIVEN a message the article bears on THEN the menu shows passages privately with Share in channel", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command(
      "Check against article",
      input({}, { target: { id: "1", content: "Tesla sales in China tripled to $1 billion" } }),
    );
    expect(reply.ephemeral).toBe(true);
    expect(visible(reply)).toMatch(/bears on this/u);
    expect(visible(reply)).toMatch(/¶2/u);
    const shared = await dispatcher.button(buttonId(reply, "Share in channel"), ALICE);
    expect(shared.ephemeral).toBe(false);
  });

  it("GIVEN a message the article doesn't cover, or one without text THEN it says so", async () => {
    const { dispatcher } = await world();
    const off = await dispatcher.command(
      "Check against article",
      input({}, { target: { id: "1", content: "Penguins live in Antarctica" } }),
    );
    expect(visible(off)).toMatch(/doesn't cover/u);
    const empty = await dispatcher.command(
      "Check against article",
      input({}, { target: { id: "1", content: "" } }),
    );
    expect(empty).toMatchObject({ error: true, ephemeral: true });
  });
});

describe("key figures", () => {
  it("GIVEN an article with money, percentages, counts, years and times THEN figures are found with their ¶, years and times left out", async () => {
    const folder = await folderWith({
      "f.md": articleFile(
        "Figures",
        "Revenue hit €3.5 billion in 2023, up 12 percent.\n\nThe firm hired 1,200 workers at 9 am on Monday and sold 40 million cars.",
      ),
    });
    try {
      const article = (await openCorpus(folder.dir)).index.articles[0];
      if (!article) throw new Error("no article");
      expect(extractFigures(article)).toEqual([
        { kind: "money", text: "€3.5 billion", paragraph: 1 },
        { kind: "percent", text: "12 percent", paragraph: 1 },
        { kind: "count", text: "1,200 workers", paragraph: 2 },
        { kind: "count", text: "40 million cars", paragraph: 2 },
      ]);
    } finally {
      await folder.cleanup();
    }
  });
});
