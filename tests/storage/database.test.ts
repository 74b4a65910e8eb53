import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { DATABASE_FILE, openStore, schemaVersion } from "../../src/storage/database.ts";
import { MIGRATIONS } from "../../src/storage/migrations.ts";
import { questionKey, Records, RETENTION } from "../../src/storage/records.ts";
import { ROOT } from "../helpers.ts";

const folders: string[] = [];
afterEach(async () => {
  while (folders.length) await rm(folders.pop()!, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "citebot-state-"));
  folders.push(dir);
  return dir;
}

/** Starts the writer script; resolves its last announced row when it exits. */
function writer(dir: string, rows: string, label: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(ROOT, "tests/storage/writer.ts"), dir, rows, label],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  let last = 0;
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    const numbers = [...String(chunk).matchAll(/committed (\d+)/gu)].map((m) => Number(m[1]));
    if (numbers.length) last = numbers.at(-1)!;
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  return { child, exited, last: () => last, stderr: () => stderr };
}

const context = {
  question: "Who did Musk meet in China?",
  article: "fortune",
  guildId: "1",
  channelId: "2",
  askedMessageId: "3",
  userId: "4",
};

describe("citebot's database", () => {
  it("GIVEN an empty folder WHEN the store opens, twice THEN the file is in WAL mode at the newest schema, migrated once", async () => {
    const dir = await folder();
    const store = openStore(dir);
    expect(store.file).toBe(path.join(dir, DATABASE_FILE));
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("busy_timeout", { simple: true })).toBeGreaterThan(0);
    expect(schemaVersion(store.db)).toBe(MIGRATIONS.length);
    const records = new Records(store.db);
    records.logUnanswered({ guildId: "1", question: "kept?" });
    records.flush();
    store.close();
    const again = openStore(dir);
    expect(again.db.prepare("SELECT COUNT(*) AS n FROM unanswered").get()).toEqual({ n: 1 });
    again.close();
  });

  it("GIVEN a file written by a newer citebot WHEN it opens THEN it is refused with what to do, unchanged", async () => {
    const dir = await folder();
    const db = new Database(path.join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStore(dir)).toThrow(/newer citebot.*CITEBOT_STATE_DIR/u);
    const check = new Database(path.join(dir, DATABASE_FILE));
    expect(schemaVersion(check)).toBe(MIGRATIONS.length + 1);
    check.close();
  });

  it("GIVEN something that is not a database WHEN it opens THEN it fails without overwriting it", async () => {
    const dir = await folder();
    await writeFile(path.join(dir, DATABASE_FILE), "not a database at all, but somebody's notes");
    expect(() => openStore(dir)).toThrow(/not a database/u);
  });

  it.runIf(existsSync("/proc/self"))(
    "GIVEN a state folder under /proc, where no folder can be made WHEN the store opens THEN it fails at once saying so",
    () => {
      // Node's recursive mkdirSync retried this for ever at full CPU, the bot's start frozen.
      expect(() => openStore("/proc/citebot-state/db")).toThrow(
        "ENOENT: no such file or directory, mkdir '/proc/citebot-state'",
      );
    },
  );

  it("GIVEN an answer's context WHEN recalled within a day, then after THEN it comes back, then not", async () => {
    const store = openStore(await folder());
    const clock = { now: 1_000_000 };
    const records = new Records(store.db, { now: () => clock.now });
    records.remember("answer-1", context);
    expect(records.recall("answer-1")).toEqual(context);
    expect(records.recall("answer-2")).toBeUndefined();
    clock.now += RETENTION.contextTtlMs + 1;
    expect(records.recall("answer-1")).toBeUndefined();
    store.close();
  });

  it("GIVEN question texts older than the retention time WHEN pruned THEN they are deleted and younger ones kept", async () => {
    const store = openStore(await folder());
    const day = 24 * 60 * 60 * 1000;
    const clock = { now: 100 * day };
    const records = new Records(store.db, { questionDays: 30, now: () => clock.now });
    records.logUnanswered({ guildId: "1", question: "old question" });
    records.remember("old-answer", context);
    clock.now += 20 * day;
    records.logUnanswered({ guildId: "1", question: "Young question?" });
    clock.now += 11 * day;
    expect(records.prune()).toBe(2);
    expect(records.topUnanswered("1", 10).map((q) => q.question)).toEqual(["Young question?"]);
    const texts = store.db.prepare("SELECT question FROM answers").all();
    expect(texts).toEqual([{ question: null }]);
    expect(records.prune()).toBe(0);
    store.close();
  });

  it("GIVEN repeats of a question with other case and punctuation WHEN counted THEN they count as one", async () => {
    const store = openStore(await folder());
    const records = new Records(store.db);
    for (const q of ["What is the capital of Peru?", "what is the capital of peru", "Who is Li?"])
      records.logUnanswered({ guildId: "1", question: q, channelId: "2", messageId: "3" });
    records.logUnanswered({ guildId: "other", question: "Who is Li?" });
    expect(questionKey("  What's   up?! ")).toBe("what s up");
    expect(records.topUnanswered("1", 10).map((q) => [q.count, questionKey(q.question)])).toEqual([
      [2, "what is the capital of peru"],
      [1, "who is li"],
    ]);
    store.close();
  });

  it("GIVEN unanswered questions logged in one turn of the event loop WHEN the next turn comes THEN they are written then, and a read before it writes them first", async () => {
    const store = openStore(await folder());
    const records = new Records(store.db);
    const count = () =>
      (store.db.prepare("SELECT COUNT(*) AS n FROM unanswered").get() as { n: number }).n;
    for (const q of ["Who is Li?", "Where is Peru?"])
      records.logUnanswered({ guildId: "1", question: q });
    expect(count()).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(count()).toBe(2);
    records.logUnanswered({ guildId: "1", question: "Who is Li?" });
    expect(records.topUnanswered("1", 10).map((q) => [q.question, q.count])).toEqual([
      ["Who is Li?", 2],
      ["Where is Peru?", 1],
    ]);
    expect(count()).toBe(3);
    store.close();
  });

  it("GIVEN the database closed before the logged questions are written WHEN their turn comes THEN the error goes to onWriteError, nothing is thrown", async () => {
    const store = openStore(await folder());
    const errors: unknown[] = [];
    const records = new Records(store.db, { onWriteError: (error) => errors.push(error) });
    records.logUnanswered({ guildId: "1", question: "Who is Li?" });
    store.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/database connection is not open/u);
  });

  it("GIVEN a process killed while it writes WHEN the file is opened THEN it is intact and holds every row it reported committed", async () => {
    const dir = await folder();
    const run = writer(dir, "forever", "crash");
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        if (run.last() >= 300) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
      void run.exited.then(() => reject(new Error(`writer exited early: ${run.stderr()}`)));
    });
    run.child.kill("SIGKILL");
    await run.exited;
    const reported = run.last();
    const store = openStore(dir);
    expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
    const { n } = store.db.prepare("SELECT COUNT(*) AS n FROM unanswered").get() as { n: number };
    expect(n).toBeGreaterThanOrEqual(reported);
    // Row ids are consecutive: no half-written or lost row in the middle.
    const { max } = store.db.prepare("SELECT MAX(id) AS max FROM unanswered").get() as {
      max: number;
    };
    expect(max).toBe(n);
    store.close();
  });

  it("GIVEN two processes writing at once, as two shards would THEN every row of both is stored", async () => {
    const dir = await folder();
    openStore(dir).close(); // created once, so both start from the same schema
    const runs = [writer(dir, "400", "shard0"), writer(dir, "400", "shard1")];
    const codes = await Promise.all(runs.map((run) => run.exited));
    expect(codes, runs.map((run) => run.stderr()).join("\n")).toEqual([0, 0]);
    const store = openStore(dir);
    const rows = store.db
      .prepare("SELECT substr(question, 1, 6) AS who, COUNT(*) AS n FROM unanswered GROUP BY who")
      .all();
    expect(rows).toEqual([
      { who: "shard0", n: 400 },
      { who: "shard1", n: 400 },
    ]);
    store.close();
  });
});
