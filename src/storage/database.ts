import path from "node:path";
import Database from "better-sqlite3";
import { makeFolderSync } from "../make-folder.ts";
import { MIGRATIONS } from "./migrations.ts";

/** The database's file name inside the state folder. */
export const DATABASE_FILE = "citebot.sqlite";

/** Tuning of the database connection. */
export const DATABASE = Object.freeze({
  /**
   * How long a write waits for another process's write (shards share the file) before failing,
   * in milliseconds. Writes here take well under one; seconds of headroom cover a busy disk.
   */
  busyTimeoutMs: 10_000,
});

/** An open database: the connection and the file it lives in. */
export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  close(): void;
}

/**
 * Opens (creating when needed) the one database file in `dir` and brings its schema up to date.
 * WAL mode lets shard processes read while one writes; the busy timeout makes concurrent writers
 * wait for each other instead of failing; `synchronous = FULL` makes every committed transaction
 * survive a crash of the process or the machine.
 */
export function openStore(dir: string): Store {
  makeFolderSync(dir);
  const file = path.join(dir, DATABASE_FILE);
  const db = new Database(file, { timeout: DATABASE.busyTimeoutMs });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, file, close: () => db.close() };
}

/** The schema version a database file is at (`PRAGMA user_version`). */
export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma("user_version", { simple: true }));
}

/**
 * Applies the migrations the file has not had, each in its own immediate transaction, so that
 * two processes starting together apply each one once: the second waits, then sees the new version.
 * A file newer than this code is refused rather than misread.
 */
export function migrate(db: Database.Database): void {
  const newest = MIGRATIONS.length;
  for (;;) {
    const step = db
      .transaction(() => {
        const version = schemaVersion(db);
        if (version > newest) {
          throw new Error(
            `the database was written by a newer citebot (schema ${version}, this one knows ${newest}): upgrade citebot or point CITEBOT_STATE_DIR elsewhere`,
          );
        }
        if (version === newest) return false;
        db.exec(MIGRATIONS[version]!);
        db.pragma(`user_version = ${version + 1}`);
        return true;
      })
      .immediate();
    if (!step) return;
  }
}
