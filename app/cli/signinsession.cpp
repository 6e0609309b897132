// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinsession.h"

#include "auth/scopes.h"
#include "auth/tokensession.h"
#include "store/profilekeys.h"

namespace stocktake::cli {

auth::SignInSettings signInSettings(const store::Profile &profile)
{
    auth::SignInSettings settings;
    settings.authority = QUrl(profile.authority);
    settings.tenant = profile.tenant;
    settings.clientId = profile.clientId;
    settings.scopes = auth::Scopes::forCapabilities(auth::Scopes::Directory | auth::Scopes::Licenses
        | auth::Scopes::Apps | auth::Scopes::AuditLogs | auth::Scopes::Reports);
    settings.redirectHost = profile.redirectHost == store::RedirectHost::Loopback
        ? auth::LoopbackListener::HostName::Ipv4Literal
        : auth::LoopbackListener::HostName::Localhost;
    return settings;
}

std::function<std::unique_ptr<graph::TokenSource>()> tokenSourceFactory(
    const store::Profile &profile, secrets::KeyStore &keys)
{
    return auth::tokenSourceFactory(signInSettings(profile), keys, store::ProfileKeys::refreshTokenEntry(profile.id));
}

}  // namespace stocktake::cli
