import type Database from "better-sqlite3";
import type { Place, TopicStore, Topic } from "../bot/context.ts";

/**
 * The article each channel discusses, in the shared database: a channel's own choice, else its
 * parent's (a thread follows its channel), else the server's default. Every shard reads the same
 * rows, so a choice made on one shard holds on all at once.
 */
export class ChannelArticles implements TopicStore {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.statements = {
      set: db.prepare(
        `INSERT OR REPLACE INTO channel_articles (guild_id, channel_id, article_id, set_by, set_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      clear: db.prepare(`DELETE FROM channel_articles WHERE guild_id = ? AND channel_id = ?`),
      get: db.prepare(
        `SELECT article_id FROM channel_articles WHERE guild_id = ? AND channel_id = ?`,
      ),
    };
  }

  set(guildId: string, channelId: string | null, articleId: string, userId: string): void {
    this.statements.set.run(guildId, channelId ?? "", articleId, userId, this.now());
  }

  clear(guildId: string, channelId: string | null): boolean {
    return this.statements.clear.run(guildId, channelId ?? "").changes > 0;
  }

  resolve(place: Place): Topic | undefined {
    const lookups: [string, Topic["from"]][] = [[place.channelId, "channel"]];
    if (place.parentId) lookups.push([place.parentId, "parent"]);
    lookups.push(["", "server"]);
    for (const [channelId, from] of lookups) {
      const row = this.statements.get.get(place.guildId, channelId) as
        { article_id: string } | undefined;
      if (row) return { articleId: row.article_id, from };
    }
    return undefined;
  }
}
