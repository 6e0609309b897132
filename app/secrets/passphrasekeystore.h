// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keystore.h"

#include <QObject>

#include <memory>

namespace stocktake::secrets {

/// KeyStore for profiles that keep no secret in the OS keychain (`--key-storage passphrase`).
/// Entries live in one vault file beside the database: each value sealed with AES-256-GCM
/// (random 96-bit nonce, the entry name as associated data) under a key-encryption key derived
/// from the passphrase with PBKDF2-HMAC-SHA512 (OpenSSL, 600,000 iterations, random 128-bit salt
/// stored in the vault). So the database key stays a random raw 256-bit key, the same as for
/// keychain profiles (one open path, one rekey path), and the passphrase only unwraps it.
///
/// The KDF runs on a worker thread; callbacks come back on the caller's thread. A wrong
/// passphrase fails the vault's check block (`secrets.denied`, exit 5).
class PassphraseKeyStore final : public QObject, public KeyStore {
    Q_OBJECT
public:
    static constexpr int kIterations = 600000;
    static constexpr std::size_t kSaltBytes = 16;

    /// `vaultPath` is created (0600) by the first write; `iterations` below kIterations is for
    /// tests only.
    PassphraseKeyStore(
        QString vaultPath, SecretBytes passphrase, int iterations = kIterations, QObject *parent = nullptr);
    ~PassphraseKeyStore() override;

    void read(const QString &entry, ReadDone done) override;
    void write(const QString &entry, const SecretBytes &value, Done done) override;
    void remove(const QString &entry, Done done) override;

    [[nodiscard]] QString vaultPath() const { return m_vaultPath; }

    /// PBKDF2-HMAC-SHA512 of `passphrase` and `salt` to `size` bytes (synchronous; exposed for tests).
    [[nodiscard]] static SecretBytes deriveKey(
        const SecretBytes &passphrase, QByteArrayView salt, int iterations, std::size_t size = 32);

private:
    struct Vault;
    /// Loads the vault and makes sure the key-encryption key is derived and correct, then
    /// calls `then` on this thread; `createIfMissing` starts a new vault with a fresh salt.
    void withVault(bool createIfMissing, std::function<void(core::Result<Vault *>)> then);
    [[nodiscard]] core::Status save(const Vault &vault) const;

    QString m_vaultPath;
    SecretBytes m_passphrase;
    int m_iterations;
    std::unique_ptr<Vault> m_vault;
};

}  // namespace stocktake::secrets
