// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "secrets/secretbytes.h"

#include <functional>

namespace stocktake::graph {

/// The seam between the Graph client and sign-in: where bearer tokens come from. app/auth's
/// token session implements it; tests implement it over fixed values. Both calls are
/// asynchronous and answer exactly once, on the caller's thread. The token is handed over as
/// SecretBytes so it is wiped when the client drops it; it never becomes a QString or a log line.
class TokenSource {
public:
    using TokenCallback = std::function<void(core::Result<secrets::SecretBytes> token)>;

    virtual ~TokenSource() = default;

    /// The current access token for Graph, refreshed first when it is about to expire.
    /// A failure is a sign-in error (ExitCode::SignIn).
    virtual void accessToken(TokenCallback done) = 0;

    /// Graph refused the last token with 401: drop the cached access token and obtain a new
    /// one (refresh grant). The client calls this at most once per request.
    virtual void refreshAfterUnauthorized(TokenCallback done) = 0;
};

}  // namespace stocktake::graph
