// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keystore.h"

#include <QObject>

#include <chrono>

namespace QKeychain {
class Job;
}

namespace stocktake::secrets {

/// KeyStore over the OS keychain through QtKeychain (Keychain on macOS, Credential Manager on
/// Windows, Secret Service on Linux): asynchronous jobs, service `Stocktake`, binary values, no
/// insecure fallback ever (SECURITY B1). Values longer than the platform's limit are split into
/// numbered parts (`<entry>#1`, …) behind a small manifest in `<entry>` (B3).
///
/// On Linux the libsecret backend stores items with the attributes `server` = service and
/// `user` = entry (and `type` = base64), so `secret-tool search --all server Stocktake` lists them.
class QtKeychainStore final : public QObject, public KeyStore {
    Q_OBJECT
public:
    static constexpr auto kService = "Stocktake";
    /// Credential Manager refuses blobs over 2,560 bytes (QtKeychain 0.13); elsewhere no limit.
#if defined(Q_OS_WIN)
    static constexpr qsizetype kPlatformChunkLimit = 2048;
#else
    static constexpr qsizetype kPlatformChunkLimit = 0;
#endif

    struct Options {
        QString service = QString::fromLatin1(kService);
        /// Largest stored piece in bytes; 0 means never split.
        qsizetype chunkLimit = kPlatformChunkLimit;
        /// A keychain that does not answer within this time counts as unavailable.
        std::chrono::milliseconds timeout {20000};
    };

    explicit QtKeychainStore(QObject *parent = nullptr);
    explicit QtKeychainStore(Options options, QObject *parent = nullptr);

    void read(const QString &entry, ReadDone done) override;
    void write(const QString &entry, const SecretBytes &value, Done done) override;
    void remove(const QString &entry, Done done) override;

    enum class ProbeMode {
        Read,       ///< a sentinel read: enough to know a backend answers
        ReadWrite,  ///< also writes and deletes the sentinel: a locked collection still reads
                    ///< "not found" but refuses the write
    };
    /// Whether the keychain works at all (SECURITY B2; QtKeychain 0.13 has no isAvailable()):
    /// reads a sentinel entry. "not found" means available; no backend, denied, another error
    /// or no answer within `timeout` means unavailable (`secrets.unavailable`).
    void probe(Done done, ProbeMode mode = ProbeMode::Read,
        std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));

    [[nodiscard]] const Options &options() const
    {
        return m_options;
    }

private:
    using RawDone = std::function<void(core::Result<QByteArray>)>;
    void readRaw(const QString &key, RawDone done, std::chrono::milliseconds timeout);
    void writeRaw(const QString &key, const QByteArray &bytes, Done done);
    void removeRaw(const QString &key, Done done);
    void removeParts(const QString &entry, int from, int to, Done done);
    void writeParts(const QString &entry, std::shared_ptr<SecretBytes> value, int index, int count, Done done);
    /// Starts `job` and calls `finished` once: with the job when it ends, or with nullptr when
    /// it did not end within the timeout.
    void run(QKeychain::Job *job, std::chrono::milliseconds timeout, std::function<void(QKeychain::Job *)> finished);

    Options m_options;
};

}  // namespace stocktake::secrets
