// Moderators add and remove their server's articles (/add-article, /remove-article) through the
// dispatcher, with pages served on loopback; two worlds on one database stand for two shards.

import { PermissionFlagsBits } from "discord.js";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { AttachmentRef, Place } from "../../src/bot/context.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { toDiscordMessage } from "../../src/reply/discord.ts";
import type { Reply } from "../../src/reply/types.ts";
import { BINARY, fixturePage, startPageSite, type PageSite } from "../corpus/page-server.ts";
import { ALICE, articleFile, BOB, folderWith, input, world } from "./helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const MANAGER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages;
const MEMBER = PermissionFlagsBits.SendMessages;
const SERVER_A: Place = { guildId: "100000000000000001", channelId: "200000000000000001" };
const SERVER_B: Place = { guildId: "100000000000000002", channelId: "200000000000000002" };
const ARCTIC = "How many Arctic Security Cutters will be built in Finland?";

async function site(): Promise<PageSite> {
  const started = await startPageSite();
  cleanups.push(started.stop);
  return started;
}

/** Two shards: two dispatchers over their own database connections to one state folder. */
async function shards(options: { loopbackLinks?: boolean; dataDir?: string } = {}) {
  const stateDir = await mkdtemp(path.join(tmpdir(), "citebot-library-"));
  cleanups.push(() => rm(stateDir, { recursive: true, force: true }));
  const corpus = options.dataDir
    ? await openCorpus(options.dataDir, { cacheDir: false })
    : undefined;
  const make = async () => {
    const made = await world({
      stateDir,
      loopbackLinks: options.loopbackLinks ?? true,
      owners: [ALICE.id],
      ...(corpus ? { corpus, dataDir: options.dataDir } : {}),
    });
    cleanups.push(async () => made.store?.close());
    return made;
  };
  return { stateDir, zero: await make(), one: await make() };
}

type Shard = Awaited<ReturnType<typeof world>>;

function add(shard: Shard, values: Record<string, string | AttachmentRef>, place = SERVER_A) {
  return shard.dispatcher.command("add-article", input(values, { place, permissions: MANAGER }));
}

/** The reply to /ask as Discord gets it; `title` is the article the answer cites. */
async function ask(
  shard: Shard,
  question: string,
  place: Place,
): Promise<{ title: string; json: string }> {
  const reply = await shard.dispatcher.command("ask", input({ question }, { place, user: BOB }));
  const message = toDiscordMessage(reply);
  return { title: message.embeds[0]?.title ?? "", json: JSON.stringify(message) };
}

const ARCTIC_TITLE = /^Fact Sheet: President Donald J\. Trump Authorizes Construction of Arctic/u;

function expectRefused(reply: Reply, pattern: RegExp) {
  expect(reply).toMatchObject({ error: true, ephemeral: true });
  expect(String(reply.content)).toMatch(pattern);
  expect(String(reply.content)).toMatch(/Nothing was added\.$/u);
}

function attachment(name: string, bytes: Buffer): AttachmentRef {
  return { name, size: bytes.length, read: () => Promise.resolve(bytes) };
}

