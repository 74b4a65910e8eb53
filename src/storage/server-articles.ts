import type Database from "better-sqlite3";

/** An article a moderator added to their server. */
export interface AddedArticle {
  readonly guildId: string;
  readonly articleId: string;
  readonly title: string;
  /** The page it came from; absent for an uploaded file. */
  readonly url?: string;
  readonly addedBy: string;
  readonly addedAt: number;
}

/** A change to the articles some server sees: `guildId` null means the shared folder. */
export interface LibraryChange {
  readonly id: number;
  readonly guildId: string | null;
}

interface Row {
  guild_id: string;
  article_id: string;
  title: string;
  url: string | null;
  added_by: string;
  added_at: number;
}

function added(row: Row): AddedArticle {
  return {
    guildId: row.guild_id,
    articleId: row.article_id,
    title: row.title,
    ...(row.url === null ? {} : { url: row.url }),
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}

/**
 * Who added which article to which server, and the log of changes every shard follows: each
 * addition, removal and shared reload appends a row in the same transaction as its change, and a
 * shard that sees a row it has not applied reloads what the row names. The files themselves live
 * in the server's folder (see `src/corpus/library.ts`).
 */
export class ServerArticles {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO server_articles (guild_id, article_id, title, url, added_by, added_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      remove: db.prepare(`DELETE FROM server_articles WHERE guild_id = ? AND article_id = ?`),
      get: db.prepare(`SELECT * FROM server_articles WHERE guild_id = ? AND article_id = ?`),
      byUrl: db.prepare(`SELECT * FROM server_articles WHERE guild_id = ? AND url = ?`),
      list: db.prepare(`SELECT * FROM server_articles WHERE guild_id = ? ORDER BY added_at, rowid`),
      guilds: db.prepare(`SELECT DISTINCT guild_id FROM server_articles`),
      change: db.prepare(`INSERT INTO library_changes (guild_id, changed_at) VALUES (?, ?)`),
      since: db.prepare(`SELECT id, guild_id FROM library_changes WHERE id > ? ORDER BY id`),
      latest: db.prepare(`SELECT coalesce(max(id), 0) AS id FROM library_changes`),
    };
  }

  /** Records an added article and logs the change; false when the server already has that id. */
  add(article: Omit<AddedArticle, "addedAt">): number | undefined {
    return this.db
      .transaction(() => {
        if (this.statements.get.get(article.guildId, article.articleId)) return undefined;
        this.statements.insert.run(
          article.guildId,
          article.articleId,
          article.title,
          article.url ?? null,
          article.addedBy,
          this.now(),
        );
        return this.logChange(article.guildId);
      })
      .immediate();
  }

  /** Forgets an added article and logs the change; the row it was, or undefined when none. */
  remove(
    guildId: string,
    articleId: string,
  ): { article: AddedArticle; change: number } | undefined {
    return this.db
      .transaction(() => {
        const row = this.statements.get.get(guildId, articleId) as Row | undefined;
        if (!row) return undefined;
        this.statements.remove.run(guildId, articleId);
        return { article: added(row), change: this.logChange(guildId) };
      })
      .immediate();
  }

  /** The article a server added from this page, if any. */
  byUrl(guildId: string, url: string): AddedArticle | undefined {
    const row = this.statements.byUrl.get(guildId, url) as Row | undefined;
    return row ? added(row) : undefined;
  }

  /** One added article of a server, if it is there. */
  get(guildId: string, articleId: string): AddedArticle | undefined {
    const row = this.statements.get.get(guildId, articleId) as Row | undefined;
    return row ? added(row) : undefined;
  }

  /** A server's added articles, oldest first. */
  list(guildId: string): AddedArticle[] {
    return (this.statements.list.all(guildId) as Row[]).map(added);
  }

  /** Servers that have added articles. */
  guilds(): string[] {
    return (this.statements.guilds.all() as { guild_id: string }[]).map((row) => row.guild_id);
  }

  /** Logs that the shared folder was reloaded (every server's articles change). */
  sharedReloaded(): number {
    return this.logChange(null);
  }

  /** Changes after `id`, oldest first. */
  changesSince(id: number): LibraryChange[] {
    return (this.statements.since.all(id) as { id: number; guild_id: string | null }[]).map(
      (row) => ({ id: row.id, guildId: row.guild_id }),
    );
  }

  /** The newest change's id (0 when there is none). */
  latestChange(): number {
    return (this.statements.latest.get() as { id: number }).id;
  }

  private logChange(guildId: string | null): number {
    return Number(this.statements.change.run(guildId, this.now()).lastInsertRowid);
  }
}
