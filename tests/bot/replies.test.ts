import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { suggestPassages } from "../../commands/search.ts";
import { askIndex } from "../../commands/shared/views.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { toDiscordMessage } from "../../src/reply/discord.ts";
import { ALICE, BOB, bundledCorpus, buttonId, input, visible, world } from "./helpers.ts";

describe("/ask", () => {
  it("GIVEN a question the article answers THEN the reply quotes passages cited as ¶N with matched words bold, title linked, source and date in the footer", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command(
      "ask",
      input({ question: "How much did vehicle exports to China rise?" }),
    );
    const message = toDiscordMessage(reply);
    const embed = message.embeds[0];
    expect(message.flags).toBeUndefined();
    expect(embed?.title).toMatch(/Elon Musk/u);
    expect(embed?.footer?.text).toBe("Fortune · 27 April 2017, 06:11 UTC");
    expect(embed?.fields?.length).toBeGreaterThan(0);
    expect(embed?.fields?.length).toBeLessThanOrEqual(3);
    expect(embed?.fields?.[0]?.name).toMatch(/^¶\d+$/u);
    expect(embed?.fields?.map((field) => field.value).join("\n")).toMatch(/376%/u);
    expect(embed?.fields?.[0]?.value).toMatch(/\*\*\S+\*\*/u);
    expect(reply.buttons?.map((button) => button.label)).toContain("Full paragraph");
  });

  it("GIVEN a question the article does not cover THEN it says so and lists the closest passages as related", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command(
      "ask",
      input({ question: "What is the capital of Peru?" }),
    );
    const text = visible(reply);
    expect(text).toMatch(/doesn't cover|Nothing in the article/u);
    for (const field of toDiscordMessage(reply).embeds[0]?.fields ?? [])
      expect(field.name).toMatch(/^Related/u);
  });

  it("GIVEN a question whose best two passages are a close call THEN both are shown and no bold short answer", async () => {
    const { dispatcher } = await world();
    const question = "When did Tesla disclose its Chinese sales numbers?";
    const reply = await dispatcher.command("ask", input({ question }));
    const text = visible(reply);
    expect(text).toContain("Two passages fit about equally well");
    expect(text).not.toContain("**A:**");
    expect(toDiscordMessage(reply).embeds[0]?.fields?.length).toBeGreaterThanOrEqual(2);
    // The same question with a clear winner keeps its bold short answer.
    const clear = visible(
      await dispatcher.command(
        "ask",
        input({ question: "When did the news agency tweet the photo?" }),
      ),
    );
    expect(clear).toMatch(/\*\*A:\*\* Late on Tuesday night/u);
    expect(clear).not.toContain("Two passages");
  });

  it("GIVEN private:true THEN the reply is ephemeral with Share in channel, and sharing posts it publicly", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command(
      "ask",
      input({ question: "Who did Musk meet?", private: true }),
    );
    expect(toDiscordMessage(reply).flags).toBeDefined();
    const shared = await dispatcher.button(buttonId(reply, "Share in channel"), BOB);
    expect(shared.ephemeral).toBe(false);
    expect(shared.footer).toMatch(/shared by bob/u);
    expect(visible(shared)).toContain(visible(reply).split("\n")[2] ?? "");
  });

  it("GIVEN for:@member THEN that member alone is mentioned", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command(
      "ask",
      input({ question: "Who did Musk meet?", for: BOB }),
    );
    const message = toDiscordMessage(reply);
    expect(message.content).toBe(`<@${BOB.id}>`);
    expect(message.allowedMentions).toEqual({ parse: [], users: [BOB.id] });
  });

  it("GIVEN More passages THEN the next citations come, privately, and a long question survives via the state store", async () => {
    const { dispatcher } = await world();
    const question = `Tesla China ${"meeting ".repeat(20)}`.trim();
    const first = await dispatcher.command("ask", input({ question }));
    const id = buttonId(first, "More passages");
    expect(id.length).toBeLessThanOrEqual(100);
    const more = await dispatcher.button(id, ALICE);
    expect(more.ephemeral).toBe(true);
    const firstParagraphs = (first.fields ?? []).map((field) => field.value);
    for (const field of more.fields ?? []) expect(firstParagraphs).not.toContainEqual(field.value);
  });

  it("GIVEN Full paragraph THEN the cited paragraph is shown whole, privately", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command(
      "ask",
      input({ question: "What tariffs apply to imported cars?" }),
    );
    const paragraph = await dispatcher.button(buttonId(reply, "Full paragraph"), ALICE);
    expect(paragraph.ephemeral).toBe(true);
    expect(visible(paragraph)).toMatch(/\*\*¶6\*\*\nLi also predicts.*affordability in China\./su);
  });

  it("GIVEN an empty or letterless question THEN a private explanation", async () => {
    const { dispatcher } = await world();
    for (const question of ["", "   ", "?!?"]) {
      expect(await dispatcher.command("ask", input({ question }))).toMatchObject({
        error: true,
        ephemeral: true,
      });
    }
    expect(await dispatcher.command("ask", input({ question: 42 }))).toMatchObject({ error: true });
  });
});

