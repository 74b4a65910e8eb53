import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import type { Article } from "../core/index.ts";
import type { Ingested } from "./ingest.ts";
import type { LoadLimits } from "./limits.ts";
import type { Corpus } from "./open.ts";
import { makeFolder } from "../make-folder.ts";
import { buildServerCorpus, type ServerBuilder } from "./server-corpus.ts";
import type { AddedArticle, ServerArticles } from "../storage/server-articles.ts";

/** Tuning of the per-server libraries. */
export const LIBRARY = Object.freeze({
  /**
   * Servers whose own index (shared articles plus theirs) is kept in memory; the least recently
   * used one is rebuilt when its server asks again. Each costs about one shared index.
   */
  cachedServers: 16,
  /** Articles one server may add (each server's index holds the shared ones and these). */
  maxPerServer: 200,
});

/** Why an article was not added or removed, in a moderator's words. */
export class LibraryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LibraryRefused";
  }
}

/** What the library needs: the shared corpus, where servers' files go, and the shared log. */
export interface LibraryDeps {
  shared: Corpus;
  /** Folder under which each server's added articles live (`servers/<guild id>/`). */
  stateDir: string;
  limits: LoadLimits;
  logger: Logger;
  store: ServerArticles;
  /** Loads the shared folder again, when another shard logged a /reload. */
  reopenShared(): Promise<Corpus>;
  /**
   * Builds a server's index over the shared articles; default: in this thread. The bot
   * builds in a worker (`buildServerCorpusInWorker`) so that its thread keeps answering.
   */
  buildServer?: ServerBuilder;
}

/** A guild id as a folder name: Discord's digits (or the console's name), nothing else. */
const GUILD_ID = /^[\w-]{1,40}$/u;

/**
 * The articles each server sees: the shared folder's, plus those its moderators added (stored as
 * `.md` files in the server's own folder, ownership in the shared database). Every change is
 * logged in the database; before answering, each shard applies the changes it has not seen
 * ({@link prepare}), so an addition, removal or /reload made on one shard holds on all of them,
 * in one process or many.
 */
export class Library {
  private shared: Corpus;
  /** The last logged change this shard has applied. */
  private seen: number;
  private readonly servers = new LRUCache<string, Corpus>({ max: LIBRARY.cachedServers });
  /** Changes are applied one at a time; answering needs none of this when nothing changed. */
  private queue: Promise<void> = Promise.resolve();
  /** A reload of the shared folder that another shard logged, running; and one more asked. */
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  /** Counts swaps of the shared corpus: a server index built over an older one is not kept. */
  private generation = 0;

  constructor(private readonly deps: LibraryDeps) {
    this.shared = deps.shared;
    this.seen = deps.store.latestChange();
  }

  /** The articles a server sees now (the shared ones outside a server or before it added any). */
  corpus(guildId?: string): Corpus {
    return (guildId !== undefined && this.servers.get(guildId)) || this.shared;
  }

  /** The shared folder's articles. */
  sharedCorpus(): Corpus {
    return this.shared;
  }

  /** The articles a server's moderators added, oldest first. */
  added(guildId: string): AddedArticle[] {
    return this.deps.store.list(guildId);
  }

  /** The folder of a server's added articles. */
  folder(guildId: string): string {
    if (!GUILD_ID.test(guildId)) throw new Error(`not a server id: ${guildId}`);
    return path.join(this.deps.stateDir, "servers", guildId);
  }

  /**
   * Brings this shard up to date before it answers in a server: applies the changes any shard
   * logged since the last call, and builds the server's index when it has added articles.
   */
  prepare(guildId?: string): Promise<void> {
    const current =
      this.deps.store.latestChange() === this.seen &&
      (guildId === undefined ||
        this.servers.has(guildId) ||
        this.deps.store.list(guildId).length === 0);
    if (current) return Promise.resolve();
    return this.serially(() => this.apply(guildId));
  }

  /**
   * Swaps in a reloaded shared folder here and logs it so the other shards reload too.
   * Every server's index is rebuilt from it when next asked.
   */
  sharedReloaded(corpus: Corpus): void {
    this.shared = corpus;
    this.generation += 1;
    this.servers.clear();
    this.seen = this.deps.store.sharedReloaded();
  }

