import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAsk } from "../../src/cli/ask-run.ts";
import { folderWith, ROOT, runNode, type ProcessRun } from "../helpers.ts";

/** Saved indexes of these runs go to a folder of their own, removed afterwards. */
let cacheDir = "";
let removeCache: () => Promise<void> = async () => {};
beforeAll(async () => {
  ({ dir: cacheDir, cleanup: removeCache } = await folderWith({}));
});
afterAll(() => removeCache());

const envOf = (env: Record<string, string>) => ({
  ...process.env,
  DATA_DIR: "",
  CITEBOT_CACHE_DIR: cacheDir,
  ...env,
});

/**
 * Runs the `ask` command line as a user would, in its own process (the compiled entry point
 * `npm run ask` runs): for what crosses the process boundary, standard input through a pipe,
 * the exit code, what reaches the terminal.
 */
function askProcess(args: string[], input?: string): Promise<ProcessRun> {
  return runNode([], [path.join(ROOT, "dist/src/cli/ask.js"), ...args], {
    input,
    env: envOf({}),
  });
}

/**
 * Runs the same command line in this process, its environment, standard input and output
 * handed in (a second's start of Node a run saved).
 */
async function ask(
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<ProcessRun> {
  let stdout = "";
  let stderr = "";
  const code = await runAsk(args, {
    env: envOf(env),
    stdin: Readable.from(input === undefined ? [] : [input]),
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
    color: false,
  });
  return { code, stdout, stderr };
}

describe("ask command line", () => {
  let cleanup: () => Promise<void> = async () => {};
  let brokenDir = "";
  beforeAll(async () => {
    const made = await folderWith({
      "good.md":
        "---\ntitle: Rivers\nsource: Nature Desk\nurl: https://example.org/rivers\n---\n\nThe Danube flows through ten countries.\n",
      "bad.md": "no front matter at all\n",
    });
    brokenDir = made.dir;
    cleanup = made.cleanup;
  });
  afterAll(() => cleanup());

  it("GIVEN a question THEN it prints the excerpt, the title, the ¶ number and the source", async () => {
    const run = await askProcess(["Who did Elon Musk meet in China?"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/“.*Wang.*”/u);
    expect(run.stdout).toMatch(/Tesla’s Elon Musk Got a Rare Welcome.*, ¶\d/u);
    expect(run.stdout).toContain("Fortune");
    expect(run.stderr).toBe("");
  });

  it("GIVEN --json THEN it prints one object of the evaluation contract", async () => {
    const run = await ask(["--json", "What tariff is applied to Tesla's imported cars?"]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual([
      "answer",
      "answered",
      "citations",
      "close",
      "question",
    ]);
    expect(answer.close).toBe(false);
    expect(answer.answered).toBe(true);
    const citations = answer.citations as Record<string, unknown>[];
    expect(Object.keys(citations[0] ?? {}).sort()).toEqual([
      "article",
      "excerpt",
      "paragraph",
      "score",
      "title",
    ]);
    expect(citations[0]).toMatchObject({ article: "000_78dd10843e31f05d", paragraph: 6 });
    expect(String(citations[0]?.excerpt)).toContain("25%");
  });

  it("GIVEN questions on standard input THEN it answers each in order, one JSON line each, in one process", async () => {
    const run = await askProcess(
      ["--json"],
      "Who is Li Anding?\n\nWhat did Musk eat in Beijing?\nWhat province did Wang Yang lead?\n",
    );
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { question: string; answered: boolean });
    expect(lines.map((line) => line.question)).toEqual([
      "Who is Li Anding?",
      "What did Musk eat in Beijing?",
      "What province did Wang Yang lead?",
    ]);
    expect(lines[1]?.answered).toBe(false);
  });

  it("GIVEN a close call between the best two passages THEN it shows both with no short answer, and --json says close", async () => {
    const question = "When did Tesla disclose its Chinese sales numbers?";
    const run = await ask([question]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Two passages fit about equally well");
    expect(run.stdout).not.toContain("Answer:");
    expect(run.stdout.match(/, ¶\d/gu)?.length).toBeGreaterThanOrEqual(2);
    const json = JSON.parse((await ask(["--json", question])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ answered: true, answer: null, close: true });
  });

  it("GIVEN --explain THEN it shows the kind of answer expected, whether each passage holds one, and why each word weighed what it did", async () => {
    const run = await ask(["--explain", "How much revenue did Tesla make in the U.S.?"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("expects: money (a sum of money)");
    expect(run.stdout).toMatch(/#1 .*holds money: yes: “\$4\.2 billion”/u);
    expect(run.stdout).toMatch(/revenue +weight [\d.]+ = idf [\d.]+ \(its own\)/u);
    expect(run.stdout).toMatch(
      /tesla +weight [\d.]+ = idf [\d.]+ \(its own\) × 1 a name of the articles' titles/u,
    );
    expect(run.stdout).toContain("in the article's title: its topic, discounted");
    const json = JSON.parse((await ask(["--explain", "--json", "who is li anding"])).stdout) as {
      citations: { expected: string; shortAnswer: string | null; terms: { weighing: unknown }[] }[];
    };
    expect(json.citations[0]).toMatchObject({ expected: "description" });
    expect(json.citations[0]?.shortAnswer).toMatch(/former automotive reporter/u);
    expect(json.citations[0]?.terms[0]?.weighing).toMatchObject({ name: true });
  });

  it("GIVEN --explain and a question that sets words apart with 'not' THEN the text and the JSON name them", async () => {
    const question = "How much did exports rise, not sales?";
    const run = await ask(["--explain", question]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sets apart: “sales” (after a contrastive "not"');
    const json = JSON.parse((await ask(["--explain", "--json", question])).stdout) as {
      setApart: string[];
    };
    expect(json.setApart).toEqual(["sales"]);
  });

  it("GIVEN --explain and a declined question THEN the text and the JSON say why it was declined; an answered one has no reason", async () => {
    const run = await ask(["--explain", "What import tariff do German luxury cars face in China?"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("answered: false");
    expect(run.stdout).toContain(
      "declined: the figure is in a neighbouring sentence about something else",
    );
    const json = JSON.parse(
      (await ask(["--explain", "--json", "what is the capital of peru"])).stdout,
    ) as { answered: boolean; declined?: string };
    expect(json).toMatchObject({ answered: false, declined: "missing-name" });
    const answered = JSON.parse(
      (await ask(["--explain", "--json", "Who did Elon Musk meet in China?"])).stdout,
    ) as { answered: boolean; declined?: string };
    expect(answered.answered).toBe(true);
    expect(answered.declined).toBeUndefined();
  });

  it("GIVEN an unanswerable question THEN it says the articles don't cover it and shows the closest passages", async () => {
    const run = await ask(["Who is the CEO of Apple?"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The articles don't cover this.");
    expect(run.stdout).toContain("Closest passages");
  });

  it.each([
    ["an empty question", [""], /question is empty/u],
    [
      "a 10,000-character question",
      ["why ".repeat(2500)],
      /too long \(\d+ characters; at most 1000\)/u,
    ],
    ["only punctuation", ["?!?"], /no words/u],
    ["a bad --limit", ["--limit", "0", "x"], /--limit must be a whole number/u],
    ["an unknown option", ["--frobnicate", "x"], /Unknown option/u],
    ["--limit in exponent form", ["--limit", "1e1", "x"], /--limit must be a whole number/u],
    ["--limit in hexadecimal", ["--limit", "0x10", "x"], /--limit must be a whole number/u],
    ["--limit with a space", ["--limit", " 5", "x"], /--limit must be a whole number/u],
    ["a missing --data folder", ["--data", "/no/such/dir", "x"], /does not exist/u],
  ])(
    "GIVEN %s THEN it prints a clear message, no stack trace, and exits 1",
    async (_name, args, message) => {
      const run = await ask(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /u);
    },
  );

  it("GIVEN a missing --data folder WHEN run as its own process THEN it exits 1 with the message on standard error and no stack trace", async () => {
    const run = await askProcess(["--data", "/no/such/dir", "x"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^ask: cannot load the articles: .*does not exist/u);
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it("GIVEN a 3 MB line on standard input before a question THEN the long line is refused as too long without a stack, and the question is answered", async () => {
    const run = await askProcess(["--json"], `${"why ".repeat(750_000)}\nWho is Li Anding?\n`);
    expect(run.code).toBe(1);
    const [long, question] = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { error?: string; answered: boolean; question: string });
    expect(long?.error).toMatch(/too long \(3000000 characters; at most 1000\)/u);
    expect(question).toMatchObject({ question: "Who is Li Anding?", answered: true });
    expect(run.stderr).not.toMatch(/\n\s+at /u);
  });

  it("GIVEN questions on standard input holding terminal escapes THEN each is echoed printable, its escapes shown, not sent to the terminal", async () => {
    const run = await ask([], "Who is Li\u001b[2J\u001b]0;owned\u0007 Anding?\n");
    expect(run.stdout).toContain("Q: Who is Li\\u{1b}[2J\\u{1b}]0;owned\\u{7} Anding?");
    expect(run.stdout).not.toContain("\u001b[2J");
  });

  it.each([
    [
      "an --article holding terminal escapes",
      ["--article", "x\u001b[2J\u001b]0;owned\u0007y", "who"],
      'ask: no article "x\\u{1b}[2J\\u{1b}]0;owned\\u{7}y"; loaded: ',
    ],
    [
      "a 10,000-character --article",
      ["--article", "a".repeat(10_000), "who"],
      `ask: no article "${"a".repeat(99)}…"; loaded: `,
    ],
    [
      "a --limit holding terminal escapes",
      ["--limit", "\u001b[2J", "who"],
      'ask: --limit must be a whole number from 1 to 25, not "\\u{1b}[2J"',
    ],
    [
      "an unknown option holding terminal escapes",
      ["--bo\u001b[2Jgus", "who"],
      "ask: Unknown option '--bo\\u{1b}[2Jgus'",
    ],
    [
      "a 10,000-character unknown option",
      [`--${"x".repeat(10_000)}`, "who"],
      "ask: Unknown option",
    ],
  ])(
    "GIVEN %s THEN the usage error quotes it printable and cut, its escapes shown, not sent to the terminal",
    async (_name, args, message) => {
      const run = await ask(args);
      expect(run.code).toBe(1);
      expect(run.stderr.startsWith(message)).toBe(true);
      // eslint-disable-next-line no-control-regex -- control characters are what must not reach the terminal
      expect(run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
      expect(run.stderr.split("\n")[0]?.length).toBeLessThan(400);
    },
  );

  it("GIVEN --data with an empty path THEN it says so and reads no folder (not the current one)", async () => {
    const run = await ask(["--data", "", "Who is Li Anding?"]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--data needs a folder of articles/u);
    expect(run.stdout).toBe("");
  });

  it("GIVEN --json and a question refused as letterless THEN its line has every key of the contract, and the reason", async () => {
    const run = await ask(["--json", "🚗 🇨🇳 ?!"]);
    expect(run.code).toBe(1);
    // "close" was missing: a reader of the contract's five keys met undefined.
    expect(JSON.parse(run.stdout)).toEqual({
      question: "🚗 🇨🇳 ?!",
      answered: false,
      answer: null,
      close: false,
      citations: [],
      error: expect.stringMatching(/no words/u),
    });
  });

  it.each([
    ["control characters", "Who\u0007 is\u001b[31m Li\u200b Anding?"],
    ["emoji", "🚗 Who is Li Anding? 🇨🇳"],
    ["regex metacharacters", "Who is (Li) [Anding]*+?.^$|\\"],
  ])("GIVEN a question with %s THEN it still answers", async (_name, question) => {
    const run = await ask(["--json", question]);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as { citations: { paragraph: number }[] };
    expect(answer.citations[0]?.paragraph).toBe(4);
  });

  it("GIVEN a NUL byte and a carriage return on standard input THEN the question is cleaned and answered", async () => {
    const run = await ask(["--json"], "Who is\u0000 Li Anding?\r\n");
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as {
      question: string;
      citations: { paragraph: number }[];
    };
    expect(answer.question).toBe("Who is Li Anding?");
    expect(answer.citations[0]?.paragraph).toBe(4);
  });

  it("GIVEN --data with a broken file among good ones THEN the good one answers and the bad one is reported", async () => {
    const run = await ask(["--data", brokenDir, "Which river flows through ten countries?"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("The Danube flows through ten countries.");
    expect(run.stdout).toContain("https://example.org/rivers");
    expect(run.stderr).toMatch(/warning: skipped bad\.md: no front matter/u);
  });

  it("GIVEN a second start THEN the saved index answers the same", async () => {
    const first = await ask(["--json", "What tariff is applied to Tesla's imported cars?"]);
    const second = await ask(["--json", "What tariff is applied to Tesla's imported cars?"]);
    expect(second.stdout).toBe(first.stdout);
  });

  it("GIVEN a saved index whose article text was altered on disk WHEN a question reads it THEN it is answered from the article's file and a warning says so", async () => {
    const made = await folderWith({
      "bridges.md": "---\ntitle: Bridges\n---\n\nThe bridge opened in 1932 to traffic.\n",
    });
    const cache = await folderWith({});
    try {
      const env = { DATA_DIR: made.dir, CITEBOT_CACHE_DIR: cache.dir };
      const first = await ask(["--json", "When did the bridge open?"], undefined, env);
      const [name] = (await readdir(cache.dir)).filter((file) => file.endsWith(".bin"));
      const file = path.join(cache.dir, name as string);
      // The texts are the detached part at the end of the file, checked when first read.
      const bytes = await readFile(file);
      bytes.write("1931", bytes.lastIndexOf("1932"));
      await writeFile(file, bytes);
      const second = await ask(["--json", "When did the bridge open?"], undefined, env);
      expect(second.stdout).toBe(first.stdout);
      // The warning came after the open's warnings were printed, and was lost.
      expect(second.stderr).toBe(
        `warning: ${file} was altered after it was opened (chunk 0 does not match its digest (altered on disk)): articles are read from their files and the index is rebuilt at the next start\n`,
      );
    } finally {
      await made.cleanup();
      await cache.cleanup();
    }
  });

  it("GIVEN DATA_DIR in the environment THEN it loads that folder", async () => {
    const run = await ask(["--json", "--limit", "1", "Danube"], undefined, { DATA_DIR: brokenDir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      citations: [{ article: "good", paragraph: 1 }],
    });
  });
});
