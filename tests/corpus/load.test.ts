import { execFileSync } from "node:child_process";
import { mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ArticleError } from "../../src/core/index.ts";
import { DEFAULT_LOAD_LIMITS } from "../../src/corpus/limits.ts";
import { readListedFile, readListedFiles, type FileRead } from "../../src/corpus/file-read.ts";
import { listArticleFolder } from "../../src/corpus/listing.ts";
import { LibraryError, loadArticles, readArticleFolder } from "../../src/corpus/load.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { folderWith } from "../helpers.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const article = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
const GOOD = article("Rivers", "The Danube flows through ten countries.");
const TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.planted_secret";

async function folder(files: Record<string, string | Uint8Array>): Promise<string> {
  const made = await folderWith(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

/** The reason given for each skipped file, by file name. */
function reasons(problems: readonly { file: string; message: string }[]): Record<string, string> {
  return Object.fromEntries(problems.map((p) => [path.basename(p.file), p.message]));
}

describe("reading an articles folder safely", () => {
  it("GIVEN a link to a .env outside the folder, a FIFO and a link to /dev/zero WHEN the folder is opened THEN only the real article loads and each of the others is skipped with its reason", async () => {
    const outside = await folder({ ".env": `DISCORD_TOKEN=${TOKEN}\n` });
    const dir = await folder({ "good.md": GOOD });
    await symlink(path.join(outside, ".env"), path.join(dir, "secrets.md"));
    await symlink("/dev/zero", path.join(dir, "zero.md"));
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    const cache = await folder({});
    // A FIFO read without care blocks forever and /dev/zero never ends: both would time this out.
    const corpus = await openCorpus(dir, { cacheDir: path.join(cache, "index") });
    expect(corpus.index.articles.map((a) => a.id)).toEqual(["good"]);
    expect(reasons(corpus.problems)).toEqual({
      "pipe.md": "pipe.md: is a named pipe (FIFO)",
      "secrets.md": "secrets.md: is a link to a file outside the articles folder",
      "zero.md": "zero.md: is a link to a file outside the articles folder",
    });
    expect(JSON.stringify(corpus.index.articles)).not.toContain("planted_secret");
    expect(corpus.index.ask("What is the DISCORD_TOKEN?").citations).not.toContainEqual(
      expect.objectContaining({ excerpt: expect.stringContaining("planted") }),
    );
    // The saved index remembers the same refusals.
    await corpus.saved;
    const again = await openCorpus(dir, { cacheDir: path.join(cache, "index") });
    expect(again.fromSavedIndex).toBe(true);
    expect(again.problems.map((p) => p.message)).toEqual(corpus.problems.map((p) => p.message));
  });

  it("GIVEN pages whose markup nests thousands of levels deep, or hundreds WHEN the folder is opened THEN each is skipped as too deeply nested, at once, and the other articles load", async () => {
    const nested = (depth: number) =>
      `<html><head><title>Nested</title></head><body>${"<div>".repeat(depth)}<p>Wombats dig burrows in the hills of Tasmania, rangers said on Monday.</p>${"</div>".repeat(depth)}</body></html>`;
    const dir = await folder({
      "good.md": GOOD,
      // Overflowed linkedom's recursion: the whole folder failed to load.
      "overflow.html": nested(20_000),
      // Overflowed the walk of HTML inside Markdown the same way.
      "block.md": article("Block", `${"<div>".repeat(5_000)}Wombats.${"</div>".repeat(5_000)}`),
      // Read by Readability in time that grows far faster than the page: 16 s at 1,000 levels.
      "deep.html": nested(300),
    });
    const corpus = await openCorpus(dir, { cacheDir: false });
    expect(corpus.index.articles.map((a) => a.id)).toEqual(["good"]);
    expect(reasons(corpus.problems)).toEqual({
      "block.md":
        "block.md: the markup nests too deeply to read as an article (thousands of levels)",
      "deep.html":
        "deep.html: the markup nests too deeply to read as an article (more than 100 levels)",
      "overflow.html":
        "overflow.html: the markup nests too deeply to read as an article (more than 100 levels)",
    });
  });

  it("GIVEN a link to another article inside the folder THEN it is read like a file", async () => {
    const dir = await folder({ "good.md": GOOD });
    await symlink("good.md", path.join(dir, "alias.md"));
    const { articles, problems } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(["alias", "good"]);
    expect(problems).toEqual([]);
  });

  it("GIVEN a file over the per-article limit and a folder over its limit THEN those files are skipped with the limit named, and the rest load", async () => {
    const dir = await folder({
      "a.md": GOOD,
      "b.md": article("Big", "word ".repeat(400)),
      "c.md": article("Small", "A small article about lakes."),
      "d.md": article("Late", "Over the folder's budget by now."),
    });
    const { articles, problems } = await loadArticles(dir, {
      limits: { maxFileBytes: 1000, maxFolderBytes: 150 },
    });
    expect(articles.map((a) => a.id)).toEqual(["a", "c"]);
    const why = reasons(problems);
    expect(why["b.md"]).toMatch(/over the limit of 0\.001 MB per article \(MAX_ARTICLE_MB\)/u);
    expect(why["d.md"]).toMatch(/the folder is over its limit .*\(MAX_DATA_MB\)/u);
  });

  it("GIVEN café.md in its composed and decomposed Unicode forms THEN loading refuses the duplicate id and says why", async () => {
    const dir = await folder({
      "caf\u00e9.md": GOOD,
      "cafe\u0301.md": article("Other", "Another text."),
    });
    await expect(loadArticles(dir)).rejects.toThrow(LibraryError);
    await expect(loadArticles(dir)).rejects.toThrow(/"café".*two Unicode forms/u);
  });

  it("GIVEN a decomposed file name THEN the id is NFC", async () => {
    const dir = await folder({ "cafe\u0301.md": GOOD });
    const { articles } = await loadArticles(dir);
    expect(articles[0]?.id).toBe("caf\u00e9");
  });

  it("GIVEN names with capitals, an astral character and a character above U+D800 WHEN the folder is read THEN the files come in the byte order of their UTF-8 names", async () => {
    // UTF-16 order puts "a😀" (a surrogate, 0xD83D) before "aＡ" (0xFF21); UTF-8 bytes do not.
    const names = ["b.md", "a\u{1F600}.md", "a\uFF21.md", "B.md", "a.txt", "Z.md"];
    const dir = await folder(Object.fromEntries(names.map((name) => [name, GOOD])));
    const expected = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect(expected).toEqual(["B.md", "Z.md", "a.txt", "a\uFF21.md", "a\u{1F600}.md", "b.md"]);
    expect((await readArticleFolder(dir)).files.map((file) => file.name)).toEqual(expected);
    const plain = await folder({ "b.md": GOOD, "B.md": GOOD, "a.md": GOOD, "_x.md": GOOD });
    expect((await readArticleFolder(plain)).files.map((file) => file.name)).toEqual([
      "B.md",
      "_x.md",
      "a.md",
      "b.md",
    ]);
  });

  it("GIVEN a file name that is not valid UTF-8 THEN it is skipped with that reason and the saved index still works", async () => {
    const dir = await folder({ "good.md": GOOD });
    await writeFile(
      Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from(".md")]),
      GOOD,
    );
    const cache = await folder({});
    const cacheDir = path.join(cache, "index");
    const first = await openCorpus(dir, { cacheDir });
    expect(first.problems.map((p) => p.message)).toEqual([
      "bad\ufffd\ufffd.md: the file name is not valid UTF-8: rename the file",
    ]);
    expect(first.warnings).toEqual([]);
    await first.saved;
    expect((await openCorpus(dir, { cacheDir })).fromSavedIndex).toBe(true);
  });

  it("GIVEN a file name with an ANSI escape THEN the report shows it escaped, never raw", async () => {
    const dir = await folder({ "good.md": GOOD, "\u001b[31mred.md": GOOD });
    const { problems } = await loadArticles(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toBe(
      "\\u{1b}[31mred.md: the file name holds control characters: rename it",
    );
    expect(problems[0]?.message).not.toContain("\u001b");
  });

  it("GIVEN a folder that is only a FIFO named like an article THEN loading fails with a clear message instead of hanging", async () => {
    const dir = await folder({});
    execFileSync("mkfifo", [path.join(dir, "x.md")]);
    const read = await readArticleFolder(dir);
    expect(read.files).toEqual([]);
    await expect(loadArticles(dir)).rejects.toThrow(/no article in .* could be loaded/u);
  });
});

describe("reading listed files into one buffer", () => {
  it("GIVEN files that grew, shrank, vanished or became a folder after the listing WHEN read THEN each gives what reading it alone gives", async () => {
    const dir = await folder({
      "a.md": GOOD,
      "grows.md": GOOD,
      "shrinks.md": GOOD,
      "vanishes.md": GOOD,
      "becomes-folder.md": GOOD,
      "z.md": article("Lakes", "Baikal is the deepest lake."),
    });
    const listing = listArticleFolder(dir);
    await writeFile(path.join(dir, "grows.md"), GOOD + "More text written after the listing.\n");
    await writeFile(path.join(dir, "shrinks.md"), article("Short", "Less."));
    await rm(path.join(dir, "vanishes.md"));
    await rm(path.join(dir, "becomes-folder.md"));
    await mkdir(path.join(dir, "becomes-folder.md"));
    const together = readListedFiles(listing.dir, listing.files, DEFAULT_LOAD_LIMITS.maxFileBytes);
    const alone = listing.files.map((file) =>
      readListedFile(listing.dir, file, DEFAULT_LOAD_LIMITS.maxFileBytes),
    );
    const shown = (read: FileRead | ArticleError) =>
      read instanceof ArticleError ? read.message : read.bytes.toString("utf8");
    expect(together.map(shown)).toEqual(alone.map(shown));
    expect(together.filter((read) => read instanceof ArticleError)).toHaveLength(2);
  });
});

describe("saving the index", () => {
  it("GIVEN a saved index that cannot be written WHEN the corpus is opened THEN the articles serve and `saved` says why saving failed", async () => {
    const dir = await folder({ "good.md": GOOD });
    const cacheDir = path.join(await folder({}), "index");
    await (
      await openCorpus(dir, { cacheDir })
    ).saved;
    // Where the index file goes, a folder: the rename that publishes a new index fails.
    const [name] = (await readdir(cacheDir)).filter((file) => file.endsWith(".bin"));
    await rm(path.join(cacheDir, name as string));
    await mkdir(path.join(cacheDir, name as string, "blocker"), { recursive: true });
    const corpus = await openCorpus(dir, { cacheDir });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.index.articles).toHaveLength(1);
    expect(await corpus.saved).toMatch(/E(?:ISDIR|NOTEMPTY|EXIST)/u);
  });
});
