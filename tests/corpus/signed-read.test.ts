import { randomBytes } from "node:crypto";
import { closeSync, openSync, writeFileSync } from "node:fs";
import { readFile, stat, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIndexData } from "../../src/core/index.ts";
import {
  containerSignature,
  ContainerReader,
  ContainerWriter,
  HEADER_BYTES,
  signatureOfPieces,
} from "../../src/corpus/binary.ts";
import { openCacheFolder } from "../../src/corpus/cache-dir.ts";
import { FILE_READ, FileSource, readPieces } from "../../src/corpus/detached.ts";
import { encodeIndex } from "../../src/corpus/index-codec.ts";
import { loadArticles } from "../../src/corpus/load.ts";
import { openCorpus } from "../../src/corpus/open.ts";
import { openSavedIndex, readSignedInWorker } from "../../src/corpus/signed-read.ts";
import { INDEX_FORMAT, readSavedIndex } from "../../src/corpus/store.ts";
import { folderWith } from "../helpers.ts";
import { savedSetup } from "./saved-setup.ts";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const TARIFF = "What tariff is applied to Tesla's imported cars?";
/** Every saved index is read in a worker thread, however small. */
const IN_WORKER = { signedReadWorkerFrom: 0 } as const;

/**
 * Opens a saved index with its signed part read in a worker (however small), checks that the
 * worker was started (`signed` is the worker's promise, not undefined) and that it gave back a
 * signed part when `workerReads`, then reads it as `openCorpus` does.
 */
async function readThroughWorker(file: string, cacheDir: string, workerReads = true) {
  const cache = await openCacheFolder(cacheDir);
  const opening = await openSavedIndex(file, cache, 0);
  expect(opening.kind).toBe("open");
  const signed = opening.kind === "open" ? opening.signed : undefined;
  expect(signed).toBeDefined();
  const read = await signed;
  if (workerReads) expect(read?.part.bytes.length).toBeGreaterThan(HEADER_BYTES);
  else expect(read).toBeUndefined();
  return readSavedIndex(opening, cache, () => true);
}

describe("a saved index's signed part read and hashed in a worker thread", () => {
  it("GIVEN a saved index THEN the worker hands back exactly its header and signed part with their HMAC, and the next open serves it", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const cache = await openCacheFolder(cacheDir);
    const bytes = await readFile(file);
    const signedEnd = HEADER_BYTES + bytes.readDoubleLE(16);
    const source = FileSource.open(file);
    const read = await readSignedInWorker(source, cache.key, 0);
    source.close();
    expect(read).toBeDefined();
    expect(Buffer.from(read?.part.bytes ?? []).equals(bytes.subarray(0, signedEnd))).toBe(true);
    expect(Buffer.from(read?.part.mac ?? []).equals(bytes.subarray(24, 56))).toBe(true);
    expect((await readThroughWorker(file, cacheDir)).kind).toBe("saved");
    const corpus = await openCorpus(dir, { cacheDir, ...IN_WORKER });
    expect(corpus.fromSavedIndex).toBe(true);
    expect(corpus.warnings).toEqual([]);
    expect(corpus.index.ask(TARIFF).citations[0]?.excerpt).toContain("25% tariffs");
  });

  it("GIVEN signedReadWorkerFrom THEN openCorpus reads a saved index that large in a worker, and a smaller one in its own thread", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const size = (await stat(file)).size;
    const atSize = await openCorpus(dir, { cacheDir, signedReadWorkerFrom: size });
    const aboveSize = await openCorpus(dir, { cacheDir, signedReadWorkerFrom: size + 1 });
    for (const corpus of [atSize, aboveSize]) {
      expect(corpus.fromSavedIndex).toBe(true);
      expect(corpus.index.ask(TARIFF).citations[0]?.excerpt).toContain("25% tariffs");
    }
    expect(atSize.signedReadInWorker).toBe(true);
    expect(aboveSize.signedReadInWorker).toBe(false);
  });

  it("GIVEN a saved index too short for its header WHEN opened with its signed part read in a worker THEN the worker hands back nothing, signedReadInWorker is false, and the folder is rebuilt", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    await writeFile(file, Buffer.alloc(HEADER_BYTES - 1), { mode: 0o600 });
    const corpus = await openCorpus(dir, { cacheDir, ...IN_WORKER });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.signedReadInWorker).toBe(false);
    expect(corpus.index.ask(TARIFF).citations[0]?.excerpt).toContain("25% tariffs");
  });

  it("GIVEN a byte of its signed part changed (the title) THEN it is refused, reported, and the article's own title is served", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const bytes = await readFile(file);
    bytes.write("Fake", bytes.indexOf("Rare Welcome"), "utf8");
    await writeFile(file, bytes);
    const found = await readThroughWorker(file, cacheDir);
    expect(found.kind === "refused" && found.reason).toMatch(/signature does not match/u);
    const corpus = await openCorpus(dir, { cacheDir, ...IN_WORKER });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.warnings.join("\n")).toMatch(/signature does not match/u);
    expect(corpus.index.articles[0]?.title).toContain("Rare Welcome");
  });

  it("GIVEN a well-formed index forged under another key and planted under the real name THEN it is refused and the real article served", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    const { articles } = await loadArticles(dir);
    const forged = articles.map((article) => ({ ...article, title: "Fake title" }));
    const bytes = encodeIndex(
      { fingerprint: "guessed", articles: forged, problems: [], data: buildIndexData(forged) },
      INDEX_FORMAT,
      randomBytes(32),
    );
    await writeFile(file, bytes, { mode: 0o600 });
    const found = await readThroughWorker(file, cacheDir);
    expect(found.kind === "refused" && found.reason).toMatch(/signature does not match/u);
    const corpus = await openCorpus(dir, { cacheDir, ...IN_WORKER });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.warnings.join("\n")).toMatch(/signature does not match/u);
    expect(corpus.index.articles[0]?.title).toMatch(/^Tesla’s Elon Musk/u);
  });

  it("GIVEN a saved index cut short THEN the worker reads nothing and the open refuses it and rebuilds", async () => {
    const { dir, cacheDir, file } = await savedSetup(cleanups);
    await truncate(file, HEADER_BYTES + 100);
    const cache = await openCacheFolder(cacheDir);
    const source = FileSource.open(file);
    expect(await readSignedInWorker(source, cache.key, 0)).toBeUndefined();
    source.close();
    const found = await readThroughWorker(file, cacheDir, false);
    expect(found.kind === "refused" && found.reason).toMatch(/does not match the file/u);
    const corpus = await openCorpus(dir, { cacheDir, ...IN_WORKER });
    expect(corpus.fromSavedIndex).toBe(false);
    expect(corpus.warnings.join("\n")).toMatch(/does not match the file/u);
  });
});

