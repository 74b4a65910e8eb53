import { PermissionFlagsBits } from "discord.js";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CorpusOpener } from "../../src/bot/context.ts";
import { openCorpusInWorker } from "../../src/corpus/open-in-worker.ts";
import { openCorpus, type Corpus } from "../../src/corpus/open.ts";
import { openCacheFolder } from "../../src/corpus/cache-dir.ts";
import { savedIndexPath } from "../../src/corpus/store.ts";
import { SAVE_FAILED } from "../../src/corpus/save-failure.ts";
import type { Reply } from "../../src/reply/types.ts";
import { toDiscordMessage } from "../../src/reply/discord.ts";
import { ALICE, articleFile, BOB, folderWith, input, world } from "./helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A world reading a temporary folder with one article about bridges. */
async function reloadWorld(opener?: CorpusOpener, cacheDir?: string) {
  const folder = await folderWith({
    "bridges.md": articleFile("Bridges", "The bridge opened in 1932 to traffic."),
  });
  cleanups.push(folder.cleanup);
  const corpus = await openCorpus(folder.dir);
  // alice owns the bot (OWNER_IDS or the application's owner); bob moderates a server.
  return {
    ...(await world({
      corpus,
      dataDir: folder.dir,
      owners: [ALICE.id],
      ...(opener ? { openCorpus: opener } : {}),
      ...(cacheDir ? { cacheDir } : {}),
    })),
    dir: folder.dir,
  };
}

/** An opener that waits for `open()` before loading, and counts how often it was asked. */
function gatedOpener() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const calls: string[] = [];
  const opener: CorpusOpener = async (dir, options) => {
    calls.push(dir);
    await gate;
    return openCorpus(dir, options);
  };
  return { opener, open, calls };
}

const text = (reply: Reply) => JSON.stringify(toDiscordMessage(reply));

const MANAGER = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages;

