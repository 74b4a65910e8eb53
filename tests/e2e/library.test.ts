// Servers' own articles end to end: two shards in two clients (as two processes would be) sharing
// one state folder, pages served on loopback. A moderator adds by link or file on one shard; the
// other answers from it at once; /reload by the owner reaches every shard.

import { cp, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startBot } from "../../src/bot/bot.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { DEFAULT_DATA_DIR } from "../../src/paths.ts";
import { memoryLogger } from "../bot/helpers.ts";
import { fixturePage, startPageSite } from "../corpus/page-server.ts";
import {
  noIdentifyWait,
  shardOf,
  type EmulatedGuild,
  type EmulatedUser,
} from "../emulator/emulator.ts";
import { OptionType, slashCommand, type OptionValue } from "../emulator/payloads.ts";
import { askUntil, expectSafe, replyOf, startWorld, stopAfterEach, textOf } from "./harness.ts";

const started = stopAfterEach();
const ARCTIC = "How many Arctic Security Cutters will be built in Finland?";

async function twoShards() {
  const site = started(await startPageSite());
  const stateDir = await mkdtemp(path.join(tmpdir(), "citebot-e2e-state-"));
  const dataDir = await mkdtemp(path.join(tmpdir(), "citebot-e2e-data-"));
  started({
    stop: async () => {
      await rm(stateDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    },
  });
  await cp(DEFAULT_DATA_DIR, dataDir, { recursive: true });
  const world = started(
    await startWorld({
      guilds: 4,
      env: { CITEBOT_STATE_DIR: stateDir, DATA_DIR: dataDir, CITEBOT_TEST_ALLOW_LOOPBACK: "1" },
      clientOptions: { shards: [0], shardCount: 2 },
    }),
  );
  // The second client, shard 1: its own library and database connection, the same files.
  const second = await startBot({
    config: world.config,
    corpus: await openCorpus(dataDir, { cacheDir: world.config.cacheDir }),
    logger: memoryLogger("warn").logger,
    clientOptions: { ws: noIdentifyWait, shards: [1], shardCount: 2 },
  });
  started(second);
  const { emulator } = world;
  const on = (shard: number) => emulator.guilds.find((g) => shardOf(g.id, 2) === shard)!;
  const send = (
    shard: number,
    guild: EmulatedGuild,
    user: EmulatedUser,
    name: string,
    options: OptionValue[],
  ) =>
    emulator.sendInteraction(slashCommand(emulator, guild, user, name, options), {
      shard,
      timeoutMs: 15_000,
    });
  const ask = async (shard: number, guild: EmulatedGuild) => {
    const outcome = await send(shard, guild, world.alice, "ask", [
      { name: "question", type: OptionType.String, value: ARCTIC },
    ]);
    expect(outcome.shard).toBe(shard);
    const body = replyOf(outcome);
    expectSafe(body);
    return body;
  };
  return { world, site, stateDir, dataDir, on, send, ask };
}

const link = (value: string): OptionValue => ({ name: "link", type: OptionType.String, value });

describe("servers' own articles on every shard", () => {
  it("GIVEN two shards WHEN a moderator adds a page by link on shard 0 THEN a member on shard 1 is answered from it at once, only in that server; removing it works the same way", async () => {
    const { world, site, stateDir, on, send, ask } = await twoShards();
    const home = on(0);
    const elsewhere = on(1);
    expect(
      replyOf(
        await send(1, home, world.alice, "ask", [
          { name: "question", type: OptionType.String, value: ARCTIC },
        ]),
      ).embeds[0].title,
    ).not.toMatch(/Arctic/);

    const added = await send(0, home, world.admin, "add-article", [
      link(`${site.base}/news/arctic-security-cutters`),
    ]);
    expect(added.callback?.type, "adding defers first").toBe(5);
    const reply = replyOf(added);
    expectSafe(reply, { ephemeral: true });
    expect(reply.embeds[0].title).toMatch(/^Fact Sheet: .*Arctic Security Cutters$/);
    expect(textOf(reply)).toMatch(/The Harbor Ledger · 9 October 2025/);
    expect(await readdir(path.join(stateDir, "servers", home.id))).toHaveLength(1);

    // The guild's interactions now reach shard 1 (as when Discord moves a guild between shards).
    const answer = await ask(1, home);
    expect(answer.embeds[0].title).toMatch(/Arctic Security Cutters/);
    expect(answer.embeds[0].description).toMatch(/\*\*A:\*\* four/);
    expect((await ask(1, elsewhere)).embeds[0].title).not.toMatch(/Arctic/);

    const id = (await readdir(path.join(stateDir, "servers", home.id)))[0]!.replace(/\.md$/u, "");
    const removed = replyOf(
      await send(0, home, world.admin, "remove-article", [
        { name: "article", type: OptionType.String, value: id },
      ]),
    );
    expectSafe(removed, { ephemeral: true });
    expect(removed.content).toMatch(/^Removed “Fact Sheet/);
    expect((await ask(1, home)).embeds[0].title).not.toMatch(/Arctic/);
  });

  it("GIVEN bad links and files and a member without Manage Server THEN each gets a private reason and nothing is added", async () => {
    const { world, site, stateDir, on, send } = await twoShards();
    const guild = on(1);
    const refusals: [EmulatedUser, OptionValue[], RegExp][] = [
      [world.alice, [link(`${site.base}/news/arctic-security-cutters`)], /Manage Server/],
      [world.admin, [link(`${site.base}/gone`)], /answered 404/],
      [world.admin, [link(`${site.base}/login`)], /no article text|too little text/],
      [world.admin, [link(`${site.base}/image.png`)], /not a web page/],
      [world.admin, [link("https://10.0.0.1/story")], /private or local network address/],
      [
        world.admin,
        [
          {
            name: "file",
            type: OptionType.Attachment,
            value: world.emulator.uploadAttachment(guild, {
              filename: "photo.png",
              data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
              contentType: "image/png",
            }),
          },
        ],
        /Only \.md, \.txt and \.html/,
      ],
    ];
    for (const [user, options, reason] of refusals) {
      const body = replyOf(await send(1, guild, user, "add-article", options));
      expectSafe(body, { ephemeral: true });
      expect(body.content).toMatch(reason);
    }
    await expect(readdir(path.join(stateDir, "servers"))).rejects.toThrow();
  });

  it("GIVEN an uploaded .md file on shard 1 THEN that server's members are answered from it", async () => {
    const { world, on, send } = await twoShards();
    const guild = on(1);
    const file = world.emulator.uploadAttachment(guild, {
      filename: "jobs.md",
      data: fixturePage("september-jobs-report").markdown,
      contentType: "text/markdown; charset=utf-8",
    });
    const added = replyOf(
      await send(1, guild, world.admin, "add-article", [
        { name: "file", type: OptionType.Attachment, value: file },
      ]),
    );
    expect(added.embeds[0].title).toMatch(/September Jobs.Report/);
    const answer = replyOf(
      await send(1, guild, world.bob, "ask", [
        {
          name: "question",
          type: OptionType.String,
          value: "How many jobs were added in September?",
        },
      ]),
    );
    expect(textOf(answer)).toMatch(/250,000/);
  });

  it("GIVEN the owner's /reload on shard 0 THEN a member on shard 1 is answered from the new shared article", async () => {
    const { world, dataDir, on, send } = await twoShards();
    await writeFile(
      path.join(dataDir, "zz_quokkas.md"),
      '---\ntitle: "Quokkas of Rottnest"\nsource: "Test Wire"\n---\n\nQuokkas live on Rottnest Island near Perth.\n',
    );
    const reloaded = replyOf(await send(0, on(0), world.owner, "reload", []));
    expect(reloaded.embeds[0].title).toBe("Articles reloaded");
    // Shard 1 reloads in the background when it sees the logged reload, answering (in time) from
    // the articles it has meanwhile: asked again until the new article is in.
    expect(
      await askUntil(
        () =>
          send(1, on(1), world.bob, "ask", [
            { name: "question", type: OptionType.String, value: "Where do quokkas live?" },
          ]),
        "Rottnest Island",
      ),
    ).toContain("Rottnest Island");
  });
});
