import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runNode, type ProcessRun } from "../helpers.ts";
import { startPageSite } from "../corpus/page-server.ts";
import { ROOT } from "./helpers.ts";

/**
 * Runs a compiled entry point (what `npm run chat` and `npm start` run; `npm test` builds
 * first) as a child process, feeding it `input` on stdin. Compiled rather than through tsx:
 * the same code, at half the CPU per start.
 */
function run(
  file: string,
  options: { input?: string; env?: Record<string, string>; cwd?: string } = {},
): Promise<ProcessRun> {
  return runNode([], [path.join(ROOT, file)], {
    input: options.input,
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
  });
}

describe("entry points as processes", () => {
  it("GIVEN the console WHEN /ask and /quote are typed on stdin THEN it prints cited answers and exits 0 at end of input", async () => {
    const { code, stdout, stderr } = await run("dist/src/console/chat.js", {
      input: "/ask How much did vehicle exports to China rise?\n/quote 6\n/press 2\n",
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const answer = stdout.slice(stdout.indexOf("**Q:** How much"));
    expect(answer).toMatch(/^## ¶\d+$/mu);
    expect(answer).toMatch(/376%/u);
    expect(answer).toMatch(/— Fortune · 27 April 2017/u);
    expect(stdout).toMatch(/— ¶6 of 8/u);
    expect(stdout).toMatch(/— ¶7 of 8/u);
  });

  it("GIVEN the console WHEN a mention and replies to its answer are typed THEN the replies are read as follow-ups of its question", async () => {
    const { code, stdout, stderr } = await run("dist/src/console/chat.js", {
      input: [
        "> why?",
        "@citebot How much revenue did Tesla make in China in 2016?",
        "> and in the U.S.?",
        "> why?",
        "",
      ].join("\n"),
    });
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Nothing to reply to yet/u);
    const first = stdout.slice(stdout.indexOf("**Q:** How much revenue"));
    expect(first).toMatch(/\$1 billion/u);
    const followUp = stdout.slice(stdout.indexOf("**Q:** and in the U.S.?"));
    expect(followUp).toMatch(
      /^\*\*Q:\*\* and in the U\.S\.\? _\(read as: How much revenue .*U\.S\.\?\)_/u,
    );
    expect(followUp).toMatch(/\*\*A:\*\* \$4\.2 billion/u);
    expect(stdout).toMatch(/\*\*Q:\*\* why\? _\(read as: Why .*U\.S\./u);
  });

  it("GIVEN the console WHEN an article is added from a file and from a link THEN it answers from them, refuses a missing file, and a later session still has them", async () => {
    const stateDir = await mkdtemp(path.join(os.tmpdir(), "citebot-console-"));
    const site = await startPageSite();
    try {
      const env = { CITEBOT_STATE_DIR: stateDir, CITEBOT_TEST_ALLOW_LOOPBACK: "1" };
      const first = await run("dist/src/console/chat.js", {
        env,
        input: [
          `/add-article file:${path.join(ROOT, "tests/fixtures/pages/september-jobs-report.md")}`,
          `/add-article ${site.base}/news/arctic-security-cutters`,
          `/add-article file:${path.join(stateDir, "missing.md")}`,
          "/ask How many Arctic Security Cutters will be built in Finland?",
          "",
        ].join("\n"),
      });
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /Statement from President Joe.Biden on the September Jobs.Report/u,
      );
      expect(first.stdout).toMatch(/Fact Sheet: President Donald J\. Trump Authorizes/u);
      expect(first.stdout).toMatch(
        /There is no readable file at .*missing\.md\. Nothing was added\./u,
      );
      expect(first.stdout).toMatch(/\*\*A:\*\* four/u);
      const second = await run("dist/src/console/chat.js", {
        env,
        input: "/ask How many new jobs were there in September?\n",
      });
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/250,000/u);
    } finally {
      await site.stop();
      await rm(stateDir, { recursive: true, force: true });
    }
  });

  it("GIVEN no token WHEN npm start's entry point runs THEN it prints the configuration message and exits 1", async () => {
    // An empty folder as working directory: no .env there can supply a token.
    const cwd = await mkdtemp(path.join(os.tmpdir(), "citebot-start-"));
    try {
      const { code, stdout, stderr } = await run("dist/src/bot/main.js", {
        cwd,
        env: { DISCORD_TOKEN: "" },
      });
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toMatch(/citebot cannot start: 2 problems/u);
      expect(stderr).toMatch(/DISCORD_TOKEN is missing/u);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