describe("a container read with its signed part already read", () => {
  const key = randomBytes(32);
  const file = new ContainerWriter(INDEX_FORMAT)
    .uint8(1, new Uint8Array(randomBytes(100)))
    .finish(key);
  const signedEnd = HEADER_BYTES + file.readDoubleLE(16);

  it("GIVEN the part's bytes with their true HMAC THEN the container is read", () => {
    const bytes = file.subarray(0, signedEnd);
    const part = { bytes, mac: containerSignature(key, bytes) };
    expect(new ContainerReader(file, INDEX_FORMAT, key, part).uint8(1)).toHaveLength(100);
  });

  it("GIVEN an HMAC that is not the one the bytes carry THEN the container is refused", () => {
    const part = { bytes: file.subarray(0, signedEnd), mac: new Uint8Array(randomBytes(32)) };
    expect(() => new ContainerReader(file, INDEX_FORMAT, key, part)).toThrow(
      /signature does not match/u,
    );
  });

  it("GIVEN bytes changed after the header with their own HMAC THEN the container is refused", () => {
    const bytes = Buffer.from(file.subarray(0, signedEnd));
    bytes.writeUInt8(bytes.readUInt8(signedEnd - 1) ^ 1, signedEnd - 1);
    const part = { bytes, mac: containerSignature(key, bytes) };
    expect(() => new ContainerReader(file, INDEX_FORMAT, key, part)).toThrow(
      /signature does not match/u,
    );
  });
});

describe("reading and signing a container a piece at a time", () => {
  it("GIVEN a container split into pieces anywhere THEN the HMAC of the pieces is the container's signature", () => {
    const key = randomBytes(32);
    const file = new ContainerWriter(INDEX_FORMAT)
      .uint8(1, new Uint8Array(randomBytes(1000)))
      .finish(key);
    for (const cuts of [[], [1], [24], [30, 56], [57, 64, 65], [10, 500, 900]]) {
      const signing = signatureOfPieces(key);
      const ends = [...cuts, file.length];
      ends.forEach((end, i) => {
        const start = i === 0 ? 0 : (ends[i - 1] as number);
        signing.update(file.subarray(start, end), start);
      });
      expect(signing.digest().equals(containerSignature(key, file))).toBe(true);
    }
    expect(containerSignature(key, file).equals(file.subarray(24, 56))).toBe(true);
  });

  it("GIVEN a file of several pieces THEN readPieces gives its bytes and shows every piece in order", async () => {
    const folder = await folderWith({});
    cleanups.push(folder.cleanup);
    const name = path.join(folder.dir, "bytes");
    const bytes = randomBytes(Math.floor(FILE_READ.pieceBytes * 2.5));
    writeFileSync(name, bytes);
    const fd = openSync(name, "r");
    try {
      const seen: number[] = [];
      const read = readPieces(fd, 7, bytes.length - 7, (piece, at) => {
        expect(Buffer.from(piece).equals(bytes.subarray(7 + at, 7 + at + piece.length))).toBe(true);
        seen.push(at);
      });
      expect(Buffer.from(read).equals(bytes.subarray(7))).toBe(true);
      expect(seen).toEqual([0, FILE_READ.pieceBytes, 2 * FILE_READ.pieceBytes]);
      expect(() => readPieces(fd, 7, bytes.length)).toThrow(/shorter/u);
    } finally {
      closeSync(fd);
    }
  });
});
