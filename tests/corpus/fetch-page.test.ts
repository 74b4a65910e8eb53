import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { fetchPage, FetchRefused, isAllowedAddress } from "../../src/corpus/fetch-page.ts";

/** A loopback web server whose routes the test defines; records every request path. */
async function serve(routes: Record<string, (res: http.ServerResponse) => void>) {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? "");
    const route = routes[req.url ?? ""];
    if (route) route(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { base, seen };
}
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

const page = "<html><head><title>A story</title></head><body><p>Text.</p></body></html>";
const html = (res: http.ServerResponse) =>
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);

async function refusal(promise: Promise<unknown>): Promise<FetchRefused> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchRefused);
  return error as FetchRefused;
}

describe("fetching a page from a moderator's link", () => {
  it("GIVEN addresses of every kind THEN only public unicast ones are allowed (loopback only when asked)", () => {
    for (const bad of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "100.64.0.1",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "not an address",
    ])
      expect(isAllowedAddress(bad), bad).toBe(false);
    for (const good of ["93.184.216.34", "2606:4700::1111", "::ffff:93.184.216.34"])
      expect(isAllowedAddress(good), good).toBe(true);
    expect(isAllowedAddress("127.0.0.1", true)).toBe(true);
    expect(isAllowedAddress("10.1.2.3", true)).toBe(false);
  });

  it("GIVEN the test setting WHEN a loopback page is fetched THEN its bytes and type come back", async () => {
    const { base } = await serve({ "/story": html });
    const fetched = await fetchPage(`${base}/story`, { allowLoopback: true });
    expect(fetched.body.toString("utf8")).toBe(page);
    expect(fetched.contentType).toMatch(/text\/html/);
    expect(fetched.url).toBe(`${base}/story`);
  });

  it("GIVEN no test setting WHEN links lead to loopback, private or link-local addresses THEN each is refused before any request", async () => {
    const { base, seen } = await serve({ "/story": html });
    const port = new URL(base).port;
    for (const link of [
      `${base}/story`,
      `https://127.0.0.1:${port}/story`,
      `https://localhost:${port}/story`,
      `https://[::1]:${port}/story`,
      "https://169.254.169.254/latest/meta-data/",
      "https://10.0.0.1/",
      "https://[::ffff:7f00:1]/",
    ]) {
      const error = await refusal(fetchPage(link));
      expect(["address", "bad-link"], `${link}: ${error.message}`).toContain(error.problem);
    }
    expect(seen).toEqual([]);
  });

  it("GIVEN a link that is not https, or carries a password THEN it is refused with a clear message", async () => {
    expect((await refusal(fetchPage("ftp://example.com/a"))).message).toMatch(/https/);
    expect((await refusal(fetchPage("http://example.com/a"))).message).toMatch(/https/);
    expect((await refusal(fetchPage("https://user:pw@example.com/"))).problem).toBe("bad-link");
    expect((await refusal(fetchPage("not a link"))).problem).toBe("bad-link");
  });

  it("GIVEN redirects WHEN one leads to a link-local address or there are too many THEN the fetch is refused", async () => {
    const { base, seen } = await serve({
      "/to-metadata": (res) =>
        res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
      "/r1": (res) => res.writeHead(301, { location: "/r2" }).end(),
      "/r2": (res) => res.writeHead(301, { location: "/r3" }).end(),
      "/r3": (res) => res.writeHead(301, { location: "/r4" }).end(),
      "/r4": (res) => res.writeHead(301, { location: "/story" }).end(),
      "/two": (res) => res.writeHead(302, { location: "/r3" }).end(),
      "/story": html,
    });
    const options = { allowLoopback: true };
    expect((await refusal(fetchPage(`${base}/to-metadata`, options))).problem).toMatch(
      /address|bad-link/,
    );
    expect((await refusal(fetchPage(`${base}/r1`, options))).problem).toBe("redirects");
    expect((await fetchPage(`${base}/two`, options)).url).toBe(`${base}/story`);
    expect(seen).not.toContain("/latest/meta-data/");
  });

  it("GIVEN a page too large, too slow, not text or missing THEN each is refused with its reason", async () => {
    const { base } = await serve({
      "/big": (res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.write("x".repeat(600));
        res.end("y".repeat(600));
      },
      "/declared": (res) =>
        res.writeHead(200, { "content-type": "text/html", "content-length": "5000" }).end(),
      "/slow": () => undefined,
      "/image": (res) => res.writeHead(200, { "content-type": "image/png" }).end("\x89PNG"),
    });
    // Only the page that never answers gets a short time limit: on a busy machine a
    // short limit would turn the other refusals into time-outs too.
    const options = { allowLoopback: true, limits: { maxBytes: 1000, timeoutMs: 60_000 } };
    const impatient = { allowLoopback: true, limits: { maxBytes: 1000, timeoutMs: 300 } };
    expect((await refusal(fetchPage(`${base}/big`, options))).problem).toBe("too-large");
    expect((await refusal(fetchPage(`${base}/declared`, options))).problem).toBe("too-large");
    expect((await refusal(fetchPage(`${base}/slow`, impatient))).problem).toBe("timeout");
    expect((await refusal(fetchPage(`${base}/image`, options))).problem).toBe("not-text");
    const missing = await refusal(fetchPage(`${base}/missing`, options));
    expect(missing.message).toBe("The site answered 404 for that link.");
  });
});
