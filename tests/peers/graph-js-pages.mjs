// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Microsoft's JavaScript Graph client (@microsoft/microsoft-graph-client, PageIterator) paging
// collections of tenant-sim on loopback, for stocktake-bench-sync: fetch and JSON parse only,
// nothing kept.
//
//   node graph-js-pages.mjs [--members=RELATIVE_URL] [--report=PATH] FIRST_PAGE_URL ACCESS_TOKEN
//        [FIRST_PAGE_URL ...]
//
// --members=RELATIVE_URL: after the groups collection (a first page whose path ends in /groups),
// every group's members, as the sync asks for them: JSON $batch POSTs of 20 GETs of
// RELATIVE_URL with "{id}" replaced by the group's id, one after another, and PageIterator over
// each answer that has an @odata.nextLink. --report=PATH (under /v1.0): the usage report, fetched
// as text after the collections; its 302 is followed without the bearer token, as Graph asks.
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
// and exits 1. "pages" counts every answer, the $batch envelopes and the report included;
// "items" every record: collection items, members and the report's rows.
import { performance } from 'node:perf_hooks';
import graph from '@microsoft/microsoft-graph-client';

const { Client, PageIterator, ResponseType } = graph;

function fail(message) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(message) }) + '\n');
  process.exit(1);
}

const named = new Map();
const positional = [];
for (const arg of process.argv.slice(2)) {
  const match = /^--(members|report)=(.*)$/s.exec(arg);
  if (match) named.set(match[1], match[2]);
  else positional.push(arg);
}
const [firstArg, token, ...moreArgs] = positional;
if (!firstArg || !token) {
  fail('usage: node graph-js-pages.mjs [--members=RELATIVE_URL] [--report=PATH] FIRST_PAGE_URL ACCESS_TOKEN '
    + '[FIRST_PAGE_URL ...]');
}
const membersUrl = named.get('members');
const reportPath = named.get('report');
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
    let response = await fetch(listener + url.slice(linkOrigin.length), { ...options, headers, redirect: 'manual' });
    pages += 1;
    bytes += Number(response.headers.get('content-length') ?? 0);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      // The report's pre-authenticated download: without the bearer token (graph-facts §B.10).
      const target = new URL(location);
      if (target.hostname !== firsts[0].hostname) throw new Error(`refusing a redirect outside the sim: ${target}`);
      response = await fetch(target, { method: 'GET' });
      pages += 1;
      bytes += Number(response.headers.get('content-length') ?? 0);
    }
    context.response = response;
  },
};

const client = Client.initWithMiddleware({ middleware: loopbackFetch, baseUrl: linkOrigin, defaultVersion: 'v1.0' });

let items = 0;

// Every item of a collection from its first page (already fetched) on; `each` sees each item.
async function pageFrom(firstPage, each = () => {}) {
  const iterator = new PageIterator(client, firstPage, (item) => {
    items += 1;
    each(item);
    return true;
  });
  await iterator.iterate();
  if (!iterator.isComplete()) fail('PageIterator stopped before the last page');
}

// Each group's members: $batch envelopes of 20, one after another; a group over one page goes on
// from its nextLink.
async function members(groupIds) {
  for (let at = 0; at < groupIds.length; at += 20) {
    const requests = groupIds.slice(at, at + 20).map((id, i) => ({
      id: String(i), method: 'GET', url: membersUrl.replace('{id}', encodeURIComponent(id)),
    }));
    const answer = await client.api('/$batch').post({ requests });
    if (!Array.isArray(answer?.responses) || answer.responses.length !== requests.length) {
      fail('a $batch answer without one response per request');
    }
    for (const response of answer.responses) {
      if (response.status !== 200) fail(`a member request answered ${response.status}`);
      await pageFrom(response.body);
    }
  }
}

try {
  const started = performance.now();
  for (const first of firsts) {
    const firstPage = await client.api(linkOrigin + first.pathname + first.search).get();
    const groupIds = [];
    const isGroups = membersUrl && first.pathname.endsWith('/groups');
    await pageFrom(firstPage, isGroups ? (group) => groupIds.push(group.id) : undefined);
    if (isGroups) await members(groupIds);
  }
  if (reportPath) {
    const csv = await client.api(linkOrigin + reportPath).responseType(ResponseType.TEXT).get();
    if (typeof csv !== 'string' || !csv.includes('\n')) fail('the usage report is not CSV text');
    items += csv.split('\n').filter((line) => line.length > 0).length - 1;  // the header is no row
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    JSON.stringify({ seconds, pages, items, bytes, maxRssKb: process.resourceUsage().maxRSS, ok: true }) + '\n');
} catch (error) {
  fail(`${error?.statusCode ?? ''} ${error?.code ?? ''} ${error?.message ?? error}`.trim());
}
