// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// An independent OAuth 2.0 / OpenID Connect server for Stocktake's peer tests (SECURITY.md §3):
// panva's oidc-provider (pinned in package-lock.json) on a loopback port, with the device flow,
// PKCE (S256 only, required for the public client) and rotating refresh tokens. The provider is
// mounted at /{tenant}/v2.0, so Stocktake's discovery URL {authority}/{tenant}/v2.0/.well-known/
// openid-configuration reaches it unchanged and the issuer is {authority}/{tenant}/v2.0.
//
//   node oidc-peer.mjs [--tenant ID] [--device-ttl S] [--slow-down N] [--poll-log FILE]
//
// Prints "listening on http://127.0.0.1:PORT" once ready; stops on SIGTERM or SIGINT.
//   --slow-down N   the first N device-code polls get {"error":"slow_down"} (the provider never
//                   sends it itself; RFC 8628 §3.5)
//   --poll-log FILE one JSON line per device-code poll: {"t": epoch ms, "answer": "..."}
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { parse as parseQuery } from 'node:querystring';

import Provider from 'oidc-provider';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}

const tenant = option('tenant', '3c9f2b7e-4d1a-4e8b-a6c5-0f2e9d8b7a61');
const deviceTtl = Number(option('device-ttl', '600'));
let slowDownsLeft = Number(option('slow-down', '0'));
const pollLog = option('poll-log', '');
const mount = `/${tenant}/v2.0`;

const server = http.createServer();

server.listen(0, '127.0.0.1', () => {
  const origin = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(`${origin}${mount}`, {
    clients: [{
      client_id: 'stocktake-test',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback', 'http://[::1]/callback'],
    }],
    // Test-only interactions: any login and password are accepted (SECURITY.md §3.2, step 4).
    features: {
      devInteractions: { enabled: true },
      deviceFlow: { enabled: true },
      revocation: { enabled: true },
    },
    pkce: { methods: ['S256'], required: () => true },
    scopes: ['openid', 'offline_access'],
    findAccount: (ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
    cookies: { keys: ['stocktake-peer-test-only'] },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      DeviceCode: deviceTtl,
      Grant: 3600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 3600,
      Session: 3600,
    },
  });

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url.startsWith(`${mount}/`)) {
      res.writeHead(404).end();
      return;
    }
    // Mounted the Express way: originalUrl keeps the full path, so the provider builds its URLs
    // with the mount path while routing on the rest.
    req.originalUrl = req.url;
    req.url = req.url.slice(mount.length);
    const isToken = req.method === 'POST' && req.url.split('?')[0] === '/token';
    if (!isToken) {
      callback(req, res);
      return;
    }
    // Read the token request here to log device-code polls and to answer slow_down; the
    // provider then takes the body from req.body.
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      const form = parseQuery(body);
      const devicePoll = form.grant_type === 'urn:ietf:params:oauth:grant-type:device_code';
      if (devicePoll && slowDownsLeft > 0) {
        slowDownsLeft -= 1;
        if (pollLog) appendFileSync(pollLog, `${JSON.stringify({ t: Date.now(), answer: 'slow_down' })}\n`);
        res.writeHead(400, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ error: 'slow_down', error_description: 'polling too fast' }));
        return;
      }
      if (devicePoll && pollLog) {
        res.on('finish', () => {
          appendFileSync(pollLog, `${JSON.stringify({ t: Date.now(), answer: String(res.statusCode) })}\n`);
        });
      }
      req.body = body;
      callback(req, res);
    });
  });

  process.stdout.write(`listening on ${origin}\n`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
