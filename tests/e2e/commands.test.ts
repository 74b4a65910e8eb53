// Every command of citebot through the real discord.js client and the emulator: the bodies Discord
// would receive, checked for citations, limits, mentions and privacy.

import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCorpus, type Corpus } from "../../src/corpus/open.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import {
  autocomplete,
  buttonPress,
  buttonsOf,
  messageCommand,
  OptionType,
} from "../emulator/payloads.ts";
import {
  expectSafe,
  paragraphsCited,
  replyOf,
  startWorld,
  stopAfterEach,
  textOf,
  type World,
} from "./harness.ts";

/** Message markdown taken off, to compare a reply with the article's plain text. */
function plain(text: string): string {
  return text.replace(/\*\*|__|\\(?=[\\*_`~|>#\-[\]().!<@:])/g, "");
}

let world: World;
let corpus: Corpus;
beforeAll(async () => {
  corpus = await openCorpus(DEFAULT_DATA_DIR);
  world = await startWorld();
});
afterAll(async () => {
  await world?.stop();
});

describe("citebot commands through discord.js and the emulator", () => {
  it("GIVEN the emulator WHEN citebot logs in THEN it is ready in the guild with one gateway session", () => {
    expect(world.bot.client.isReady()).toBe(true);
    expect(world.bot.client.guilds.cache.has(world.guild.id)).toBe(true);
    expect(world.emulator.liveShards()).toEqual([0]);
    expect(world.emulator.identifies.get(0)).toBe(1);
  });

  it("GIVEN a question the article answers WHEN /ask is used THEN the reply quotes the core's passages cited as ¶N, public, pinging nobody", async () => {
    const question = "How much did Tesla sell in China last year?";
    const expected = corpus.index.ask(question, { limit: 3 });
    expect(expected.answered).toBe(true);
    const body = replyOf(await world.ask(question));
    expectSafe(body);
    const embed = body.embeds[0];
    const article = corpus.index.articles[0]!;
    expect(embed.title).toContain(plain(article.title).slice(0, 40));
    expect(plain(embed.description)).toContain(question);
    if (expected.answer) expect(plain(embed.description)).toContain(expected.answer);
    expect(embed.footer.text).toContain(article.source!);
    expect(embed.fields.length).toBeLessThanOrEqual(3);
    expect(paragraphsCited(embed.fields.map((f: { name: string }) => f.name).join(" "))).toEqual(
      expected.citations.map((c) => c.paragraph),
    );
    expected.citations.forEach((citation, i) => {
      expect(plain(embed.fields[i].value)).toContain(citation.excerpt.slice(0, 60));
    });
    expect(embed.fields[0].value).toMatch(/\*\*/); // matched words in bold
    const labels = buttonsOf(body).map((b) => b.label);
    expect(labels).toContain("Full paragraph");
    expect(labels).not.toContain("Share in channel");
  });

  it("GIVEN a question the article does not cover WHEN /ask is used THEN it says so and lists passages as related, not as an answer", async () => {
    const body = replyOf(await world.ask("What is the capital of Peru?"));
    expectSafe(body);
    const text = plain(textOf(body));
    expect(text).toMatch(/doesn't cover|does not cover|Nothing in the article/);
    for (const field of body.embeds[0].fields ?? []) expect(field.name).toMatch(/^Related/);
    expect(text).not.toMatch(/\bA: /);
  });

  it("GIVEN private:true and for:bob WHEN /ask is used THEN the reply is ephemeral (64), has Share in channel, and only bob may be pinged", async () => {
    const outcome = await world.ask("Who did Elon Musk meet?", [
      { name: "private", type: OptionType.Boolean, value: true },
      { name: "for", type: OptionType.User, value: world.bob.id },
    ]);
    const body = replyOf(outcome);
    expectSafe(body, { ephemeral: true, mentioned: [world.bob.id] });
    expect(body.content).toContain(`<@${world.bob.id}>`);
    expect(buttonsOf(body).map((b) => b.label)).toContain("Share in channel");
  });

  it("GIVEN an /ask reply WHEN More passages, Full paragraph and Share in channel are pressed THEN each answers with the next passages, the paragraph and a public copy", async () => {
    const question = "Tesla China";
    const all = corpus.index.ask(question, { limit: 10 });
    const first = replyOf(
      await world.ask(question, [{ name: "private", type: OptionType.Boolean, value: true }]),
    );
    const buttons = buttonsOf(first);
    const press = (label: string) => {
      const button = buttons.find((b) => b.label === label);
      expect(button, label).toBeDefined();
      return world.emulator.sendInteraction(
        buttonPress(world.emulator, world.guild, world.alice, button!.customId, first),
      );
    };
    const more = replyOf(await press("More passages"));
    expectSafe(more, { ephemeral: true });
    expect(
      paragraphsCited(more.embeds[0].fields.map((f: { name: string }) => f.name).join(" ")),
    ).toEqual(all.citations.slice(3, 6).map((c) => c.paragraph));
    const top = all.citations[0]!;
    const full = replyOf(await press("Full paragraph"));
    expectSafe(full, { ephemeral: true });
    const paragraph = corpus.index.articles[0]!.paragraphs[top.paragraph - 1]!;
    expect(plain(full.embeds[0].description)).toContain(`¶${top.paragraph}`);
    expect(plain(full.embeds[0].description)).toContain(paragraph.text.slice(0, 80));
    const shared = replyOf(await press("Share in channel"));
    expectSafe(shared);
    expect(shared.embeds[0].footer.text).toContain("shared by alice");
    expect(buttonsOf(shared).map((b) => b.label)).not.toContain("Share in channel");
  });

  it("GIVEN typing in /search WHEN autocomplete is asked THEN at most 25 passage choices within 100 characters come back", async () => {
    const { emulator, guild, alice } = world;
    for (const typed of ["", "tesla", "teslq chna", "x".repeat(300)]) {
      const outcome = await emulator.sendInteraction(
        autocomplete(emulator, guild, alice, "search", "query", [
          { name: "query", type: OptionType.String, value: typed },
        ]),
      );
      expect(outcome.errors).toEqual([]);
      expect(outcome.callback?.type).toBe(8);
      const choices = outcome.callback!.data.choices as { name: string; value: string }[];
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name.length).toBeLessThanOrEqual(100);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
      if (typed === "tesla" || typed === "teslq chna") {
        expect(choices.length, typed).toBeGreaterThan(0);
        expect(choices[0]!.name).toMatch(/^¶\d+/);
      }
    }
  });

  it("GIVEN typing in /quote's article option WHEN autocomplete is asked THEN the matching article is offered by id", async () => {
    const { emulator, guild, alice } = world;
    const article = corpus.index.articles[0]!;
    const outcome = await emulator.sendInteraction(
      autocomplete(emulator, guild, alice, "quote", "article", [
        { name: "paragraph", type: OptionType.Integer, value: 1 },
        { name: "article", type: OptionType.String, value: "tesla" },
      ]),
    );
    expect(outcome.errors).toEqual([]);
    expect(outcome.callback?.data.choices).toEqual([
      { name: article.title.slice(0, 100), value: article.id },
    ]);
  });

  it("GIVEN a picked suggestion or free text WHEN /search runs THEN up to 5 ranked passages come back with ¶ numbers", async () => {
    const body = replyOf(
      await world.command("search", [{ name: "query", type: OptionType.String, value: "revenue" }]),
    );
    expectSafe(body);
    const fields = body.embeds[0].fields;
    const expected = corpus.index.ask("revenue", { limit: 5 });
    expect(fields.length).toBe(expected.citations.length);
    expect(fields.length).toBeLessThanOrEqual(5);
    expect(paragraphsCited(fields.map((f: { name: string }) => f.name).join(" "))).toEqual(
      expected.citations.map((c) => c.paragraph),
    );
  });

  it("GIVEN /quote paragraph:2 WHEN ◀ and ▶ are pressed THEN the message is updated in place to ¶1 and ¶3", async () => {
    const article = corpus.index.articles[0]!;
    const body = replyOf(
      await world.command("quote", [{ name: "paragraph", type: OptionType.Integer, value: 2 }]),
    );
    expectSafe(body);
    expect(plain(body.embeds[0].description)).toContain(article.paragraphs[1]!.text.slice(0, 80));
    expect(body.embeds[0].footer.text).toContain(`¶2 of ${article.paragraphs.length}`);
    const nav = buttonsOf(body);
    for (const [label, n] of [
      ["◀", 1],
      ["▶", 3],
    ] as const) {
      const button = nav.find((b) => b.label === label)!;
      const outcome = await world.emulator.sendInteraction(
        buttonPress(world.emulator, world.guild, world.bob, button.customId, body),
      );
      expect(outcome.callback?.type, "update message").toBe(7);
      const updated = replyOf(outcome);
      expect(plain(updated.embeds[0].description)).toContain(
        article.paragraphs[n - 1]!.text.slice(0, 60),
      );
      expect(updated.embeds[0].footer.text).toContain(`¶${n} of`);
    }
    const missing = replyOf(
      await world.command("quote", [{ name: "paragraph", type: OptionType.Integer, value: 999 }]),
    );
    expectSafe(missing, { ephemeral: true });
    expect(missing.content).toMatch(/doesn't exist/);
  });

  it("GIVEN /article and /help WHEN used THEN the article card has title, source, count and figures with ¶, and help lists the commands", async () => {
    const article = corpus.index.articles[0]!;
    const card = replyOf(await world.command("article"));
    expectSafe(card);
    const text = plain(textOf(card));
    expect(text).toContain(article.source!);
    expect(text).toContain(String(article.paragraphs.length));
    expect(text).toMatch(/\$1 billion|376%/);
    expect(paragraphsCited(text).length).toBeGreaterThan(0);
    const help = replyOf(await world.command("help"));
    expectSafe(help, { ephemeral: true });
    for (const name of ["/ask", "/search", "/quote", "/article"])
      expect(textOf(help)).toContain(name);
  });

  it("GIVEN a message WHEN Check against article is used and shared THEN the private reply cites passages and the shared copy is public", async () => {
    const { emulator, guild, alice, bob } = world;
    const claim = "Tesla sales in China tripled to more than $1 billion";
    const outcome = await emulator.sendInteraction(
      messageCommand(emulator, guild, alice, "Check against article", claim, bob),
    );
    const body = replyOf(outcome);
    expectSafe(body, { ephemeral: true });
    expect(plain(textOf(body))).toContain(claim);
    expect(paragraphsCited(textOf(body))).toContain(2);
    const share = buttonsOf(body).find((b) => b.label === "Share in channel")!;
    const shared = replyOf(
      await emulator.sendInteraction(buttonPress(emulator, guild, alice, share.customId, body)),
    );
    expectSafe(shared);
    expect(shared.embeds[0].footer.text).toContain("shared by alice");
  });
});

describe("/reload", () => {
  const started = stopAfterEach();

  it("GIVEN a member or a server's admin WHEN /reload is used THEN it is refused privately; GIVEN the application's owner THEN the new article loads and the broken file is reported", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "citebot-e2e-"));
    started({ stop: () => rm(dir, { recursive: true, force: true }) });
    await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
    const own = started(await startWorld({ env: { DATA_DIR: dir } }));
    for (const user of [own.alice, own.admin]) {
      const refused = replyOf(await own.command("reload", [], { user }));
      expectSafe(refused, { ephemeral: true });
      expect(refused.content).toMatch(/Only the bot's owner can reload/);
    }

    await writeFile(
      path.join(dir, "zz_new.md"),
      '---\ntitle: "Quokkas of Rottnest"\nsource: "Test Wire"\npublished: "2024-02-02"\n---\n\nQuokkas live on Rottnest Island near Perth.\n\nThey are marsupials.\n',
    );
    await writeFile(path.join(dir, "zz_broken.md"), "---\ntitle: [unclosed\n---\n");
    const outcome = await own.command("reload", [], { user: own.owner });
    expect(outcome.callback?.type, "reload defers first").toBe(5);
    const body = replyOf(outcome);
    expectSafe(body, { ephemeral: true });
    const text = textOf(body);
    expect(text).toMatch(/Loaded \(2\)/);
    expect(text).toContain("Quokkas of Rottnest");
    expect(plain(text)).toMatch(/zz_broken\.md: front matter/);
    const answer = replyOf(await own.ask("Where do quokkas live?"));
    expect(plain(textOf(answer))).toContain("Rottnest Island");
    // With several articles loaded, each citation names its article.
    expect(answer.embeds[0].fields[0].name).toMatch(/¶\d+ · Quokkas of Rottnest/);
  });
});

describe("cooldown", () => {
  const started = stopAfterEach();

  it("GIVEN COOLDOWN_SECONDS=30 WHEN alice asks twice THEN the second gets a private 'try again in N s' and bob is not held back", async () => {
    const own = started(await startWorld({ env: { COOLDOWN_SECONDS: "30" } }));
    expectSafe(replyOf(await own.ask("Who did Elon Musk meet?")));
    const again = replyOf(await own.ask("Who did Elon Musk meet?"));
    expectSafe(again, { ephemeral: true });
    expect(again.content).toMatch(/try again in (\d+) s/);
    const bob = replyOf(
      await own.command(
        "ask",
        [{ name: "question", type: OptionType.String, value: "Who did Elon Musk meet?" }],
        { user: own.bob },
      ),
    );
    expectSafe(bob);
    expect(bob.embeds[0].fields.length).toBeGreaterThan(0);
  });
});