describe("/add-article and /remove-article", () => {
  it("GIVEN a moderator's link on shard 0 THEN the page is stored as .md in the server's folder and a member on shard 1 is answered from it at once, in that server only", async () => {
    const { base } = await site();
    const { zero, one, stateDir } = await shards();
    expect((await ask(one, ARCTIC, SERVER_A)).title).not.toMatch(ARCTIC_TITLE);
    const reply = await add(zero, { link: `${base}/news/arctic-security-cutters` });
    expect(reply.error).toBeFalsy();
    expect(reply.ephemeral).toBe(true);
    expect(reply.title).toMatch(/Arctic Security Cutters/u);
    expect(String(reply.description)).toMatch(/members here can ask about it now/u);
    const folder = path.join(stateDir, "servers", SERVER_A.guildId);
    const [file] = await readdir(folder);
    const stored = await readFile(path.join(folder, file!), "utf8");
    expect(stored).toMatch(/^---\ntitle: "Fact Sheet: President Donald J\. Trump Authorizes/u);
    expect(stored).toMatch(/^source: The Harbor Ledger$/mu);
    expect(stored).toMatch(/^author: Dana Whitfield$/mu);
    expect(stored).toMatch(/^published: 2025-10-09T20:37:02.000Z$/mu);
    expect(stored).not.toMatch(/ADVERTISEMENT|cookies/u);
    // Shard 1 never saw the command: the shared database tells it before it answers.
    const there = await ask(one, ARCTIC, SERVER_A);
    expect(there.title).toMatch(ARCTIC_TITLE);
    expect(there.json).toMatch(/\*\*A:\*\* four.*shipyards located in/u);
    // Another server does not see it; the bundled article stays seen by both.
    expect((await ask(one, ARCTIC, SERVER_B)).title).not.toMatch(ARCTIC_TITLE);
    for (const place of [SERVER_A, SERVER_B]) {
      expect((await ask(one, "Who did Elon Musk meet in China?", place)).title).toMatch(/Musk/u);
    }
  });

  it("GIVEN an added article WHEN a moderator on shard 1 removes it THEN neither shard answers from it and its file is gone", async () => {
    const { base } = await site();
    const { zero, one, stateDir } = await shards();
    await add(zero, { link: `${base}/moved` });
    const id = zero.context.library!.added(SERVER_A.guildId)[0]!.articleId;
    const choices = one.dispatcher.autocomplete("remove-article", {
      user: ALICE,
      focused: "article",
      value: "arctic",
      options: input().options,
      guildId: SERVER_A.guildId,
    });
    expect(choices).toEqual([{ name: expect.stringMatching(/Arctic/u), value: id }]);
    const removed = await one.dispatcher.command(
      "remove-article",
      input({ article: id }, { place: SERVER_A, permissions: MANAGER }),
    );
    expect(String(removed.content)).toMatch(/^Removed “Fact Sheet/u);
    expect((await ask(zero, ARCTIC, SERVER_A)).title).not.toMatch(ARCTIC_TITLE);
    expect(await readdir(path.join(stateDir, "servers", SERVER_A.guildId))).toEqual([]);
    const again = await one.dispatcher.command(
      "remove-article",
      input({ article: id }, { place: SERVER_A, permissions: MANAGER }),
    );
    expect(again).toMatchObject({ error: true, ephemeral: true });
  });

  it("GIVEN an uploaded .md file THEN it is added like a page", async () => {
    const { zero } = await shards();
    const { markdown } = fixturePage("september-jobs-report");
    const reply = await add(zero, { file: attachment("jobs.md", Buffer.from(markdown)) });
    // The archive's title has no-break spaces ("Joe\u00a0Biden"): kept as written.
    expect(reply.title).toMatch(
      /^Statement from President Joe.Biden on the September Jobs.Report$/u,
    );
    expect((await ask(zero, "How many jobs were created in September?", SERVER_A)).json).toMatch(
      /250,000/u,
    );
  });

  it("GIVEN bad links and files THEN each gets a private reason and nothing is stored", async () => {
    const { base } = await site();
    const { zero, stateDir } = await shards();
    const cases: [Record<string, string | AttachmentRef>, RegExp][] = [
      [{ link: "not a link" }, /not a web address/u],
      [{ link: "ftp://example.com/story" }, /Only https:\/\/ links/u],
      [{ link: `${base}/gone` }, /answered 404/u],
      [{ link: `${base}/image.png` }, /not a web page or a text file/u],
      [{ link: `${base}/binary.html` }, /binary data/u],
      [{ link: `${base}/huge` }, /larger than 2 MB/u],
      [{ link: `${base}/login` }, /no article text|too little text/u],
      [{ link: "http://127.0.0.1:9/closed" }, /could not be reached/u],
      [{ file: attachment("photo.png", BINARY) }, /Only \.md, \.txt and \.html/u],
      [{ file: attachment("story.txt", BINARY) }, /binary data/u],
      [
        {
          file: { name: "big.txt", size: 5_000_000, read: () => Promise.reject(new Error("read")) },
        },
        /larger than 2 MB/u,
      ],
    ];
    for (const [values, reason] of cases) expectRefused(await add(zero, values), reason);
    expect(zero.context.library!.added(SERVER_A.guildId)).toEqual([]);
    await expect(readdir(path.join(stateDir, "servers"))).rejects.toThrow();
    const both = await add(zero, { link: `${base}/login`, file: attachment("a.md", BINARY) });
    expect(both).toMatchObject({
      error: true,
      ephemeral: true,
      content: expect.stringMatching(/Give one article/u),
    });
    const neither = await add(zero, {});
    expect(neither).toMatchObject({ error: true });
  });

  it("GIVEN the same page twice THEN the second is refused as already there", async () => {
    const { base } = await site();
    const { zero } = await shards();
    expect((await add(zero, { link: `${base}/news/arctic-security-cutters` })).error).toBeFalsy();
    expectRefused(await add(zero, { link: `${base}/moved` }), /already has that article/u);
    expect(zero.context.library!.added(SERVER_A.guildId)).toHaveLength(1);
  });

  it("GIVEN no test setting THEN a link to 127.0.0.1 is refused as a local address", async () => {
    const { base, seen } = await site();
    const { zero } = await shards({ loopbackLinks: false });
    expectRefused(
      await add(zero, { link: `${base}/news/arctic-security-cutters` }),
      /Only https:\/\/ links/u,
    );
    expectRefused(
      await add(zero, { link: `https://127.0.0.1:${new URL(base).port}/news/x` }),
      /private or local network address/u,
    );
    expect(seen).toEqual([]);
  });

  it("GIVEN a member without Manage Server THEN adding and removing are refused", async () => {
    const { base, seen } = await site();
    const { zero } = await shards();
    const link = `${base}/news/arctic-security-cutters`;
    const added = await zero.dispatcher.command(
      "add-article",
      input({ link }, { place: SERVER_A, permissions: MEMBER }),
    );
    expect(String(added.content)).toMatch(/Only members with the Manage Server permission/u);
    const removed = await zero.dispatcher.command(
      "remove-article",
      input({ article: "000_78dd10843e31f05d" }, { place: SERVER_A, permissions: MEMBER }),
    );
    expect(String(removed.content)).toMatch(/Only members with the Manage Server permission/u);
    const shared = await zero.dispatcher.command(
      "remove-article",
      input({ article: "000_78dd10843e31f05d" }, { place: SERVER_A, permissions: MANAGER }),
    );
    expect(String(shared.content)).toMatch(/shared articles every server sees/u);
    expect(seen).toEqual([]);
  });

  it("GIVEN the owner's /reload on shard 0 THEN shard 1 answers from the reloaded shared folder, servers' own articles kept", async () => {
    const folder = await folderWith({
      "bridges.md": articleFile("Bridges", "The bridge opened in 1932 to traffic."),
    });
    cleanups.push(folder.cleanup);
    const { base } = await site();
    const { zero, one } = await shards({ dataDir: folder.dir });
    await add(zero, { link: `${base}/news/arctic-security-cutters` });
    await writeFile(
      path.join(folder.dir, "tunnels.md"),
      articleFile(
        "Tunnels",
        "The tunnel under the river opened in 1994 after ten years of digging.",
      ),
    );
    const reloaded = await zero.dispatcher.command("reload", input({}, { permissions: MEMBER }));
    expect(reloaded.title).toBe("Articles reloaded");
    // Shard 1 sees the logged reload at its next interaction and reloads in the background,
    // answering from the articles it has until the new ones are in.
    const library = one.context.library!;
    await library.prepare(SERVER_B.guildId);
    await library.sharedReloadSettled();
    expect((await ask(one, "When did the tunnel open?", SERVER_B)).json).toMatch(/1994/u);
    expect((await ask(one, ARCTIC, SERVER_A)).title).toMatch(ARCTIC_TITLE);
  });
});
