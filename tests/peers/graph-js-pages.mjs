// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Microsoft's JavaScript Graph client (@microsoft/microsoft-graph-client, PageIterator) paging
// collections of tenant-sim on loopback, for stocktake-bench-sync: fetch and JSON parse only,
// nothing kept.
//
//   node graph-js-pages.mjs FIRST_PAGE_URL ACCESS_TOKEN [FIRST_PAGE_URL ...]
//
// Each FIRST_PAGE_URL is the sim's http://127.0.0.1:PORT/v1.0/… URL of a collection's first
// page; the collections are paged one after another, as a sync does. The client
// recognises absolute URLs only when they start with https:// (GraphRequest.parsePath), so the
// sim must run with `--link-scheme https`: its nextLinks then read https://127.0.0.1:PORT/…,
// while it listens on plain http. The client gets https://127.0.0.1:PORT as its base and a
// middleware chain of one final handler of ours, which sends each request to the same path on
// http://127.0.0.1:PORT with the bearer token, through Node's own fetch (no auth provider, no
// retry handler: the sim runs unthrottled, and a failed page fails the run).
//
// Prints one JSON line: {"seconds", "pages", "items", "bytes", "maxRssKb", "ok": true}, seconds
// from just before the first request to just after the last page; or {"ok": false, "error"}
// and exits 1.
import { performance } from 'node:perf_hooks';
import graph from '@microsoft/microsoft-graph-client';

const { Client, PageIterator } = graph;

function fail(message) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(message) }) + '\n');
  process.exit(1);
}

const [firstArg, token, ...moreArgs] = process.argv.slice(2);
if (!firstArg || !token) fail('usage: node graph-js-pages.mjs FIRST_PAGE_URL ACCESS_TOKEN [FIRST_PAGE_URL ...]');
const firsts = [firstArg, ...moreArgs].map((arg) => new URL(arg));
for (const url of firsts) {
  if (url.protocol !== 'http:' || url.origin !== firsts[0].origin) fail(`expected the sim's http:// URL, got ${url}`);
}
const listener = firsts[0].origin;                   // http://127.0.0.1:PORT
const linkOrigin = `https://${firsts[0].host}`;      // what the client and the sim's links say

let pages = 0;
let bytes = 0;

// The last (here the only) middleware: it must set context.response.
const loopbackFetch = {
  async execute(context) {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    if (!url.startsWith(linkOrigin + '/')) throw new Error(`refusing a request outside the sim: ${url}`);
    const options = context.options ?? {};
    const headers = new Headers(options.headers ?? {});
    headers.set('Authorization', `Bearer ${token}`);
    const response = await fetch(listener + url.slice(linkOrigin.length), { ...options, headers });
    pages += 1;
    bytes += Number(response.headers.get('content-length') ?? 0);
    context.response = response;
  },
};

const client = Client.initWithMiddleware({ middleware: loopbackFetch, baseUrl: linkOrigin, defaultVersion: 'v1.0' });

let items = 0;
try {
  const started = performance.now();
  for (const first of firsts) {
    const firstPage = await client.api(linkOrigin + first.pathname + first.search).get();
    const iterator = new PageIterator(client, firstPage, () => {
      items += 1;
      return true;
    });
    await iterator.iterate();
    if (!iterator.isComplete()) fail('PageIterator stopped before the last page');
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({ seconds, pages, items, bytes, maxRssKb: process.resourceUsage().maxRSS, ok: true }) + '\n');
} catch (error) {
  fail(`${error?.statusCode ?? ''} ${error?.code ?? ''} ${error?.message ?? error}`.trim());
}