  /**
   * Stores an article in a server's folder, logs it and rebuilds the server's index; a file
   * that does not read back as the same article is taken out again.
   *
   * @throws LibraryRefused when the server already has it or has too many.
   */
  add(guildId: string, userId: string, ingested: Ingested): Promise<Article> {
    return this.serially(async () => {
      await this.apply(undefined);
      const { article, markdown } = ingested;
      const { store } = this.deps;
      const same = article.url ? store.byUrl(guildId, article.url) : undefined;
      if (same || store.get(guildId, article.id)) {
        throw new LibraryRefused(
          `This server already has that article: “${(same ?? store.get(guildId, article.id))!.title}”.`,
        );
      }
      if (this.shared.index.article(article.id)) {
        throw new LibraryRefused(
          `That article is already in the shared library: “${article.title}”.`,
        );
      }
      if (store.list(guildId).length >= LIBRARY.maxPerServer) {
        throw new LibraryRefused(
          `This server has added ${LIBRARY.maxPerServer} articles, the most it may: remove some first.`,
        );
      }
      const folder = this.folder(guildId);
      const file = path.join(folder, `${article.id}.md`);
      await makeFolder(folder, 0o700);
      // Written whole before it is logged: another shard never reads half a file.
      await writeFile(`${file}.tmp`, markdown, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
      const row = {
        guildId,
        articleId: article.id,
        title: article.title,
        addedBy: userId,
        ...(article.url ? { url: article.url } : {}),
      };
      if (store.add(row) === undefined) {
        throw new LibraryRefused(`This server already has that article: “${article.title}”.`);
      }
      await this.apply(guildId);
      const loaded = this.corpus(guildId).index.article(article.id);
      if (!loaded) {
        store.remove(guildId, article.id);
        await rm(file, { force: true });
        await this.apply(guildId);
        throw new LibraryRefused("That article could not be stored: nothing was added.");
      }
      this.deps.logger.info({ guildId, article: article.id, by: userId }, "article added");
      return loaded;
    });
  }

  /** Takes an added article out of its server; undefined when the server did not add it. */
  remove(guildId: string, articleId: string): Promise<AddedArticle | undefined> {
    return this.serially(async () => {
      // Out of the log first: from then on no shard loads the file, which then goes.
      const removed = this.deps.store.remove(guildId, articleId);
      if (!removed) return undefined;
      await rm(path.join(this.folder(guildId), `${articleId}.md`), { force: true });
      await this.apply(guildId);
      this.deps.logger.info({ guildId, article: articleId }, "article removed");
      return removed.article;
    });
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Applies logged changes, then makes sure `guildId`'s index is built. */
  private async apply(guildId: string | undefined): Promise<void> {
    const changes = this.deps.store.changesSince(this.seen);
    if (changes.length > 0) {
      this.seen = changes[changes.length - 1]!.id;
      if (changes.some((change) => change.guildId === null)) this.followSharedReload();
      for (const change of changes) if (change.guildId) this.servers.delete(change.guildId);
    }
    if (guildId !== undefined && !this.servers.has(guildId)) {
      const generation = this.generation;
      const built = await this.build(guildId);
      // Built over a shared corpus swapped meanwhile: leave it to the next ask.
      if (built && generation === this.generation) this.servers.set(guildId, built);
    }
  }

  /**
   * Reloads the shared folder after another shard's /reload, without making anyone wait:
   * answers come from the current articles until the new ones are in (as on the shard that
   * reloaded), which can take longer than Discord's 3 seconds for a large folder.
   */
  private followSharedReload(): void {
    if (this.reloading) {
      this.reloadAgain = true;
      return;
    }
    this.deps.logger.info("the shared articles were reloaded on another shard: reloading");
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        try {
          const corpus = await this.deps.reopenShared();
          this.shared = corpus;
          this.generation += 1;
          this.servers.clear();
        } catch (error) {
          this.deps.logger.error({ err: error }, "reload failed; keeping the previous articles");
        }
      } while (this.reloadAgain);
    })().finally(() => {
      this.reloading = undefined;
    });
  }

  /** Settles once a reload of the shared folder that another shard asked for is done. */
  async sharedReloadSettled(): Promise<void> {
    while (this.reloading) await this.reloading;
  }

  /** A server's index: the shared articles and those it added (undefined when it added none). */
  private async build(guildId: string): Promise<Corpus | undefined> {
    const ids = this.deps.store.list(guildId).map((row) => row.articleId);
    if (ids.length === 0) return undefined;
    const build = this.deps.buildServer ?? buildServerCorpus;
    const result = await build(this.shared, {
      folder: this.folder(guildId),
      ids,
      limits: this.deps.limits,
    });
    if (result.kind === "unreadable") {
      this.deps.logger.warn(
        { guildId, err: result.error },
        "a server's added articles could not be read",
      );
      return undefined;
    }
    for (const problem of result.problems) this.deps.logger.warn({ guildId }, problem.message);
    return result.corpus;
  }
}
