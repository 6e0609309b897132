// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace stocktake::store {

/// The client id of Stocktake's own Entra app registration (a public client, no secret). It is
/// NOT a Microsoft first-party id (graph-facts.md §A.6: those are not ours to reuse). The real
/// value is set when the registration exists; until then profiles pass --client-id.
inline constexpr auto kStocktakeEntraClientId = "00000000-0000-0000-0000-000000000000";
inline constexpr auto kDefaultAuthority = "https://login.microsoftonline.com";
inline constexpr auto kDefaultGraphRoot = "https://graph.microsoft.com";

enum class KeyStorage { Keychain, Passphrase };

/// The host of the loopback redirect URI of browser sign-in: `localhost` is what the Entra portal
/// can register (graph-facts.md §A.3); `127.0.0.1` is what RFC 8252 §8.3 and other servers want.
enum class RedirectHost { Localhost, Loopback };

/// A tenant profile's non-secret metadata (one entry of profiles.json).
struct Profile {
    QString id;  ///< a random UUID; names the folder and the keychain entries
    QString name;
    QString tenant;
    QString clientId;
    QString authority;
    QString graphRoot;
    KeyStorage keyStorage = KeyStorage::Keychain;
    RedirectHost redirectHost = RedirectHost::Localhost;
    QDateTime created;
    QDateTime lastSync;  ///< invalid until the first sync
    /// Set before `profile remove` deletes anything; a profile left so by a crash is finished
    /// off by the next run (ProfileKeys::finishRemovals).
    bool removing = false;
};

/// profiles.json in the Stocktake home, and where each profile's files live:
/// `<home>/profiles/<id>/stocktake.db` (+ -wal, -shm) and, for passphrase profiles,
/// `<home>/profiles/<id>/keys.vault`. Written atomically, mode 0600, in a 0700 home.
class ProfileStore {
public:
    explicit ProfileStore(QString home);

    [[nodiscard]] QString home() const { return m_home; }
    [[nodiscard]] QString filePath() const;
    [[nodiscard]] QString profilesDir() const;
    [[nodiscard]] QString profileDir(const Profile &profile) const;
    [[nodiscard]] QString databasePath(const Profile &profile) const;
    [[nodiscard]] QString vaultPath(const Profile &profile) const;

    [[nodiscard]] core::Result<QList<Profile>> list() const;
    /// The profile called `name`; with an empty name, the only profile (CLI.md --profile).
    [[nodiscard]] core::Result<Profile> select(const QString &name) const;
    [[nodiscard]] core::Status add(const Profile &profile) const;
    /// Replaces the entry with the same id.
    [[nodiscard]] core::Status update(const Profile &profile) const;
    [[nodiscard]] core::Status erase(const QString &id) const;

    /// Letters, digits, '.', '_' and '-', 1–64 characters, starting with a letter or digit.
    [[nodiscard]] static bool isValidName(const QString &name);
    /// An application (client) id: a GUID.
    [[nodiscard]] static bool isGuid(const QString &text);
    /// A tenant id (GUID) or a domain such as contoso.com.
    [[nodiscard]] static bool isValidTenant(const QString &text);
    /// https anywhere; http only on a loopback host (CLI.md "Endpoints", SECURITY D2). Checked
    /// before any socket exists.
    [[nodiscard]] static bool isAllowedEndpoint(const QString &text);
    [[nodiscard]] static QString keyStorageName(KeyStorage storage);
    /// `localhost` or `127.0.0.1`, as in profiles.json and `profile add --redirect-host`.
    [[nodiscard]] static QString redirectHostName(RedirectHost host);

private:
    [[nodiscard]] core::Status save(const QList<Profile> &profiles) const;
    QString m_home;
};

}  // namespace stocktake::store
