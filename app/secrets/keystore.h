// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"
#include "secretbytes.h"

#include <QString>

#include <functional>

namespace stocktake::secrets {

/// Where keys and refresh tokens live: the OS keychain, or a passphrase-derived store.
/// Asynchronous, as the platform keychains are; a callback is called exactly once, on the
/// thread that made the call, never from inside the call itself.
///
/// Entry names are per profile (`<profile id>/database-key`, `<profile id>/refresh-token`).
/// Errors carry stable codes: `secrets.not_found` (no such entry: the backend works),
/// `secrets.unavailable` (no keychain: no D-Bus session, no daemon, locked collection),
/// `secrets.denied`, `secrets.failed`; all but not_found map to exit code 5.
class KeyStore {
public:
    virtual ~KeyStore() = default;

    using ReadDone = std::function<void(core::Result<SecretBytes>)>;
    using Done = std::function<void(core::Status)>;

    virtual void read(const QString &entry, ReadDone done) = 0;
    virtual void write(const QString &entry, const SecretBytes &value, Done done) = 0;
    /// Removing an entry that does not exist succeeds.
    virtual void remove(const QString &entry, Done done) = 0;
};

}  // namespace stocktake::secrets
