#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stocktake authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Source rules that a grep can prove (SECURITY.md B1, D1, A14): no plaintext keychain fallback,
# no ignored TLS errors, no disabled peer verification, no client secret, no legacy grants.
set -u
root="${1:?source root}"
cd "$root" || exit 1
fail=0
check() {
  local what="$1" pattern="$2"
  local hits
  hits="$(grep -rnE --include='*.cpp' --include='*.h' "$pattern" app models ui 2>/dev/null || true)"
  if [ -n "$hits" ]; then echo "FAIL: $what"; echo "$hits"; fail=1; else echo "ok: $what"; fi
}
check "no insecure keychain fallback (B1)" 'setInsecureFallback[[:space:]]*\([[:space:]]*true'
check "no ignored TLS errors (D1)" 'ignoreSslErrors'
check "no disabled peer verification (D1)" 'VerifyNone|QueryPeer'
check "no TLS below 1.2 (D1)" 'TlsV1_0|TlsV1_1|SslV3|AnyProtocol'
check "no client secret (A14)" 'client_secret='
check "no implicit or password grant (A14)" 'response_type=token|grant_type=password|"password"[[:space:]]*\)'
check "no embedded browser (A1)" 'QWebEngine|QtWebEngine'
exit "$fail"
