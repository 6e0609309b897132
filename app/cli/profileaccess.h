// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"
#include "secrets/keystore.h"
#include "store/profilekeys.h"
#include "store/profilestore.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace stocktake::secrets {
class QtKeychainStore;
}

namespace stocktake::cli {

/// A command's arguments split into positionals, `--option VALUE` / `--option=VALUE` pairs and
/// bare flags. Unknown options are a usage error.
struct ParsedArguments {
    QStringList positional;
    QHash<QString, QString> values;
    QSet<QString> flags;
};
[[nodiscard]] core::Result<ParsedArguments> parseArguments(
    const QStringList &arguments, const QStringList &valueOptions, const QStringList &flagOptions);

/// What the store commands share: the profile list in the home, the key store a profile's keys
/// live in (the OS keychain, or the passphrase vault unlocked by --passphrase-stdin), and
/// opening a profile's database with the crash recovery of ProfileKeys. Lives as long as the
/// command that made it, so asynchronous callbacks may use it.
class ProfileAccess {
public:
    explicit ProfileAccess(const CommandContext &context);
    ~ProfileAccess();

    [[nodiscard]] const store::ProfileStore &profiles() const { return m_profiles; }
    [[nodiscard]] secrets::QtKeychainStore &keychain();
    /// The store that holds `profile`'s keys; a passphrase profile needs --passphrase-stdin.
    [[nodiscard]] core::Result<secrets::KeyStore *> keysFor(const store::Profile &profile);
    /// The passphrase from standard input (read once), for `profile add --key-storage passphrase`.
    [[nodiscard]] core::Result<secrets::SecretBytes> readPassphrase();
    [[nodiscard]] core::Result<std::unique_ptr<secrets::KeyStore>> vaultFor(
        const store::Profile &profile, bool needPassphrase);

    /// Finishes interrupted removals, then picks the profile (--profile, or the only one).
    void selectProfile(std::function<void(core::Result<store::Profile>)> done);
    /// Opens the profile's database with its key (current, then pending).
    void openDatabase(
        const store::Profile &profile, const store::Database::Options &options, store::ProfileKeys::OpenDone done);
    /// A ProfileKeys over `store` that lives as long as this object (until the next call).
    [[nodiscard]] store::ProfileKeys &keysIn(secrets::KeyStore &store);

private:
    const CommandContext &m_context;
    store::ProfileStore m_profiles;
    std::unique_ptr<secrets::QtKeychainStore> m_keychain;
    std::unique_ptr<secrets::KeyStore> m_vault;
    std::unique_ptr<store::ProfileKeys> m_keys;
    std::unique_ptr<store::ProfileKeys> m_cleanupKeys;
};

/// The store commands (cmd_profile.cpp, cmd_db.cpp, cmd_status.cpp), for commands.cpp.
std::unique_ptr<Command> makeProfileCommand();
std::unique_ptr<Command> makeDbCommand();
std::unique_ptr<Command> makeStatusCommand();

}  // namespace stocktake::cli
