import type Database from "better-sqlite3";
import type {
  AskedContext,
  ContextMemory,
  QuestionLog,
  UnansweredQuestion,
} from "../bot/conversation.ts";

/** Tuning of what is kept and for how long. */
export const RETENTION = Object.freeze({
  /** A follow-up context older than this is not used: a reply to an older answer is a new question. */
  contextTtlMs: 24 * 60 * 60 * 1000,
  /** Default days question texts are kept for /gaps (QUESTION_RETENTION_DAYS). */
  questionDays: 30,
  /** How often old question texts are deleted while the bot runs. */
  pruneEveryMs: 60 * 60 * 1000,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** A question folded for counting repeats: case, punctuation and spacing ignored. */
export function questionKey(question: string): string {
  return question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%$]+/gu, " ")
    .trim();
}

/** An unanswered question as it is written. */
interface UnansweredRow {
  readonly guildId: string;
  readonly channelId: string | null;
  readonly messageId: string | null;
  readonly question: string;
  readonly key: string;
  readonly at: number;
}

/**
 * What citebot keeps between restarts, in the shared database: the answers it posted (for
 * follow-ups and votes), the questions it could not answer (for /gaps). Every write is one short
 * transaction, so several shard processes can share the file.
 *
 * Unanswered questions are written together, once per turn of the event loop: each commit waits
 * for the disk (`synchronous = FULL`), 3.5–5 ms on the development machine, on the bot's one
 * thread, so a burst of unanswered questions stalled every other interaction that long per
 * question; a hundred in one transaction cost about 0.03 ms each (`npm run bench:bot:load`). A
 * crash loses at most that turn's questions (statistics for /gaps, never an answer).
 */
export class Records implements ContextMemory, QuestionLog {
  private readonly statements;
  /** Unanswered questions logged and not yet written, oldest first. */
  private pending: UnansweredRow[] = [];
  private readonly writePending: Database.Transaction<(rows: readonly UnansweredRow[]) => void>;

  constructor(
    readonly db: Database.Database,
    private readonly options: {
      questionDays?: number;
      now?: () => number;
      /**
       * Told when writing the logged questions failed (the database locked past its busy
       * timeout, the disk full): they are dropped. Without it, the error is raised as a Node
       * warning.
       */
      onWriteError?: (error: unknown) => void;
    } = {},
  ) {
    this.statements = {
      remember: db.prepare(
        `INSERT OR REPLACE INTO answers
           (answer_id, guild_id, channel_id, asked_message_id, user_id, question, article, answered, created_at)
         VALUES (@answerId, @guildId, @channelId, @askedMessageId, @userId, @question, @article, @answered, @at)`,
      ),
      recall: db.prepare(
        `SELECT guild_id, channel_id, asked_message_id, user_id, question, article
           FROM answers WHERE answer_id = ? AND created_at >= ? AND question IS NOT NULL`,
      ),
      unanswered: db.prepare(
        `INSERT INTO unanswered (guild_id, channel_id, message_id, question, question_key, created_at)
         VALUES (@guildId, @channelId, @messageId, @question, @key, @at)`,
      ),
      forgetAnswers: db.prepare(
        `UPDATE answers SET question = NULL WHERE created_at < ? AND question IS NOT NULL`,
      ),
      forgetUnanswered: db.prepare(`DELETE FROM unanswered WHERE created_at < ?`),
    };
    this.writePending = db.transaction((rows: readonly UnansweredRow[]) => {
      for (const row of rows) this.statements.unanswered.run(row);
    });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Remembers the question an answer answered (`answered` false: it said the article doesn't cover it). */
  remember(answerId: string, context: AskedContext, answered = true): void {
    this.statements.remember.run({
      answerId,
      guildId: context.guildId,
      channelId: context.channelId,
      askedMessageId: context.askedMessageId,
      userId: context.userId,
      question: context.question,
      article: context.article ?? null,
      answered: answered ? 1 : 0,
      at: this.now(),
    });
  }

  /** The context of an answer posted less than a day ago, or undefined. */
  recall(answerId: string): AskedContext | undefined {
    const row = this.statements.recall.get(answerId, this.now() - RETENTION.contextTtlMs) as
      | {
          guild_id: string;
          channel_id: string;
          asked_message_id: string | null;
          user_id: string;
          question: string;
          article: string | null;
        }
      | undefined;
    if (!row) return undefined;
    return {
      question: row.question,
      ...(row.article !== null ? { article: row.article } : {}),
      guildId: row.guild_id,
      channelId: row.channel_id,
      askedMessageId: row.asked_message_id ?? "",
      userId: row.user_id,
    };
  }

  /** Logs a question the articles did not cover: written on the next turn of the event loop. */
  logUnanswered(entry: UnansweredQuestion): void {
    if (this.pending.length === 0) {
      setImmediate(() => {
        try {
          this.flush();
        } catch (error) {
          if (this.options.onWriteError) this.options.onWriteError(error);
          else process.emitWarning(`could not log unanswered questions: ${String(error)}`);
        }
      });
    }
    this.pending.push({
      guildId: entry.guildId,
      channelId: entry.channelId ?? null,
      messageId: entry.messageId ?? null,
      question: entry.question,
      key: questionKey(entry.question),
      at: this.now(),
    });
  }

  /**
   * Writes the unanswered questions logged so far, in one transaction (done on its own on the
   * next turn of the event loop; before reading them, and before closing the database).
   *
   * @throws the database's error; the questions are dropped then.
   */
  flush(): void {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    this.writePending.immediate(rows);
  }

  /**
   * Deletes question texts older than the retention time: the unanswered log's entries, and the
   * question of older answers (their votes stay, without the text). Returns how many went.
   */
  prune(): number {
    this.flush();
    const days = this.options.questionDays ?? RETENTION.questionDays;
    const cutoff = this.now() - days * DAY_MS;
    return this.db
      .transaction(
        () =>
          this.statements.forgetAnswers.run(cutoff).changes +
          this.statements.forgetUnanswered.run(cutoff).changes,
      )
      .immediate();
  }

  /** Questions of the unanswered log in a guild, most asked first, with a count and one asking message. */
  topUnanswered(
    guildId: string,
    limit: number,
  ): { question: string; count: number; channelId: string | null; messageId: string | null }[] {
    this.flush();
    // Each question's count, shown with one asking message: the latest that has a message.
    const rows = this.db
      .prepare(
        `SELECT u.question, g.count, u.channel_id, u.message_id
           FROM (SELECT question_key, COUNT(*) AS count, MAX(id) AS last,
                        MAX(CASE WHEN message_id IS NOT NULL THEN id END) AS linked
                   FROM unanswered WHERE guild_id = ? GROUP BY question_key) AS g
           JOIN unanswered AS u ON u.id = COALESCE(g.linked, g.last)
          ORDER BY g.count DESC, g.last DESC LIMIT ?`,
      )
      .all(guildId, limit) as {
      question: string;
      count: number;
      channel_id: string | null;
      message_id: string | null;
    }[];
    return rows.map((row) => ({
      question: row.question,
      count: row.count,
      channelId: row.channel_id,
      messageId: row.message_id,
    }));
  }
}
