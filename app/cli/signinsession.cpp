// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinsession.h"

#include "auth/tokensession.h"
#include "store/profilekeys.h"

namespace stocktake::cli {

auth::SignInSettings signInSettings(const store::Profile &profile)
{
    return auth::SignInSettings::forTenant(QUrl(profile.authority), profile.tenant, profile.clientId,
        profile.redirectHost == store::RedirectHost::Loopback ? auth::LoopbackListener::HostName::Ipv4Literal
                                                              : auth::LoopbackListener::HostName::Localhost);
}

std::function<std::unique_ptr<graph::TokenSource>()> tokenSourceFactory(
    const store::Profile &profile, secrets::KeyStore &keys)
{
    return auth::tokenSourceFactory(signInSettings(profile), keys, store::ProfileKeys::refreshTokenEntry(profile.id));
}

}  // namespace stocktake::cli