describe("/reload", () => {
  it("GIVEN a server's administrator or manager who is not the bot's owner THEN the reload is refused privately and the articles stay", async () => {
    const { dispatcher, context, dir } = await reloadWorld();
    await writeFile(path.join(dir, "tunnels.md"), articleFile("Tunnels", "The tunnel is long."));
    const before = context.corpus();
    for (const permissions of [MANAGER, PermissionFlagsBits.Administrator, null]) {
      const reply = await dispatcher.command("reload", input({}, { permissions, user: BOB }));
      expect(reply).toMatchObject({ error: true, ephemeral: true });
      expect(String(reply.content)).toMatch(/Only the bot's owner/u);
    }
    expect(context.corpus()).toBe(before);
  });

  it("GIVEN a manager and a new and a broken file THEN the new articles are served and the reply names loaded and broken files", async () => {
    const { dispatcher, context, dir } = await reloadWorld();
    await writeFile(path.join(dir, "tunnels.md"), articleFile("Tunnels", "The tunnel is long."));
    await writeFile(path.join(dir, "broken.md"), "---\ntitle: [unclosed\n---\n");
    const reply = await dispatcher.command("reload", input({}, { permissions: MANAGER }));
    expect(reply.ephemeral).toBe(true);
    const embed = toDiscordMessage(reply).embeds[0];
    expect(embed?.fields?.[0]?.name).toBe("Loaded (2)");
    expect(embed?.fields?.[0]?.value).toMatch(/Tunnels/u);
    expect(embed?.fields?.[1]?.name).toMatch(/Broken files.*\(1\)/u);
    expect(embed?.fields?.[1]?.value).toMatch(/broken\.md/u);
    expect(context.corpus().index.articles.map((article) => article.id)).toEqual([
      "bridges",
      "tunnels",
    ]);
  });

  it("GIVEN a saved index that cannot be written WHEN the owner reloads THEN the new articles are served and one warning says why the index was not saved", async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), "citebot-cache-"));
    cleanups.push(() => rm(cacheDir, { recursive: true, force: true }));
    const opened: Corpus[] = [];
    const opener: CorpusOpener = async (dir, options) => {
      const corpus = await openCorpus(dir, options);
      opened.push(corpus);
      return corpus;
    };
    const { dispatcher, context, dir, lines } = await reloadWorld(opener, cacheDir);
    // A folder where the index goes: its temporary file is written, but renaming it over a
    // folder fails (even for root, who may write anywhere).
    await mkdir(path.join(savedIndexPath(await openCacheFolder(cacheDir), dir), "taken"), {
      recursive: true,
    });
    await writeFile(path.join(dir, "tunnels.md"), articleFile("Tunnels", "The tunnel is long."));
    const reply = await dispatcher.command("reload", input({}, { user: ALICE }));
    expect(reply.error).toBeFalsy();
    expect(context.corpus().index.articles.map((article) => article.id)).toEqual([
      "bridges",
      "tunnels",
    ]);
    expect(opened).toHaveLength(1);
    expect(await opened[0]!.saved).toMatch(/EISDIR|ENOTEMPTY|directory/u);
    await new Promise((resolve) => setImmediate(resolve)); // the line is logged once it settled
    const warnings = lines.filter((line) => line.msg === SAVE_FAILED);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, reason: await opened[0]!.saved });
    // The failed save left no temporary file behind.
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("GIVEN an index saved without trouble WHEN the owner reloads THEN no warning about saving is logged", async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), "citebot-cache-"));
    cleanups.push(() => rm(cacheDir, { recursive: true, force: true }));
    const opened: Corpus[] = [];
    const opener: CorpusOpener = async (dir, options) => {
      const corpus = await openCorpus(dir, options);
      opened.push(corpus);
      return corpus;
    };
    const { dispatcher, dir, lines } = await reloadWorld(opener, cacheDir);
    await writeFile(path.join(dir, "tunnels.md"), articleFile("Tunnels", "The tunnel is long."));
    await dispatcher.command("reload", input({}, { user: ALICE }));
    expect(await opened[0]!.saved).toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter((line) => line.msg === SAVE_FAILED)).toEqual([]);
    expect((await readdir(cacheDir)).filter((name) => name.endsWith(".bin"))).toHaveLength(1);
  });

  it("GIVEN the owner without any server permission THEN the reload is allowed", async () => {
    const { dispatcher } = await reloadWorld();
    const reply = await dispatcher.command(
      "reload",
      input({}, { permissions: PermissionFlagsBits.SendMessages }),
    );
    expect(reply.error).toBeFalsy();
  });

  it("GIVEN a folder that no longer loads THEN the reload fails privately and the previous articles keep answering", async () => {
    const { dispatcher, context, dir } = await reloadWorld();
    const before = context.corpus();
    await rm(path.join(dir, "bridges.md"));
    await writeFile(path.join(dir, "broken.md"), "---\ntitle: [unclosed\n---\n");
    const reply = await dispatcher.command("reload", input({}, { permissions: MANAGER }));
    expect(reply).toMatchObject({ error: true, ephemeral: true });
    expect(String(reply.content)).toMatch(/Reload failed.*1 article loaded before.*broken\.md/su);
    expect(context.corpus()).toBe(before);
    const answer = await dispatcher.command(
      "ask",
      input({ question: "When did the bridge open?" }),
    );
    expect(JSON.stringify(toDiscordMessage(answer))).toContain("¶1");
  });

  it("GIVEN two reloads at once THEN the articles are loaded once, both get the same reply, and a later reload loads again", async () => {
    const { dispatcher, context, dir, lines } = await reloadWorld();
    await writeFile(
      path.join(dir, "tunnels.md"),
      articleFile("Tunnels", "The tunnel opened in 1994."),
    );
    const asked = () => dispatcher.command("reload", input({}, { permissions: MANAGER }));
    const [first, second] = await Promise.all([asked(), asked()]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ title: "Articles reloaded" });
    const reloads = () => lines.filter((line) => line.msg === "articles reloaded").length;
    expect(reloads()).toBe(1);
    expect(context.corpus().index.articles).toHaveLength(2);
    await asked();
    expect(reloads()).toBe(2);
  });

  it("GIVEN a reload still loading WHEN members ask THEN the previous articles answer, and the new ones once it is done", async () => {
    const { opener, open, calls } = gatedOpener();
    const { dispatcher, context, dir } = await reloadWorld(opener);
    await writeFile(
      path.join(dir, "tunnels.md"),
      articleFile("Tunnels", "The tunnel opened in 1994 under the river."),
    );
    const before = context.corpus();
    const reloading = dispatcher.command("reload", input({}, { permissions: MANAGER }));
    const during = await dispatcher.command(
      "ask",
      input({ question: "When did the tunnel open?" }),
    );
    expect(context.corpus()).toBe(before);
    expect(text(during)).not.toContain("1994");
    // A second admin's reload meanwhile shares the one in progress.
    const again = dispatcher.command("reload", input({}, { permissions: MANAGER }));
    open();
    expect(await reloading).toEqual(await again);
    expect(calls).toEqual([dir]);
    const after = await dispatcher.command("ask", input({ question: "When did the tunnel open?" }));
    expect(text(after)).toContain("1994");
  });

  it("GIVEN the bot's opener (a worker thread) THEN /reload swaps in the new articles", async () => {
    const { dispatcher, context, dir } = await reloadWorld(openCorpusInWorker);
    await writeFile(path.join(dir, "tunnels.md"), articleFile("Tunnels", "The tunnel is long."));
    const reply = await dispatcher.command("reload", input({}, { permissions: MANAGER }));
    expect(reply).toMatchObject({ title: "Articles reloaded" });
    expect(context.corpus().index.articles.map((article) => article.id)).toEqual([
      "bridges",
      "tunnels",
    ]);
  });

  it("GIVEN the reload command module THEN it defers before working", async () => {
    const { dispatcher } = await world();
    expect(dispatcher.find("reload")?.defer).toBe(true);
  });
});
