import { describe, expect, it } from "vitest";
import { ArticleError } from "../../src/core/index.ts";
import { LibraryError } from "../../src/corpus/load.ts";
import { describeFailure, printFailure } from "../../src/failure.ts";

describe("failure messages shared by the front ends", () => {
  it("GIVEN a broken articles folder WHEN printed THEN one line says why and each broken file follows, indented", () => {
    const error = new LibraryError("no article could be loaded", [
      new ArticleError("/data/a.md", "no front matter"),
      new ArticleError("/data/b.md", "the title is empty"),
    ]);
    const lines: string[] = [];
    printFailure("chat", error, (line) => lines.push(line));
    expect(lines).toEqual([
      "chat: cannot load the articles: no article could be loaded",
      "  a.md: no front matter",
      "  b.md: the title is empty",
    ]);
  });

  it("GIVEN an error whose words hold terminal escapes (a folder's path as typed) WHEN printed THEN they are shown, not sent", () => {
    const lines: string[] = [];
    printFailure(
      "ask",
      new Error("the articles folder /tmp/x\u001b[2J\u001b]0;owned\u0007 does not exist"),
      (line) => lines.push(line),
    );
    expect(lines).toEqual([
      "ask: unexpected error: the articles folder /tmp/x\\u{1b}[2J\\u{1b}]0;owned\\u{7} does not exist",
    ]);
  });

  it("GIVEN any other error THEN it is one line without a stack", () => {
    const failure = describeFailure(new Error("boom"));
    expect(failure).toEqual({ message: "unexpected error: boom", details: [] });
  });
});
