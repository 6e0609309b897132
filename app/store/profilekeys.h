// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "database.h"
#include "profilestore.h"
#include "secrets/keystore.h"

#include <functional>
#include <memory>

namespace stocktake::store {

/// A profile's keys in a KeyStore and what they open: creating the key and the database,
/// opening with the current key (or, after a crash mid-rekey, the pending one), the
/// crash-safe rekey, the backup key, and the crypto-shred of `profile remove`.
///
/// Entries: `<id>/database-key`, `<id>/database-key.pending`, `<id>/backup-key`,
/// `<id>/refresh-token`. All calls are asynchronous; `done` runs on the caller's thread.
/// The object must outlive its pending calls.
class ProfileKeys {
public:
    explicit ProfileKeys(secrets::KeyStore &keys)
        : m_keys(&keys)
    { }

    [[nodiscard]] static QString databaseKeyEntry(const QString &profileId);
    [[nodiscard]] static QString pendingKeyEntry(const QString &profileId);
    [[nodiscard]] static QString backupKeyEntry(const QString &profileId);
    [[nodiscard]] static QString refreshTokenEntry(const QString &profileId);

    using Opened = core::Result<std::shared_ptr<Database>>;
    using OpenDone = std::function<void(Opened)>;
    using Done = std::function<void(core::Status)>;

    /// A fresh random 256-bit key into the store, then a new database under it.
    void create(const QString &profileId, const QString &path, const Database::Options &options, OpenDone done);
    /// Opens with the current key; when that key is wrong or missing and a pending key (from a
    /// rekey that stopped half-way) opens the file, the pending key becomes current.
    void open(const QString &profileId, const QString &path, const Database::Options &options, OpenDone done);
    /// C7: the new key goes under the pending entry first, then PRAGMA rekey, then a reopen
    /// with the new key proves it, and only then the new key replaces the current one.
    /// `database` is closed and the reopened database handed to `done`.
    void rekey(
        const QString &profileId, std::shared_ptr<Database> database, const Database::Options &options, OpenDone done);
    /// The key backups are written under (created on first use). It stays the same across
    /// rekeys of the live database, so older backups keep opening; remove shreds it.
    void backupKey(
        const QString &profileId, bool createIfMissing, std::function<void(core::Result<secrets::SecretBytes>)> done);
    /// Deletes the database keys (current, pending, backup) first, then the refresh token.
    void shredKeys(const QString &profileId, Done done);

    /// `profile add`: the home and the profile's folder, a fresh key and the database under it,
    /// then the entry in profiles.json. A failure removes the folder again, so nothing half-made
    /// stays behind. For a passphrase profile this object's store must be the profile's vault.
    void addProfile(const ProfileStore &profiles, const Profile &profile, OpenDone done);
    /// `profile remove`: marks the profile as being removed, deletes its keys (keychain
    /// entries, or the passphrase vault), then its tokens, then its files, then its entry.
    void removeProfile(const ProfileStore &profiles, Profile profile, Done done);
    /// Finishes removals a crash interrupted, and deletes profile folders no entry names
    /// (a crashed `profile add`). Best effort: failures are logged, not reported.
    void finishRemovals(const ProfileStore &profiles, std::function<void()> done);

private:
    secrets::KeyStore *m_keys;
};

/// The plain error when no key opens a profile's database.
[[nodiscard]] core::Error noKeyError(const QString &path);

}  // namespace stocktake::store