describe("/search", () => {
  it("GIVEN a query THEN up to 5 ranked passages with ¶ numbers", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command("search", input({ query: "Tesla" }));
    const fields = toDiscordMessage(reply).embeds[0]?.fields ?? [];
    expect(fields.length).toBe(5);
    for (const field of fields) expect(field.name).toMatch(/^¶\d+$/u);
  });

  it("GIVEN typing with a typo or half a word THEN autocomplete suggests the matching passage, within Discord's limits", async () => {
    const corpus = await bundledCorpus();
    for (const typed of ["tarifs on imported", "tari", "exprots"]) {
      // Its speed is measured by the benchmarks, not asserted here (a busy machine would fail it).
      const choices = suggestPassages(corpus.index, typed);
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(choices.map((choice) => choice.name).join("\n")).toMatch(
        typed === "exprots" ? /exports/u : /tariffs/u,
      );
    }
  });

  it("GIVEN a picked suggestion THEN searching its value puts that passage first", async () => {
    const { dispatcher } = await world();
    const [choice] = suggestPassages((await bundledCorpus()).index, "tariffs");
    const reply = await dispatcher.command("search", input({ query: choice?.value ?? "" }));
    expect(reply.fields?.[0]?.name).toBe(choice?.name.split(" · ")[0]);
  });

  it("GIVEN an empty autocomplete THEN the opening sentences are offered", async () => {
    const choices = suggestPassages((await bundledCorpus()).index, "");
    expect(choices[0]?.name).toMatch(/^¶1 · Elon Musk/u);
  });
});

describe("/quote", () => {
  it("GIVEN paragraph 6 THEN the whole paragraph with ◀ ▶ that move to its neighbours in place", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command("quote", input({ paragraph: 6 }));
    expect(reply.footer).toMatch(/^¶6 of 8/u);
    const next = await dispatcher.button(buttonId(reply, "▶"), BOB);
    expect(next.update).toBe(true);
    expect(next.footer).toMatch(/^¶7 of 8/u);
    const previous = await dispatcher.button(buttonId(next, "◀"), BOB);
    expect(previous.footer).toMatch(/^¶6 of 8/u);
  });

  it("GIVEN the first and last paragraph THEN ◀ or ▶ is disabled", async () => {
    const { dispatcher } = await world();
    const first = await dispatcher.command("quote", input({ paragraph: 1 }));
    const last = await dispatcher.command("quote", input({ paragraph: 8 }));
    expect(first.buttons?.find((b) => b.label === "◀")?.disabled).toBe(true);
    expect(last.buttons?.find((b) => b.label === "▶")?.disabled).toBe(true);
  });

  it("GIVEN a paragraph beyond the article THEN a private message gives the valid range", async () => {
    const { dispatcher } = await world();
    const reply = await dispatcher.command("quote", input({ paragraph: 30 }));
    expect(reply).toMatchObject({ error: true, ephemeral: true });
    expect(String(reply.content)).toMatch(/1–8/u);
  });
});

describe("remembered answers", () => {
  it("GIVEN the same question twice THEN the ranker runs once; GIVEN new articles THEN they answer afresh", async () => {
    const corpus = await bundledCorpus();
    const first = askIndex(corpus.index, "Who is Li Anding?", 3);
    expect(askIndex(corpus.index, "Who is Li Anding?", 3)).toBe(first);
    expect(askIndex(corpus.index, "Who is Li Anding?", 4)).not.toBe(first);
    const reloaded = await openCorpus(corpus.dir);
    const fresh = askIndex(reloaded.index, "Who is Li Anding?", 3);
    expect(fresh).not.toBe(first);
    expect(fresh).toEqual(first);
  });
});

describe("any question through the commands", () => {
  it("GIVEN any question or message text THEN /ask, /search and the check menu reply with buttons Discord accepts, none dropped", async () => {
    const { dispatcher } = await world();
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 400 }),
      fc
        .array(
          fc.constantFrom("Tesla", "China", "@everyone", "<@123>", "# x", "**", "meet", "$1", "¶"),
          { maxLength: 80 },
        )
        .map((words) => words.join(" ")),
    );
    await fc.assert(
      fc.asyncProperty(text, fc.boolean(), async (question, hidden) => {
        const replies = [
          await dispatcher.command("ask", input({ question, private: hidden })),
          await dispatcher.command("search", input({ query: question })),
          await dispatcher.command(
            "Check against article",
            input({}, { target: { id: "1", content: question } }),
          ),
        ];
        for (const reply of replies) {
          const rendered = toDiscordMessage(reply).components.flatMap((row) => row.components);
          expect(rendered.length).toBe(reply.error ? 0 : (reply.buttons ?? []).length);
        }
      }),
      { numRuns: 100 },
    );
  });
});
