/**
 * The database schema, one migration per version: migration N takes a file from version N to
 * N + 1. Append new ones; never edit one that has shipped (files in the field have run it).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: follow-up contexts, the unanswered-question log, votes.
  `
  CREATE TABLE answers (
    answer_id TEXT PRIMARY KEY,          -- citebot's message
    guild_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    asked_message_id TEXT,               -- the member's message it answers
    user_id TEXT NOT NULL,
    question TEXT,                       -- NULL once older than the retention time
    article TEXT,
    answered INTEGER NOT NULL,
    created_at INTEGER NOT NULL          -- ms since the epoch
  );
  CREATE INDEX answers_by_time ON answers (created_at);
  CREATE TABLE unanswered (
    id INTEGER PRIMARY KEY,
    guild_id TEXT NOT NULL,
    channel_id TEXT,
    message_id TEXT,
    question TEXT NOT NULL,
    question_key TEXT NOT NULL,          -- the question folded, for counting repeats
    created_at INTEGER NOT NULL
  );
  CREATE INDEX unanswered_by_guild ON unanswered (guild_id, question_key);
  CREATE INDEX unanswered_by_time ON unanswered (created_at);
  CREATE TABLE votes (
    answer_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    guild_id TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value IN (-1, 1)),
    voted_at INTEGER NOT NULL,
    PRIMARY KEY (answer_id, user_id)
  );
  CREATE INDEX votes_by_guild ON votes (guild_id);
  `,
  // 2: the article a channel (or, with channel_id '', a whole server) discusses.
  `
  CREATE TABLE channel_articles (
    guild_id TEXT NOT NULL,
    channel_id TEXT NOT NULL,            -- '' for the server's default
    article_id TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
  );
  `,
  // 3: articles moderators added to their server, and the log of library changes that every
  // shard follows (a server's articles, or with guild_id NULL the shared folder's /reload).
  `
  CREATE TABLE server_articles (
    guild_id TEXT NOT NULL,
    article_id TEXT NOT NULL,            -- the file's name without .md, in the server's folder
    title TEXT NOT NULL,
    url TEXT,                            -- the page it came from; NULL for an uploaded file
    added_by TEXT NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, article_id)
  );
  CREATE TABLE library_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    guild_id TEXT,                       -- NULL: the shared folder was reloaded
    changed_at INTEGER NOT NULL
  );
  `,
];
