// A loopback web site for the link-ingest tests: real article pages (archive articles in a news
// site's navigation, ads and footer: tests/fixtures/pages/) and the bad links a moderator may give.

import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { ROOT } from "../helpers.ts";

const PAGES = path.join(ROOT, "tests", "fixtures", "pages");

/** An archive article's page as the site serves it, and the original Markdown it was made from. */
export function fixturePage(name: "arctic-security-cutters" | "september-jobs-report"): {
  html: string;
  markdown: string;
} {
  return {
    html: readFileSync(path.join(PAGES, `${name}.html`), "utf8"),
    markdown: readFileSync(path.join(PAGES, `${name}.md`), "utf8"),
  };
}

/** A page with a site's furniture and no article: what a home or login page gives Readability. */
export const LOGIN_PAGE = `<!doctype html><html><head><title>Sign in | The Harbor Ledger</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<form><label>Email <input name="email"></label><label>Password <input type="password"></label>
<button>Sign in</button></form><footer>© 2025 The Harbor Ledger</footer></body></html>`;

/** PNG magic and some bytes: a binary served as if it were a page. */
export const BINARY = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.alloc(2048, 7),
]);

/** A running site: its base address, the paths asked for, and `stop`. */
export interface PageSite {
  readonly base: string;
  readonly seen: string[];
  stop(): Promise<void>;
}

/**
 * Serves on 127.0.0.1: `/news/<name>` the fixture pages, `/moved` a redirect to the arctic page,
 * `/login` a page without an article, `/image.png` and `/binary.html` binaries, `/huge` a page
 * over the size limit, `/gone` a 404, and anything in `extra`.
 */
export async function startPageSite(
  extra: Record<string, (res: http.ServerResponse) => void> = {},
): Promise<PageSite> {
  const seen: string[] = [];
  const html = (body: string | Buffer) => (res: http.ServerResponse) =>
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
  const routes: Record<string, (res: http.ServerResponse) => void> = {
    "/news/arctic-security-cutters": html(fixturePage("arctic-security-cutters").html),
    "/news/september-jobs-report": html(fixturePage("september-jobs-report").html),
    "/moved": (res) => res.writeHead(301, { location: "/news/arctic-security-cutters" }).end(),
    "/login": html(LOGIN_PAGE),
    "/image.png": (res) => res.writeHead(200, { "content-type": "image/png" }).end(BINARY),
    "/binary.html": html(BINARY),
    "/huge": html(`<html><body><p>${"word ".repeat(500_000)}</p></body></html>`),
    ...extra,
  };
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? "");
    const route = routes[req.url ?? ""];
    if (route) route(res);
    else res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
