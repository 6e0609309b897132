#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Stocktake authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks every shipped binary (the arguments) for SECURITY.md B9 (PIE, full RELRO with BIND_NOW,
# stack protector) and A1 (no embedded browser: nothing links Qt WebEngine).
set -u
fail=0
for bin in "$@"; do
  name="$(basename "$bin")"
  [ -x "$bin" ] || { echo "FAIL $name: not built"; fail=1; continue; }
  readelf -h "$bin" | grep -q 'Type:[[:space:]]*DYN' || { echo "FAIL $name: not a position-independent executable"; fail=1; }
  readelf -l "$bin" | grep -q 'GNU_RELRO' || { echo "FAIL $name: no RELRO segment"; fail=1; }
  readelf -d "$bin" | grep -Eq 'BIND_NOW|FLAGS.*NOW' || { echo "FAIL $name: lazy binding (no BIND_NOW)"; fail=1; }
  nm -D "$bin" 2>/dev/null | grep -q '__stack_chk_fail' || nm "$bin" 2>/dev/null | grep -q '__stack_chk_fail' \
    || { echo "FAIL $name: built without the stack protector"; fail=1; }
  if strings "$bin" | grep -q 'client_secret='; then echo "FAIL $name: carries a client secret (A14)"; fail=1; fi
  if ldd "$bin" | grep -qi 'webengine'; then echo "FAIL $name: links Qt WebEngine (RFC 8252: system browser only)"; fail=1; fi
  [ "$fail" -eq 0 ] && echo "ok $name"
done
exit "$fail"
