// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auth/signinsettings.h"
#include "command.h"
#include "graph/tokensource.h"
#include "secrets/keystore.h"
#include "store/profilestore.h"

#include <functional>
#include <memory>

namespace stocktake::cli {

/// How `profile` signs in: its authority, tenant, client id and redirect host, the delegated
/// scopes of every capability except billing mail (the profile has no billing discovery switch
/// yet), and Entra's account picker.
[[nodiscard]] auth::SignInSettings signInSettings(const store::Profile &profile);

/// Makes, on whatever thread calls it (the sync thread), the token source of `profile`'s
/// signed-in session: access tokens in memory, the refresh token through `keys` — the store the
/// command opened the profile with, living on the calling thread, which must outlive the sync.
/// Its keychain jobs keep running on that thread (auth::tokenSourceFactory says why).
[[nodiscard]] std::function<std::unique_ptr<graph::TokenSource>()> tokenSourceFactory(
    const store::Profile &profile, secrets::KeyStore &keys);

std::unique_ptr<Command> makeSyncCommand();
std::unique_ptr<Command> makeLoginCommand();
std::unique_ptr<Command> makeLogoutCommand();

}  // namespace stocktake::cli
