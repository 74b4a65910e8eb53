import type Database from "better-sqlite3";
import type { FeedbackStore, Gaps, Vote, VoteResult } from "../bot/context.ts";
import { Records } from "./records.ts";

/**
 * Votes on answers (one per member per answer, changeable) and the /gaps report: the questions
 * most asked that the articles did not cover, and the answers most voted down.
 */
export class Feedback implements FeedbackStore {
  private readonly statements;
  private readonly records: Records;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.records = new Records(db, { now });
    this.statements = {
      answer: db.prepare(
        `INSERT OR IGNORE INTO answers
           (answer_id, guild_id, channel_id, asked_message_id, user_id, question, article, answered, created_at)
         VALUES (?, ?, ?, NULL, '', ?, NULL, 1, ?)`,
      ),
      previous: db.prepare(`SELECT value FROM votes WHERE answer_id = ? AND user_id = ?`),
      vote: db.prepare(
        `INSERT OR REPLACE INTO votes (answer_id, user_id, guild_id, value, voted_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      tally: db.prepare(
        `SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down
           FROM votes WHERE answer_id = ?`,
      ),
      downvoted: db.prepare(
        `SELECT v.answer_id, a.channel_id, a.question,
                SUM(v.value = 1) AS up, SUM(v.value = -1) AS down
           FROM votes v LEFT JOIN answers a ON a.answer_id = v.answer_id
          WHERE v.guild_id = ?
          GROUP BY v.answer_id HAVING down > 0
          ORDER BY down DESC, up ASC, MAX(v.voted_at) DESC LIMIT ?`,
      ),
    };
  }

  vote(vote: Vote): VoteResult {
    return this.db
      .transaction((): VoteResult => {
        const at = this.now();
        const { answerId, place } = vote;
        // Answers to slash commands are first seen here: keep their question for /gaps.
        this.statements.answer.run(answerId, place.guildId, place.channelId, vote.question, at);
        const before = this.statements.previous.get(answerId, vote.userId) as
          { value: -1 | 1 } | undefined;
        this.statements.vote.run(answerId, vote.userId, place.guildId, vote.value, at);
        const tally = this.statements.tally.get(answerId) as { up: number; down: number };
        return { up: tally.up, down: tally.down, previous: before?.value ?? 0 };
      })
      .immediate();
  }

  gaps(guildId: string, limit: number): Gaps {
    const downvoted = this.statements.downvoted.all(guildId, limit) as {
      answer_id: string;
      channel_id: string | null;
      question: string | null;
      up: number;
      down: number;
    }[];
    return {
      unanswered: this.records.topUnanswered(guildId, limit),
      downvoted: downvoted.map((row) => ({
        answerId: row.answer_id,
        channelId: row.channel_id,
        question: row.question,
        up: row.up,
        down: row.down,
      })),
    };
  }
}
